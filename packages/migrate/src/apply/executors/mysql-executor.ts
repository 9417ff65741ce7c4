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
 * An executor over a mysql2 connection. It has no `transaction`: MySQL and MariaDB commit
 * implicitly around every DDL statement (https://dev.mysql.com/doc/refman/8.0/en/implicit-commit.html,
 * https://mariadb.com/kb/en/sql-statements-that-cause-an-implicit-commit/), so a plan runs
 * statement by statement. `query` binds `?` placeholders server-side (a prepared statement).
 */
export function mysqlExecutor(connection: MysqlConnectionLike): DatabaseConnection {
  return {
    async execute(sql) {
      await connection.query(sql);
    },
    async query(sql, params = []) {
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
  // The MySQL renderer escapes backslashes in string literals, which NO_BACKSLASH_ESCAPES would
  // turn into two characters; take it out of this session's mode.
  await connection.query("SET SESSION sql_mode = REPLACE(@@SESSION.sql_mode, 'NO_BACKSLASH_ESCAPES', '')");
  return mysqlExecutor(connection);
}
