import type { RuntimeColumn } from '../../runtime-schema.js';
import {
  checkDate,
  checkString,
  enumDecoder,
  fail,
  normalizeDecimal,
  parseTimeOfDay,
  scalarEncoder,
  utcTimeOfDay,
  ValueError,
  type Decoder,
  type Encoder,
  type ValueCodec,
} from '../../values/codec.js';
import { parsePgArrayText } from './pg-array-text.js';

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
    if (!field.list) return one;
    // An enum list's array type has a per-database OID pg has no parser for: it arrives as text.
    const elements = (v: unknown): unknown => (typeof v === 'string' ? parsePgArrayText(v) : v);
    if (!one) return elements;
    return (v) => {
      const list = elements(v);
      return Array.isArray(list) ? list.map((x) => (x === null ? null : one(x))) : list;
    };
  },

  // int8 is always read as bigint (a per-pool type parser); Int decoders need no flag.
  needsBigints: () => false,
};

function pgScalarEncoder(field: RuntimeColumn, enumValues: Record<string, string> | undefined): Encoder {
  return scalarEncoder(field, enumValues, {
    String: checkText,
    DateTime: (field.nativeType && TIME_ENCODERS[field.nativeType.name]) || isoDateTime,
  });
}

/**
 * ISO text with "Z": a `timestamp` column ignores the zone (stores the UTC wall clock), a
 * `timestamptz` column honours it, a `date` column takes the date. pg would format a Date in the
 * process's time zone.
 * https://www.postgresql.org/docs/current/datatype-datetime.html#DATATYPE-DATETIME-INPUT
 */
const isoDateTime: Encoder = (v) => checkDate(v).toISOString();

/**
 * `time` and `timetz` refuse a date in ISO form (`1970-01-01T10:00:00Z` is a syntax error):
 * they get the UTC time of day, `timetz` with its zone, +00.
 */
const TIME_ENCODERS: Readonly<Record<string, Encoder>> = {
  Time: (v) => utcTimeOfDay(checkDate(v)),
  Timetz: (v) => utcTimeOfDay(checkDate(v)) + '+00',
};

function scalarDecoder(field: RuntimeColumn, enumValues: Record<string, string> | undefined): Decoder | null {
  if (field.kind === 'enum') return enumDecoder(enumValues);
  const native = field.nativeType?.name;
  switch (field.type) {
    case 'Decimal':
      if (native === 'Money') return (v) => (typeof v === 'string' ? parseMoney(v) : v);
      return (v) => (typeof v === 'string' ? normalizeDecimal(v) : v);
    case 'DateTime':
      // pg returns `time` and `timetz` as text; the other date types are Dates already.
      if (native === 'Time' || native === 'Timetz') return (v) => (typeof v === 'string' ? parseTimeOfDay(v) : v);
      return null;
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

/**
 * `money` text as an exact decimal string. PostgreSQL prints money in the session's
 * `lc_monetary` locale: `$1,234.56` and `-$1,234.56` under C and en_US, `1.234,56 €` under de_DE
 * (https://www.postgresql.org/docs/current/datatype-money.html). The symbols and grouping are
 * dropped (a `-` or parentheses anywhere make it negative); the last `.` or `,` is the decimal separator when the other one comes before it or
 * when fewer or more than three digits follow it, else it groups thousands (a locale without
 * decimals, `￥1,235`).
 */
export function parseMoney(text: string): string {
  const negative = /-|\(/.test(text);
  // From the first digit to the last: a symbol may hold a dot itself (`Fr. 1'234.56`).
  const body = (/\d(?:.*\d)?/s.exec(text)?.[0] ?? '').replace(/[^\d.,]/g, '');
  const last = Math.max(body.lastIndexOf('.'), body.lastIndexOf(','));
  let digits = body.replace(/[.,]/g, '');
  if (last >= 0) {
    const sep = body[last]!;
    const other = sep === '.' ? ',' : '.';
    const decimals = body.length - last - 1;
    const isDecimal = body.indexOf(sep) === last && (body.lastIndexOf(other) !== -1 || decimals !== 3);
    if (isDecimal) digits = body.slice(0, last).replace(/[.,]/g, '') + '.' + body.slice(last + 1);
  }
  if (digits === '' || digits === '.') return text;
  const value = normalizeDecimal(digits.startsWith('.') ? '0' + digits : digits);
  return negative && value !== '0' ? '-' + value : value;
}
