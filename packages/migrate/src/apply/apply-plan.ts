import type { RenderedChange } from '../render/render-changes.js';
import { ApplyError } from './apply-error.js';
import { isTransactional, type Executor } from './executor.js';

/**
 * Runs the statements of a rendered plan in order. An executor that offers transactions
 * (SQLite, PostgreSQL) runs the plan in one, so a failure leaves the database as it was, except
 * for the changes that must run outside a transaction (`transactional: false`, e.g. PostgreSQL's
 * ALTER TYPE ... ADD VALUE): each of those commits what came before, runs on its own, and a new
 * transaction takes the rest. A plan with a SQLite table rebuild (`foreignKeysOff`) runs with
 * foreign key enforcement off. Any other executor (MySQL, whose DDL commits as it goes) runs
 * statement by statement. Either way a failure is an ApplyError naming the change and
 * statement, and saying what remains applied.
 */
export async function applyPlan(executor: Executor, rendered: readonly RenderedChange[]): Promise<void> {
  if (!isTransactional(executor)) {
    await run(executor, rendered, 0, false);
    return;
  }
  const foreignKeysOff = rendered.some((r) => r.foreignKeysOff === true);
  let start = 0;
  while (start < rendered.length) {
    if (rendered[start]!.transactional === false) {
      await run(executor, rendered.slice(start, start + 1), start, false);
      start += 1;
      continue;
    }
    let end = start;
    while (end < rendered.length && rendered[end]!.transactional !== false) end++;
    const segment = rendered.slice(start, end);
    const offset = start;
    await executor.transaction((tx) => run(tx, segment, offset, true), { foreignKeysOff });
    start = end;
  }
}

/** Runs `steps`, the plan's changes from index `offset` on. */
async function run(executor: Executor, steps: readonly RenderedChange[], offset: number, inTransaction: boolean): Promise<void> {
  for (const [i, step] of steps.entries()) {
    for (const statement of step.sql) {
      try {
        await executor.execute(statement);
      } catch (err) {
        throw new ApplyError(step.change, statement, inTransaction ? offset : offset + i, inTransaction, err);
      }
    }
  }
}
