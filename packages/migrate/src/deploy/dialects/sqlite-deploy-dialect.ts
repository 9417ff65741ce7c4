import { existsSync } from 'node:fs';
import { SqliteDialect } from '@kiln/sql';
import type { ConnectionTarget } from '../../apply/database-url.js';
import { openSqliteExecutor } from '../../apply/executors/sqlite-executor.js';
import type { DatabaseConnection } from '../../apply/executor.js';
import type { DeployDialect, LockOptions, MigrationLock } from '../deploy-dialect.js';
import { formatDuration } from '../format-duration.js';
import { MigrateError } from '../migrate-error.js';

const isBusy = (err: unknown): boolean => /^SQLITE_BUSY/.test(String((err as { code?: unknown }).code ?? ''));

/**
 * SQLite has no advisory lock. Each migration runs in a `BEGIN EXCLUSIVE` transaction that
 * reads the history first, so a second deploy waits for the first one's migration to commit
 * (the busy timeout), then finds it applied (https://www.sqlite.org/lang_transaction.html).
 */
export class SqliteDeployDialect implements DeployDialect {
  readonly transactionalDdl = true;
  readonly foreignKeyEnforcement = { off: 'PRAGMA foreign_keys = OFF', on: 'PRAGMA foreign_keys = ON' };

  async openExisting(target: ConnectionTarget): Promise<DatabaseConnection | null> {
    if (target.provider !== 'sqlite' || !existsSync(target.filename)) return null;
    return openSqliteExecutor(target.filename);
  }

  /** Opening the file creates it; only its folder must exist. */
  async createIfMissing(target: ConnectionTarget): Promise<boolean> {
    return target.provider === 'sqlite' && !existsSync(target.filename);
  }

  async prepare(): Promise<void> {}

  async lock(): Promise<MigrationLock> {
    return { release: async () => undefined };
  }

  async begin(connection: DatabaseConnection, options: LockOptions): Promise<void> {
    await connection.execute('PRAGMA busy_timeout = 0');
    try {
      await connection.execute('BEGIN EXCLUSIVE');
      return;
    } catch (err) {
      if (!isBusy(err)) throw err;
    } finally {
      await connection.execute(`PRAGMA busy_timeout = ${Math.max(0, Math.floor(options.timeoutMs))}`);
    }
    options.onWait?.(null);
    try {
      await connection.execute('BEGIN EXCLUSIVE');
    } catch (err) {
      if (!isBusy(err)) throw err;
      throw new MigrateError('LOCK_TIMEOUT', `Another process kept the SQLite database locked for more than ${formatDuration(options.timeoutMs)}; is another kiln migrate running?`, err);
    }
  }

  async dropEverything(connection: DatabaseConnection): Promise<number> {
    const q = (n: string) => new SqliteDialect().quoteIdentifier(n);
    const objects = await connection.query(
      `SELECT type, name FROM sqlite_master WHERE type IN ('table', 'view', 'trigger') AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'
       ORDER BY CASE type WHEN 'trigger' THEN 0 WHEN 'view' THEN 1 ELSE 2 END, CASE WHEN sql LIKE 'CREATE VIRTUAL%' THEN 0 ELSE 1 END, name`,
    );
    // Foreign key enforcement off, so tables drop in any order; the pragma is a no-op inside a
    // transaction (https://www.sqlite.org/pragma.html#pragma_foreign_keys), so it is set first.
    await connection.execute('PRAGMA foreign_keys = OFF');
    try {
      await connection.execute('BEGIN EXCLUSIVE');
      try {
        for (const o of objects) await connection.execute(`DROP ${String(o.type).toUpperCase()} IF EXISTS ${q(String(o.name))}`);
        await connection.execute('COMMIT');
      } catch (err) {
        await connection.execute('ROLLBACK').catch(() => undefined);
        throw err;
      }
    } finally {
      await connection.execute('PRAGMA foreign_keys = ON');
    }
    return objects.length;
  }
}
