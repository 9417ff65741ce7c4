import type { ForeignKey, Index, SchemaTable } from '../changes/database-objects.js';
import type { DdlCapabilities } from '../render/ddl-capabilities.js';
import type { TableDiff } from './diff-table.js';
import { nameKey } from './match-schemas.js';
import type { ObjectComparer } from './object-comparer.js';

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));
const leads = (index: Index | { columns: { name: string }[] }, columns: readonly string[]) =>
  columns.length > 0 && columns.every((c, i) => index.columns[i]?.name === c);

/**
 * Foreign keys that stay the same but must be dropped before the migration's changes and added
 * again after, because a database refuses those changes while the foreign key exists:
 *
 * - a column it uses (on either side) changes type (PostgreSQL cannot check the old constraint
 *   against the new type; MySQL refuses to MODIFY a column in a foreign key);
 * - the key it references (the primary key, or a unique index on the referenced columns) is
 *   dropped (PostgreSQL: "cannot drop ... because other objects depend on it");
 * - where a foreign key needs an index (`foreignKeysNeedIndex`, MySQL), the index it uses is
 *   dropped and no other index or the primary key starts with its columns.
 *
 * Not for databases with `limitedAlterTable` (SQLite), where foreign keys live in the table's
 * definition and a rebuild carries them.
 */
export function recreateDependentForeignKeys(diffs: ReadonlyMap<string, TableDiff>, comparer: ObjectComparer, caps: DdlCapabilities): void {
  if (caps.limitedAlterTable) return;
  for (const d of diffs.values()) {
    const added = new Set(d.addForeignKeys.map((c) => c.foreignKey));
    const dropped = new Set(d.dropForeignKeys.map((c) => c.foreignKey));
    const fromByKey = new Map<string, ForeignKey>();
    for (const fk of d.from.foreignKeys) if (!dropped.has(fk)) fromByKey.set(comparer.foreignKeyKey(fk), fk);
    for (const fk of d.to.foreignKeys) {
      if (added.has(fk)) continue;
      const old = fromByKey.get(comparer.foreignKeyKey(fk));
      if (old === undefined || !mustRecreate(d, fk, diffs.get(nameKey(fk.referencedTable)), caps)) continue;
      d.dropForeignKeys.push({ kind: 'dropForeignKey', table: d.oldName, foreignKey: old });
      d.addForeignKeys.push({ kind: 'addForeignKey', table: d.to.table.name, foreignKey: fk });
      d.renameConstraints = d.renameConstraints.filter((r) => !(r.constraint === 'foreignKey' && r.from === old.name));
    }
  }
}

function mustRecreate(d: TableDiff, fk: ForeignKey, referenced: TableDiff | undefined, caps: DdlCapabilities): boolean {
  const retyped = (diff: TableDiff, columns: readonly string[]) =>
    diff.alterColumns.some((a) => a.kinds.includes('type') && columns.includes(a.to.name));
  if (retyped(d, fk.columns)) return true;
  if (referenced !== undefined) {
    if (retyped(referenced, fk.referencedColumns)) return true;
    const pk = referenced.dropPrimaryKey?.primaryKey;
    if (pk !== undefined && sameSet(pk.columns.map((c) => c.name), fk.referencedColumns)) return true;
    const droppedKeys = referenced.dropIndexes.map((c) => c.index);
    if (droppedKeys.some((i) => i.kind === 'unique' && sameSet(i.columns.map((c) => c.name), fk.referencedColumns))) return true;
    if (caps.foreignKeysNeedIndex && losesIndex(referenced.from, droppedKeys, referenced.dropPrimaryKey !== null, fk.referencedColumns)) return true;
  }
  if (caps.foreignKeysNeedIndex) {
    return losesIndex(d.from, d.dropIndexes.map((c) => c.index), d.dropPrimaryKey !== null, fk.columns);
  }
  return false;
}

/** Whether dropping `dropped` leaves `columns` without an index that starts with them, when one had it before. */
function losesIndex(table: SchemaTable, dropped: readonly Index[], pkDropped: boolean, columns: readonly string[]): boolean {
  if (!dropped.some((i) => leads(i, columns))) return false;
  const pk = table.table.primaryKey;
  if (!pkDropped && pk !== null && leads(pk, columns)) return false;
  return !table.indexes.some((i) => !dropped.includes(i) && leads(i, columns));
}

/**
 * Where a foreign key needs an index (MySQL) and none is declared, the database creates one
 * named after the foreign key (https://dev.mysql.com/doc/refman/8.0/en/create-table-foreign-keys.html);
 * schemas never declare it. Such an index on the "from" side (read from a database) is left out
 * of the comparison, unless the "to" side declares an index of that name.
 */
export function withoutImplicitIndexes(from: SchemaTable, to: SchemaTable, caps: DdlCapabilities): SchemaTable {
  if (!caps.foreignKeysNeedIndex) return from;
  const declared = new Set(to.indexes.map((i) => i.name));
  const implicit = (i: Index) =>
    i.kind === 'index' &&
    !declared.has(i.name) &&
    from.foreignKeys.some((fk) => fk.name === i.name && fk.columns.length === i.columns.length && leads(i, fk.columns));
  return from.indexes.some(implicit) ? { ...from, indexes: from.indexes.filter((i) => !implicit(i)) } : from;
}

/**
 * Dropping a foreign key leaves the index the database created for it (MySQL). When no foreign
 * key of the same name takes it over, it is dropped too, so the database ends as one created
 * from the new schema would be.
 */
export function dropImplicitIndexes(diffs: ReadonlyMap<string, TableDiff>, caps: DdlCapabilities): void {
  if (!caps.foreignKeysNeedIndex) return;
  for (const d of diffs.values()) {
    for (const { foreignKey: fk } of d.dropForeignKeys) {
      if (d.addForeignKeys.some((a) => a.foreignKey.name === fk.name && sameSet(a.foreignKey.columns, fk.columns))) continue;
      const pk = d.from.table.primaryKey;
      if (pk !== null && leads(pk, fk.columns)) continue;
      if (d.from.indexes.some((i) => leads(i, fk.columns))) continue;
      d.dropIndexes.push({
        kind: 'dropIndex',
        table: d.oldName,
        index: { name: fk.name, kind: 'index', columns: fk.columns.map((name) => ({ name, sort: null, length: null, ops: null })), type: null, where: null },
      });
    }
  }
}
