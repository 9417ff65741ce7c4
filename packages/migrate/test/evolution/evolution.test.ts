import type { Provider } from '@kiln/schema';
import {
  applyPlan,
  databaseSchemaFromIr,
  describeChange,
  inspectDatabase,
  invertRenames,
  planMigration,
  renderChanges,
  type DatabaseConnection,
  type DatabaseSchema,
} from '../../src/index.js';
import { availableProviders, PROVIDERS, withTestDatabase } from '../helpers/databases.js';
import { irOf } from '../helpers/examples.js';
import { VERSIONS, versionSchema, type StepContext } from './versions.js';

/*
 * The evolution test of issue 5: twelve schema versions applied in sequence to a real database
 * holding data. After each step:
 *  - the planner needed no warnings (every rename is hinted, so none is a drop and an add);
 *  - introspection equals the schema: the plan from the live database to it is empty;
 *  - the reverse plan (down) takes the database back to the previous version, exactly, and the
 *    step then applies again;
 *  - the data written by earlier steps survived, and the new shape accepts new data.
 */

const EMPTY: DatabaseSchema = { namespaces: [], enums: [], tables: [], views: [] };
const QUOTE: Record<Provider, (name: string) => string> = {
  sqlite: (n) => `"${n.replaceAll('"', '""')}"`,
  postgresql: (n) => `"${n.replaceAll('"', '""')}"`,
  mysql: (n) => `\`${n.replaceAll('`', '``')}\``,
};

async function apply(db: DatabaseConnection, from: DatabaseSchema, to: DatabaseSchema, provider: Provider, renames?: ReturnType<typeof planMigration>['renames']) {
  const plan = planMigration(from, to, { provider, ...(renames === undefined ? {} : { renames }) });
  await applyPlan(db, renderChanges(plan.changes, provider));
  return plan;
}

/** What still differs between the live database and `expected`, as readable change names. */
async function drift(db: DatabaseConnection, expected: DatabaseSchema, provider: Provider): Promise<string[]> {
  const live = await inspectDatabase(db, provider);
  return planMigration(live, expected, { provider }).changes.map(describeChange);
}

const available = await availableProviders(PROVIDERS);

describe.each(available.map((p) => [p]))('%s: twelve schema versions with data', (provider) => {
  test(
    'each step applies, introspects without phantom changes, goes down and up again, and keeps the data',
    async () => {
      await withTestDatabase(provider, async (db) => {
        const ctx: StepContext = { db: db.connection, provider, q: QUOTE[provider] };
        let previous = EMPTY;
        for (const version of VERSIONS) {
          const next = databaseSchemaFromIr(irOf(versionSchema(version, provider)));
          const step = version.title;
          await version.before?.(ctx);

          const up = await apply(db.connection, previous, next, provider);
          expect({ step, warnings: up.warnings }).toEqual({ step, warnings: [] });
          expect({ step, drift: await drift(db.connection, next, provider) }).toEqual({ step, drift: [] });

          if (previous !== EMPTY) {
            await apply(db.connection, next, previous, provider, invertRenames(up.renames));
            expect({ step: `${step} (down)`, drift: await drift(db.connection, previous, provider) }).toEqual({ step: `${step} (down)`, drift: [] });
            await apply(db.connection, previous, next, provider, up.renames);
            expect({ step: `${step} (up again)`, drift: await drift(db.connection, next, provider) }).toEqual({ step: `${step} (up again)`, drift: [] });
          }

          await version.seed?.(ctx);
          await version.check(ctx);
          previous = next;
        }
      });
    },
    600_000,
  );
});
