import type { Dialect } from '@kiln/sql';
import type { IsolationLevel, Queryable } from './queryable.js';

export type { ExecuteResult, IsolationLevel, QueryOptions, Queryable, Row } from './queryable.js';

export interface TransactionSettings {
  isolationLevel?: IsolationLevel;
  /** Pooled drivers: milliseconds to wait for a free connection before failing (P2024). */
  maxWait?: number;
}

/**
 * A database driver adapter. Each lives in `dialects/<name>/` and is loaded only when its URL is
 * used, so an app installs one driver.
 */
export interface Driver extends Queryable {
  /**
   * The SQL dialect. When `dialectFromServer` is set it is final only after `connect()` (MySQL
   * and MariaDB differ in RETURNING, known from the server version), so the engine connects
   * before it plans the first statement.
   */
  readonly dialect: Dialect;
  readonly dialectFromServer?: boolean;
  /** Which runtime hooks (value coercion, error mapping) apply. */
  readonly provider: 'sqlite' | 'postgresql' | 'mysql';
  connect(): Promise<void>;
  close(): Promise<void>;
  /** Runs `fn` on one connection inside BEGIN/COMMIT, rolling back when it throws. */
  transaction<T>(fn: (conn: Queryable) => Promise<T>, settings: TransactionSettings): Promise<T>;
}
