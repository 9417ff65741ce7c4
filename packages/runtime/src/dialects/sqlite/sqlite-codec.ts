import { parseIsoInstantText } from '../../driver/date-time-text.js';
import type { RuntimeColumn } from '../../runtime-schema.js';
import {
  checkBoolean,
  checkDate,
  enumDecoder,
  noListEncoder,
  scalarEncoder,
  type Decoder,
  type Encoder,
  type ValueCodec,
} from '../../values/codec.js';

/**
 * SQLite stores values as Prisma does, so either tool reads the other's data: DateTime as
 * ISO-8601 text (also reading Prisma's integer milliseconds), Boolean as 0/1, BigInt as INTEGER,
 * Decimal in a DECIMAL column (text in, exact text out), Json as text, Bytes as BLOB.
 * https://www.sqlite.org/datatype3.html
 */
export const sqliteCodec: ValueCodec = {
  encoder(field: RuntimeColumn, enumValues): Encoder {
    return noListEncoder(
      field,
      scalarEncoder(field, enumValues, {
        Boolean: (v) => (checkBoolean(v) ? 1 : 0),
        DateTime: (v) => checkDate(v).toISOString(),
      }),
    );
  },

  decoder(field: RuntimeColumn, enumValues): Decoder | null {
    if (field.kind === 'enum') return enumDecoder(enumValues);
    switch (field.type) {
      case 'Boolean':
        return (v) => (v === null ? null : v !== 0 && v !== 0n);
      case 'DateTime':
        return decodeDate;
      case 'Json':
        return (v) => (typeof v === 'string' ? JSON.parse(v) : v);
      case 'Decimal':
        return decodeDecimal;
      case 'Int':
      case 'Float':
        // Read as bigint when the same statement selects a BigInt column.
        return (v) => (typeof v === 'bigint' ? Number(v) : v);
      case 'BigInt':
        return (v) => (typeof v === 'number' ? BigInt(v) : v);
      case 'Bytes':
        return null;
      default:
        return null;
    }
  },

  needsBigints(field) {
    return field.type === 'BigInt';
  },
};

/**
 * A DECIMAL column has NUMERIC affinity: SQLite stores the value as a 64-bit float and keeps 15
 * significant digits (https://www.sqlite.org/datatype3.html#type_affinity). Reading it back at
 * that precision gives the decimal that was written (0.1 + 0.2 reads "0.3"), never a binary
 * artifact; more digits need PostgreSQL or MySQL, whose DECIMAL is exact.
 */
export function decodeDecimal(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v;
  if (typeof v === 'bigint') return v.toString();
  const n = Number((v as number).toPrecision(15));
  const s = String(n);
  return s.includes('e') ? n.toLocaleString('en-US', { useGrouping: false, maximumSignificantDigits: 15 }) : s;
}

/** ISO text (`2024-05-01T10:00:00.000Z`), SQLite's `CURRENT_TIMESTAMP` text (UTC), or epoch ms. */
export function decodeDate(v: unknown): Date | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'bigint') return new Date(Number(v));
  if (typeof v === 'string') {
    // Kiln's own ISO text, read digit by digit (a page of rows with relations holds hundreds).
    const fast = parseIsoInstantText(v);
    if (fast !== null) return fast;
    // "YYYY-MM-DD HH:MM:SS" carries no zone; SQLite's clock functions mean UTC.
    const iso = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}/.test(v) ? v.replace(' ', 'T') + (/[zZ]|[+-]\d{2}:?\d{2}$/.test(v) ? '' : 'Z') : v;
    return new Date(iso);
  }
  return v as Date;
}
