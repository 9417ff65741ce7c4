import { applyPlan, ApplyError, renderChanges } from '../../src/index.js';
import { DB_TIMEOUT } from '../helpers/apply-examples.js';
import { serverAvailable } from '../helpers/databases.js';
import { describeScenarios } from './helpers/describe-scenarios.js';
import { createdFrom, dbOf } from './helpers/migrate.js';
import { addValues } from './helpers/scenarios.js';
import { planMigration } from '../../src/index.js';

const available = await serverAvailable('postgresql');
describeScenarios('postgresql', available);

(available ? test : test.skip)(
  'ADD VALUE is marked to run outside the transaction: in one transaction PostgreSQL refuses to use the new value',
  async () => {
    const db = await createdFrom('postgresql', addValues.v1);
    try {
      const rendered = renderChanges(planMigration(dbOf('postgresql', addValues.v1), dbOf('postgresql', addValues.v2), { provider: 'postgresql' }).changes, 'postgresql');
      expect(rendered.map((r) => r.transactional)).toEqual([false, undefined, undefined]);
      const err = await applyPlan(db.connection, rendered).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ApplyError);
      expect((err as ApplyError).message).toMatch(/unsafe use of new value "(MEDIUM|CRITICAL)" of enum type/);
    } finally {
      await db.drop();
    }
  },
  DB_TIMEOUT,
);
