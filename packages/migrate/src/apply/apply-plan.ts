import type { RenderedChange } from '../render/render-changes.js';
import { ApplyError } from './apply-error.js';
import { isTransactional, type Executor } from './executor.js';

/**
 * Runs the statements of a rendered plan in order. An executor that offers transactions
 * (SQLite, PostgreSQL) runs the whole plan in one, so a failure leaves the database as it was;
 * any other (MySQL, whose DDL commits as it goes) runs statement by statement, and a failure
 * says which changes remain applied. Either way the error is an ApplyError naming the change
 * and statement that failed.
 */
export async function applyPlan(executor: Executor, rendered: readonly RenderedChange[]): Promise<void> {
  if (isTransactional(executor)) {
    await executor.transaction((tx) => run(tx, rendered, true));
  } else {
    await run(executor, rendered, false);
  }
}

async function run(executor: Executor, rendered: readonly RenderedChange[], inTransaction: boolean): Promise<void> {
  for (const [i, step] of rendered.entries()) {
    for (const statement of step.sql) {
      try {
        await executor.execute(statement);
      } catch (err) {
        throw new ApplyError(step.change, statement, inTransaction ? 0 : i, inTransaction, err);
      }
    }
  }
}
