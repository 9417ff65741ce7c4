/** Runs one SQL statement. The whole of what applying a plan needs from a connection. */
export interface Executor {
  execute(sql: string): Promise<void>;
}

/**
 * An executor that can run a group of statements atomically. The SQLite and PostgreSQL
 * adapters have it (their DDL is transactional); MySQL's has not, since every DDL statement
 * commits implicitly (https://dev.mysql.com/doc/refman/8.0/en/implicit-commit.html).
 */
export interface TransactionalExecutor extends Executor {
  /**
   * Runs `work` in one transaction: committed if it resolves, rolled back if it throws.
   * `foreignKeysOff`: enforcement is off for this transaction (SQLite table rebuilds; a no-op
   * where DDL never fires referential actions).
   */
  transaction<T>(work: (tx: Executor) => Promise<T>, options?: TransactionOptions): Promise<T>;
}

export interface TransactionOptions {
  foreignKeysOff?: boolean;
}

/** A connection opened by one of the adapters in `executors/`. */
export interface DatabaseConnection extends Executor {
  /** The rows of a query, with `?` placeholders bound to `params` (never interpolated). */
  query(sql: string, params?: readonly unknown[]): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
}

export function isTransactional(executor: Executor): executor is TransactionalExecutor {
  return typeof (executor as Partial<TransactionalExecutor>).transaction === 'function';
}
