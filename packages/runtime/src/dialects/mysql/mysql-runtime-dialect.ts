import { avg, cast, fn, inList, sql, type ExpressionNode, type ParamNode } from '@kiln/sql';
import type { RuntimeDialect } from '../runtime-dialect.js';
import { KeyList } from './key-list.js';
import { mysqlCodec, mysqlDateTime } from './mysql-codec.js';
import { classifyMysqlError } from './mysql-errors.js';
import { mysqlJsonRelations } from './mysql-json.js';

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
  // AVG of an exact value is a DECIMAL with div_precision_increment (4) more decimals: average
  // doubles instead, as PostgreSQL and SQLite do. CAST(.. AS DOUBLE) needs MySQL 8.0.17 / MariaDB 10.4.
  // https://dev.mysql.com/doc/refman/8.0/en/aggregate-functions.html#function_avg
  integerAverage: (expr) => avg(cast(expr, 'double')),
  // Every column type has `=` (JSON compares as JSON on MySQL, as text on MariaDB).
  filterOperand: (column) => column,
  // `id = LAST_INSERT_ID(id)` leaves the key as it is and makes the OK packet report it when
  // ON DUPLICATE KEY UPDATE updates (it reports the new AUTO_INCREMENT value when it inserts).
  // https://dev.mysql.com/doc/refman/8.0/en/insert-on-duplicate.html
  upsertInsertId: (column) => fn('LAST_INSERT_ID', column),
  // relationLoadStrategy: 'join' (mysql-json.ts).
  // Measured on 2026-11-21: batched IN queries beat JSON_ARRAYAGG on every include workload measured.
  defaultRelationLoadStrategy: 'query',
  jsonRelations: mysqlJsonRelations,
};
