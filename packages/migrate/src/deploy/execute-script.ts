import type { Provider } from '@kiln/schema';
import type { DatabaseConnection } from '../apply/executor.js';
import type { MigrationStep } from '../folder/migration-script.js';
import { deployDialectFor } from './deploy-dialect-for.js';
import { DEFAULT_LOCK_TIMEOUT_MS } from './deploy-dialect.js';
import { MigrateError } from './migrate-error.js';
import type { ProgressListener } from './migrate-progress.js';
import { inTransaction } from './migration-session.js';
import { runSteps, segments, StepFailure, withForeignKeys } from './run-steps.js';

export interface ExecuteScriptOptions {
  /** The script's name in messages, e.g. `seed.sql`. */
  file: string;
  onProgress?: ProgressListener;
}

/**
 * Runs the statements of a script on an open connection, without the history table (`kiln db
 * push`, `kiln db execute`): in one transaction where DDL is transactional, with statements
 * marked `-- kiln:no-transaction` run outside it in order, and `-- kiln:foreign-keys-off`
 * honoured; statement by statement on MySQL. A failing statement is a MigrateError that names
 * it and says what stays applied.
 */
export async function executeScript(connection: DatabaseConnection, provider: Provider, steps: readonly MigrationStep[], options: ExecuteScriptOptions): Promise<void> {
  const dialect = deployDialectFor(provider);
  const lockOptions = { timeoutMs: DEFAULT_LOCK_TIMEOUT_MS };
  const session = { connection, dialect, onProgress: options.onProgress ?? (() => undefined) };
  const parts = segments(steps, 0, dialect.transactionalDdl);
  for (const part of parts) {
    try {
      await withForeignKeys(session, part.foreignKeysOff, () =>
        part.transactional ? inTransaction(dialect, connection, lockOptions, () => runSteps(session, options.file, steps, part.from, part.to)) : runSteps(session, options.file, steps, part.from, part.to),
      );
    } catch (err) {
      if (!(err instanceof StepFailure)) throw err;
      const applied = part.from;
      const kept =
        applied === 0
          ? 'Nothing was applied.'
          : `The ${applied} statement${applied === 1 ? '' : 's'} before it stay${applied === 1 ? 's' : ''} applied${dialect.transactionalDdl ? ' (they ran outside a transaction)' : ' (this database commits DDL as it goes)'}.`;
      throw new MigrateError('STATEMENT_FAILED', `${err.describe(options.file, steps.length)}\n${kept}`, err.cause);
    }
  }
}
