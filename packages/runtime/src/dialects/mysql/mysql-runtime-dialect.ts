import { inList, sql, type ExpressionNode, type ParamNode } from '@kiln/sql';
import type { RuntimeDialect } from '../runtime-dialect.js';
import { KeyList } from './key-list.js';
import { mysqlCodec, mysqlDateTime } from './mysql-codec.js';
import { classifyMysqlError } from './mysql-errors.js';

/**
 * MySQL and MariaDB. A key list is one `IN (?)` parameter holding a KeyList, which the driver
 * expands (key-list.ts): MySQL has no array parameters, and JSON_TABLE would need the key's
 * column type and collation.
 */
export const mysqlRuntimeDialect: RuntimeDialect = {
  codec: mysqlCodec,
  classifyError: classifyMysqlError,
  // Each statement is a round trip; 1,000 rows stay far below max_allowed_packet for typical rows.
  insertBatchRows: 1000,
  inKeyList(expr: ExpressionNode, list: ParamNode): ExpressionNode {
    return inList(expr, [list]);
  },
  encodeKeyList: (keys) => new KeyList(keys),
  // Strings are length-counted: a NUL in a LIKE pattern is an ordinary character.
  likeMatchesNul: true,
  // NULL sorts lowest: first ascending, last descending.
  // https://dev.mysql.com/doc/refman/8.0/en/working-with-null.html
  nullsFirstByDefault: (direction) => direction === 'asc',
  // `/` is exact division (a DECIMAL); DIV truncates toward zero, as Prisma's Int division.
  // https://dev.mysql.com/doc/refman/8.0/en/arithmetic-functions.html#operator_div
  integerDivide(a: ExpressionNode, b: ExpressionNode): ExpressionNode {
    return sql`${sql.expr(a)} DIV ${sql.expr(b)}`;
  },
  // A bigint is sent as a typed 64-bit integer by the driver; a JS number would be a DOUBLE.
  encodeLimit: (n) => BigInt(n),
  encodeRaw(v: unknown): unknown {
    if (v instanceof Date) return mysqlDateTime(v);
    if (v === undefined) return null;
    if (v !== null && typeof v === 'object' && !(v instanceof Uint8Array)) return JSON.stringify(v);
    return v;
  },
};
