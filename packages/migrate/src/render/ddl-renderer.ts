import type {
  AddCheck,
  AddColumn,
  AddForeignKey,
  AddPrimaryKey,
  AlterColumn,
  AlterEnum,
  Change,
  ChangeKind,
  CreateEnum,
  CreateIndex,
  CreateSchema,
  CreateTable,
  CreateView,
  DropCheck,
  DropColumn,
  DropEnum,
  DropForeignKey,
  DropIndex,
  DropPrimaryKey,
  DropTable,
  DropView,
  RedefineTable,
  RenameColumn,
  RenameConstraint,
  RenameEnum,
  RenameIndex,
  RenameTable,
  ReplaceView,
} from '../changes/change.js';
import type { QualifiedName } from '../changes/database-objects.js';
import { DdlFragments, INDENT } from './ddl-fragments.js';

export { INDENT } from './ddl-fragments.js';

type ChangeRenderers = { [K in ChangeKind]: (change: Extract<Change, { kind: K }>) => string[] };

/**
 * Turns typed changes into DDL statements (without a trailing `;`). The shared base writes the
 * SQL that the three databases have in common; each dialect (`dialects/<name>/`) is a subclass
 * that overrides the hooks marked HOOK here and in `DdlFragments`, the way Kysely's dialect
 * compilers do. What a database cannot do at all is a HOOK that throws DdlRenderError here
 * (an enum type on MySQL, ALTER COLUMN on SQLite); the planner never asks for it, because it
 * reads the dialect's `capabilities`.
 */
export abstract class DdlRenderer extends DdlFragments {
  private readonly renderers: ChangeRenderers = {
    createSchema: (c) => this.createSchema(c),
    createEnum: (c) => this.createEnum(c),
    dropEnum: (c) => this.dropEnum(c),
    renameEnum: (c) => this.renameEnum(c),
    alterEnum: (c) => this.alterEnum(c),
    createTable: (c) => this.createTable(c),
    dropTable: (c) => this.dropTable(c),
    renameTable: (c) => this.renameTable(c),
    redefineTable: (c) => this.redefineTable(c),
    addColumn: (c) => this.addColumn(c),
    dropColumn: (c) => this.dropColumn(c),
    renameColumn: (c) => this.renameColumn(c),
    alterColumn: (c) => this.alterColumn(c),
    addPrimaryKey: (c) => this.addPrimaryKey(c),
    dropPrimaryKey: (c) => this.dropPrimaryKey(c),
    addCheck: (c) => this.addCheck(c),
    dropCheck: (c) => this.dropCheck(c),
    renameConstraint: (c) => this.renameConstraint(c),
    createIndex: (c) => this.createIndex(c),
    dropIndex: (c) => this.dropIndex(c),
    renameIndex: (c) => this.renameIndex(c),
    addForeignKey: (c) => this.addForeignKey(c),
    dropForeignKey: (c) => this.dropForeignKey(c),
    createView: (c) => this.createView(c),
    dropView: (c) => this.dropView(c),
    replaceView: (c) => this.replaceView(c),
  };

  /** The statements that carry out `change`, in order. */
  render(change: Change): string[] {
    const render = this.renderers[change.kind] as (c: Change) => string[];
    return render(change);
  }

  /**
   * HOOK: whether the statements of `change` may run inside the migration's transaction. False
   * for PostgreSQL's `ALTER TYPE ... ADD VALUE`, whose new value cannot be used in the
   * transaction that adds it (https://www.postgresql.org/docs/current/sql-altertype.html).
   */
  isTransactional(change: Change): boolean {
    void change;
    return true;
  }

  /**
   * HOOK: whether `change` must run while foreign key enforcement is off (a SQLite table
   * rebuild: https://www.sqlite.org/lang_altertable.html#otheralter).
   */
  needsForeignKeysOff(change: Change): boolean {
    void change;
    return false;
  }

  /** `ALTER TABLE "t" `: the head most table changes share. */
  protected alterTable(table: QualifiedName): string {
    return `ALTER TABLE ${this.qualifiedName(table)}`;
  }

  // ---------------------------------------------------------------- schemas and enums

  /** HOOK: `CREATE SCHEMA` where `capabilities.namespaces`. */
  protected createSchema(change: CreateSchema): string[] {
    throw this.unsupported(`schemas (${JSON.stringify(change.name)})`);
  }

  /** HOOK: a named enum type where `capabilities.namedEnums`. */
  protected createEnum(change: CreateEnum): string[] {
    throw this.unsupported(`enum types (${JSON.stringify(change.enum.name.name)})`);
  }

  /** HOOK: where `capabilities.namedEnums`. */
  protected dropEnum(change: DropEnum): string[] {
    throw this.unsupported(`enum types (${JSON.stringify(change.enum.name.name)})`);
  }

  /** HOOK: where `capabilities.namedEnums`. */
  protected renameEnum(change: RenameEnum): string[] {
    throw this.unsupported(`enum types (${JSON.stringify(change.from.name)})`);
  }

  /** HOOK: where `capabilities.namedEnums`; elsewhere a value change is a change of the columns' type. */
  protected alterEnum(change: AlterEnum): string[] {
    throw this.unsupported(`enum types (${JSON.stringify(change.to.name.name)})`);
  }

  // ---------------------------------------------------------------- tables

  protected createTable(change: CreateTable): string[] {
    return [this.createTableStatement(change.table.name, change)];
  }

  /** CREATE TABLE under `name` (the SQLite rebuild creates the new table under a temporary name). */
  protected createTableStatement(name: QualifiedName, change: Omit<CreateTable, 'kind'>): string {
    const { table } = change;
    const columns = table.columns.map((c) => INDENT + this.columnDefinition(c, table));
    const constraints = this.tableConstraints(change).map((c) => INDENT + c);
    const body = constraints.length === 0 ? columns.join(',\n') : `${columns.join(',\n')},\n${this.constraintSeparator}${constraints.join(',\n')}`;
    return `CREATE TABLE ${this.qualifiedName(name)} (\n${body}\n)${this.tableOptions(table)}`;
  }

  /** HOOK: what separates the columns from the constraints (Prisma leaves a blank line). */
  protected get constraintSeparator(): string {
    return '\n';
  }

  /** Everything after the columns in CREATE TABLE. */
  protected tableConstraints(change: Omit<CreateTable, 'kind'>): string[] {
    const out: string[] = [];
    out.push(...change.indexes.map((i) => this.inlineIndex(i)));
    const pk = change.table.primaryKey === null ? null : this.primaryKeyConstraint(change.table.primaryKey, change.table);
    if (pk !== null) out.push(pk);
    out.push(...change.table.checks.map((c) => this.checkConstraint(c)));
    out.push(...change.foreignKeys.map((fk) => `CONSTRAINT ${this.quote(fk.name)} ${this.foreignKeyBody(fk)}`));
    return out;
  }

  protected dropTable(change: DropTable): string[] {
    return [`DROP TABLE ${this.qualifiedName(change.table.table.name)}`];
  }

  /** HOOK: `ALTER TABLE "a" RENAME TO "b"` (SQLite, PostgreSQL). */
  protected renameTable(change: RenameTable): string[] {
    return [`${this.alterTable(change.from)} RENAME TO ${this.quote(change.to.name)}`];
  }

  /** HOOK: SQLite's rebuild, where `capabilities.limitedAlterTable`. */
  protected redefineTable(change: RedefineTable): string[] {
    throw this.unsupported(`table rebuilds (${JSON.stringify(change.to.table.name.name)}); its ALTER TABLE changes the table in place`);
  }

  // ---------------------------------------------------------------- columns

  /** HOOK: a new primary key on the column follows as its own statement; MySQL adds both in one. */
  protected addColumn(change: AddColumn): string[] {
    const add = `${this.alterTable(change.table)} ADD COLUMN ${this.columnDefinition(change.column, null)}`;
    if (change.primaryKey === undefined) return [add];
    return [add, ...this.addPrimaryKey({ kind: 'addPrimaryKey', table: change.table, primaryKey: change.primaryKey })];
  }

  protected dropColumn(change: DropColumn): string[] {
    return [`${this.alterTable(change.table)} DROP COLUMN ${this.quote(change.column.name)}`];
  }

  protected renameColumn(change: RenameColumn): string[] {
    return [`${this.alterTable(change.table)} RENAME COLUMN ${this.quote(change.from)} TO ${this.quote(change.to)}`];
  }

  /** HOOK: PostgreSQL ALTER COLUMN, MySQL MODIFY; SQLite rebuilds the table instead. */
  protected alterColumn(change: AlterColumn): string[] {
    throw this.unsupported(`altering a column in place (${JSON.stringify(change.to.name)}); the table is rebuilt instead`);
  }

  // ---------------------------------------------------------------- keys and checks

  protected addPrimaryKey(change: AddPrimaryKey): string[] {
    const pk = this.primaryKeyConstraint(change.primaryKey, null);
    if (pk === null) throw this.unsupported(`adding a primary key to a table (${JSON.stringify(change.table.name)})`);
    return [`${this.alterTable(change.table)} ADD ${pk}`];
  }

  /** HOOK: `DROP CONSTRAINT "name"`; MySQL's is `DROP PRIMARY KEY`. */
  protected dropPrimaryKey(change: DropPrimaryKey): string[] {
    return [`${this.alterTable(change.table)} DROP CONSTRAINT ${this.quote(change.primaryKey.name)}`];
  }

  protected addCheck(change: AddCheck): string[] {
    return [`${this.alterTable(change.table)} ADD ${this.checkConstraint(change.check)}`];
  }

  /**
   * `DROP CONSTRAINT`, which PostgreSQL, MariaDB and MySQL 8.0.19+ all accept (MySQL's own
   * `DROP CHECK` is unknown to MariaDB: https://mariadb.com/kb/en/alter-table/#drop-constraint).
   */
  protected dropCheck(change: DropCheck): string[] {
    return [`${this.alterTable(change.table)} DROP CONSTRAINT ${this.quote(change.check.name)}`];
  }

  /** HOOK: where `capabilities.renameConstraint`. */
  protected renameConstraint(change: RenameConstraint): string[] {
    throw this.unsupported(`renaming a constraint (${JSON.stringify(change.from)})`);
  }

  // ---------------------------------------------------------------- indexes

  protected createIndex(change: CreateIndex): string[] {
    return [this.createIndexStatement(change.table, change.index)];
  }

  /** HOOK: `DROP INDEX "name"`; PostgreSQL qualifies it with the table's schema, MySQL names the table. */
  protected dropIndex(change: DropIndex): string[] {
    return [`DROP INDEX ${this.quote(change.index.name)}`];
  }

  /** HOOK: where `capabilities.renameIndex`; the base drops and creates it. */
  protected renameIndex(change: RenameIndex): string[] {
    return [
      ...this.dropIndex({ kind: 'dropIndex', table: change.table, index: change.from }),
      ...this.createIndex({ kind: 'createIndex', table: change.table, index: change.to }),
    ];
  }

  // ---------------------------------------------------------------- foreign keys

  protected addForeignKey(change: AddForeignKey): string[] {
    const fk = change.foreignKey;
    return [`${this.alterTable(change.table)} ADD CONSTRAINT ${this.quote(fk.name)} ${this.foreignKeyBody(fk)}`];
  }

  /** HOOK: `DROP CONSTRAINT`; MySQL's is `DROP FOREIGN KEY`. */
  protected dropForeignKey(change: DropForeignKey): string[] {
    return [`${this.alterTable(change.table)} DROP CONSTRAINT ${this.quote(change.foreignKey.name)}`];
  }

  // ---------------------------------------------------------------- views

  protected createView(change: CreateView): string[] {
    return [`CREATE VIEW ${this.qualifiedName(change.view.name)} AS ${change.view.sql}`];
  }

  protected dropView(change: DropView): string[] {
    return [`DROP VIEW ${this.qualifiedName(change.view.name)}`];
  }

  /**
   * HOOK: drop and create. PostgreSQL's CREATE OR REPLACE VIEW cannot drop or retype a column
   * (https://www.postgresql.org/docs/current/sql-createview.html) and SQLite has none.
   */
  protected replaceView(change: ReplaceView): string[] {
    return [...this.dropView({ kind: 'dropView', view: change.from }), ...this.createView({ kind: 'createView', view: change.to })];
  }
}
