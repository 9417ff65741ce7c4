import { MIGRATION_FILE, type MigrationsFolder } from '../folder/read-migrations-folder.js';
import type { HistoryRow } from '../history/migration-history.js';
import { migrationStatus, type MigrationState, type MigrationStatus } from '../history/migration-status.js';
import { MigrateError } from './migrate-error.js';
import { inTransaction, withMigrationSession, type MigrationSession, type SessionOptions } from './migration-session.js';
import { runSteps, segments, StepFailure, withForeignKeys } from './run-steps.js';

export interface DeployOptions extends SessionOptions {
  folder: MigrationsFolder;
}

export interface DeployResult {
  /** The migrations this deploy applied (or finished), in order. */
  applied: string[];
  /** Those of them an earlier, interrupted deploy had started: the statement each resumed at (1-based). */
  resumed: { name: string; statement: number }[];
  /** Rows of migrations that are not in the folder (worth a warning: the folder may be out of date). */
  missing: HistoryRow[];
}

/**
 * Applies the folder's pending migrations in order, under the migration lock, recording each
 * in the history table. On SQLite and PostgreSQL a migration runs in one transaction together
 * with its history row, so it is applied whole or not at all (statements marked
 * `-- kiln:no-transaction` run outside it, in order, and the row counts them). On MySQL, whose
 * DDL commits as it goes, statements run one by one and the row counts them, so a deploy that
 * was interrupted resumes where it stopped.
 *
 * A migration that fails is recorded as failed (its error in `logs`) and stops the deploy;
 * later deploys refuse to run until it is resolved (`resolveMigration`). So do applied
 * migrations whose migration.sql was edited afterwards.
 */
export function deployMigrations(options: DeployOptions): Promise<DeployResult> {
  return withMigrationSession(options, (session) => deployInSession(session, options.folder));
}

type Runnable = Extract<MigrationState, { kind: 'pending' | 'interrupted' }>;

/** `deployMigrations` on a session that already holds the lock. */
export async function deployInSession(session: MigrationSession, folder: MigrationsFolder): Promise<DeployResult> {
  const { connection, dialect } = session;
  const result: DeployResult = { applied: [], resumed: [], missing: [] };
  let total: number | null = null;
  for (let index = 1; ; index++) {
    // On SQLite this transaction is the lock: the state is read inside it, so a concurrent
    // deploy that waited sees what the one before it applied.
    const open = { value: false };
    const begin = async () => {
      if (dialect.transactionalDdl) await dialect.begin(connection, session.lockOptions);
      open.value = dialect.transactionalDdl;
    };
    const commit = async () => {
      if (open.value) await connection.execute('COMMIT');
      open.value = false;
    };
    const readNext = async (): Promise<Runnable | undefined> => {
      const status = migrationStatus(folder, await session.history.read());
      if (total === null) {
        total = status.migrations.filter((s) => s.kind === 'pending' || s.kind === 'interrupted').length;
        result.missing = status.missing;
      }
      refuseBlocked(status);
      return status.migrations.find((s): s is Runnable => s.kind === 'pending' || s.kind === 'interrupted');
    };
    let foreignKeysOff = false;
    try {
      await begin();
      let next = await readNext();
      if (next !== undefined && open.value && inOneTransaction(next) && next.migration.script.steps.some((s) => s.foreignKeysOff) && dialect.foreignKeyEnforcement !== null) {
        // The switch only works outside a transaction: leave it, switch, and look again.
        await commit();
        await connection.execute(dialect.foreignKeyEnforcement.off);
        foreignKeysOff = true;
        await begin();
        const again = await readNext();
        if (again?.migration.name !== next.migration.name) next = undefined;
      }
      if (next === undefined) {
        // Done, or (after the foreign key switch) another deploy got there first: look again.
        await commit();
        if (foreignKeysOff) {
          index--;
          continue;
        }
        return result;
      }
      await applyOne(session, next, index, Math.max(total ?? 0, index), open, result);
    } catch (err) {
      if (open.value) await connection.execute('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      if (foreignKeysOff && dialect.foreignKeyEnforcement !== null) await connection.execute(dialect.foreignKeyEnforcement.on);
    }
  }
}

/** Whether the migration runs whole in the transaction its state was read in, with its row. */
function inOneTransaction(state: Runnable): boolean {
  return !(state.kind === 'interrupted' && state.row.appliedSteps > 0) && state.migration.script.steps.every((s) => s.transactional);
}

/** Applies one migration; `open.value` says whether the state was read in a transaction still open. */
async function applyOne(session: MigrationSession, next: Runnable, index: number, total: number, open: { value: boolean }, result: DeployResult): Promise<void> {
  const { connection, history } = session;
  const m = next.migration;
  const steps = m.script.steps;
  const resumeAt = next.kind === 'interrupted' ? Math.min(next.row.appliedSteps, steps.length) : 0;
  if (resumeAt > 0) result.resumed.push({ name: m.name, statement: resumeAt + 1 });
  session.onProgress({ kind: 'migrationStarted', direction: 'up', name: m.name, index, total, statements: steps.length, resumeAt });
  const started = performance.now();

  if (open.value && inOneTransaction(next)) {
    // The whole migration and its row, in the transaction already open.
    await history.start(m.name, m.checksum, next.row !== null);
    try {
      await runSteps(session, m.name, steps, 0, steps.length);
    } catch (err) {
      if (!(err instanceof StepFailure)) throw err;
      await connection.execute('ROLLBACK');
      open.value = false;
      throw await recordFailure(session, next, err, 0, 'Nothing of it was applied: its transaction was rolled back.', false);
    }
    await history.finish(m.name, steps.length);
    await connection.execute('COMMIT');
    open.value = false;
  } else {
    if (open.value) await connection.execute('COMMIT');
    open.value = false;
    await applyInSegments(session, next, resumeAt);
  }
  session.onProgress({ kind: 'migrationFinished', direction: 'up', name: m.name, ms: performance.now() - started });
  result.applied.push(m.name);
}

/**
 * A migration with statements that run outside a transaction, or any migration on MySQL: its
 * row is written first, then each segment runs and advances `applied_steps`, so that an
 * interrupted run resumes after the last segment that completed.
 */
async function applyInSegments(session: MigrationSession, state: Runnable, resumeAt: number): Promise<void> {
  const { connection, dialect, history } = session;
  const m = state.migration;
  const steps = m.script.steps;
  if (resumeAt === 0) await history.start(m.name, m.checksum, state.row !== null);
  const parts = segments(steps, resumeAt, dialect.transactionalDdl);
  for (const part of parts) {
    const record = (done: number) => (done === steps.length ? history.finish(m.name, done) : history.setAppliedSteps(m.name, done));
    if (part.transactional) {
      try {
        await withForeignKeys(session, part.foreignKeysOff, () =>
          inTransaction(dialect, connection, session.lockOptions, async () => {
            await runSteps(session, m.name, steps, part.from, part.to);
            await record(part.to);
          }),
        );
      } catch (err) {
        if (!(err instanceof StepFailure)) throw err;
        throw await recordFailure(session, state, err, part.from, appliedNote(part.from, 'the statements of its transaction that had run were rolled back'), true);
      }
    } else {
      try {
        await runSteps(session, m.name, steps, part.from, part.to);
      } catch (err) {
        if (!(err instanceof StepFailure)) throw err;
        throw await recordFailure(session, state, err, part.from, appliedNote(part.from, dialect.transactionalDdl ? null : 'this database commits DDL as it goes'), true);
      }
      await record(part.to);
    }
  }
  if (parts.length === 0) await history.finish(m.name, steps.length);
}

function appliedNote(applied: number, why: string | null): string {
  if (applied === 0) return `None of its statements was applied${why ? ` (${why})` : ''}.`;
  return `Its first ${applied} statement${applied === 1 ? '' : 's'} stay${applied === 1 ? 's' : ''} applied${why ? ` (${why})` : ''}.`;
}

/** Records the failure in the history row and returns the error to throw. */
async function recordFailure(
  session: MigrationSession,
  state: Runnable,
  failure: StepFailure,
  applied: number,
  note: string,
  /**
   * Whether the migration's row says this attempt started; false when its start was written
   * in the transaction that rolled back, so the row is as it was before (or missing).
   */
  rowIsCurrent: boolean,
): Promise<MigrateError> {
  const m = state.migration;
  const logs = `Migration ${m.name} failed: ${failure.describe(MIGRATION_FILE, m.script.steps.length)}`;
  let recorded = true;
  try {
    if (!rowIsCurrent) await session.history.start(m.name, m.checksum, state.row !== null);
    await session.history.fail(m.name, applied, logs);
  } catch {
    recorded = false;
  }
  const next = recorded
    ? `Fix the cause, then ${whatNext(m.name, applied)}`
    : 'kiln could not record the failure in the history table (is the connection gone?); run `kiln migrate deploy` again once the cause is fixed.';
  return new MigrateError('STATEMENT_FAILED', `${logs}\n${note}\n${next}`, failure.cause);
}

/** How to get past a failed migration, given how many of its statements stay applied. */
function whatNext(name: string, applied: number): string {
  const rerun = `run \`kiln migrate resolve --rolled-back ${name}\` so that the next deploy runs it again`;
  const done = `complete it by hand and run \`kiln migrate resolve --applied ${name}\``;
  return applied === 0
    ? `${rerun} (you may edit its migration.sql first), or ${done}.`
    : `either undo its first ${applied} statement${applied === 1 ? '' : 's'} by hand and ${rerun}, or ${done}.`;
}

/** Stops a deploy (or a rollback) that must not go on: a failed or edited migration, in folder order. */
export function refuseBlocked(status: MigrationStatus): void {
  for (const s of status.migrations) {
    if (s.kind === 'failed') {
      const kept = s.row.appliedSteps;
      throw new MigrateError(
        'FAILED_MIGRATION',
        `Migration ${s.migration.name} failed in an earlier deploy (started ${s.row.startedAt}), so kiln applies nothing after it until it is resolved.\n` +
          `  ${s.row.logs!.replace(/\n/g, '\n  ')}\n` +
          `${kept === 0 ? 'None of its statements remains applied.' : `Its first ${kept} statement${kept === 1 ? '' : 's'} remain${kept === 1 ? 's' : ''} applied.`}\n` +
          `Fix the cause, then ${whatNext(s.migration.name, kept)}`,
      );
    }
    if (s.kind === 'applied' && s.edited) {
      throw new MigrateError(
        'EDITED_MIGRATION',
        `Migration ${s.migration.name} was applied, and its migration.sql has changed since (its checksum differs from the one recorded), ` +
          'so kiln cannot tell whether the database matches the migrations.\n' +
          `Restore the file as it was applied (from version control), or, if the edit needs no change to the database, record it with \`kiln migrate resolve --applied ${s.migration.name}\`. ` +
          'On a development database, `kiln migrate reset` applies every migration again.',
      );
    }
    if (s.kind === 'interrupted' && s.row.appliedSteps > 0 && s.row.checksum !== s.migration.checksum) {
      throw new MigrateError(
        'EDITED_MIGRATION',
        `Migration ${s.migration.name} was interrupted after ${s.row.appliedSteps} of its statements, and its migration.sql has changed since, ` +
          'so kiln cannot resume it safely.\n' +
          `Restore the file, or finish the migration by hand and run \`kiln migrate resolve --applied ${s.migration.name}\`.`,
      );
    }
  }
}
