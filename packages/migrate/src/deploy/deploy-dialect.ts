import type { ConnectionTarget } from '../apply/database-url.js';
import type { DatabaseConnection } from '../apply/executor.js';

export interface LockOptions {
  /** How long to wait for another deploy's lock before giving up with LOCK_TIMEOUT. */
  timeoutMs: number;
  /** Called when the lock is held by someone else, before waiting for it; `holder` describes them when known. */
  onWait?: (holder: string | null) => void;
}

/** The deploy-wide migration lock; released by `release` or when the process dies. */
export interface MigrationLock {
  release(): Promise<void>;
}

/**
 * What deploying migrations needs to know about a database, besides the history table: how it
 * locks out a concurrent deploy, whether its DDL runs in transactions, and how to empty it.
 * One implementation per database in `dialects/`; shared code never asks which database it is.
 */
export interface DeployDialect {
  /**
   * Whether DDL runs inside a transaction (SQLite, PostgreSQL): a migration then runs in one,
   * with its history row. MySQL commits implicitly around every DDL statement
   * (https://dev.mysql.com/doc/refman/8.0/en/implicit-commit.html), so a migration runs
   * statement by statement and its row counts the statements applied.
   */
  readonly transactionalDdl: boolean;
  /**
   * A connection to the target when it exists, else null, creating nothing: no SQLite file is
   * made, a missing PostgreSQL schema (`?schema=`) or MySQL database is null. For commands
   * that only read (`kiln migrate status`).
   */
  openExisting(target: ConnectionTarget): Promise<DatabaseConnection | null>;
  /** Creates the target when missing (the MySQL database, the PostgreSQL schema); true when it did. */
  createIfMissing(target: ConnectionTarget): Promise<boolean>;
  /** Session settings before migrating; creates the URL's PostgreSQL schema when missing. */
  prepare(connection: DatabaseConnection, target: ConnectionTarget): Promise<void>;
  /**
   * Takes the lock that keeps two deploys apart for the whole run. PostgreSQL and MySQL hold
   * an advisory lock on a dedicated connection; SQLite has none and relies on `begin`.
   */
  lock(connection: DatabaseConnection, target: ConnectionTarget, options: LockOptions): Promise<MigrationLock>;
  /**
   * The statements that turn foreign key enforcement off before a migration's transaction and
   * back on after it (`-- kiln:foreign-keys-off`); null where the directive is not allowed.
   */
  readonly foreignKeyEnforcement: { off: string; on: string } | null;
  /** Opens a migration's transaction (where `transactionalDdl`); on SQLite, an exclusive one, which is its lock. */
  begin(connection: DatabaseConnection, options: LockOptions): Promise<void>;
  /**
   * Drops every table, view, type and routine of the database (SQLite: the file; MySQL: the
   * connection's database; PostgreSQL: the current schema and `namespaces`), the history table
   * included. Returns how many objects it dropped.
   */
  dropEverything(connection: DatabaseConnection, namespaces: readonly string[]): Promise<number>;
}

/** The lock wait when the caller sets none: long migrations elsewhere are normal, a stuck deploy is not. */
export const DEFAULT_LOCK_TIMEOUT_MS = 10 * 60 * 1000;
