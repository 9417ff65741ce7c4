import type { Provider, SchemaIR } from '@kiln/schema';
import type { Catalog, CatalogForeignKey, CatalogIndex, CatalogTable } from './catalog.js';

/*
 * What the catalog must show for an IR, derived from the IR directly (docs/ir.md) and not
 * through the planner: every table, column (name, nullability), primary key, index and
 * foreign key with the IR's names.
 */

export interface ComparableTable {
  name: string;
  columns: { name: string; nullable: boolean }[];
  primaryKey: { name: string | null; columns: string[] } | null;
  indexes: CatalogIndex[];
  foreignKeys: CatalogForeignKey[];
}

export interface ExpectedCatalog {
  tables: ComparableTable[];
  /** Check names per table; the database may add its own (MariaDB checks JSON columns). */
  checks: Map<string, string[]>;
  views: string[];
  enums: { name: string; values: string[] }[];
}

/** PostgreSQL names primary keys; MySQL calls every one PRIMARY; SQLite keeps no name. */
function pkName(provider: Provider, name: string): string | null {
  return provider === 'postgresql' ? name : provider === 'mysql' ? 'PRIMARY' : null;
}

export function expectedCatalog(ir: SchemaIR, provider: Provider): ExpectedCatalog {
  const tables: ComparableTable[] = [];
  const checks = new Map<string, string[]>();
  for (const m of ir.models) {
    tables.push({
      name: m.dbName,
      columns: m.fields.flatMap((f) => (f.kind === 'relation' ? [] : [{ name: f.column, nullable: f.optional || f.list }])),
      primaryKey: m.primaryKey === null ? null : { name: pkName(provider, m.primaryKey.dbName), columns: m.primaryKey.fields.map((f) => f.column) },
      indexes: m.indexes.map((i) => ({ name: i.dbName, unique: i.kind === 'unique', columns: i.fields.map((f) => f.column) })),
      foreignKeys: m.foreignKeys.map((fk) => ({
        name: fk.dbName,
        columns: fk.columns,
        referencedTable: fk.referencedTable,
        referencedColumns: fk.referencedColumns,
        onDelete: fk.onDelete,
        onUpdate: fk.onUpdate,
      })),
    });
    checks.set(m.dbName, m.checks.map((c) => c.dbName));
  }
  const withForeignKeys = ir.datasource?.relationMode !== 'prisma';
  for (const r of ir.relations) {
    const j = r.joinTable;
    if (j === null) continue;
    const pair = [j.a.column, j.b.column];
    tables.push({
      name: j.name,
      columns: pair.map((name) => ({ name, nullable: false })),
      primaryKey: j.uniqueKind === 'primaryKey' ? { name: pkName(provider, j.uniqueName), columns: pair } : null,
      indexes: [
        ...(j.uniqueKind === 'uniqueIndex' ? [{ name: j.uniqueName, unique: true, columns: pair }] : []),
        { name: j.indexName, unique: false, columns: [j.b.column] },
      ],
      foreignKeys: withForeignKeys
        ? [j.a, j.b].map((side) => ({
            name: side.fkName,
            columns: [side.column],
            referencedTable: side.table,
            referencedColumns: [side.referencedColumn],
            onDelete: 'Cascade' as const,
            onUpdate: 'Cascade' as const,
          }))
        : [],
    });
    checks.set(j.name, []);
  }
  return {
    tables: sortTables(tables),
    checks,
    views: ir.views.filter((v) => v.sql !== null).map((v) => v.dbName).sort(),
    enums: provider === 'postgresql' ? ir.enums.map((e) => ({ name: e.dbName, values: e.values.map((v) => v.dbName) })).sort(byName) : [],
  };
}

const byName = <T extends { name: string | null }>(a: T, b: T) => ((a.name ?? '') < (b.name ?? '') ? -1 : (a.name ?? '') > (b.name ?? '') ? 1 : 0);

function sortTables(tables: ComparableTable[]): ComparableTable[] {
  return tables
    .map((t) => ({
      ...t,
      columns: [...t.columns].sort(byName),
      indexes: [...t.indexes].sort(byName),
      foreignKeys: [...t.foreignKeys].sort(byName),
    }))
    .sort(byName);
}

/** The catalog in the same shape, sorted the same way. */
export function comparable(catalog: Catalog): { tables: ComparableTable[]; views: string[]; enums: { name: string; values: string[] }[] } {
  return {
    tables: sortTables(
      catalog.tables.map((t: CatalogTable) => ({
        name: t.name,
        columns: t.columns.map((c) => ({ name: c.name, nullable: c.nullable })),
        primaryKey: t.primaryKey,
        indexes: t.indexes,
        foreignKeys: t.foreignKeys,
      })),
    ),
    views: [...catalog.views].sort(),
    enums: [...catalog.enums].sort(byName),
  };
}
