import type { RedefineTable } from '../changes/change.js';
import type { Column, ForeignKey, QualifiedName } from '../changes/database-objects.js';
import { sameEnum, type TableDiff, type ValueRenamesOf } from './diff-table.js';

/** Whether `sql` mentions `name` as a word (quoted or not), case-insensitively. */
function mentions(sql: string, name: string): boolean {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^\\w$])${escaped}($|[^\\w$])`, 'i').test(sql);
}

/**
 * What SQLite's ALTER TABLE ADD COLUMN accepts (https://www.sqlite.org/lang_altertable.html#altertabaddcol):
 * not a key column, not AUTOINCREMENT, a NOT NULL column only with a default, and a default
 * that is a constant (`now()` and `dbgenerated(...)` are expressions).
 */
function canAddInPlace(column: Column, d: TableDiff): boolean {
  if (column.autoincrement) return false;
  if (d.to.table.primaryKey?.columns.some((c) => c.name === column.name)) return false;
  const def = column.default;
  if (def !== null && (def.kind === 'now' || def.kind === 'expression')) return false;
  return column.nullable || def !== null;
}

/**
 * What SQLite's ALTER TABLE DROP COLUMN accepts (https://www.sqlite.org/lang_altertable.html#altertabdropcol):
 * not a key column, not in a foreign key, a CHECK or an index that stays (indexes that go are
 * dropped before). Views that read the table are dropped and created around the migration.
 */
function canDropInPlace(column: Column, d: TableDiff): boolean {
  const t = d.from;
  if (t.table.primaryKey?.columns.some((c) => c.name === column.name)) return false;
  if (t.foreignKeys.some((fk) => fk.columns.includes(column.name))) return false;
  if (t.table.checks.some((c) => mentions(c.expression, column.name))) return false;
  const dropped = new Set(d.dropIndexes.map((c) => c.index));
  return !t.indexes.some(
    (i) => !dropped.has(i) && (i.columns.some((c) => c.name === column.name) || (i.where !== null && mentions(i.where, column.name))),
  );
}

/** Whether SQLite must rebuild the table for `d` (anything beyond renames, plain ADD/DROP COLUMN and indexes). */
export function needsRebuild(d: TableDiff): boolean {
  return (
    d.alterColumns.length > 0 ||
    d.dropPrimaryKey !== null ||
    d.addPrimaryKey !== null ||
    d.dropChecks.length > 0 ||
    d.addChecks.length > 0 ||
    d.dropForeignKeys.length > 0 ||
    d.addForeignKeys.length > 0 ||
    d.renameConstraints.length > 0 ||
    d.addColumns.some((c) => !canAddInPlace(c.column, d)) ||
    d.dropColumns.some((c) => !canDropInPlace(c.column, d))
  );
}

/**
 * The rebuild of one table, replacing every change of `d` (renames aside, which run before it
 * with ALTER TABLE so that other tables' references follow). Each column of the new table is
 * filled from the column of the same name, enum values renamed on the way; a new column takes
 * its default. `referencedBy` are the foreign keys pointing at the table, on either side.
 */
export function rebuildTable(
  d: TableDiff,
  referencedBy: { table: QualifiedName; foreignKey: ForeignKey }[],
  valueRenamesOf: ValueRenamesOf,
): RedefineTable {
  const old = new Map(d.from.table.columns.map((c) => [c.name, c]));
  const copy = d.to.table.columns.map((c): RedefineTable['copy'][number] => {
    const from = old.get(c.name);
    if (from === undefined) return { column: c.name, from: null };
    const renamed = sameEnum(from, c) ? valueRenamesOf(c) : [];
    return renamed.length > 0 ? { column: c.name, from: from.name, renamedValues: [...renamed] } : { column: c.name, from: from.name };
  });
  return { kind: 'redefineTable', from: d.from, to: d.to, copy, triggers: [...(d.from.triggers ?? [])], referencedBy };
}
