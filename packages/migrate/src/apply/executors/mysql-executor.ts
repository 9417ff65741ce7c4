import { DatabaseConnectionError, errorMessage, importDriver } from '../connection-errors.js';
import type { DatabaseConnection } from '../executor.js';
import { describeServer } from '../database-url.js';

/** The part of a mysql2/promise `Connection` the adapter uses. */
export interface MysqlConnectionLike {
  query(sql: string): Promise<unknown>;
  execute(sql: string, params?: unknown[]): Promise<[unknown, unknown]>;
  end(): Promise<void>;
}

/**
 * The session settings every statement of the adapter runs under, whatever the server hands out
 * (a managed server's parameter group, an admin's `sql_mode = ''`, a zone other than UTC):
 *
 * - `STRICT_ALL_TABLES` added to `sql_mode` (the other modes kept): without a strict mode,
 *   ALTER TABLE ... MODIFY converts silently, NULL to '' when a column becomes required, values
 *   cut to a shorter VARCHAR, a removed ENUM value to ''; the planner and the lint count on the
 *   statement failing instead (https://dev.mysql.com/doc/refman/8.0/en/sql-mode.html#sql-mode-strict).
 * - `NO_BACKSLASH_ESCAPES` removed: the MySQL renderer doubles backslashes in string literals,
 *   which that mode would keep as two characters.
 * - `time_zone = '+00:00'`: a TIMESTAMP default literal is read in the session's zone, and the
 *   renderer writes the schema's UTC instant (the runtime reads TIMESTAMPs in UTC too)
 *   (https://dev.mysql.com/doc/refman/8.0/en/datetime.html).
 *
 * Empty entries left by the REPLACE (`A,,B`) are accepted by MySQL and MariaDB.
 */
const SESSION_SETTINGS =
  "SET SESSION sql_mode = CONCAT_WS(',', NULLIF(REPLACE(@@SESSION.sql_mode, 'NO_BACKSLASH_ESCAPES', ''), ''), 'STRICT_ALL_TABLES'), " +
  "time_zone = '+00:00'";

/**
 * An executor over a mysql2 connection. It has no `transaction`: MySQL and MariaDB commit
 * implicitly around every DDL statement (https://dev.mysql.com/doc/refman/8.0/en/implicit-commit.html,
 * https://mariadb.com/kb/en/sql-statements-that-cause-an-implicit-commit/), so a plan runs
 * statement by statement. `query` binds `?` placeholders server-side (a prepared statement).
 *
 * The connection may come from elsewhere, so the session settings above are set here, before
 * the first statement the adapter runs.
 */
export function mysqlExecutor(connection: MysqlConnectionLike): DatabaseConnection {
  let session: Promise<unknown> | null = null;
  const ready = () => (session ??= connection.query(SESSION_SETTINGS));
  return {
    async execute(sql) {
      await ready();
      await connection.query(sql);
    },
    async query(sql, params = []) {
      await ready();
      const [rows] = await connection.execute(sql, [...params]);
      return rows as Record<string, unknown>[];
    },
    async close() {
      await connection.end();
    },
  };
}

export interface MysqlOpenOptions {
  /** Default 10 s. */
  connectTimeoutMs?: number;
}

/** Connects to `url` (`mysql://user:password@host:port/database`; `mariadb://` too) with mysql2. */
export async function openMysqlExecutor(url: string, options: MysqlOpenOptions = {}): Promise<DatabaseConnection> {
  const mysql = await importDriver(() => import('mysql2/promise'), 'mysql2', 'MySQL');
  const uri = url.replace(/^mariadb:/i, 'mysql:');
  let connection: MysqlConnectionLike;
  try {
    // mysql2 types its parameters as its own value union; the adapter passes what it is given.
    connection = (await mysql.createConnection({ uri, connectTimeout: options.connectTimeoutMs ?? 10_000 })) as MysqlConnectionLike;
  } catch (err) {
    throw new DatabaseConnectionError(`Could not connect to MySQL at ${describeServer(url)}: ${errorMessage(err)}`, err);
  }
  const executor = mysqlExecutor(connection);
  try {
    // The session settings now, so that a server refusing them fails here, as a connection error.
    await executor.execute('DO 0');
  } catch (err) {
    await connection.end().catch(() => undefined);
    throw new DatabaseConnectionError(`Could not set up the MySQL session at ${describeServer(url)}: ${errorMessage(err)}`, err);
  }
  return executor;
}
