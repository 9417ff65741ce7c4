import type { IndexType, ScalarType } from '@kiln/schema';
import { PostgresDialect } from '@kiln/sql';
import {
  addsValuesOnly,
  type AlterColumn,
  type AlterEnum,
  type Change,
  type CreateEnum,
  type CreateSchema,
  type DropEnum,
  type DropIndex,
  type RenameConstraint,
  type RenameEnum,
  type RenameIndex,
  type RenameTable,
} from '../../changes/change.js';
import type { Column, ColumnDefault, Index, IndexColumn, QualifiedName } from '../../changes/database-objects.js';
import type { DdlCapabilities } from '../../render/ddl-capabilities.js';
import { DdlRenderer } from '../../render/ddl-renderer.js';
import { fixed, spellNativeType, withArgs, type NativeTypeSpelling } from '../../render/native-types.js';
import { renderAlterEnum } from './postgresql-alter-enum.js';
import { doBlock } from './postgresql-do-block.js';
import { renderSerialSequence } from './postgresql-serial-sequence.js';

/**
 * `@db.X` on PostgreSQL, spelled as Prisma Migrate spells them
 * (https://www.postgresql.org/docs/current/datatype.html).
 */
const NATIVE_TYPES: Record<string, NativeTypeSpelling> = {
  Text: fixed('TEXT'),
  Char: withArgs('CHAR'),
  VarChar: withArgs('VARCHAR'),
  Bit: withArgs('BIT'),
  VarBit: withArgs('VARBIT'),
  Uuid: fixed('UUID'),
  Xml: fixed('XML'),
  Inet: fixed('INET'),
  Citext: fixed('CITEXT'),
  Boolean: fixed('BOOLEAN'),
  Integer: fixed('INTEGER'),
  SmallInt: fixed('SMALLINT'),
  Oid: fixed('OID'),
  BigInt: fixed('BIGINT'),
  DoublePrecision: fixed('DOUBLE PRECISION'),
  Real: fixed('REAL'),
  Decimal: withArgs('DECIMAL'),
  Money: fixed('MONEY'),
  Timestamp: withArgs('TIMESTAMP'),
  Timestamptz: withArgs('TIMESTAMPTZ'),
  Date: fixed('DATE'),
  Time: withArgs('TIME'),
  Timetz: withArgs('TIMETZ'),
  Json: fixed('JSON'),
  JsonB: fixed('JSONB'),
  ByteA: fixed('BYTEA'),
};

/**
 * Prisma Migrate's default type for each scalar on PostgreSQL, so a database Prisma created and
 * one Kiln created have the same columns (https://www.prisma.io/docs/orm/overview/databases/postgresql).
 */
const DEFAULT_TYPES: Record<ScalarType, string> = {
  String: 'TEXT',
  Boolean: 'BOOLEAN',
  Int: 'INTEGER',
  BigInt: 'BIGINT',
  Float: 'DOUBLE PRECISION',
  Decimal: 'DECIMAL(65,30)',
  DateTime: 'TIMESTAMP(3)',
  Json: 'JSONB',
  Bytes: 'BYTEA',
};

/** autoincrement() makes the integer column a serial: the type plus a sequence it owns. */
const SERIAL_TYPES: Readonly<Record<string, string>> = { INTEGER: 'SERIAL', BIGINT: 'BIGSERIAL', SMALLINT: 'SMALLSERIAL' };

const INDEX_METHODS: Record<IndexType, string> = {
  BTree: 'BTREE',
  Hash: 'HASH',
  Gist: 'GIST',
  Gin: 'GIN',
  SpGist: 'SPGIST',
  Brin: 'BRIN',
};

export class PostgresqlDdlRenderer extends DdlRenderer {
  readonly provider = 'postgresql';
  readonly capabilities: DdlCapabilities = {
    namespaces: true,
    namedEnums: true,
    foreignKeysInCreateTable: false,
    indexesInCreateTable: false,
    limitedAlterTable: false,
    renameIndex: true,
    renameConstraint: true,
    namedPrimaryKeys: true,
    namedForeignKeys: true,
    foreignKeysNeedIndex: false,
    autoincrementNeedsKey: false,
  };
  protected readonly sqlDialect = new PostgresDialect();

  protected get databaseName(): string {
    return 'PostgreSQL';
  }

  override qualifiedName(name: QualifiedName): string {
    return name.schema === null ? this.quote(name.name) : `${this.quote(name.schema)}.${this.quote(name.name)}`;
  }

  protected override createSchema(change: CreateSchema): string[] {
    return [`CREATE SCHEMA IF NOT EXISTS ${this.quote(change.name)}`];
  }

  protected override createEnum(change: CreateEnum): string[] {
    const values = change.enum.values.map((v) => this.stringLiteral(v)).join(', ');
    return [`CREATE TYPE ${this.qualifiedName(change.enum.name)} AS ENUM (${values})`];
  }

  protected columnType(column: Column): string {
    const t = column.type;
    let sql: string;
    switch (t.kind) {
      case 'enum':
        sql = this.qualifiedName(t.enum);
        break;
      case 'unsupported':
        sql = t.sql;
        break;
      case 'scalar': {
        sql = t.nativeType === null ? DEFAULT_TYPES[t.scalar] : spellNativeType(NATIVE_TYPES, t.nativeType, this.databaseName);
        if (column.autoincrement) sql = SERIAL_TYPES[sql] ?? sql;
        break;
      }
    }
    return t.list ? `${sql}[]` : sql;
  }

  /** `ARRAY[...]::TYPE[]`: the cast gives an empty list its type. */
  protected override listDefault(values: ColumnDefault[], column: Column): string {
    return `ARRAY[${values.map((v) => this.defaultValue(v, column)).join(', ')}]::${this.columnType(column)}`;
  }

  /**
   * The instant where the column holds one; its UTC date for DATE, its UTC time of day for TIME
   * (`'10:11:12.5'`) and TIMETZ (`'10:11:12.5+00'`), which refuse a full timestamp. Written as
   * the catalog prints them back (pg_get_expr: trailing zeros of the fraction dropped), so a
   * database read by introspection compares equal
   * (https://www.postgresql.org/docs/current/datatype-datetime.html).
   */
  protected override dateTimeLiteral(iso: string, column: Column): string {
    const parts = this.instantParts(iso);
    const native = this.nativeTypeOf(column)?.name;
    if (parts === null || (native !== 'Date' && native !== 'Time' && native !== 'Timetz')) return this.stringLiteral(iso);
    if (native === 'Date') return this.stringLiteral(parts.date);
    const fraction = parts.fraction.replace(/0+$/, '');
    const time = fraction === '' ? parts.time : `${parts.time}.${fraction}`;
    return this.stringLiteral(native === 'Timetz' ? `${time}+00` : time);
  }

  /** bytea hex format (https://www.postgresql.org/docs/current/datatype-binary.html). */
  protected override bytesLiteral(hex: string): string {
    return `'\\x${hex}'`;
  }

  protected override indexKeyword(index: Index): string {
    if (index.kind === 'fulltext') throw this.unsupported(`@@fulltext indexes (${JSON.stringify(index.name)}); use a GIN index`);
    return super.indexKeyword(index);
  }

  protected override indexMethod(index: Index): string {
    return index.type === null || index.type === 'BTree' ? '' : ` USING ${INDEX_METHODS[index.type]} `;
  }

  /** `"col" opclass DESC` (https://www.postgresql.org/docs/current/sql-createindex.html). */
  protected override indexColumn(column: IndexColumn): string {
    const ops = column.ops === null ? '' : ` ${column.ops}`;
    const sort = column.sort === 'Desc' ? ' DESC' : column.sort === 'Asc' ? ' ASC' : '';
    return `${this.quote(column.name)}${ops}${sort}`;
  }

  /** Prisma writes PostgreSQL keys without a space after the comma. */
  protected override primaryKeyColumns(pk: { columns: IndexColumn[] }): string {
    return pk.columns.map((c) => this.quote(c.name)).join(',');
  }

  // ---------------------------------------------------------------- what the diff compares

  /** SERIAL is not a type but an integer column with a sequence default: compare the integer type. */
  override columnTypeSql(column: Column): string {
    return this.columnType({ ...column, autoincrement: false });
  }

  /** The names pg_catalog (format_type) reports, spelled as the renderer writes them. */
  protected override get typeAliases(): readonly (readonly [RegExp, string])[] {
    return PG_TYPE_ALIASES;
  }

  // ---------------------------------------------------------------- enums

  protected override dropEnum(change: DropEnum): string[] {
    return [`DROP TYPE ${this.qualifiedName(change.enum.name)}`];
  }

  /** RENAME TO takes a bare name; another schema is SET SCHEMA (https://www.postgresql.org/docs/current/sql-altertype.html). */
  protected override renameEnum(change: RenameEnum): string[] {
    return this.moveAndRename('TYPE', change.from, change.to);
  }

  protected override alterEnum(change: AlterEnum): string[] {
    return renderAlterEnum(change, {
      name: (n) => this.qualifiedName(n),
      quote: (n) => this.quote(n),
      literal: (v) => this.stringLiteral(v),
      columnDefault: (c) => this.columnDefault(c),
    });
  }

  /**
   * `ALTER TYPE ... ADD VALUE` may run in a transaction block since PostgreSQL 12, but the new
   * value cannot be used before that transaction commits, so it runs on its own.
   */
  override isTransactional(change: Change): boolean {
    return !(change.kind === 'alterEnum' && addsValuesOnly(change));
  }

  // ---------------------------------------------------------------- tables, columns, indexes, constraints

  protected override renameTable(change: RenameTable): string[] {
    return this.moveAndRename('TABLE', change.from, change.to);
  }

  /**
   * SET SCHEMA to another schema, then RENAME TO. The default schema (`schema: null`) is the
   * connection's current schema, where every unqualified CREATE goes (`?schema=app` sets the
   * search_path); SET SCHEMA takes no expression, so the move there names it in a DO block
   * (https://www.postgresql.org/docs/current/sql-do.html, `format('%I')` quotes it).
   */
  private moveAndRename(what: 'TABLE' | 'TYPE' | 'VIEW', from: QualifiedName, to: QualifiedName): string[] {
    const out: string[] = [];
    let current = from;
    if (from.schema !== to.schema) {
      out.push(to.schema === null ? this.moveToCurrentSchema(what, from) : `ALTER ${what} ${this.qualifiedName(current)} SET SCHEMA ${this.quote(to.schema)}`);
      current = { schema: to.schema, name: from.name };
    }
    if (current.name !== to.name) out.push(`ALTER ${what} ${this.qualifiedName(current)} RENAME TO ${this.quote(to.name)}`);
    return out;
  }

  private moveToCurrentSchema(what: 'TABLE' | 'TYPE' | 'VIEW', from: QualifiedName): string {
    const statement = `EXECUTE format(${this.stringLiteral(`ALTER ${what} %s SET SCHEMA %I`)}, ${this.stringLiteral(this.qualifiedName(from))}, current_schema())`;
    return doBlock([`${statement};`]);
  }

  /**
   * One ALTER TABLE per kind of change (https://www.postgresql.org/docs/current/sql-altertable.html).
   * A type change goes through `USING "col"::type`, with the default dropped first and set
   * again after, since the old default may not cast to the new type. Autoincrement is a
   * sequence the column owns, found or created and given the column's type when the column
   * becomes a serial or a serial changes type (`renderSerialSequence`); when autoincrement goes,
   * the default is dropped (the sequence stays with the column, as a SERIAL's does, and goes
   * with it).
   */
  protected override alterColumn(change: AlterColumn): string[] {
    const { from, to, kinds } = change;
    const table = this.alterTable(change.table);
    const col = `${table} ALTER COLUMN ${this.quote(to.name)}`;
    const out: string[] = [];
    const typeChanges = kinds.includes('type');
    // Whether the column has a default (a literal, or a serial's nextval) at this point.
    let hasDefault = from.default !== null || from.autoincrement;
    if (typeChanges) {
      const type = this.columnTypeSql(to);
      if (hasDefault) out.push(`${col} DROP DEFAULT`);
      hasDefault = false;
      // One enum type to another has no cast: through text.
      const via = from.type.kind === 'enum' && to.type.kind === 'enum' ? `::text${to.type.list ? '[]' : ''}` : '';
      out.push(`${col} SET DATA TYPE ${type} USING ${this.quote(to.name)}${via}::${type}`);
    }
    if (kinds.includes('nullability')) out.push(`${col} ${to.nullable ? 'DROP' : 'SET'} NOT NULL`);
    if (to.autoincrement) {
      // A serial retyped (its sequence too) or made a serial; one that stays as it was keeps its default.
      if (typeChanges || !from.autoincrement) {
        out.push(renderSerialSequence(change.table, to.name, this.columnTypeSql(to), { name: (n) => this.qualifiedName(n), literal: (v) => this.stringLiteral(v) }));
      }
      return out;
    }
    const def = this.columnDefault(to);
    if (def !== null && (typeChanges || kinds.includes('default') || from.autoincrement)) out.push(`${col} SET DEFAULT ${def}`);
    else if (def === null && hasDefault) out.push(`${col} DROP DEFAULT`);
    return out;
  }

  /** An index lives in its table's schema. */
  protected override dropIndex(change: DropIndex): string[] {
    return [`DROP INDEX ${this.qualifiedName({ schema: change.table.schema, name: change.index.name })}`];
  }

  protected override renameIndex(change: RenameIndex): string[] {
    return [`ALTER INDEX ${this.qualifiedName({ schema: change.table.schema, name: change.from.name })} RENAME TO ${this.quote(change.to.name)}`];
  }

  /** Renames a primary key's index with it (https://www.postgresql.org/docs/current/sql-altertable.html). */
  protected override renameConstraint(change: RenameConstraint): string[] {
    return [`${this.alterTable(change.table)} RENAME CONSTRAINT ${this.quote(change.from)} TO ${this.quote(change.to)}`];
  }
}

/** format_type's names (and their SQL-standard spellings) → the renderer's, on canonical text. */
const PG_TYPE_ALIASES: readonly (readonly [RegExp, string])[] = [
  [/^(timestamp|time)(\(\d+\))? ?without time zone/, '$1$2'],
  [/^timestamp(\(\d+\))? ?with time zone/, 'timestamptz$1'],
  [/^time(\(\d+\))? ?with time zone/, 'timetz$1'],
  [/^character varying/, 'varchar'],
  [/^(character|bpchar)(?=\(|$|\[)/, 'char'],
  // A bare CHAR or BIT is length 1, and the catalog reports it so.
  [/^(char|bit)(?=$|\[)/, '$1(1)'],
  [/^bit varying/, 'varbit'],
  [/^(int4|int|serial4|serial)(?=$|\[)/, 'integer'],
  [/^(int8|bigserial|serial8)(?=$|\[)/, 'bigint'],
  [/^(int2|smallserial|serial2)(?=$|\[)/, 'smallint'],
  [/^float8(?=$|\[)/, 'double precision'],
  [/^float4(?=$|\[)/, 'real'],
  [/^bool(?=$|\[)/, 'boolean'],
  [/^numeric(?=\(|$|\[)/, 'decimal'],
];
