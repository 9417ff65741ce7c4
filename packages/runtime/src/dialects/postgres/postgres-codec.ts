import type { RuntimeColumn } from '../../runtime-schema.js';
import {
  checkBigInt,
  checkBoolean,
  checkBytes,
  checkDate,
  checkDecimal,
  checkEnum,
  checkFloat,
  checkInt,
  checkString,
  encodeJson,
  enumDecoder,
  fail,
  normalizeDecimal,
  ValueError,
  type Decoder,
  type Encoder,
  type ValueCodec,
} from '../../values/codec.js';

/**
 * PostgreSQL values, as Prisma stores them: native booleans, `timestamp(3)` (UTC, no zone),
 * `numeric`, `bigint`, `jsonb`, `bytea`, native enums and arrays for scalar lists. The pool's type
 * parsers (pg-driver.ts) already return Dates, bigints, parsed JSON and Buffers, so most
 * decoders are `null`: no per-row work.
 */
export const postgresCodec: ValueCodec = {
  encoder(field: RuntimeColumn, enumValues): Encoder {
    const one = scalarEncoder(field, enumValues);
    if (!field.list) return one;
    return (v) => (Array.isArray(v) ? v.map((x) => (x === null ? null : one(x))) : fail('a list', v));
  },

  decoder(field: RuntimeColumn, enumValues): Decoder | null {
    const one = scalarDecoder(field, enumValues);
    if (!field.list || !one) return one;
    return (v) => (Array.isArray(v) ? v.map((x) => (x === null ? null : one(x))) : v);
  },

  // int8 is always read as bigint (a per-pool type parser); Int decoders need no flag.
  needsBigints: () => false,
};

function scalarEncoder(field: RuntimeColumn, enumValues: Record<string, string> | undefined): Encoder {
  if (field.kind === 'enum') return checkEnum(enumValues ?? {}, field.type);
  if (field.kind === 'unsupported') return (v) => fail('no value (Unsupported fields cannot be written)', v);
  switch (field.type) {
    case 'String':
      return checkText;
    case 'Int':
      return checkInt;
    case 'BigInt':
      return checkBigInt;
    case 'Float':
      return checkFloat;
    case 'Decimal':
      return checkDecimal;
    case 'Boolean':
      return checkBoolean;
    case 'DateTime':
      // ISO text with "Z": a `timestamp` column ignores the zone (stores the UTC wall clock), a
      // `timestamptz` column honours it. pg would format a Date in the process's time zone.
      // https://www.postgresql.org/docs/current/datatype-datetime.html#DATATYPE-DATETIME-INPUT
      return (v) => checkDate(v).toISOString();
    case 'Json':
      return encodeJson;
    case 'Bytes':
      return checkBytes;
    default:
      return (v) => v;
  }
}

function scalarDecoder(field: RuntimeColumn, enumValues: Record<string, string> | undefined): Decoder | null {
  if (field.kind === 'enum') return enumDecoder(enumValues);
  switch (field.type) {
    case 'Decimal':
      return (v) => (typeof v === 'string' ? normalizeDecimal(v) : v);
    case 'Int':
    case 'Float':
      // Only aggregates and raw expressions produce int8/numeric here; columns are int4/float8.
      return (v) => (typeof v === 'bigint' ? Number(v) : typeof v === 'string' ? Number(v) : v);
    case 'BigInt':
      return (v) => (typeof v === 'bigint' ? v : BigInt(v as number | string));
    default:
      return null;
  }
}

/** PostgreSQL text cannot hold NUL (U+0000): say so, naming the field, instead of a driver error. */
function checkText(v: unknown): string {
  const s = checkString(v);
  if (s.indexOf('\0') !== -1) throw new ValueError('expected a string without NUL characters: PostgreSQL text cannot store U+0000');
  return s;
}
