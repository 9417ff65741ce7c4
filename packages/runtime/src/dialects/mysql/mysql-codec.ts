import type { RuntimeColumn } from '../../runtime-schema.js';
import {
  checkBytes,
  checkDate,
  checkDecimal,
  checkFloat,
  enumDecoder,
  noListEncoder,
  normalizeDecimal,
  parseTimeOfDay,
  scalarEncoder,
  utcTimeOfDay,
  type Decoder,
  type Encoder,
  type ValueCodec,
} from '../../values/codec.js';
import { parseDateTimeText } from '../../driver/date-time-text.js';
import { DecimalText } from './key-list.js';

/**
 * MySQL and MariaDB values, as Prisma stores them: BOOLEAN (TINYINT(1), read as 0/1),
 * DATETIME(3) holding UTC, DECIMAL(65,30), BIGINT, JSON (LONGTEXT on MariaDB), LONGBLOB, native
 * ENUM. The pool (mysql2-driver.ts) reads dates and JSON as text (`dateStrings`, `jsonStrings`)
 * and BIGINT exactly (`supportBigNumbers`: a number when safe, else a string), so decoding does
 * not depend on the process's time zone or on the server flavour.
 * https://dev.mysql.com/doc/refman/8.0/en/data-types.html
 */
export const mysqlCodec: ValueCodec = {
  encoder(field: RuntimeColumn, enumValues): Encoder {
    const native = field.nativeType?.name;
    return noListEncoder(
      field,
      scalarEncoder(field, enumValues, {
        // BigInt is sent as a typed 64-bit integer by the driver, so comparisons and arithmetic stay exact.
        Decimal: (v) => new DecimalText(checkDecimal(v)),
        DateTime: (native && DATE_TIME_ENCODERS[native]) || ((v) => mysqlDateTime(checkDate(v))),
        ...(native === 'Float' ? { Float: (v: unknown) => Math.fround(checkFloat(v)) } : {}),
        ...(native === 'Bit' ? { Bytes: (v: unknown) => bitsValue(checkBytes(v)) } : {}),
      }),
    );
  },

  decoder(field: RuntimeColumn, enumValues): Decoder | null {
    if (field.kind === 'enum') return enumDecoder(enumValues);
    const native = field.nativeType?.name;
    switch (field.type) {
      case 'Boolean':
        // BIT(1) reads as a one-byte Buffer.
        return (v) =>
          typeof v === 'number' ? v !== 0 : typeof v === 'string' ? v !== '0' : typeof v === 'bigint' ? v !== 0n : Buffer.isBuffer(v) ? v.some((b) => b !== 0) : Boolean(v);
      case 'DateTime':
        if (native === 'Time') return (v) => (typeof v === 'string' ? parseTimeOfDay(v) : v);
        return (v) => (typeof v === 'string' ? parseDateTimeText(v) : v);
      case 'Json':
        return (v) => (typeof v === 'string' ? JSON.parse(v) : Buffer.isBuffer(v) ? JSON.parse(v.toString('utf8')) : v);
      case 'Decimal':
        return (v) => (typeof v === 'string' ? normalizeDecimal(v) : typeof v === 'number' ? String(v) : v);
      case 'Float':
        if (native === 'Float') return (v) => shortestFloat32(typeof v === 'number' ? v : Number(v));
        return (v) => (typeof v === 'number' ? v : Number(v));
      case 'Int':
        // BIGINT and DECIMAL expressions (sums, counts) arrive as strings or bigints.
        return (v) => (typeof v === 'number' ? v : Number(v));
      case 'BigInt':
        return (v) => (typeof v === 'bigint' ? v : BigInt(v as number | string));
      default:
        return null;
    }
  },

  needsBigints: () => false,
};

/** `2024-05-01 10:00:00.123`: DATETIME(3) literal text in UTC (a trailing Z is an error on MariaDB). */
export function mysqlDateTime(d: Date): string {
  const iso = d.toISOString();
  return iso.slice(0, 10) + ' ' + iso.slice(11, 23);
}

/**
 * DATE and TIME columns get the part of the UTC instant they hold. A DATETIME text would be
 * stored the same way, but compared as a DATETIME: `date = '2024-02-29 10:00:00.000'` finds no
 * row holding 2024-02-29 (https://dev.mysql.com/doc/refman/8.0/en/date-and-time-type-conversion.html).
 */
const DATE_TIME_ENCODERS: Readonly<Record<string, Encoder>> = {
  Date: (v) => checkDate(v).toISOString().slice(0, 10),
  Time: (v) => utcTimeOfDay(checkDate(v)),
};

/**
 * Bytes for a BIT(n) column, as the unsigned integer they spell (big-endian). BIT compares
 * numerically: a binary string operand is converted to a number first (`b'10100101' = x'a5'`
 * is false), so a filter must bind the number. It stores the same bits.
 * https://dev.mysql.com/doc/refman/8.0/en/bit-value-literals.html
 */
function bitsValue(b: Buffer): bigint {
  return b.length === 0 ? 0n : BigInt('0x' + b.toString('hex'));
}

/**
 * A FLOAT (4-byte) column read over the binary protocol is the float's exact double
 * (0.1 → 0.10000000149011612); MySQL itself prints the shortest text that reads back as the same
 * float ("0.1"). That number is returned, so a value round-trips; filters bind `Math.fround` of
 * theirs, which equals the stored float widened to a double.
 * https://dev.mysql.com/doc/refman/8.0/en/problems-with-float.html
 */
export function shortestFloat32(v: number): number {
  if (v === 0 || !Number.isFinite(v) || Math.fround(v) !== v) return v;
  for (let digits = 1; digits <= 9; digits++) {
    const candidate = Number(v.toPrecision(digits));
    if (Math.fround(candidate) === v) return candidate;
  }
  return v;
}
