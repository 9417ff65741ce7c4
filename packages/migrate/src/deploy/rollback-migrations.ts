import { DOWN_FILE, type Migration, type MigrationsFolder } from '../folder/read-migrations-folder.js';
import { migrationStatus } from '../history/migration-status.js';
import { refuseBlocked } from './deploy-migrations.js';
import { MigrateError } from './migrate-error.js';
import { inTransaction, withMigrationSession, type MigrationSession, type SessionOptions } from './migration-session.js';
import { runSteps, segments, StepFailure, withForeignKeys } from './run-steps.js';

export interface RollbackOptions extends SessionOptions {
  folder: MigrationsFolder;
  /** How many of the last applied migrations to roll back; default 1. */
  steps?: number;
}

/**
 * Rolls back the last `steps` applied migrations, newest first, by running each one's down.sql
 * and marking its history row rolled back (it is then pending again). On SQLite and PostgreSQL
 * each down.sql runs in one transaction with the row's update. Stops with a MigrateError when
 * a migration has no down.sql, when one failed, or when the last applied one is not in the
 * folder.
 */
export function rollbackMigrations(options: RollbackOptions): Promise<string[]> {
  const steps = options.steps ?? 1;
  if (!Number.isInteger(steps) || steps < 1) throw new MigrateError('INVALID_REQUEST', `The number of migrations to roll back must be a whole number of at least 1, not ${steps}.`);
  return withMigrationSession(options, async (session) => {
    const done: string[] = [];
    while (done.length < steps) {
      // A look first, to know whether the down migration needs foreign key enforcement off,
      // which can only be switched outside a transaction; then the real read, under the lock.
      const peek = await inTransaction(session.dialect, session.connection, session.lockOptions, () => lastApplied(session, options.folder, done.length === 0));
      if (peek === null) break;
      const whole = session.dialect.transactionalDdl && peek.down!.steps.every((s) => s.transactional);
      const foreignKeysOff = whole && peek.down!.steps.some((s) => s.foreignKeysOff);
      const next = await withForeignKeys(session, foreignKeysOff, () =>
        inTransaction(session.dialect, session.connection, session.lockOptions, async () => {
          const migration = await lastApplied(session, options.folder, done.length === 0);
          // Another rollback got there first: look again.
          if (migration?.name !== peek.name) return { migration, finished: false, stale: true };
          if (whole) {
            await runDown(session, migration, done.length + 1, steps, true);
            await session.history.markRolledBack(migration.name);
            return { migration, finished: true, stale: false };
          }
          return { migration, finished: false, stale: false };
        }),
      );
      if (next.stale) continue;
      if (!next.finished) {
        await runDown(session, next.migration!, done.length + 1, steps, false);
        await session.history.markRolledBack(next.migration!.name);
      }
      done.push(next.migration!.name);
    }
    return done;
  });
}

/** The newest applied migration, checked for a down.sql; null when none is applied and `required` is false. */
async function lastApplied(session: MigrationSession, folder: MigrationsFolder, required: boolean): Promise<Migration | null> {
  const status = migrationStatus(folder, await session.history.read());
  refuseBlocked(status);
  for (const s of status.migrations) {
    if (s.kind === 'interrupted') {
      throw new MigrateError(
        'FAILED_MIGRATION',
        `Migration ${s.migration.name} was interrupted after ${s.row.appliedSteps} statement(s). Run \`kiln migrate deploy\` to finish it before rolling anything back.`,
      );
    }
  }
  const applied = status.migrations.filter((s) => s.kind === 'applied');
  const last = applied[applied.length - 1];
  const newerMissing = status.missing.filter((r) => r.finishedAt !== null && (last === undefined || r.name > last.migration.name));
  if (newerMissing.length > 0) {
    throw new MigrateError(
      'INVALID_REQUEST',
      `The last migration applied to the database, ${newerMissing[newerMissing.length - 1]!.name}, is not in ${folder.path}, so kiln has no down.sql for it. Update the migrations folder (pull the latest version) and try again.`,
    );
  }
  if (last === undefined) {
    if (required) throw new MigrateError('INVALID_REQUEST', 'No migration is applied to this database, so there is nothing to roll back.');
    return null;
  }
  if (last.migration.down === null) {
    throw new MigrateError(
      'NO_DOWN_MIGRATION',
      `Migration ${last.migration.name} has no ${DOWN_FILE}, so it cannot be rolled back automatically. ` +
        `Write ${DOWN_FILE} in ${last.migration.path}, or undo it by hand and run \`kiln migrate resolve --rolled-back ${last.migration.name}\`.`,
    );
  }
  return last.migration;
}

async function runDown(session: MigrationSession, migration: Migration, index: number, total: number, inOneTransaction: boolean): Promise<void> {
  const steps = migration.down!.steps;
  session.onProgress({ kind: 'migrationStarted', direction: 'down', name: migration.name, index, total, statements: steps.length, resumeAt: 0 });
  const started = performance.now();
  const fail = (err: StepFailure, applied: number, rolledBack: boolean): MigrateError => {
    const state = rolledBack
      ? 'Nothing of it was applied: its transaction was rolled back. The migration is still applied.'
      : applied === 0
        ? 'None of its statements was applied. The migration is still marked applied.'
        : `Its first ${applied} statement${applied === 1 ? '' : 's'} stay${applied === 1 ? 's' : ''} applied, and the migration is still marked applied: finish undoing it by hand, then run \`kiln migrate resolve --rolled-back ${migration.name}\`.`;
    return new MigrateError('STATEMENT_FAILED', `Rolling back ${migration.name} failed: ${err.describe(DOWN_FILE, steps.length)}\n${state}`, err.cause);
  };
  if (inOneTransaction) {
    try {
      await runSteps(session, migration.name, steps, 0, steps.length);
    } catch (err) {
      throw err instanceof StepFailure ? fail(err, 0, true) : err;
    }
  } else {
    for (const part of segments(steps, 0, session.dialect.transactionalDdl)) {
      const run = () => runSteps(session, migration.name, steps, part.from, part.to);
      try {
        if (part.transactional) await withForeignKeys(session, part.foreignKeysOff, () => inTransaction(session.dialect, session.connection, session.lockOptions, run));
        else await run();
      } catch (err) {
        throw err instanceof StepFailure ? fail(err, part.from, false) : err;
      }
    }
  }
  session.onProgress({ kind: 'migrationFinished', direction: 'down', name: migration.name, ms: performance.now() - started });
}
