import { randomBytes } from 'node:crypto';
import { applyPlan, ApplyError, planFromEmpty, planMigration, renderChanges } from '../../src/index.js';
import { DB_TIMEOUT } from '../helpers/apply-examples.js';
import { createTestDatabase, serverAvailable } from '../helpers/databases.js';

import { inOneTransaction } from './helpers/apply-migration.js';
import { describeScenarios } from './helpers/describe-scenarios.js';
import { createdFrom, dbOf, rows, schemaOf } from './helpers/migrate.js';
import { addValues } from './helpers/scenarios.js';

const available = await serverAvailable('postgresql');
describeScenarios('postgresql', available);

(available ? test : test.skip)(
  'ADD VALUE is marked to run outside the transaction: in one transaction PostgreSQL refuses to use the new value, applyPlan splits it',
  async () => {
    const db = await createdFrom('postgresql', addValues.v1);
    try {
      await addValues.seed(db.connection, 'postgresql');
      const rendered = renderChanges(planMigration(dbOf('postgresql', addValues.v1), dbOf('postgresql', addValues.v2), { provider: 'postgresql' }).changes, 'postgresql');
      expect(rendered.map((r) => r.transactional)).toEqual([false, undefined, undefined]);
      const err = await inOneTransaction(db.connection, rendered).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ApplyError);
      expect((err as ApplyError).message).toMatch(/unsafe use of new value "(MEDIUM|CRITICAL)" of enum type/);
      await applyPlan(db.connection, rendered);
      await addValues.checkV2(db.connection, 'postgresql');
    } finally {
      await db.drop();
    }
  },
  DB_TIMEOUT,
);

(available ? test : test.skip)(
  'a model and an enum move to another schema (@@schema) with their rows, and back',
  async () => {
    const tag = randomBytes(4).toString('hex');
    const [a, b] = [`kiln_a_${tag}`, `kiln_b_${tag}`];
    const extra = `schemas = ["${a}", "${b}"]`;
    const body = (schema: string) => `enum E {\n  X\n  Y\n  @@schema("${schema}")\n}\nmodel T {\n  id Int @id\n  e  E\n  @@schema("${schema}")\n}\n`;
    const db = await createTestDatabase('postgresql');
    db.alsoDrop.push(a, b);
    try {
      await applyPlan(db.connection, renderChanges(planFromEmpty(schemaOf('postgresql', body(a), extra).ir), 'postgresql'));
      await db.connection.execute(`INSERT INTO "${a}"."T" (id, e) VALUES (1, 'Y')`);
      const up = planMigration(dbOf('postgresql', body(a), extra), dbOf('postgresql', body(b), extra), { provider: 'postgresql' });
      await applyPlan(db.connection, renderChanges(up.changes, 'postgresql'));
      expect(await rows(db.connection, `SELECT id, e::text AS e, pg_typeof(e)::text AS type FROM "${b}"."T"`)).toEqual([{ id: 1, e: 'Y', type: `${b}."E"` }]);
      const down = planMigration(dbOf('postgresql', body(b), extra), dbOf('postgresql', body(a), extra), { provider: 'postgresql' });
      await applyPlan(db.connection, renderChanges(down.changes, 'postgresql'));
      expect(await rows(db.connection, `SELECT id, e::text AS e FROM "${a}"."T"`)).toEqual([{ id: 1, e: 'Y' }]);
    } finally {
      await db.drop();
    }
  },
  DB_TIMEOUT,
);
