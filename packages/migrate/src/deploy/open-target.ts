import type { ConnectionTarget } from '../apply/database-url.js';
import type { DatabaseConnection } from '../apply/executor.js';
import { deployDialectFor } from './deploy-dialect-for.js';

/**
 * A connection to the database the target names when it exists, else null; nothing is created
 * (no SQLite file, no PostgreSQL schema). For commands that only read, such as `kiln migrate status`.
 */
export function openExistingDatabase(target: ConnectionTarget): Promise<DatabaseConnection | null> {
  return deployDialectFor(target.provider).openExisting(target);
}

/**
 * Creates the database the target names when it is missing: the MySQL database (with the
 * server's defaults) or the PostgreSQL schema of `?schema=`; a SQLite file is created when it
 * is opened. Returns whether it created one. For `kiln migrate dev`, `reset` and `db push`.
 */
export function createDatabaseIfMissing(target: ConnectionTarget): Promise<boolean> {
  return deployDialectFor(target.provider).createIfMissing(target);
}
