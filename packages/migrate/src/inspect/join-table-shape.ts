import { constraintName, type Provider } from '@kiln/schema';
import type { Column, QualifiedName, SchemaTable } from '../changes/database-objects.js';
import { qualifiedNameKey } from '../changes/qualified-name-key.js';

const key = qualifiedNameKey;

/** How the analyzer makes a join table's pair unique on each database (packages/schema/src/analyze/relations.ts: buildJoinTable). */
const JOIN_UNIQUE_KIND: Record<Provider, 'primaryKey' | 'uniqueIndex'> = { postgresql: 'primaryKey', mysql: 'uniqueIndex', sqlite: 'uniqueIndex' };

/** An implicit m:n join table: which tables its A and B columns reference. */
export interface JoinTableShape {
  table: SchemaTable;
  /** The relation name: the table name without its leading `_`. */
  relation: string;
  a: QualifiedName;
  b: QualifiedName;
}

/**
 * Whether `t` is exactly the table Kiln (and Prisma Migrate) creates for an implicit m:n
 * relation (database-schema-from-ir.ts: joinTableFromRelation): `_Name` with columns A and B
 * typed like the single-column ids they reference, both foreign keys cascading, the pair
 * unique (a primary key on PostgreSQL, a unique index elsewhere), an index on B, every name the
 * default one. Anything else is an ordinary table, pulled as a model.
 */
export function joinTableShape(t: SchemaTable, tables: ReadonlyMap<string, SchemaTable>, provider: Provider): JoinTableShape | null {
  const { table } = t;
  const name = table.name.name;
  if (!name.startsWith('_') || name.length < 2) return null;
  const [a, b] = table.columns;
  if (table.columns.length !== 2 || a?.name !== 'A' || b?.name !== 'B') return null;
  if ([a, b].some((c) => c.nullable || c.default !== null || c.autoincrement || c.type.list)) return null;
  if (table.checks.length > 0 || t.foreignKeys.length !== 2) return null;
  const std = (columns: string[], suffix: string) => constraintName(provider, name, columns, suffix);
  const plain = (cols: { name: string; sort: unknown; length: unknown; ops: unknown }[], names: string[]) =>
    cols.length === names.length && cols.every((c, i) => c.name === names[i] && c.sort === null && c.length === null && c.ops === null);
  const index = (i: SchemaTable['indexes'][number] | undefined, kind: string, nameIs: string, cols: string[]) =>
    i !== undefined && i.kind === kind && i.name === nameIs && i.type === null && i.where === null && plain(i.columns, cols);
  if (JOIN_UNIQUE_KIND[provider] === 'primaryKey') {
    const pk = table.primaryKey;
    if (pk === null || pk.name !== std(['AB'], 'pkey') || !plain(pk.columns, ['A', 'B'])) return null;
    if (t.indexes.length !== 1 || !index(t.indexes[0], 'index', std(['B'], 'index'), ['B'])) return null;
  } else {
    if (table.primaryKey !== null || t.indexes.length !== 2) return null;
    const unique = t.indexes.find((i) => i.kind === 'unique');
    const byB = t.indexes.find((i) => i.kind === 'index');
    if (!index(unique, 'unique', std(['AB'], 'unique'), ['A', 'B']) || !index(byB, 'index', std(['B'], 'index'), ['B'])) return null;
  }
  const side = (column: Column): QualifiedName | null => {
    const fk = t.foreignKeys.find((f) => f.columns.length === 1 && f.columns[0] === column.name);
    if (fk === undefined || fk.name !== std([column.name], 'fkey') || fk.onDelete !== 'Cascade' || fk.onUpdate !== 'Cascade') return null;
    const target = tables.get(key(fk.referencedTable));
    const id = target?.table.primaryKey;
    if (target === undefined || id === null || id === undefined || id.columns.length !== 1 || fk.referencedColumns[0] !== id.columns[0]!.name) return null;
    const idColumn = target.table.columns.find((c) => c.name === id.columns[0]!.name);
    // The join column must be what the IR would create from the id's type.
    if (idColumn === undefined || JSON.stringify(idColumn.type) !== JSON.stringify(column.type)) return null;
    return fk.referencedTable;
  };
  const sa = side(a);
  const sb = side(b);
  if (sa === null || sb === null || (table.name.schema ?? null) !== (tables.get(key(sa))?.table.name.schema ?? null)) return null;
  return { table: t, relation: name.slice(1), a: sa, b: sb };
}
