import type { RuntimeColumn } from '../../runtime-schema.js';
import {
  checkDate,
  checkString,
  enumDecoder,
  fail,
  normalizeDecimal,
  scalarEncoder,
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
    const one = pgScalarEncoder(field, enumValues);
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

function pgScalarEncoder(field: RuntimeColumn, enumValues: Record<string, string> | undefined): Encoder {
  return scalarEncoder(field, enumValues, {
    String: checkText,
    // ISO text with "Z": a `timestamp` column ignores the zone (stores the UTC wall clock), a
    // `timestamptz` column honours it. pg would format a Date in the process's time zone.
    // https://www.postgresql.org/docs/current/datatype-datetime.html#DATATYPE-DATETIME-INPUT
    DateTime: (v) => checkDate(v).toISOString(),
  });
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
