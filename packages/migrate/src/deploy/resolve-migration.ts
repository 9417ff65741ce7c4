import type { MigrationsFolder } from '../folder/read-migrations-folder.js';
import { migrationStatus } from '../history/migration-status.js';
import { MigrateError } from './migrate-error.js';
import { inTransaction, withMigrationSession, type SessionOptions } from './migration-session.js';

export interface ResolveOptions extends SessionOptions {
  folder: MigrationsFolder;
  /** The migration's directory name. */
  name: string;
  /**
   * `applied`: its changes are in the database (it was finished by hand): mark it applied with
   * the file's checksum; for an applied migration whose file was edited, record the new checksum.
   * `rolledBack`: its changes are not in the database (it failed and was undone): mark it rolled
   * back, so the next deploy runs it again.
   */
  as: 'applied' | 'rolledBack';
}

/** What `resolveMigration` recorded. */
export type ResolveOutcome = 'markedApplied' | 'checksumUpdated' | 'markedRolledBack';

/** Records the outcome of a migration that a person has dealt with by hand (`kiln migrate resolve`). */
export function resolveMigration(options: ResolveOptions): Promise<ResolveOutcome> {
  const { folder, name } = options;
  return withMigrationSession(options, (session) =>
    inTransaction(session.dialect, session.connection, session.lockOptions, async (): Promise<ResolveOutcome> => {
      const status = migrationStatus(folder, await session.history.read());
      const state = status.migrations.find((s) => s.migration.name === name);
      if (state === undefined) {
        const known = folder.migrations.length === 0 ? 'it has no migrations' : `its last migration is ${folder.migrations[folder.migrations.length - 1]!.name}`;
        throw new MigrateError('INVALID_REQUEST', `There is no migration named ${name} in ${folder.path} (${known}). Give the name of a migration directory.`);
      }
      const m = state.migration;
      if (options.as === 'applied') {
        if (state.kind === 'applied') {
          if (!state.edited) throw new MigrateError('INVALID_REQUEST', `Migration ${name} is already applied, with this migration.sql; there is nothing to resolve.`);
          await session.history.setChecksum(name, m.checksum);
          return 'checksumUpdated';
        }
        await session.history.markApplied(name, m.checksum, m.script.steps.length, state.row !== null);
        return 'markedApplied';
      }
      if (state.kind === 'pending') {
        throw new MigrateError(
          'INVALID_REQUEST',
          state.row === null ? `Migration ${name} was never applied to this database; there is nothing to roll back.` : `Migration ${name} is already rolled back.`,
        );
      }
      await session.history.markRolledBack(name);
      return 'markedRolledBack';
    }),
  );
}
