import type { MigrationsFolder } from '../folder/read-migrations-folder.js';
import { deployInSession, type DeployResult } from './deploy-migrations.js';
import { inTransaction, withMigrationSession, type SessionOptions } from './migration-session.js';

export interface ResetOptions extends SessionOptions {
  /** PostgreSQL schemas to empty besides the current one (the datasource's `schemas`). */
  namespaces?: readonly string[];
  /** The migrations to apply once the database is empty; none when absent. */
  folder?: MigrationsFolder;
}

export interface ResetResult {
  /** How many tables, views, types and routines were dropped. */
  dropped: number;
  deploy: DeployResult | null;
}

/**
 * Drops everything in the database (the history table too) and applies every migration of
 * `folder` again, under the migration lock. For development databases: all data is lost.
 */
export function resetDatabase(options: ResetOptions): Promise<ResetResult> {
  return withMigrationSession(options, async (session) => {
    const dropped = await session.dialect.dropEverything(session.connection, options.namespaces ?? []);
    await inTransaction(session.dialect, session.connection, session.lockOptions, () => session.history.ensureTable());
    const deploy = options.folder === undefined ? null : await deployInSession(session, options.folder);
    return { dropped, deploy };
  });
}
