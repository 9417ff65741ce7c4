import type { EnumType, ForeignKey, Index, QualifiedName, Table, View } from './database-objects.js';

/**
 * A typed change to a database: what the planner decides and the linter reasons about, before
 * any dialect turns it into SQL (Atlas's `schema.Change`). Every variant is self-contained:
 * it carries the full description of what it creates (and, for the changes a diff will add,
 * of what it alters or drops), so it renders without the IR and reads well in a plan.
 *
 * The union is open for the full planner (a diff of two IRs). Its variants will follow the
 * same pattern, one object kind per family, `from`/`to` where something changes:
 *   createSchema | dropSchema
 *   createEnum | dropEnum | renameEnum | alterEnum { from, to, added, removed }
 *   createTable | dropTable { table } | renameTable { from, to }
 *   alterTable { table, changes: TableChange[] } where TableChange is addColumn | dropColumn |
 *     modifyColumn { from, to, kinds } | renameColumn | addPrimaryKey | dropPrimaryKey |
 *     addCheck | dropCheck
 *   redefineTable { from, to, columns } (SQLite: create, copy, drop, rename)
 *   createIndex | dropIndex { table, index } | renameIndex { table, from, to }
 *   addForeignKey | dropForeignKey { table, foreignKey } | renameForeignKey
 *   createView | dropView | replaceView { from, to }
 * Dispatch over `kind` is exhaustive (`Record<ChangeKind, ...>`), so adding a variant is a
 * compile error in every renderer until each dialect handles it.
 */
export type Change = CreateSchema | CreateEnum | CreateTable | CreateIndex | AddForeignKey | CreateView;

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

export interface CreateIndex {
  kind: 'createIndex';
  table: QualifiedName;
  index: Index;
}

export interface AddForeignKey {
  kind: 'addForeignKey';
  table: QualifiedName;
  foreignKey: ForeignKey;
}

/** A view from `@@sql`. Views whose SQL the database owns (`sql` null) are never created. */
export interface CreateView {
  kind: 'createView';
  view: View;
}

export const CHANGE_KINDS: readonly ChangeKind[] = [
  'createSchema',
  'createEnum',
  'createTable',
  'createIndex',
  'addForeignKey',
  'createView',
];

/** `CreateTable "User"`: a change as a reader of a plan or an error message sees it. */
export function describeChange(change: Change): string {
  const q = (n: QualifiedName) => JSON.stringify(n.schema === null ? n.name : `${n.schema}.${n.name}`);
  switch (change.kind) {
    case 'createSchema':
      return `CreateSchema ${JSON.stringify(change.name)}`;
    case 'createEnum':
      return `CreateEnum ${q(change.enum.name)}`;
    case 'createTable':
      return `CreateTable ${q(change.table.name)}`;
    case 'createIndex':
      return `CreateIndex ${JSON.stringify(change.index.name)} on ${q(change.table)}`;
    case 'addForeignKey':
      return `AddForeignKey ${JSON.stringify(change.foreignKey.name)} on ${q(change.table)}`;
    case 'createView':
      return `CreateView ${q(change.view.name)}`;
  }
}
