import type { IndexType, ScalarType } from '@kiln/schema';
import { PostgresDialect } from '@kiln/sql';
import type { CreateEnum, CreateSchema } from '../../changes/change.js';
import type { Column, ColumnDefault, Index, IndexColumn, QualifiedName } from '../../changes/database-objects.js';
import type { DdlCapabilities } from '../../render/ddl-capabilities.js';
import { DdlRenderer } from '../../render/ddl-renderer.js';
import { fixed, spellNativeType, withArgs, type NativeTypeSpelling } from '../../render/native-types.js';

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
}
