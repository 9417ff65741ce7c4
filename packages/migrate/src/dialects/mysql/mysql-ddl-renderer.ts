import type { ScalarType } from '@kiln/schema';
import { MysqlDialect } from '@kiln/sql';
import type { AddColumn, AlterColumn, DropForeignKey, DropIndex, DropPrimaryKey, RenameIndex, RenameTable, ReplaceView } from '../../changes/change.js';
import type { Column, Index, IndexColumn, PrimaryKey } from '../../changes/database-objects.js';
import type { DdlCapabilities } from '../../render/ddl-capabilities.js';
import { DdlRenderer } from '../../render/ddl-renderer.js';
import { fixed, spellNativeType, withArgs, type NativeTypeSpelling } from '../../render/native-types.js';

/**
 * `@db.X` on MySQL and MariaDB, spelled as Prisma Migrate spells them
 * (https://dev.mysql.com/doc/refman/8.0/en/data-types.html). TinyInt on a Boolean field is
 * BOOLEAN, MySQL's alias of TINYINT(1).
 */
const NATIVE_TYPES: Record<string, NativeTypeSpelling> = {
  VarChar: withArgs('VARCHAR'),
  Text: fixed('TEXT'),
  Char: withArgs('CHAR'),
  TinyText: fixed('TINYTEXT'),
  MediumText: fixed('MEDIUMTEXT'),
  LongText: fixed('LONGTEXT'),
  Bit: withArgs('BIT'),
  Binary: withArgs('BINARY'),
  VarBinary: withArgs('VARBINARY'),
  TinyBlob: fixed('TINYBLOB'),
  Blob: fixed('BLOB'),
  MediumBlob: fixed('MEDIUMBLOB'),
  LongBlob: fixed('LONGBLOB'),
  Int: fixed('INTEGER'),
  UnsignedInt: fixed('INTEGER UNSIGNED'),
  SmallInt: fixed('SMALLINT'),
  UnsignedSmallInt: fixed('SMALLINT UNSIGNED'),
  MediumInt: fixed('MEDIUMINT'),
  UnsignedMediumInt: fixed('MEDIUMINT UNSIGNED'),
  TinyInt: fixed('TINYINT'),
  UnsignedTinyInt: fixed('TINYINT UNSIGNED'),
  Year: fixed('YEAR'),
  BigInt: fixed('BIGINT'),
  UnsignedBigInt: fixed('BIGINT UNSIGNED'),
  Double: fixed('DOUBLE'),
  Float: fixed('FLOAT'),
  Decimal: withArgs('DECIMAL', ', '),
  DateTime: withArgs('DATETIME'),
  Timestamp: withArgs('TIMESTAMP'),
  Date: fixed('DATE'),
  Time: withArgs('TIME'),
  Json: fixed('JSON'),
};

/**
 * Prisma Migrate's default type for each scalar on MySQL
 * (https://www.prisma.io/docs/orm/overview/databases/mysql). VARCHAR(191): 191 four-byte
 * characters fit the 767-byte index key limit of older InnoDB row formats.
 */
const DEFAULT_TYPES: Record<ScalarType, string> = {
  String: 'VARCHAR(191)',
  Boolean: 'BOOLEAN',
  Int: 'INTEGER',
  BigInt: 'BIGINT',
  Float: 'DOUBLE',
  Decimal: 'DECIMAL(65, 30)',
  DateTime: 'DATETIME(3)',
  Json: 'JSON',
  Bytes: 'LONGBLOB',
};

/**
 * Types whose literal default must be written as an expression in parentheses on MySQL
 * ("The BLOB, TEXT, GEOMETRY, and JSON data types can be assigned a default value only if the
 * value is written as an expression", https://dev.mysql.com/doc/refman/8.0/en/data-type-defaults.html).
 * MariaDB accepts both forms.
 */
const EXPRESSION_DEFAULT_TYPES = /^(TINY|MEDIUM|LONG)?(TEXT|BLOB)$|^JSON$/;

export class MysqlDdlRenderer extends DdlRenderer {
  readonly provider = 'mysql';
  readonly capabilities: DdlCapabilities = {
    namespaces: false,
    namedEnums: false,
    foreignKeysInCreateTable: false,
    indexesInCreateTable: true,
    limitedAlterTable: false,
    renameIndex: true,
    renameConstraint: false,
    namedPrimaryKeys: false,
    namedForeignKeys: true,
    foreignKeysNeedIndex: true,
    autoincrementNeedsKey: true,
  };
  protected readonly sqlDialect = new MysqlDialect();

  protected get databaseName(): string {
    return 'MySQL';
  }

  /**
   * A backslash is an escape character in MySQL string literals unless the server runs with
   * NO_BACKSLASH_ESCAPES (https://dev.mysql.com/doc/refman/8.0/en/string-literals.html), so it
   * is doubled as well; DDL is applied on Kiln's own connection, in the default SQL mode.
   */
  override stringLiteral(value: string): string {
    return super.stringLiteral(value.replaceAll('\\', '\\\\'));
  }

  protected columnType(column: Column): string {
    const t = column.type;
    if (t.list) throw this.unsupported(`scalar lists (column ${JSON.stringify(column.name)})`);
    switch (t.kind) {
      case 'enum':
        return `ENUM(${t.values.map((v) => this.stringLiteral(v)).join(', ')})`;
      case 'unsupported':
        return t.sql;
      case 'scalar':
        if (t.nativeType === null) return DEFAULT_TYPES[t.scalar];
        if (t.nativeType.name === 'TinyInt' && t.scalar === 'Boolean') return 'BOOLEAN';
        return spellNativeType(NATIVE_TYPES, t.nativeType, this.databaseName);
    }
  }

  /** MySQL writes NULL explicitly, as Prisma does: a TIMESTAMP column is otherwise NOT NULL on old servers. */
  protected override nullability(column: Column): string {
    return column.nullable ? ' NULL' : ' NOT NULL';
  }

  protected override columnSuffix(column: Column): string {
    return column.autoincrement ? ' AUTO_INCREMENT' : '';
  }

  protected override columnDefault(column: Column): string | null {
    const sql = super.columnDefault(column);
    if (sql === null || column.default === null) return sql;
    const literal = column.default.kind !== 'now' && column.default.kind !== 'expression';
    return literal && EXPRESSION_DEFAULT_TYPES.test(this.columnType(column)) ? `(${sql})` : sql;
  }

  /**
   * `'YYYY-MM-DD hh:mm:ss.fff'` (the instant in UTC, as the runtime writes them), the date alone
   * for DATE and the time of day for TIME, with as many fractional digits as the column keeps
   * (3 for DateTime's default DATETIME(3), else the precision, 0 by default): the form
   * information_schema reports back. Extra digits are cut, not rounded: MariaDB truncates them
   * and MySQL rounds (https://dev.mysql.com/doc/refman/8.0/en/fractional-seconds.html), so the
   * literal says exactly what both store.
   */
  protected override dateTimeLiteral(iso: string, column: Column): string {
    const parts = this.instantParts(iso);
    if (parts === null) return this.stringLiteral(iso);
    const native = this.nativeTypeOf(column);
    if (native?.name === 'Date') return this.stringLiteral(parts.date);
    const precision = native === null ? 3 : (native.precision ?? 0);
    const fraction = precision > 0 ? `.${parts.fraction.padEnd(precision, '0').slice(0, precision)}` : '';
    return this.stringLiteral(native?.name === 'Time' ? `${parts.time}${fraction}` : `${parts.date} ${parts.time}${fraction}`);
  }

  /**
   * CURRENT_TIMESTAMP with the column's fractional-second precision, which MySQL requires to
   * match (https://dev.mysql.com/doc/refman/8.0/en/timestamp-initialization.html). DATE and
   * TIME columns take an expression default.
   */
  protected override nowDefault(column: Column): string {
    const t = column.type;
    const native = t.kind === 'scalar' ? t.nativeType : null;
    if (native?.name === 'Date') return '(CURRENT_DATE)';
    const precision = native === null ? 3 : Number(native.args[0] ?? 0);
    const fn = native?.name === 'Time' ? 'CURRENT_TIME' : 'CURRENT_TIMESTAMP';
    const call = precision > 0 ? `${fn}(${precision})` : fn;
    return native?.name === 'Time' ? `(${call})` : call;
  }

  protected override inlineIndex(index: Index): string {
    return `${this.indexKeyword(index)} ${this.quote(index.name)}(${index.columns.map((c) => this.indexColumn(c)).join(', ')})`;
  }

  protected override indexKeyword(index: Index): string {
    return index.kind === 'fulltext' ? 'FULLTEXT INDEX' : super.indexKeyword(index);
  }

  protected override indexPredicate(index: Index): string {
    throw this.unsupported(`partial indexes (${JSON.stringify(index.name)})`);
  }

  /** `` `col`(length) DESC ``: a prefix length for TEXT and BLOB columns. */
  protected override indexColumn(column: IndexColumn): string {
    const length = column.length === null ? '' : `(${column.length})`;
    const sort = column.sort === 'Desc' ? ' DESC' : column.sort === 'Asc' ? ' ASC' : '';
    return `${this.quote(column.name)}${length}${sort}`;
  }

  /** A MySQL primary key is always named PRIMARY, so Prisma writes it unnamed. */
  protected override primaryKeyConstraint(pk: PrimaryKey): string {
    return `PRIMARY KEY (${pk.columns.map((c) => this.indexColumn(c)).join(', ')})`;
  }

  /** Prisma's table options, so text compares and sorts the same in both. */
  protected override tableOptions(): string {
    return ' DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci';
  }

  // ---------------------------------------------------------------- what the diff compares

  /** The names information_schema reports (MariaDB keeps display widths), spelled as the renderer writes them. */
  protected override get typeAliases(): readonly (readonly [RegExp, string])[] {
    return MYSQL_TYPE_ALIASES;
  }

  // ---------------------------------------------------------------- changes

  /** https://dev.mysql.com/doc/refman/8.0/en/rename-table.html */
  protected override renameTable(change: RenameTable): string[] {
    return [`RENAME TABLE ${this.qualifiedName(change.from)} TO ${this.qualifiedName(change.to)}`];
  }

  /**
   * MODIFY with the whole new definition (https://dev.mysql.com/doc/refman/8.0/en/alter-table.html).
   * Renamed enum values are rewritten in between: the column first takes a type with the old and
   * the new values, the rows are updated (in one UPDATE, so a swap maps each row once), then the
   * column takes its final type, so no row ever holds a value its type lacks (strict mode
   * refuses that; a lax one would store '').
   */
  protected override alterColumn(change: AlterColumn): string[] {
    const table = this.alterTable(change.table);
    const renames = change.renamedValues ?? [];
    const t = change.to.type;
    if (renames.length === 0 || t.kind !== 'enum') return [`${table} MODIFY ${this.columnDefinition(change.to, null)}`];
    const fromValues = change.from.type.kind === 'enum' ? change.from.type.values : [];
    const wide = [...t.values, ...fromValues.filter((v) => !t.values.includes(v))];
    const widened = { ...change.to, type: { ...t, values: wide }, default: change.from.default === null ? null : change.to.default };
    const column = this.quote(change.to.name);
    const lit = (v: string) => this.stringLiteral(v);
    // Several renames in one statement, so that values that swap or shift (a → b, b → c) map each row once.
    const update =
      renames.length === 1
        ? `SET ${column} = ${lit(renames[0]!.to)} WHERE ${column} = ${lit(renames[0]!.from)}`
        : `SET ${column} = CASE ${column} ${renames.map((r) => `WHEN ${lit(r.from)} THEN ${lit(r.to)}`).join(' ')} END WHERE ${column} IN (${renames.map((r) => lit(r.from)).join(', ')})`;
    return [
      `${table} MODIFY ${this.columnDefinition(widened, null)}`,
      `UPDATE ${this.qualifiedName(change.table)} ${update}`,
      `${table} MODIFY ${this.columnDefinition(change.to, null)}`,
    ];
  }

  /** An AUTO_INCREMENT column must be a key the moment it exists, so its primary key comes in the same statement. */
  protected override addColumn(change: AddColumn): string[] {
    const add = `${this.alterTable(change.table)} ADD COLUMN ${this.columnDefinition(change.column, null)}`;
    return change.primaryKey === undefined ? [add] : [`${add}, ADD ${this.primaryKeyConstraint(change.primaryKey)}`];
  }

  protected override dropPrimaryKey(change: DropPrimaryKey): string[] {
    return [`${this.alterTable(change.table)} DROP PRIMARY KEY`];
  }

  protected override dropIndex(change: DropIndex): string[] {
    return [`DROP INDEX ${this.quote(change.index.name)} ON ${this.qualifiedName(change.table)}`];
  }

  /** MySQL 5.7+, MariaDB 10.5.2+ (https://mariadb.com/kb/en/alter-table/#rename-indexkey). */
  protected override renameIndex(change: RenameIndex): string[] {
    return [`${this.alterTable(change.table)} RENAME INDEX ${this.quote(change.from.name)} TO ${this.quote(change.to.name)}`];
  }

  protected override dropForeignKey(change: DropForeignKey): string[] {
    return [`${this.alterTable(change.table)} DROP FOREIGN KEY ${this.quote(change.foreignKey.name)}`];
  }

  /** A view's columns may change freely on MySQL (https://dev.mysql.com/doc/refman/8.0/en/create-view.html). */
  protected override replaceView(change: ReplaceView): string[] {
    return [`CREATE OR REPLACE VIEW ${this.qualifiedName(change.to.name)} AS ${change.to.sql}`];
  }
}

/** information_schema's COLUMN_TYPE (and SQL-standard spellings) → the renderer's, on canonical text. */
const MYSQL_TYPE_ALIASES: readonly (readonly [RegExp, string])[] = [
  [/^(tinyint\(1\)|bool)$/, 'boolean'],
  [/^int(?=\(|$| )/, 'integer'],
  [/^(integer|tinyint|smallint|mediumint|bigint)\(\d+\)/, '$1'],
  [/^(double precision|real)$/, 'double'],
  [/^(numeric|dec|fixed)(?=\(|$)/, 'decimal'],
  [/^character varying/, 'varchar'],
  [/^character(?=\(|$)/, 'char'],
  // Fractional-second precision 0 is the default, which information_schema reports as none.
  [/^(datetime|timestamp|time)\(0\)/, '$1'],
];
