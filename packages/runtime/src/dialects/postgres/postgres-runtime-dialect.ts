import { avg, div, sql, type ExpressionNode, type ParamNode } from '@kiln/sql';
import type { RuntimeDialect } from '../runtime-dialect.js';
import { postgresCodec } from './postgres-codec.js';
import { classifyPostgresError } from './postgres-errors.js';
import { postgresJsonRelations } from './postgres-json.js';

/** PostgreSQL passes a key list as one array parameter: `expr = ANY($n)`. */
export const postgresRuntimeDialect: RuntimeDialect = {
  codec: postgresCodec,
  classifyError: classifyPostgresError,
  // One statement per 1,000 rows (fewer when the columns would pass 65,535 parameters): each
  // statement is a network round trip, and PostgreSQL parses a long VALUES list quickly.
  insertBatchRows: 1000,
  // The parameter's type is inferred from the column (`int4[]`, `text[]`...); pg sends a JS
  // array as an array literal. https://www.postgresql.org/docs/current/functions-comparisons.html
  inKeyList(expr: ExpressionNode, list: ParamNode): ExpressionNode {
    return sql`${sql.expr(expr)} = ANY(${sql.expr(list)})`;
  },
  encodeKeyList: (keys) => keys,
  // Text cannot hold NUL at all; the codec refuses such strings with a clear message.
  likeMatchesNul: false,
  // NULLs sort as larger than any value: last ascending, first descending.
  // https://www.postgresql.org/docs/current/queries-order.html
  nullsFirstByDefault: (direction) => direction === 'desc',
  // integer / integer truncates toward zero already.
  integerDivide: (a, b) => div(a, b),
  encodeLimit: (n) => n,
  encodeRaw(v: unknown): unknown {
    // pg would write a Date in the process's time zone; ISO text with Z is the same instant for
    // timestamptz and the UTC wall clock for timestamp (which Kiln stores).
    if (v instanceof Date) return v.toISOString();
    if (v === undefined) return null;
    return v;
  },
  // AVG(integer) is an exact numeric, read as a number.
  integerAverage: (expr) => avg(expr),
  // json and xml have no `=` ("operator does not exist: json = unknown"): json compares as
  // jsonb (key order and whitespace do not count), xml as its text.
  // https://www.postgresql.org/docs/current/functions-json.html, https://www.postgresql.org/docs/current/datatype-xml.html
  filterOperand(column: ExpressionNode, field): ExpressionNode {
    switch (field.nativeType?.name) {
      case 'Json':
        return sql`CAST(${sql.expr(column)} AS jsonb)`;
      case 'Xml':
        return sql`CAST(${sql.expr(column)} AS text)`;
      default:
        return column;
    }
  },
  // INSERT .. ON CONFLICT .. RETURNING returns the row.
  upsertInsertId: () => null,
  // relationLoadStrategy: 'join' (postgres-json.ts).
  // Measured on 2026-11-21: batched IN queries beat LATERAL json_agg on most include workloads (0.75-1.42x).
  defaultRelationLoadStrategy: 'query',
  jsonRelations: postgresJsonRelations,
};
