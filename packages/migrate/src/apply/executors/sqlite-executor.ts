import { DatabaseConnectionError, errorMessage, importDriver } from '../connection-errors.js';
import type { DatabaseConnection, Executor, TransactionalExecutor, TransactionOptions } from '../executor.js';

/** The part of a better-sqlite3 `Database` the adapter uses. */
export interface SqliteDatabaseLike {
  exec(sql: string): unknown;
  prepare(sql: string): { reader: boolean; all(...params: unknown[]): unknown[]; run(...params: unknown[]): unknown };
  close(): unknown;
}

export type SqliteConnection = DatabaseConnection & TransactionalExecutor;

/**
 * An executor over an open better-sqlite3 database. The plan runs in one transaction with
 * foreign key enforcement on; the pragma is set before BEGIN because it is a no-op inside a
 * transaction (https://www.sqlite.org/pragma.html#pragma_foreign_keys).
 */
export function sqliteExecutor(db: SqliteDatabaseLike): SqliteConnection {
  const execute = async (sql: string): Promise<void> => {
    try {
      db.exec(sql);
    } catch (err) {
      throw sqliteFailure(err);
    }
  };
  return {
    execute,
    async query(sql, params = []) {
      try {
        const statement = db.prepare(sql);
        // better-sqlite3 runs a statement that returns no rows (an UPDATE) with run(), not all().
        if (!statement.reader) {
          statement.run(...params);
          return [];
        }
        return statement.all(...params) as Record<string, unknown>[];
      } catch (err) {
        throw sqliteFailure(err);
      }
    },
    async transaction<T>(work: (tx: Executor) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
      // A table rebuild drops the old table, which would fire the ON DELETE actions of the
      // tables that reference it; enforcement is turned off around such a transaction (the
      // rebuild checks the keys itself before COMMIT).
      db.exec(options.foreignKeysOff === true ? 'PRAGMA foreign_keys = OFF' : 'PRAGMA foreign_keys = ON');
      db.exec('BEGIN');
      try {
        const result = await work({ execute });
        db.exec('COMMIT');
        return result;
      } catch (err) {
        db.exec('ROLLBACK');
        throw err;
      } finally {
        if (options.foreignKeysOff === true) db.exec('PRAGMA foreign_keys = ON');
      }
    },
    async close() {
      db.close();
    },
  };
}

/** Opens (and creates, if missing) the SQLite database file `filename` with better-sqlite3. */
export async function openSqliteExecutor(filename: string): Promise<SqliteConnection> {
  const { default: Database } = await importDriver(() => import('better-sqlite3'), 'better-sqlite3', 'SQLite');
  let db: SqliteDatabaseLike;
  try {
    db = new Database(filename);
    db.exec('PRAGMA foreign_keys = ON');
  } catch (err) {
    throw new DatabaseConnectionError(`Could not open the SQLite database ${filename}: ${errorMessage(err)}`, err);
  }
  return sqliteExecutor(db);
}

/**
 * The database's error as an `Error` of this realm, with its `code` and the original as `cause`.
 * better-sqlite3's native code builds its SqliteError from the class it was first loaded with,
 * so in a process that loads the module into several contexts (jest workers, vm sandboxes) the
 * error is not `instanceof Error` where it is caught, and tools that check for an Error (jest's
 * `rejects.toThrow`) take the rejection for no error at all.
 */
function sqliteFailure(err: unknown): Error {
  if (err instanceof Error) return err;
  const source = err as { message?: unknown; code?: unknown };
  const error = new Error(typeof source?.message === 'string' ? source.message : String(err), { cause: err });
  if (typeof source?.code === 'string') Object.assign(error, { code: source.code });
  return error;
}
