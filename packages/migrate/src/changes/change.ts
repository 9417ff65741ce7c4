import type { Column, EnumType, ForeignKey, Index, PrimaryKey, QualifiedName, SchemaTable, Check, Table, View } from './database-objects.js';

/** A stored enum value that changes its name (old → new). */
export interface ValueRename {
  from: string;
  to: string;
}

/**
 * A typed change to a database: what the planner decides and the linter reasons about, before
 * any dialect turns it into SQL (Atlas's `schema.Change`). Every variant is self-contained: it
 * carries the full description of what it creates, alters or drops, so it renders without the
 * IR, reads well in a plan, and can be reversed.
 *
 * Changes are flat (one object, one change) rather than nested under an `alterTable`, so the
 * linter and the renderers dispatch on `kind` alone. Dispatch is exhaustive
 * (`Record<ChangeKind, ...>`), so adding a variant is a compile error in every renderer and in
 * the linter until each handles it.
 */
export type Change =
  | CreateSchema
  | CreateEnum
  | DropEnum
  | RenameEnum
  | AlterEnum
  | CreateTable
  | DropTable
  | RenameTable
  | RedefineTable
  | AddColumn
  | DropColumn
  | RenameColumn
  | AlterColumn
  | AddPrimaryKey
  | DropPrimaryKey
  | AddCheck
  | DropCheck
  | RenameConstraint
  | CreateIndex
  | DropIndex
  | RenameIndex
  | AddForeignKey
  | DropForeignKey
  | CreateView
  | DropView
  | ReplaceView;

export type ChangeKind = Change['kind'];

/** A PostgreSQL schema (namespace) listed in the datasource's `schemas`. */
export interface CreateSchema {
  kind: 'createSchema';
  name: string;
}

/** A named enum type (PostgreSQL). Elsewhere enum values live in the column type. */
export interface CreateEnum {
  kind: 'createEnum';
  enum: EnumType;
}

export interface DropEnum {
  kind: 'dropEnum';
  enum: EnumType;
}

export interface RenameEnum {
  kind: 'renameEnum';
  from: QualifiedName;
  to: QualifiedName;
}

/**
 * The values of a named enum type change. `renamed` pairs are stored values (old → new).
 * Removing a value cannot be done in place on PostgreSQL: the renderer recreates the type and
 * converts `columns`, the columns that use it, which the planner lists.
 */
export interface AlterEnum {
  kind: 'alterEnum';
  from: EnumType;
  to: EnumType;
  added: string[];
  removed: string[];
  renamed: ValueRename[];
  columns: { table: QualifiedName; column: Column }[];
}

/**
 * An enum change that only adds values: PostgreSQL adds them in place (`ADD VALUE`, outside the
 * migration's transaction, and before the rest of the plan); anything else recreates the type.
 */
export function addsValuesOnly(change: { added: readonly string[]; removed: readonly string[] }): boolean {
  return change.removed.length === 0 && change.added.length > 0;
}

/**
 * A table with its columns, primary key and checks. `indexes` and `foreignKeys` hold what the
 * dialect declares inside the CREATE TABLE statement itself: foreign keys on SQLite, which has
 * no ALTER TABLE ADD CONSTRAINT; indexes on MySQL, as Prisma does, so that an AUTO_INCREMENT
 * column is keyed when the table is created. Everything else follows as CreateIndex and
 * AddForeignKey changes.
 */
export interface CreateTable {
  kind: 'createTable';
  table: Table;
  indexes: Index[];
  foreignKeys: ForeignKey[];
}

/** The whole table as it was, so the change can be reversed and linted (its rows are lost). */
export interface DropTable {
  kind: 'dropTable';
  table: SchemaTable;
}

export interface RenameTable {
  kind: 'renameTable';
  from: QualifiedName;
  to: QualifiedName;
}

/**
 * SQLite's table rebuild (https://www.sqlite.org/lang_altertable.html#otheralter): create the
 * new table under a temporary name, copy the rows, drop the old table, rename the new one,
 * recreate its indexes (and the triggers in `triggers`), check foreign keys. Used for whatever
 * SQLite's ALTER TABLE cannot do. `copy` maps each column of `to` to the expression of `from`
 * that fills it: a column name, or `null` for the column's default.
 */
export interface RedefineTable {
  kind: 'redefineTable';
  /**
   * The table as it is when the rebuild runs: renames of the same migration (table, columns)
   * have already been applied, with `ALTER TABLE ... RENAME`, so that the references of other
   * tables follow them.
   */
  from: SchemaTable;
  to: SchemaTable;
  /**
   * `renamedValues`: enum values renamed in the same migration, mapped while copying (SQLite
   * stores an enum as TEXT under a CHECK).
   */
  copy: { column: string; from: string | null; renamedValues?: ValueRename[] }[];
  /** `CREATE TRIGGER` statements on the table, read from the live database when known. */
  triggers: string[];
  /**
   * The foreign keys of other tables (and the table's own self-references) that point at it.
   * Dropping the old table deletes its rows first, which fires their ON DELETE actions unless
   * foreign key enforcement is off (https://www.sqlite.org/lang_droptable.html), so the
   * renderer refuses to run the rebuild with enforcement on when one of them has an action.
   */
  referencedBy: { table: QualifiedName; foreignKey: ForeignKey }[];
}

export interface AddColumn {
  kind: 'addColumn';
  table: QualifiedName;
  column: Column;
  /**
   * The table's new primary key, when it is this (autoincrement) column: added in the same
   * statement, since MySQL refuses an AUTO_INCREMENT column that is not a key
   * (https://dev.mysql.com/doc/refman/8.0/en/example-auto-increment.html).
   */
  primaryKey?: PrimaryKey;
}

export interface DropColumn {
  kind: 'dropColumn';
  table: QualifiedName;
  column: Column;
}

export interface RenameColumn {
  kind: 'renameColumn';
  table: QualifiedName;
  from: string;
  to: string;
}

export type ColumnChangeKind = 'type' | 'nullability' | 'default' | 'autoincrement';

/** `kinds` says what differs between `from` and `to` (Atlas's ModifyColumn). */
export interface AlterColumn {
  kind: 'alterColumn';
  table: QualifiedName;
  from: Column;
  to: Column;
  kinds: ColumnChangeKind[];
  /**
   * Enum values renamed in the same migration where the values live in the column type
   * (MySQL `ENUM(...)`): the renderer widens the type, rewrites the rows, then narrows it.
   */
  renamedValues?: ValueRename[];
}

export interface AddPrimaryKey {
  kind: 'addPrimaryKey';
  table: QualifiedName;
  primaryKey: PrimaryKey;
}

export interface DropPrimaryKey {
  kind: 'dropPrimaryKey';
  table: QualifiedName;
  primaryKey: PrimaryKey;
}

export interface AddCheck {
  kind: 'addCheck';
  table: QualifiedName;
  check: Check;
}

export interface DropCheck {
  kind: 'dropCheck';
  table: QualifiedName;
  check: Check;
}

/**
 * A primary key, foreign key or check keeps its definition under another name (PostgreSQL
 * `ALTER TABLE ... RENAME CONSTRAINT`). Where the database cannot rename a constraint the
 * planner drops and adds it instead.
 */
export interface RenameConstraint {
  kind: 'renameConstraint';
  table: QualifiedName;
  constraint: 'primaryKey' | 'foreignKey' | 'check';
  from: string;
  to: string;
}

export interface CreateIndex {
  kind: 'createIndex';
  table: QualifiedName;
  index: Index;
}

export interface DropIndex {
  kind: 'dropIndex';
  table: QualifiedName;
  index: Index;
}

export interface RenameIndex {
  kind: 'renameIndex';
  table: QualifiedName;
  from: Index;
  to: Index;
}

export interface AddForeignKey {
  kind: 'addForeignKey';
  table: QualifiedName;
  foreignKey: ForeignKey;
}

export interface DropForeignKey {
  kind: 'dropForeignKey';
  table: QualifiedName;
  foreignKey: ForeignKey;
}

/** A view from `@@sql`. Views whose SQL the database owns (`sql` null) are never created. */
export interface CreateView {
  kind: 'createView';
  view: View;
}

export interface DropView {
  kind: 'dropView';
  view: View;
}

export interface ReplaceView {
  kind: 'replaceView';
  from: View;
  to: View;
}

export const CHANGE_KINDS: readonly ChangeKind[] = [
  'createSchema',
  'createEnum',
  'dropEnum',
  'renameEnum',
  'alterEnum',
  'createTable',
  'dropTable',
  'renameTable',
  'redefineTable',
  'addColumn',
  'dropColumn',
  'renameColumn',
  'alterColumn',
  'addPrimaryKey',
  'dropPrimaryKey',
  'addCheck',
  'dropCheck',
  'renameConstraint',
  'createIndex',
  'dropIndex',
  'renameIndex',
  'addForeignKey',
  'dropForeignKey',
  'createView',
  'dropView',
  'replaceView',
];

const q = (n: QualifiedName) => JSON.stringify(n.schema === null ? n.name : `${n.schema}.${n.name}`);
const s = JSON.stringify;

const DESCRIBE: { [K in ChangeKind]: (c: Extract<Change, { kind: K }>) => string } = {
  createSchema: (c) => `CreateSchema ${s(c.name)}`,
  createEnum: (c) => `CreateEnum ${q(c.enum.name)}`,
  dropEnum: (c) => `DropEnum ${q(c.enum.name)}`,
  renameEnum: (c) => `RenameEnum ${q(c.from)} to ${q(c.to)}`,
  alterEnum: (c) => `AlterEnum ${q(c.to.name)}`,
  createTable: (c) => `CreateTable ${q(c.table.name)}`,
  dropTable: (c) => `DropTable ${q(c.table.table.name)}`,
  renameTable: (c) => `RenameTable ${q(c.from)} to ${q(c.to)}`,
  redefineTable: (c) => `RedefineTable ${q(c.to.table.name)}`,
  addColumn: (c) => `AddColumn ${s(c.column.name)} to ${q(c.table)}`,
  dropColumn: (c) => `DropColumn ${s(c.column.name)} from ${q(c.table)}`,
  renameColumn: (c) => `RenameColumn ${s(c.from)} to ${s(c.to)} on ${q(c.table)}`,
  alterColumn: (c) => `AlterColumn ${s(c.to.name)} on ${q(c.table)} (${c.kinds.join(', ')})`,
  addPrimaryKey: (c) => `AddPrimaryKey on ${q(c.table)}`,
  dropPrimaryKey: (c) => `DropPrimaryKey on ${q(c.table)}`,
  addCheck: (c) => `AddCheck ${s(c.check.name)} on ${q(c.table)}`,
  dropCheck: (c) => `DropCheck ${s(c.check.name)} on ${q(c.table)}`,
  renameConstraint: (c) => `RenameConstraint ${s(c.from)} to ${s(c.to)} on ${q(c.table)}`,
  createIndex: (c) => `CreateIndex ${s(c.index.name)} on ${q(c.table)}`,
  dropIndex: (c) => `DropIndex ${s(c.index.name)} on ${q(c.table)}`,
  renameIndex: (c) => `RenameIndex ${s(c.from.name)} to ${s(c.to.name)} on ${q(c.table)}`,
  addForeignKey: (c) => `AddForeignKey ${s(c.foreignKey.name)} on ${q(c.table)}`,
  dropForeignKey: (c) => `DropForeignKey ${s(c.foreignKey.name)} on ${q(c.table)}`,
  createView: (c) => `CreateView ${q(c.view.name)}`,
  dropView: (c) => `DropView ${q(c.view.name)}`,
  replaceView: (c) => `ReplaceView ${q(c.to.name)}`,
};

/** `CreateTable "User"`: a change as a reader of a plan or an error message sees it. */
export function describeChange(change: Change): string {
  return (DESCRIBE[change.kind] as (c: Change) => string)(change);
}
