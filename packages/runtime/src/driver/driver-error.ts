/**
 * What a driver error means, independent of the database that raised it. `constraint` is the
 * key's database name when the database reports one (PostgreSQL, MySQL); `primaryKey` says the
 * violated key is the primary key when only that is known (MySQL reports it as `PRIMARY`).
 */
export type DriverErrorInfo =
  | { kind: 'unique'; table: string | null; columns: string[]; constraint: string | null; primaryKey?: boolean }
  | { kind: 'foreignKey'; table: string | null; columns: string[]; constraint: string | null }
  | { kind: 'notNull'; table: string | null; columns: string[] }
  | { kind: 'check'; constraint: string | null }
  | { kind: 'connection'; message: string }
  /** A connection that was open is gone (killed, server restarted, network dropped). */
  | { kind: 'closed'; message: string }
  /** The database aborted the transaction: a serialization failure or a deadlock. */
  | { kind: 'writeConflict'; message: string }
  | { kind: 'timeout'; message: string };
