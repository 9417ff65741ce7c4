/** Connection options of the client that are the driver's, by database. */
export interface DriverOptions {
  /** SQLite: milliseconds to wait on a locked database file. */
  busyTimeout?: number;
  /** SQLite: PRAGMAs run on every connection, e.g. `{ journal_mode: 'WAL', synchronous: 'NORMAL' }`. */
  sqlitePragmas?: Record<string, string | number>;
  /**
   * PostgreSQL and MySQL: the connection pool. `max` connections (default 10, or the URL's
   * `connection_limit`); `idleTimeout`: milliseconds an unused connection stays open (default 10,000).
   */
  pool?: { max?: number; idleTimeout?: number };
  /**
   * PostgreSQL and MySQL: milliseconds to wait for a new connection (default 5,000, or the URL's
   * `connect_timeout` in seconds), and the longest wait for a free one when every connection of
   * the pool is in use (then P2024, KilnPoolTimeoutError).
   */
  connectTimeout?: number;
  /**
   * PostgreSQL and MySQL: TLS. `true` verifies the server against the system's CAs; an object is
   * passed to the driver as Node's `tls.connect` options (`ca`, `cert`, `key`,
   * `rejectUnauthorized`...). PostgreSQL also reads `sslmode` from the URL.
   */
  ssl?: boolean | Record<string, unknown>;
  /**
   * MySQL/MariaDB: assume this server version (`8.0.36`, `10.11.6-MariaDB`) instead of asking
   * with `SELECT VERSION()`, e.g. behind a proxy that reports its own. It decides RETURNING.
   */
  serverVersion?: string;
}
