import type { RuntimeColumn } from '../../runtime-schema.js';
import {
  checkDate,
  checkDecimal,
  enumDecoder,
  noListEncoder,
  normalizeDecimal,
  parseUtcDateTime,
  scalarEncoder,
  type Decoder,
  type Encoder,
  type ValueCodec,
} from '../../values/codec.js';
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
    return noListEncoder(
      field,
      scalarEncoder(field, enumValues, {
        // BigInt is sent as a typed 64-bit integer by the driver, so comparisons and arithmetic stay exact.
        Decimal: (v) => new DecimalText(checkDecimal(v)),
        DateTime: (v) => mysqlDateTime(checkDate(v)),
      }),
    );
  },

  decoder(field: RuntimeColumn, enumValues): Decoder | null {
    if (field.kind === 'enum') return enumDecoder(enumValues);
    switch (field.type) {
      case 'Boolean':
        return (v) => (typeof v === 'number' ? v !== 0 : typeof v === 'string' ? v !== '0' : typeof v === 'bigint' ? v !== 0n : Boolean(v));
      case 'DateTime':
        return (v) => (typeof v === 'string' ? parseUtcDateTime(v) : v);
      case 'Json':
        return (v) => (typeof v === 'string' ? JSON.parse(v) : Buffer.isBuffer(v) ? JSON.parse(v.toString('utf8')) : v);
      case 'Decimal':
        return (v) => (typeof v === 'string' ? normalizeDecimal(v) : typeof v === 'number' ? String(v) : v);
      case 'Int':
      case 'Float':
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
