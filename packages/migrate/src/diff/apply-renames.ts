import type { ValueRename } from '../changes/change.js';
import type { Column, ColumnDefault, ColumnType, ForeignKey, IndexColumn, QualifiedName, SchemaTable } from '../changes/database-objects.js';
import { nameKey } from './match-schemas.js';

/** The renames of a migration, by the names of the "from" side. */
export interface RenameMaps {
  /** Old table key → new name, for the tables that stay. */
  tables: ReadonlyMap<string, QualifiedName>;
  /** Old table key → (old column → new column). */
  columns: ReadonlyMap<string, ReadonlyMap<string, string>>;
  /** Old enum key → new name. */
  enums: ReadonlyMap<string, QualifiedName>;
  /**
   * New enum key → values renamed in place, where the database renames them in place (a
   * PostgreSQL type), so a column default holding one follows it.
   */
  inPlaceValues: ReadonlyMap<string, readonly ValueRename[]>;
}

/**
 * A table of the "from" side as it is once the renames of the migration ran: its name, its
 * columns, the columns of its keys and indexes, the tables and columns its foreign keys
 * reference, the enum types of its columns (and, for enums renamed in place, their defaults).
 * Everything still differing from the "to" side is then a real change.
 */
export function applyRenames(t: SchemaTable, maps: RenameMaps): SchemaTable {
  const key = nameKey(t.table.name);
  const own = maps.columns.get(key);
  const col = (name: string) => own?.get(name) ?? name;
  const indexColumn = (c: IndexColumn): IndexColumn => (own?.has(c.name) ? { ...c, name: col(c.name) } : c);
  const foreignKey = (fk: ForeignKey): ForeignKey => {
    const refKey = nameKey(fk.referencedTable);
    const ref = maps.columns.get(refKey);
    return {
      ...fk,
      columns: fk.columns.map(col),
      referencedTable: maps.tables.get(refKey) ?? fk.referencedTable,
      referencedColumns: fk.referencedColumns.map((c) => ref?.get(c) ?? c),
    };
  };
  return {
    ...t,
    table: {
      ...t.table,
      name: maps.tables.get(key) ?? t.table.name,
      columns: t.table.columns.map((c) => renameColumn(c, col(c.name), maps)),
      primaryKey: t.table.primaryKey === null ? null : { ...t.table.primaryKey, columns: t.table.primaryKey.columns.map(indexColumn) },
    },
    indexes: t.indexes.map((i) => ({ ...i, columns: i.columns.map(indexColumn) })),
    foreignKeys: t.foreignKeys.map(foreignKey),
  };
}

function renameColumn(c: Column, name: string, maps: RenameMaps): Column {
  if (name === c.name && c.type.kind !== 'enum') return c;
  let type: ColumnType = c.type;
  let def: ColumnDefault | null = c.default;
  if (c.type.kind === 'enum') {
    const enumName = maps.enums.get(nameKey(c.type.enum)) ?? c.type.enum;
    type = { ...c.type, enum: enumName };
    const renamed = maps.inPlaceValues.get(nameKey(enumName));
    if (renamed !== undefined && renamed.length > 0) def = renameDefault(def, renamed);
  }
  return { ...c, name, type, default: def };
}

function renameDefault(d: ColumnDefault | null, renamed: readonly ValueRename[]): ColumnDefault | null {
  if (d === null) return d;
  if (d.kind === 'string') return { kind: 'string', value: renamed.find((r) => r.from === d.value)?.to ?? d.value };
  if (d.kind === 'list') return { kind: 'list', values: d.values.map((v) => renameDefault(v, renamed)!) };
  return d;
}
