import type { Provider, ReferentialAction } from '@kiln/schema';
import type { Dialect } from '@kiln/sql';
import { describeChange, type AddForeignKey, type Change, type ChangeKind, type CreateEnum, type CreateIndex, type CreateSchema, type CreateTable, type CreateView } from '../changes/change.js';
import type {
  Check,
  Column,
  ColumnDefault,
  ForeignKey,
  Index,
  IndexColumn,
  PrimaryKey,
  QualifiedName,
  Table,
} from '../changes/database-objects.js';
import type { DdlCapabilities } from './ddl-capabilities.js';
import { DdlRenderError } from './ddl-render-error.js';

/** Four spaces, as Prisma Migrate indents the body of CREATE TABLE. */
export const INDENT = '    ';

const REFERENTIAL_ACTIONS: Record<ReferentialAction, string> = {
  Cascade: 'CASCADE',
  Restrict: 'RESTRICT',
  NoAction: 'NO ACTION',
  SetNull: 'SET NULL',
  SetDefault: 'SET DEFAULT',
};

type ChangeRenderers = { [K in ChangeKind]: (change: Extract<Change, { kind: K }>) => string[] };

/**
 * Turns typed changes into DDL statements (without a trailing `;`). The shared base writes the
 * SQL that the three databases have in common; each dialect (`dialects/<name>/`) is a subclass
 * that overrides the hooks marked HOOK below, the way Kysely's dialect compilers do. Shared
 * code never asks which database it is rendering for.
 *
 * Every identifier goes through `quote`, which doubles the quote character inside it, so a
 * table named `a"b` or ``a`b`` renders and applies. Literals (defaults, enum values) come from
 * the schema author, not from users, and are escaped by `stringLiteral`.
 */
export abstract class DdlRenderer {
  abstract readonly provider: Provider;
  abstract readonly capabilities: DdlCapabilities;
  /** The query dialect of @kiln/sql, which owns identifier quoting. */
  protected abstract readonly sqlDialect: Dialect;

  private readonly renderers: ChangeRenderers = {
    createSchema: (c) => this.createSchema(c),
    createEnum: (c) => this.createEnum(c),
    createTable: (c) => this.createTable(c),
    createIndex: (c) => this.createIndex(c),
    addForeignKey: (c) => this.addForeignKey(c),
    createView: (c) => this.createView(c),
    // Not rendered yet (the diff planner is being built): each throws DdlRenderError.
    dropEnum: (c) => this.notYet(c),
    renameEnum: (c) => this.notYet(c),
    alterEnum: (c) => this.notYet(c),
    dropTable: (c) => this.notYet(c),
    renameTable: (c) => this.notYet(c),
    redefineTable: (c) => this.notYet(c),
    addColumn: (c) => this.notYet(c),
    dropColumn: (c) => this.notYet(c),
    renameColumn: (c) => this.notYet(c),
    alterColumn: (c) => this.notYet(c),
    addPrimaryKey: (c) => this.notYet(c),
    dropPrimaryKey: (c) => this.notYet(c),
    addCheck: (c) => this.notYet(c),
    dropCheck: (c) => this.notYet(c),
    dropIndex: (c) => this.notYet(c),
    renameIndex: (c) => this.notYet(c),
    dropForeignKey: (c) => this.notYet(c),
    dropView: (c) => this.notYet(c),
    replaceView: (c) => this.notYet(c),
  };

  private notYet(change: Change): never {
    throw new DdlRenderError(`${describeChange(change)} cannot be rendered yet.`);
  }

  /** The statements that carry out `change`, in order. */
  render(change: Change): string[] {
    const render = this.renderers[change.kind] as (c: Change) => string[];
    return render(change);
  }

  // ---------------------------------------------------------------- names and literals

  /** `name` quoted, with the quote character inside it doubled. */
  quote(name: string): string {
    try {
      return this.sqlDialect.quoteIdentifier(name);
    } catch {
      throw new DdlRenderError(`${JSON.stringify(name)} cannot be a ${this.databaseName} identifier (it is empty or contains a NUL character).`);
    }
  }

  /** HOOK: a table, view or type name. Schema-qualified where the database has schemas. */
  qualifiedName(name: QualifiedName): string {
    if (name.schema !== null) throw this.unsupported(`schemas (${JSON.stringify(name.schema)})`);
    return this.quote(name.name);
  }

  /** HOOK: a string literal. The standard rule: single quotes, `'` doubled. */
  stringLiteral(value: string): string {
    if (value.includes('\0')) throw new DdlRenderError(`A string literal cannot contain a NUL character: ${JSON.stringify(value)}.`);
    return `'${value.replaceAll("'", "''")}'`;
  }

  /** The database's name for messages. */
  protected abstract get databaseName(): string;

  // ---------------------------------------------------------------- changes

  /** HOOK: `CREATE SCHEMA` where `capabilities.namespaces`. */
  protected createSchema(change: CreateSchema): string[] {
    throw this.unsupported(`schemas (${JSON.stringify(change.name)})`);
  }

  /** HOOK: a named enum type where `capabilities.namedEnums`. */
  protected createEnum(change: CreateEnum): string[] {
    throw this.unsupported(`enum types (${JSON.stringify(change.enum.name.name)})`);
  }

  protected createTable(change: CreateTable): string[] {
    const { table } = change;
    const columns = table.columns.map((c) => INDENT + this.columnDefinition(c, table));
    const constraints = this.tableConstraints(change).map((c) => INDENT + c);
    const body = constraints.length === 0 ? columns.join(',\n') : `${columns.join(',\n')},\n${this.constraintSeparator}${constraints.join(',\n')}`;
    return [`CREATE TABLE ${this.qualifiedName(table.name)} (\n${body}\n)${this.tableOptions(table)}`];
  }

  /** HOOK: what separates the columns from the constraints (Prisma leaves a blank line). */
  protected get constraintSeparator(): string {
    return '\n';
  }

  protected createIndex(change: CreateIndex): string[] {
    const { index } = change;
    const using = this.indexMethod(index);
    const columns = index.columns.map((c) => this.indexColumn(c)).join(', ');
    const where = index.where === null ? '' : ` WHERE ${this.indexPredicate(index)}`;
    return [
      `CREATE ${this.indexKeyword(index)} ${this.quote(index.name)} ON ${this.qualifiedName(change.table)}${using}(${columns})${where}`,
    ];
  }

  protected addForeignKey(change: AddForeignKey): string[] {
    const fk = change.foreignKey;
    return [`ALTER TABLE ${this.qualifiedName(change.table)} ADD CONSTRAINT ${this.quote(fk.name)} ${this.foreignKeyBody(fk)}`];
  }

  protected createView(change: CreateView): string[] {
    return [`CREATE VIEW ${this.qualifiedName(change.view.name)} AS ${change.view.sql}`];
  }

  // ---------------------------------------------------------------- columns

  /** `"name" TYPE NOT NULL DEFAULT ...` and whatever the dialect adds. */
  protected columnDefinition(column: Column, table: Table): string {
    const def = this.columnDefault(column);
    return (
      `${this.quote(column.name)} ${this.columnType(column)}${this.nullability(column)}` +
      `${this.inlinePrimaryKey(column, table)}${def === null ? '' : ` DEFAULT ${def}`}${this.columnSuffix(column)}`
    );
  }

  /** HOOK: the column's database type, from its native type or the dialect's default. */
  protected abstract columnType(column: Column): string;

  /** HOOK: ` NOT NULL` or nothing. */
  protected nullability(column: Column): string {
    return column.nullable ? '' : ' NOT NULL';
  }

  /** HOOK: a primary key declared on the column itself (SQLite). */
  protected inlinePrimaryKey(column: Column, table: Table): string {
    void column;
    void table;
    return '';
  }

  /** HOOK: what follows the default: AUTO_INCREMENT, a CHECK. */
  protected columnSuffix(column: Column): string {
    void column;
    return '';
  }

  /** The DEFAULT expression, or null for none. */
  protected columnDefault(column: Column): string | null {
    return column.default === null ? null : this.defaultValue(column.default, column);
  }

  protected defaultValue(value: ColumnDefault, column: Column): string {
    switch (value.kind) {
      case 'string':
        return this.stringLiteral(value.value);
      case 'number':
        return value.value;
      case 'boolean':
        return value.value ? 'true' : 'false';
      case 'dateTime':
        return this.dateTimeLiteral(value.value, column);
      case 'json':
        return this.stringLiteral(value.value);
      case 'bytes':
        return this.bytesLiteral(value.hex);
      case 'list':
        return this.listDefault(value.values, column);
      case 'now':
        return this.nowDefault(column);
      case 'expression':
        return value.sql;
    }
  }

  /** HOOK: a DateTime literal, from an ISO-8601 UTC instant. */
  protected dateTimeLiteral(iso: string, column: Column): string {
    void column;
    return this.stringLiteral(iso);
  }

  /** HOOK: a binary literal. `X'..'` is standard SQL (SQLite and MySQL). */
  protected bytesLiteral(hex: string): string {
    return `X'${hex}'`;
  }

  /** HOOK: a scalar list default; only PostgreSQL has scalar lists. */
  protected listDefault(values: ColumnDefault[], column: Column): string {
    void values;
    throw this.unsupported(`scalar list defaults (column ${JSON.stringify(column.name)})`);
  }

  /** HOOK: `now()`. */
  protected nowDefault(column: Column): string {
    void column;
    return 'CURRENT_TIMESTAMP';
  }

  // ---------------------------------------------------------------- table constraints

  /** Everything after the columns in CREATE TABLE. */
  protected tableConstraints(change: CreateTable): string[] {
    const out: string[] = [];
    out.push(...change.indexes.map((i) => this.inlineIndex(i)));
    const pk = change.table.primaryKey === null ? null : this.primaryKeyConstraint(change.table.primaryKey, change.table);
    if (pk !== null) out.push(pk);
    out.push(...change.table.checks.map((c) => this.checkConstraint(c)));
    out.push(...change.foreignKeys.map((fk) => `CONSTRAINT ${this.quote(fk.name)} ${this.foreignKeyBody(fk)}`));
    return out;
  }

  /** HOOK: the table-level PRIMARY KEY clause, or null when the column declares it. */
  protected primaryKeyConstraint(pk: PrimaryKey, table: Table): string | null {
    void table;
    return `CONSTRAINT ${this.quote(pk.name)} PRIMARY KEY (${this.primaryKeyColumns(pk)})`;
  }

  /** HOOK: the key's columns. */
  protected primaryKeyColumns(pk: PrimaryKey): string {
    return pk.columns.map((c) => this.quote(c.name)).join(', ');
  }

  protected checkConstraint(check: Check): string {
    return `CONSTRAINT ${this.quote(check.name)} CHECK (${check.expression})`;
  }

  /** HOOK: an index declared inside CREATE TABLE (`capabilities.indexesInCreateTable`). */
  protected inlineIndex(index: Index): string {
    throw this.unsupported(`indexes inside CREATE TABLE (${JSON.stringify(index.name)})`);
  }

  /** HOOK: what follows the closing parenthesis of CREATE TABLE (MySQL's character set). */
  protected tableOptions(table: Table): string {
    void table;
    return '';
  }

  protected foreignKeyBody(fk: ForeignKey): string {
    const columns = fk.columns.map((c) => this.quote(c)).join(', ');
    const referenced = fk.referencedColumns.map((c) => this.quote(c)).join(', ');
    return (
      `FOREIGN KEY (${columns}) REFERENCES ${this.qualifiedName(fk.referencedTable)}${this.referencesSeparator}(${referenced})` +
      ` ON DELETE ${REFERENTIAL_ACTIONS[fk.onDelete]} ON UPDATE ${REFERENTIAL_ACTIONS[fk.onUpdate]}`
    );
  }

  /** HOOK: between the referenced table and its columns (Prisma writes SQLite's with a space). */
  protected get referencesSeparator(): string {
    return '';
  }

  // ---------------------------------------------------------------- indexes

  /** HOOK: `UNIQUE INDEX`, `INDEX`, and what else the dialect has (MySQL `FULLTEXT INDEX`). */
  protected indexKeyword(index: Index): string {
    switch (index.kind) {
      case 'unique':
        return 'UNIQUE INDEX';
      case 'index':
        return 'INDEX';
      case 'fulltext':
        throw this.unsupported(`full-text indexes (${JSON.stringify(index.name)})`);
    }
  }

  /** HOOK: ` USING method ` for a non-default access method (PostgreSQL). */
  protected indexMethod(index: Index): string {
    void index;
    return '';
  }

  /** HOOK: one column of an index: name, then length, operator class, sort as supported. */
  protected indexColumn(column: IndexColumn): string {
    return `${this.quote(column.name)}${column.sort === 'Desc' ? ' DESC' : column.sort === 'Asc' ? ' ASC' : ''}`;
  }

  /** HOOK: a partial index predicate. */
  protected indexPredicate(index: Index): string {
    if (index.where === null) throw new DdlRenderError('indexPredicate on an index without one');
    return index.where;
  }

  protected unsupported(what: string): DdlRenderError {
    return new DdlRenderError(`${this.databaseName} does not support ${what}.`);
  }
}
