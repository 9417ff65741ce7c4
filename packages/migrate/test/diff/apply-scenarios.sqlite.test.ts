import { applyPlan, ApplyError, planMigration, renderChanges } from '../../src/index.js';
import { inOneTransaction } from './helpers/apply-migration.js';
import { describeScenarios } from './helpers/describe-scenarios.js';
import { createdFrom, dbOf } from './helpers/migrate.js';
import { sqliteRebuild } from './helpers/scenarios.js';

describeScenarios('sqlite', true);

test('a rebuild run with foreign key enforcement on stops at its guard instead of deleting the rows that reference the table; applyPlan turns it off', async () => {
  const db = await createdFrom('sqlite', sqliteRebuild.v1);
  try {
    await sqliteRebuild.seed(db.connection, 'sqlite');
    // Planned knowing the trigger seed() created, as introspection would (else the rebuild refuses to drop it).
    const from = sqliteRebuild.fromV1!(dbOf('sqlite', sqliteRebuild.v1), 'sqlite');
    const rendered = renderChanges(planMigration(from, dbOf('sqlite', sqliteRebuild.v2), { provider: 'sqlite' }).changes, 'sqlite');
    expect(rendered.map((r) => [r.change.kind, r.foreignKeysOff])).toEqual([['redefineTable', true]]);
    // One transaction with enforcement on: the flag is not honoured.
    await db.connection.execute('PRAGMA foreign_keys = ON');
    const err = await inOneTransaction(db.connection, rendered).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApplyError);
    expect((err as ApplyError).message).toContain(
      'CHECK constraint failed: Rebuilding table "accounts" needs foreign key enforcement off (PRAGMA foreign_keys = OFF before the transaction begins): the ON DELETE actions of "entries" would change their rows',
    );
    expect(Number((await db.connection.query('SELECT COUNT(*) AS n FROM entries'))[0]!.n)).toBe(3);
    // applyPlan honours the flag.
    await applyPlan(db.connection, rendered);
    expect(Number((await db.connection.query('SELECT COUNT(*) AS n FROM entries'))[0]!.n)).toBe(3);
  } finally {
    await db.drop();
  }
});
