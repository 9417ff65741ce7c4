import type {
  AddCheck,
  AddColumn,
  AddForeignKey,
  AddPrimaryKey,
  AlterColumn,
  CreateIndex,
  DropCheck,
  DropColumn,
  DropForeignKey,
  DropIndex,
  DropPrimaryKey,
  RenameConstraint,
  RenameIndex,
  ValueRename,
} from '../changes/change.js';
import type { Column, QualifiedName, SchemaTable } from '../changes/database-objects.js';
import type { DdlCapabilities } from '../render/ddl-capabilities.js';
import type { ObjectComparer } from './object-comparer.js';

/** The changes inside one table that exists on both sides, before they are placed in the plan. */
export interface TableDiff {
  /**
   * The table's name before the migration: foreign keys, indexes and checks are dropped before
   * the renames run, so their changes name the table so.
   */
  oldName: QualifiedName;
  /** The table as it is once the renames of the migration ran (names on the "to" side). */
  from: SchemaTable;
  to: SchemaTable;
  addColumns: AddColumn[];
  dropColumns: DropColumn[];
  alterColumns: AlterColumn[];
  dropPrimaryKey: DropPrimaryKey | null;
  addPrimaryKey: AddPrimaryKey | null;
  dropChecks: DropCheck[];
  addChecks: AddCheck[];
  dropIndexes: DropIndex[];
  createIndexes: CreateIndex[];
  renameIndexes: RenameIndex[];
  dropForeignKeys: DropForeignKey[];
  addForeignKeys: AddForeignKey[];
  /** Primary key, foreign key and check renames, where the database renames constraints. */
  renameConstraints: RenameConstraint[];
}

/** Values renamed in the enum a column uses, if any. */
export type ValueRenamesOf = (column: Column) => ValueRename[];

/** Whether two columns (the first seen after the migration's renames) hold the same enum. */
export function sameEnum(a: Column, b: Column): boolean {
  return a.type.kind === 'enum' && b.type.kind === 'enum' && a.type.enum.schema === b.type.enum.schema && a.type.enum.name === b.type.enum.name;
}

/**
 * Compares one table with its former self. `from` already carries the renames of the
 * migration (its name, its columns' names, the names its foreign keys reference), so whatever
 * still differs is a change. Objects are matched by name first; an index or constraint whose
 * definition is unchanged under a new name is a rename (or a drop and an add, where the
 * database cannot rename it); where the catalog keeps no names (SQLite's constraints), by
 * definition alone.
 */
export function diffTable(
  oldName: QualifiedName,
  from: SchemaTable,
  to: SchemaTable,
  comparer: ObjectComparer,
  caps: DdlCapabilities,
  valueRenamesOf: ValueRenamesOf,
): TableDiff {
  const table = to.table.name;
  const diff: TableDiff = {
    oldName,
    from,
    to,
    addColumns: [],
    dropColumns: [],
    alterColumns: [],
    dropPrimaryKey: null,
    addPrimaryKey: null,
    dropChecks: [],
    addChecks: [],
    dropIndexes: [],
    createIndexes: [],
    renameIndexes: [],
    dropForeignKeys: [],
    addForeignKeys: [],
    renameConstraints: [],
  };

  // Columns: `from` is already renamed, so they pair by name.
  const fromColumns = new Map(from.table.columns.map((c) => [c.name, c]));
  const toNames = new Set(to.table.columns.map((c) => c.name));
  for (const column of to.table.columns) {
    const old = fromColumns.get(column.name);
    if (old === undefined) {
      diff.addColumns.push({ kind: 'addColumn', table, column });
      continue;
    }
    const kinds = comparer.columnChanges(old, column);
    // Where values live in the column, renamed values rewrite its rows, even when the type reads
    // the same (values that swap names).
    const renamed = sameEnum(old, column) ? valueRenamesOf(column) : [];
    if (renamed.length > 0 && !kinds.includes('type')) kinds.unshift('type');
    if (kinds.length === 0) continue;
    const change: AlterColumn = { kind: 'alterColumn', table, from: old, to: column, kinds };
    if (renamed.length > 0) change.renamedValues = renamed;
    diff.alterColumns.push(change);
  }
  for (const column of from.table.columns) if (!toNames.has(column.name)) diff.dropColumns.push({ kind: 'dropColumn', table, column });

  // Primary key.
  const fromPk = from.table.primaryKey;
  const toPk = to.table.primaryKey;
  if (comparer.primaryKeyColumns(fromPk) !== comparer.primaryKeyColumns(toPk)) {
    if (fromPk !== null) diff.dropPrimaryKey = { kind: 'dropPrimaryKey', table, primaryKey: fromPk };
    if (toPk !== null) diff.addPrimaryKey = { kind: 'addPrimaryKey', table, primaryKey: toPk };
  } else if (fromPk !== null && toPk !== null && caps.namedPrimaryKeys && fromPk.name !== toPk.name) {
    if (caps.renameConstraint) diff.renameConstraints.push({ kind: 'renameConstraint', table, constraint: 'primaryKey', from: fromPk.name, to: toPk.name });
    else {
      diff.dropPrimaryKey = { kind: 'dropPrimaryKey', table, primaryKey: fromPk };
      diff.addPrimaryKey = { kind: 'addPrimaryKey', table, primaryKey: toPk };
    }
  }

  // A new autoincrement column that is the new primary key is added with it.
  const pkColumn = diff.addPrimaryKey?.primaryKey.columns.length === 1 ? diff.addPrimaryKey.primaryKey.columns[0]!.name : null;
  const keyed = diff.addColumns.find((c) => c.column.name === pkColumn && c.column.autoincrement);
  if (keyed !== undefined && diff.addPrimaryKey !== null) {
    keyed.primaryKey = diff.addPrimaryKey.primaryKey;
    diff.addPrimaryKey = null;
  }

  // Checks, foreign keys and indexes: by name where names count, then by definition.
  const checks = pairObjects(from.table.checks, to.table.checks, (c) => c.name, (c) => comparer.checkKey(c), true);
  for (const c of checks.dropped) diff.dropChecks.push({ kind: 'dropCheck', table: oldName, check: c });
  for (const c of checks.added) diff.addChecks.push({ kind: 'addCheck', table, check: c });
  for (const [f, t] of checks.renamed) {
    if (caps.renameConstraint) diff.renameConstraints.push({ kind: 'renameConstraint', table, constraint: 'check', from: f.name, to: t.name });
    else {
      diff.dropChecks.push({ kind: 'dropCheck', table: oldName, check: f });
      diff.addChecks.push({ kind: 'addCheck', table, check: t });
    }
  }

  const fks = pairObjects(from.foreignKeys, to.foreignKeys, (f) => f.name, (f) => comparer.foreignKeyKey(f), caps.namedForeignKeys);
  for (const f of fks.dropped) diff.dropForeignKeys.push({ kind: 'dropForeignKey', table: oldName, foreignKey: f });
  for (const f of fks.added) diff.addForeignKeys.push({ kind: 'addForeignKey', table, foreignKey: f });
  for (const [f, t] of fks.renamed) {
    if (caps.renameConstraint) diff.renameConstraints.push({ kind: 'renameConstraint', table, constraint: 'foreignKey', from: f.name, to: t.name });
    else {
      diff.dropForeignKeys.push({ kind: 'dropForeignKey', table: oldName, foreignKey: f });
      diff.addForeignKeys.push({ kind: 'addForeignKey', table, foreignKey: t });
    }
  }

  const indexes = pairObjects(from.indexes, to.indexes, (i) => i.name, (i) => comparer.indexKey(i), true);
  for (const i of indexes.dropped) diff.dropIndexes.push({ kind: 'dropIndex', table: oldName, index: i });
  for (const i of indexes.added) diff.createIndexes.push({ kind: 'createIndex', table, index: i });
  for (const [f, t] of indexes.renamed) {
    if (caps.renameIndex) diff.renameIndexes.push({ kind: 'renameIndex', table, from: f, to: t });
    else {
      diff.dropIndexes.push({ kind: 'dropIndex', table: oldName, index: f });
      diff.createIndexes.push({ kind: 'createIndex', table, index: t });
    }
  }
  return diff;
}

/**
 * Pairs named objects: the same name and definition is unchanged; the same name with another
 * definition is dropped and added; an unchanged definition under another name is renamed. Where
 * names do not count (`byName` false), only definitions pair. An empty name (a database that
 * keeps none) pairs by definition too.
 */
function pairObjects<T>(
  from: readonly T[],
  to: readonly T[],
  name: (x: T) => string,
  key: (x: T) => string,
  byName: boolean,
): { dropped: T[]; added: T[]; renamed: [T, T][] } {
  const dropped = new Set(from);
  const added: T[] = [];
  const renamed: [T, T][] = [];
  const fromByName = new Map<string, T>();
  if (byName) for (const f of from) if (name(f) !== '') fromByName.set(name(f), f);
  const unpaired: T[] = [];
  for (const t of to) {
    const f = name(t) === '' ? undefined : fromByName.get(name(t));
    if (f !== undefined && dropped.has(f)) {
      if (key(f) === key(t)) dropped.delete(f);
      else added.push(t);
      continue;
    }
    unpaired.push(t);
  }
  // Definitions of what is left on the "from" side; a name paired above (even if changed) is out.
  const toNames = new Set(byName ? to.map(name) : []);
  const fromByKey = new Map<string, T[]>();
  for (const f of from) {
    if (!dropped.has(f)) continue;
    if (name(f) !== '' && toNames.has(name(f))) continue;
    const k = key(f);
    const list = fromByKey.get(k);
    if (list === undefined) fromByKey.set(k, [f]);
    else list.push(f);
  }
  for (const t of unpaired) {
    const f = fromByKey.get(key(t))?.shift();
    if (f === undefined) {
      added.push(t);
      continue;
    }
    dropped.delete(f);
    if (byName && name(f) !== '' && name(t) !== '' && name(f) !== name(t)) renamed.push([f, t]);
  }
  return { dropped: [...dropped], added, renamed };
}
