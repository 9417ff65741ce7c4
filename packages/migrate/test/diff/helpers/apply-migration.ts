import type { Provider } from '@kiln/schema';
import { applyPlan, type DatabaseConnection, type Executor, type RenderedChange, type TransactionalExecutor } from '../../../src/index.js';

/**
 * Applies a rendered migration the way the deployer must (docs/migrate.md, "Running a plan"):
 * changes run in transactions where the database has transactional DDL (SQLite, PostgreSQL),
 * a change marked `transactional: false` runs on its own between two transactions, and a
 * transaction holding a change marked `foreignKeysOff` runs with SQLite's foreign key
 * enforcement off (set before BEGIN, restored after). MySQL runs statement by statement.
 */
export async function applyMigration(connection: DatabaseConnection, provider: Provider, rendered: readonly RenderedChange[]): Promise<void> {
  if (provider === 'mysql') {
    await applyPlan(connection, rendered);
    return;
  }
  const segments: RenderedChange[][] = [];
  for (const r of rendered) {
    const last = segments[segments.length - 1];
    if (r.transactional === false) segments.push([r], []);
    else if (last === undefined) segments.push([r]);
    else last.push(r);
  }
  for (const segment of segments) {
    if (segment.length === 0) continue;
    if (segment.length === 1 && segment[0]!.transactional === false) {
      await applyPlan({ execute: (sql) => connection.execute(sql) }, segment);
      continue;
    }
    const foreignKeysOff = segment.some((r) => r.foreignKeysOff === true);
    if (foreignKeysOff) await connection.execute('PRAGMA foreign_keys = OFF');
    try {
      const inTransaction: TransactionalExecutor = {
        execute: (sql) => connection.execute(sql),
        async transaction<T>(work: (tx: Executor) => Promise<T>): Promise<T> {
          await connection.execute('BEGIN');
          try {
            const result = await work({ execute: (sql) => connection.execute(sql) });
            await connection.execute('COMMIT');
            return result;
          } catch (err) {
            await connection.execute('ROLLBACK').catch(() => undefined);
            throw err;
          }
        },
      };
      await applyPlan(
        inTransaction,
        segment,
      );
    } finally {
      if (foreignKeysOff) await connection.execute('PRAGMA foreign_keys = ON');
    }
  }
}
