import { ApplyError, type DatabaseConnection, type RenderedChange } from '../../../src/index.js';

/**
 * Runs every statement of a rendered plan in one transaction, ignoring the flags a deployer must
 * honour (`transactional: false`, `foreignKeysOff`): what a careless runner would do. The tests
 * use it to show why the flags exist; everything else applies plans with `applyPlan`.
 */
export async function inOneTransaction(connection: DatabaseConnection, rendered: readonly RenderedChange[]): Promise<void> {
  await connection.execute('BEGIN');
  try {
    for (const step of rendered) {
      for (const statement of step.sql) {
        try {
          await connection.execute(statement);
        } catch (err) {
          throw new ApplyError(step.change, statement, 0, true, err);
        }
      }
    }
    await connection.execute('COMMIT');
  } catch (err) {
    await connection.execute('ROLLBACK').catch(() => undefined);
    throw err;
  }
}
