import type { Provider } from '@kiln/schema';
import type { ConnectionTarget } from '../apply/database-url.js';
import type { DatabaseConnection } from '../apply/executor.js';
import { openConnection } from '../apply/open-connection.js';
import { MigrationHistory } from '../history/migration-history.js';
import { deployDialectFor } from './deploy-dialect-for.js';
import { DEFAULT_LOCK_TIMEOUT_MS, type DeployDialect, type LockOptions } from './deploy-dialect.js';
import type { ProgressListener } from './migrate-progress.js';

/** An open connection, under the migration lock, with the history table in place. */
export interface MigrationSession {
  provider: Provider;
  target: ConnectionTarget;
  connection: DatabaseConnection;
  dialect: DeployDialect;
  history: MigrationHistory;
  lockOptions: LockOptions;
  onProgress: ProgressListener;
}

export interface SessionOptions {
  target: ConnectionTarget;
  onProgress?: ProgressListener;
  /** How long to wait for another deploy's lock; default 10 minutes. */
  lockTimeoutMs?: number;
}

/**
 * Connects, prepares the session, takes the migration lock and creates the history table if
 * missing, runs `body`, then releases everything, whatever `body` does.
 */
export async function withMigrationSession<T>(options: SessionOptions, body: (session: MigrationSession) => Promise<T>): Promise<T> {
  const { target } = options;
  const onProgress: ProgressListener = options.onProgress ?? (() => undefined);
  let waited = false;
  const lockOptions: LockOptions = {
    timeoutMs: options.lockTimeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS,
    // SQLite waits once per migration; say so once.
    onWait: (holder) => {
      if (!waited) onProgress({ kind: 'waitingForLock', holder });
      waited = true;
    },
  };
  const dialect = deployDialectFor(target.provider);
  const connection = await openConnection(target);
  try {
    await dialect.prepare(connection, target);
    const lock = await dialect.lock(connection, target, lockOptions);
    try {
      const history = new MigrationHistory(connection, target.provider);
      await inTransaction(dialect, connection, lockOptions, () => history.ensureTable());
      return await body({ provider: target.provider, target, connection, dialect, history, lockOptions, onProgress });
    } finally {
      await lock.release();
    }
  } finally {
    await connection.close().catch(() => undefined);
  }
}

/** Runs `work` in a migration transaction where the database has them (on SQLite, an exclusive one: the lock), else directly. */
export async function inTransaction<T>(dialect: DeployDialect, connection: DatabaseConnection, lockOptions: LockOptions, work: () => Promise<T>): Promise<T> {
  if (!dialect.transactionalDdl) return work();
  await dialect.begin(connection, lockOptions);
  try {
    const result = await work();
    await connection.execute('COMMIT');
    return result;
  } catch (err) {
    await connection.execute('ROLLBACK').catch(() => undefined);
    throw err;
  }
}
