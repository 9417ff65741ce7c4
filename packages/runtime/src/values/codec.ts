import type { RuntimeColumn, ScalarTypeName } from '../runtime-schema.js';

/** Turns a validated user value into what the driver binds. Throws `ValueError` on a bad value. */
export type Encoder = (value: unknown) => unknown;
/** Turns what the driver returns into the declared TypeScript type. */
export type Decoder = (value: unknown) => unknown;

/** A value that does not fit its field; the caller adds the model and the argument path. */
export class ValueError extends Error {}

/**
 * Per-dialect value conversion, as hooks: each dialect says how a scalar type is bound and how
 * it comes back. Converters are built once per field and reused by every cached plan.
 */
export interface ValueCodec {
  encoder(field: RuntimeColumn, enumValues: Record<string, string> | undefined): Encoder;
  /** `null` when the driver's value is already right (no per-row work). */
  decoder(field: RuntimeColumn, enumValues: Record<string, string> | undefined): Decoder | null;
  /** Whether selecting this field needs integers read as bigint. */
  needsBigints(field: RuntimeColumn): boolean;
}

const typeName = (v: unknown): string => (v === null ? 'null' : v instanceof Date ? 'Date' : Array.isArray(v) ? 'array' : typeof v);

export function fail(expected: string, v: unknown): never {
  throw new ValueError(`expected ${expected}, got ${typeName(v)}${typeof v === 'string' || typeof v === 'number' ? ` ${JSON.stringify(v).slice(0, 40)}` : ''}`);
}

export function checkString(v: unknown): string {
  return typeof v === 'string' ? v : fail('a string', v);
}

export function checkInt(v: unknown): number {
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  if (typeof v === 'bigint' && v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER)) return Number(v);
  return fail('an integer', v);
}

/** `skip`: a whole number, not negative. */
export function checkSkip(v: unknown): number {
  const n = checkInt(v);
  return n >= 0 ? n : fail('a non-negative integer', v);
}

export function checkBigInt(v: unknown): bigint {
  if (typeof v === 'bigint') return v;
  if (typeof v === 'number' && Number.isInteger(v)) return BigInt(v);
  if (typeof v === 'string' && /^-?\d+$/.test(v)) return BigInt(v);
  return fail('a bigint', v);
}

export function checkFloat(v: unknown): number {
  return typeof v === 'number' ? v : fail('a number', v);
}

/** Decimals travel as text so no digit is lost to a JavaScript float. */
export function checkDecimal(v: unknown): string {
  if (typeof v === 'string' && /^-?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(v.trim())) return v.trim();
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (typeof v === 'bigint') return v.toString();
  if (v !== null && typeof v === 'object' && typeof (v as { toFixed?: unknown }).toFixed === 'function') {
    return checkDecimal(String(v)); // Decimal.js and similar
  }
  return fail('a decimal (string or number)', v);
}

export function checkBoolean(v: unknown): boolean {
  return typeof v === 'boolean' ? v : fail('a boolean', v);
}

export function checkDate(v: unknown): Date {
  if (v instanceof Date && !Number.isNaN(v.getTime())) return v;
  if (typeof v === 'string') {
    const d = new Date(v);
    if (!Number.isNaN(d.getTime())) return d;
  }
  return fail('a Date or an ISO-8601 string', v);
}

export function checkBytes(v: unknown): Buffer {
  if (v instanceof Uint8Array) return Buffer.isBuffer(v) ? v : Buffer.from(v.buffer, v.byteOffset, v.byteLength);
  return fail('a Uint8Array', v);
}

export function encodeJson(v: unknown): string {
  if (v === undefined) fail('a JSON value', v);
  return JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? x.toString() : x));
}

export function checkEnum(values: Record<string, string>, name: string): (v: unknown) => string {
  return (v) => {
    if (typeof v === 'string' && Object.prototype.hasOwnProperty.call(values, v)) return values[v]!;
    return fail(`one of ${name}'s values (${Object.keys(values).join(', ')})`, v);
  };
}

/** Stored enum value → the enum value's name (they differ only under `@map`). */
export function enumDecoder(values: Record<string, string> | undefined): Decoder | null {
  if (!values) return null;
  const back = new Map<unknown, string>();
  let mapped = false;
  for (const [name, db] of Object.entries(values)) {
    back.set(db, name);
    if (name !== db) mapped = true;
  }
  return mapped ? (v) => (v === null ? null : (back.get(v) ?? v)) : null;
}

/**
 * An exact decimal string without the trailing zeros of a fixed scale: PostgreSQL's and MySQL's
 * DECIMAL(65,30) read "19.990000000000000000000000000000"; the value is "19.99", as Prisma's
 * Decimal prints it.
 */
export function normalizeDecimal(s: string): string {
  if (s.indexOf('.') === -1 || /[eE]/.test(s)) return s;
  let end = s.length;
  while (s.charCodeAt(end - 1) === 48 /* 0 */) end--;
  if (s.charCodeAt(end - 1) === 46 /* . */) end--;
  const out = s.slice(0, end);
  return out === '-0' ? '0' : out;
}

/**
 * "YYYY-MM-DD HH:MM:SS[.fff]" (or with "T") without a zone, read as UTC: DATETIME and
 * `timestamp without time zone` carry no zone, and Kiln writes them in UTC. Text with a zone
 * keeps it.
 */
export function parseUtcDateTime(text: string): Date {
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return new Date(text + 'T00:00:00Z');
  const iso = text.charCodeAt(10) === 32 /* space */ ? text.slice(0, 10) + 'T' + text.slice(11) : text;
  const zone = iso.slice(19);
  if (/[+-]\d{2}$/.test(zone)) return new Date(iso + ':00'); // PostgreSQL writes "+02"
  return new Date(/(?:[zZ]|[+-]\d{2}:?\d{2})$/.test(zone) ? iso : iso + 'Z');
}

const DAY_MS = 86_400_000;

/**
 * `HH:MM:SS.fff`: the UTC time of day of a DateTime bound to a TIME column. Prisma's DateTime
 * for a time is that time on 1970-01-01 (UTC); the date part of the input is dropped.
 */
export function utcTimeOfDay(d: Date): string {
  return d.toISOString().slice(11, 23);
}

/**
 * TIME text (`10:11:12`, `10:11:12.345678`, PostgreSQL's `timetz` with `+02`/`-05:30`, MySQL's
 * `-838:59:59`) as the instant on 1970-01-01 UTC. Fractions beyond milliseconds are dropped,
 * as everywhere a JavaScript Date holds a value. A zone moves the time to UTC, wrapping around
 * midnight so the result stays a time of day; a plain TIME keeps its hours (MySQL's may exceed 24).
 */
export function parseTimeOfDay(text: string): Date {
  const m = /^(-)?(\d{1,3}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(?:([+-])(\d{2})(?::?(\d{2}))?(?::?(\d{2}))?)?$/.exec(text.trim());
  if (!m) return new Date(Number.NaN);
  const [, neg, h, min, s = '0', frac = '', zoneSign, zh, zm = '0', zs = '0'] = m;
  let ms = ((Number(h) * 60 + Number(min)) * 60 + Number(s)) * 1000 + Number(frac.slice(0, 3).padEnd(3, '0'));
  if (neg) ms = -ms;
  if (zoneSign) {
    const offset = ((Number(zh) * 60 + Number(zm)) * 60 + Number(zs)) * 1000;
    ms -= zoneSign === '+' ? offset : -offset;
    ms = ((ms % DAY_MS) + DAY_MS) % DAY_MS;
  }
  return new Date(ms);
}

/** How each scalar type is checked and bound, before a dialect's overrides. */
const SCALAR_ENCODERS: Record<string, Encoder> = {
  String: checkString,
  Int: checkInt,
  BigInt: checkBigInt,
  Float: checkFloat,
  Decimal: checkDecimal,
  Boolean: checkBoolean,
  DateTime: checkDate,
  Json: encodeJson,
  Bytes: checkBytes,
};

/**
 * The encoder of one (non-list) column: enums checked against their values, Unsupported fields
 * refused, each scalar type by the shared checks unless the dialect overrides it. Every dialect
 * codec builds on this, giving only what its database binds differently.
 */
export function scalarEncoder(
  field: RuntimeColumn,
  enumValues: Record<string, string> | undefined,
  overrides: Partial<Record<ScalarTypeName, Encoder>>,
): Encoder {
  if (field.kind === 'enum') return checkEnum(enumValues ?? {}, field.type);
  if (field.kind === 'unsupported') return (v) => fail('no value (Unsupported fields cannot be written)', v);
  return overrides[field.type as ScalarTypeName] ?? SCALAR_ENCODERS[field.type] ?? ((v) => v);
}

/** For databases without scalar lists: every list column refuses its value. */
export function noListEncoder(field: RuntimeColumn, one: Encoder): Encoder {
  return field.list && field.kind === 'scalar' ? (v) => fail('no list (scalar lists exist only on PostgreSQL)', v) : one;
}
