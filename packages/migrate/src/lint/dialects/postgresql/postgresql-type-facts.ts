import type { ScalarType } from '@kiln/schema';
import type { Column, QualifiedName } from '../../../changes/database-objects.js';
import { numericArg, shapes, spell, type NativeTypeFacts, type TypeFacts, type TypeShape } from '../../type-facts.js';

/**
 * `@db.X` on PostgreSQL as the DDL renderer spells them (src/dialects/postgresql), with what each
 * holds (https://www.postgresql.org/docs/current/datatype.html). Without arguments CHAR and BIT
 * hold one character or bit, VARCHAR, VARBIT and NUMERIC are unbounded, and time types keep
 * microseconds (6 digits).
 */
const NATIVE_TYPES: Record<string, NativeTypeFacts> = {
  Text: () => shapes.text('TEXT', null),
  Char: (a) => shapes.text(spell('CHAR', a), numericArg(a, 0, 1), true),
  VarChar: (a) => shapes.text(spell('VARCHAR', a), numericArg(a, 0, null)),
  Bit: (a) => shapes.bits(spell('BIT', a), numericArg(a, 0, 1), false),
  VarBit: (a) => shapes.bits(spell('VARBIT', a), numericArg(a, 0, null), true),
  Uuid: () => shapes.uuid('UUID'),
  Xml: () => shapes.other('XML'),
  Inet: () => shapes.other('INET'),
  Citext: () => shapes.other('CITEXT'),
  Boolean: () => shapes.boolean('BOOLEAN'),
  Integer: () => shapes.integer('INTEGER', 32),
  SmallInt: () => shapes.integer('SMALLINT', 16),
  Oid: () => shapes.integer('OID', 32, true),
  BigInt: () => shapes.integer('BIGINT', 64),
  DoublePrecision: () => shapes.float('DOUBLE PRECISION', 64),
  Real: () => shapes.float('REAL', 32),
  Decimal: (a) => shapes.decimal(spell('DECIMAL', a), numericArg(a, 0, null), a.length === 0 ? null : numericArg(a, 1, 0)),
  Money: () => shapes.other('MONEY'),
  Timestamp: (a) => shapes.temporal(spell('TIMESTAMP', a), 'dateTime', numericArg(a, 0, 6)),
  Timestamptz: (a) => shapes.temporal(spell('TIMESTAMPTZ', a), 'dateTime', numericArg(a, 0, 6), { zone: true }),
  Date: () => shapes.temporal('DATE', 'date', 0),
  Time: (a) => shapes.temporal(spell('TIME', a), 'time', numericArg(a, 0, 6)),
  Timetz: (a) => shapes.temporal(spell('TIMETZ', a), 'time', numericArg(a, 0, 6), { zone: true }),
  Json: () => shapes.json('JSON'),
  JsonB: () => shapes.json('JSONB'),
  ByteA: () => shapes.bytes('BYTEA', null),
};

/** The renderer's type for a scalar without `@db.X` (Prisma Migrate's defaults). */
const DEFAULT_TYPES: Record<ScalarType, TypeShape & { sql: string }> = {
  String: shapes.text('TEXT', null),
  Boolean: shapes.boolean('BOOLEAN'),
  Int: shapes.integer('INTEGER', 32),
  BigInt: shapes.integer('BIGINT', 64),
  Float: shapes.float('DOUBLE PRECISION', 64),
  Decimal: shapes.decimal('DECIMAL(65,30)', 65, 30),
  DateTime: shapes.temporal('TIMESTAMP(3)', 'dateTime', 3),
  Json: shapes.json('JSONB'),
  Bytes: shapes.bytes('BYTEA', null),
};

const quoted = (n: QualifiedName) => (n.schema === null ? `"${n.name}"` : `"${n.schema}"."${n.name}"`);

export function postgresqlColumnFacts(column: Column): TypeFacts {
  const t = column.type;
  let shape: TypeShape & { sql: string };
  switch (t.kind) {
    case 'enum':
      shape = { sql: quoted(t.enum), family: 'enum', name: t.enum, values: t.values };
      break;
    case 'unsupported':
      shape = shapes.other(t.sql);
      break;
    case 'scalar': {
      const native = t.nativeType;
      const facts = native === null ? undefined : Object.hasOwn(NATIVE_TYPES, native.name) ? NATIVE_TYPES[native.name] : undefined;
      shape = native === null ? DEFAULT_TYPES[t.scalar] : (facts?.(native.args) ?? shapes.other(spell(native.name, native.args)));
      break;
    }
  }
  return { ...shape, sql: t.list ? `${shape.sql}[]` : shape.sql, list: t.list };
}
