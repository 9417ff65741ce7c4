import { sql, type ExpressionNode } from '@kiln/sql';
import type { RuntimeColumn } from '../../runtime-schema.js';
import { parseUtcDateTime, type Decoder } from '../../values/codec.js';
import { parseDateTimeText } from '../../driver/date-time-text.js';
import type { JsonField, JsonRelationHooks } from '../runtime-dialect.js';
import { postgresCodec } from './postgres-codec.js';

/**
 * PostgreSQL builds relations as `json` (json_build_array, json_agg) in `LEFT JOIN LATERAL`
 * subqueries. Most values are JSON already; what JSON would bend is sent as text:
 * bigint and numeric (JSON numbers would pass through a double), bytea (base64), and arrays of
 * those (text[]). Dates come as the ISO text `to_json` writes whatever the DateStyle
 * (https://www.postgresql.org/docs/current/functions-json.html), read as pg-driver reads them.
 */
export const postgresJsonRelations: JsonRelationHooks = {
  unsupported: () => null,
  lateral: true,
  correlatedDerivedTables: true,
  field(column, field, enumValues): JsonField {
    const one = scalar(field, enumValues);
    if (!field.list) return { expr: one.text ? text(column) : one.base64 ? base64(column) : column, decode: one.decode };
    // An array's elements are converted like one value: numeric[]::text[] keeps every digit.
    const expr = one.text || one.base64 ? sql`CAST(${sql.expr(column)} AS text[])` : column;
    const decode = one.base64 ? byteaText : one.decode;
    return { expr, decode: decode ? (v) => (Array.isArray(v) ? v.map((x) => (x === null ? null : decode(x))) : v) : null };
  },
  // json_agg takes ORDER BY: nothing is sorted in memory.
  sortKey: () => null,
  statementPrefix: () => '',
};

interface Scalar {
  /** Sent as its text. */
  text?: boolean;
  /** bytea, sent as base64 (a list as its hex text). */
  base64?: boolean;
  decode: Decoder | null;
}

function scalar(field: RuntimeColumn, enumValues: Record<string, string> | undefined): Scalar {
  if (field.kind !== 'scalar') return { decode: postgresCodec.decoder({ ...field, list: false }, enumValues) };
  const native = field.nativeType?.name;
  switch (field.type) {
    case 'BigInt':
      return { text: true, decode: (v) => BigInt(v as string) };
    case 'Decimal':
      // The codec reads numeric and money text: trailing zeros dropped, money's symbols too.
      return { text: true, decode: postgresCodec.decoder({ ...field, list: false }, enumValues) };
    case 'Bytes':
      return { base64: true, decode: (v) => Buffer.from(v as string, 'base64') };
    case 'DateTime':
      if (native === 'Time' || native === 'Timetz') return { decode: postgresCodec.decoder({ ...field, list: false }, enumValues) };
      return { decode: jsonDate };
    case 'Int':
    case 'Float':
      // NaN and ±Infinity are JSON strings.
      return { decode: (v) => (typeof v === 'number' ? v : Number(v)) };
    default:
      // String, Boolean and Json are JSON as they are.
      return { decode: null };
  }
}

const text = (column: ExpressionNode): ExpressionNode => sql`CAST(${sql.expr(column)} AS text)`;
// Newlines every 76 characters are skipped by Buffer.from(.., 'base64').
const base64 = (column: ExpressionNode): ExpressionNode => sql`encode(${sql.expr(column)}, 'base64')`;

/** An element of bytea[]::text[]: `\x0102` (bytea_output = hex, the default since 9.0). */
function byteaText(v: unknown): Buffer {
  const s = v as string;
  return Buffer.from(s.startsWith('\\x') ? s.slice(2) : s, 'hex');
}

/**
 * `2024-01-02T03:04:05.678` (timestamp: the UTC wall clock, as Kiln writes it), `2024-01-02`
 * (date), `2024-01-02T01:04:05.678+00:00` (timestamptz), `infinity`: what pg-driver returns for
 * the same column read directly.
 */
function jsonDate(v: unknown): unknown {
  const s = v as string;
  if (s === 'infinity' || s === '-infinity') return s;
  return s.length <= 26 ? parseDateTimeText(s) : parseUtcDateTime(s);
}
