/** Connection options of the client that are the driver's, by database. */
export interface DriverOptions {
  /** SQLite: milliseconds to wait on a locked database file. */
  busyTimeout?: number;
  /** SQLite: PRAGMAs run on every connection, e.g. `{ journal_mode: 'WAL', synchronous: 'NORMAL' }`. */
  sqlitePragmas?: Record<string, string | number>;
}
