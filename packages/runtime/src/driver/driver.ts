import type { Dialect, IsolationLevel } from '@kiln/sql';

export type Row = Record<string, unknown>;

export interface ExecuteResult {
  /** Rows changed by INSERT/UPDATE/DELETE. */
  affectedRows: number;
}

export interface QueryOptions {
  /** Read integers as bigint (for statements that select BigInt columns). */
  bigints?: boolean;
}

/** Something that runs SQL: a driver's pool, or one connection inside a transaction. */
export interface Queryable {
  query(sql: string, params: readonly unknown[], options?: QueryOptions): Promise<Row[]>;
  execute(sql: string, params: readonly unknown[]): Promise<ExecuteResult>;
}

export interface TransactionSettings {
  isolationLevel?: IsolationLevel;
}

/**
 * A database driver adapter. Each lives in `dialects/<name>/` and is loaded only when its URL is
 * used, so an app installs one driver.
 */
export interface Driver extends Queryable {
  readonly dialect: Dialect;
  /** Which runtime hooks (value coercion, error mapping) apply. */
  readonly provider: 'sqlite' | 'postgresql' | 'mysql';
  connect(): Promise<void>;
  close(): Promise<void>;
  /** Runs `fn` on one connection inside BEGIN/COMMIT, rolling back when it throws. */
  transaction<T>(fn: (conn: Queryable) => Promise<T>, settings: TransactionSettings): Promise<T>;
}
