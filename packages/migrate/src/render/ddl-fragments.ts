import type { Provider, ReferentialAction } from '@kiln/schema';
import type { Dialect } from '@kiln/sql';
import type { Check, Column, ColumnDefault, ForeignKey, Index, IndexColumn, PrimaryKey, QualifiedName, Table } from '../changes/database-objects.js';
import type { DdlCapabilities } from './ddl-capabilities.js';
import { DdlRenderError } from './ddl-render-error.js';
import { canonicalTypeText } from './sql-text.js';

/** Four spaces, as Prisma Migrate indents the body of CREATE TABLE. */
export const INDENT = '    ';

const REFERENTIAL_ACTIONS: Record<ReferentialAction, string> = {
  Cascade: 'CASCADE',
  Restrict: 'RESTRICT',
  NoAction: 'NO ACTION',
  SetNull: 'SET NULL',
  SetDefault: 'SET DEFAULT',
};

/**
 * The pieces of DDL that the change renderers assemble: names, literals, column definitions,
 * constraints and index parts. The methods marked HOOK are what a dialect overrides
 * (`dialects/<name>/`); `DdlRenderer` (ddl-renderer.ts) builds the statements of each change
 * from them. Shared code never asks which database it is rendering for.
 *
 * Every identifier goes through `quote`, which doubles the quote character inside it, so a
 * table named `a"b` or ``a`b`` renders and applies. Literals (defaults, enum values) come from
 * the schema author, not from users, and are escaped by `stringLiteral`.
 */
export abstract class DdlFragments {
  abstract readonly provider: Provider;
  abstract readonly capabilities: DdlCapabilities;
  /** The query dialect of @kiln/sql, which owns identifier quoting. */
  protected abstract readonly sqlDialect: Dialect;

  /** The database's name for messages. */
  protected abstract get databaseName(): string;

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

  // ---------------------------------------------------------------- what the diff compares

  /**
   * The column's type as this database stores it, e.g. `VARCHAR(191)`, `"Role"`,
   * `ENUM('A', 'B')`. The diff compares two columns by this text (through `canonicalTypeSql`),
   * so `String` and `String @db.Text` are the same PostgreSQL column.
   */
  columnTypeSql(column: Column): string {
    return this.columnType(column);
  }

  /** The DEFAULT expression this database is given for the column, or null for none. */
  columnDefaultSql(column: Column): string | null {
    return this.columnDefault(column);
  }

  /**
   * A type's text in one spelling, so that the names a database reports (`int4`,
   * `character varying(10)`, `int(11)`) equal the ones the renderer writes: lower case outside
   * quotes, no space around parentheses and commas, then the dialect's `typeAliases`.
   */
  canonicalTypeSql(sql: string): string {
    let text = canonicalTypeText(sql);
    for (const [pattern, replacement] of this.typeAliases) text = text.replace(pattern, replacement);
    return text;
  }

  /** HOOK: rewrites from a database's other names for a type to the renderer's (on canonical text). */
  protected get typeAliases(): readonly (readonly [RegExp, string])[] {
    return [];
  }

  // ---------------------------------------------------------------- columns

  /** `"name" TYPE NOT NULL DEFAULT ...` and whatever the dialect adds. `table` is null outside CREATE TABLE. */
  protected columnDefinition(column: Column, table: Table | null): string {
    const def = this.columnDefault(column);
    return (
      `${this.quote(column.name)} ${this.columnType(column)}${this.nullability(column)}` +
      `${table === null ? '' : this.inlinePrimaryKey(column, table)}${def === null ? '' : ` DEFAULT ${def}`}${this.columnSuffix(column)}`
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

  /**
   * HOOK: a DateTime literal, from an ISO-8601 UTC instant. A dialect writes what the column's
   * type holds (a date, a time of day), in the form its catalog reports it back.
   */
  protected dateTimeLiteral(iso: string, column: Column): string {
    void column;
    return this.stringLiteral(iso);
  }

  /** The parts of an ISO-8601 UTC instant (`2024-03-01T12:34:56.789Z`, or a six-digit year), or null. */
  protected instantParts(iso: string): { date: string; time: string; fraction: string } | null {
    const m = /^([+-]?\d{4,6}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})(?:\.(\d+))?Z$/.exec(iso);
    // date `2024-03-01`, time `12:34:56`, fraction the fractional second's digits (`789`, possibly none).
    return m === null ? null : { date: m[1]!, time: m[2]!, fraction: m[3] ?? '' };
  }

  /** The native type's name and first argument (a precision), or null for a column without one. */
  protected nativeTypeOf(column: Column): { name: string; precision: number | null } | null {
    const t = column.type;
    if (t.kind !== 'scalar' || t.nativeType === null) return null;
    const arg = t.nativeType.args[0];
    return { name: t.nativeType.name, precision: arg === undefined ? null : Number(arg) };
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

  /** HOOK: the table-level PRIMARY KEY clause, or null when the column declares it. */
  protected primaryKeyConstraint(pk: PrimaryKey, table: Table | null): string | null {
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

  /** `CREATE [UNIQUE] INDEX "name" ON "table"(...)`, shared by CreateIndex and the SQLite rebuild. */
  protected createIndexStatement(table: QualifiedName, index: Index): string {
    const using = this.indexMethod(index);
    const columns = index.columns.map((c) => this.indexColumn(c)).join(', ');
    const where = index.where === null ? '' : ` WHERE ${this.indexPredicate(index)}`;
    return `CREATE ${this.indexKeyword(index)} ${this.quote(index.name)} ON ${this.qualifiedName(table)}${using}(${columns})${where}`;
  }

  protected unsupported(what: string): DdlRenderError {
    return new DdlRenderError(`${this.databaseName} does not support ${what}.`);
  }
}
