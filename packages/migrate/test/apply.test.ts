import { randomBytes } from 'node:crypto';
import type { Provider } from '@kiln/schema';
import {
  ApplyError,
  applyPlan,
  planFromEmpty,
  renderChanges,
  type RenderedChange,
} from '../src/index.js';
import { readCatalog } from './helpers/catalog.js';
import { availableProviders, withTestDatabase } from './helpers/databases.js';
import { DB_TIMEOUT } from './helpers/apply-examples.js';
import { datasource, irOf } from './helpers/examples.js';

/*
 * How a plan is applied: in one transaction where DDL is transactional (SQLite, PostgreSQL),
 * statement by statement on MySQL; a failure names the change and statement and says what was
 * left applied.
 */

const providers = await availableProviders();

const twoTables = (provider: Provider) => `${datasource(provider)}
model Parent {
  id       Int     @id
  children Child[]
}
model Child {
  id       Int    @id
  parent   Parent @relation(fields: [parentId], references: [id])
  parentId Int
}
`;

/** The plan with one more CreateTable whose statement the database rejects. */
function withBrokenStep(provider: Provider): RenderedChange[] {
  const rendered = renderChanges(planFromEmpty(irOf(twoTables(provider))), provider);
  const broken: RenderedChange['change'] = {
    kind: 'createTable',
    table: { name: { schema: null, name: 'broken' }, columns: [], primaryKey: null, checks: [], origin: { kind: 'datasource' } },
    indexes: [],
    foreignKeys: [],
  };
  return [...rendered, { change: broken, sql: ['CREATE TABLE broken (id NOT_A_TYPE('] }];
}

test('applyPlan runs every statement in order on an executor without transactions', async () => {
  const ran: string[] = [];
  const rendered = renderChanges(planFromEmpty(irOf(twoTables('postgresql'))), 'postgresql');
  await applyPlan({ execute: async (sql) => void ran.push(sql) }, rendered);
  expect(ran).toEqual(rendered.flatMap((r) => r.sql));
});

test('an ApplyError names the change and the statement', async () => {
  const rendered = renderChanges(planFromEmpty(irOf(twoTables('postgresql'))), 'postgresql');
  const failing = async (sql: string) => {
    if (sql.startsWith('CREATE TABLE "Child"')) throw new Error('disk full');
  };
  const err = await applyPlan({ execute: failing }, rendered).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(ApplyError);
  const e = err as ApplyError;
  expect(e.message).toMatch(/^CreateTable "Child" failed: disk full\n {2}in: CREATE TABLE "Child" \(/);
  expect(e.message).toMatch(/The 1 change before it remains applied/);
  expect(e.appliedChanges).toBe(1);
  expect(e.rolledBack).toBe(false);
});

(providers.length > 0 ? describe.each(providers) : describe.skip.each(['none']))('applyPlan on %s', (provider) => {
  const p = provider as Provider;
  const transactional = p !== 'mysql';

  test(
    transactional ? 'a failing statement rolls the whole plan back' : 'a failing statement leaves the changes before it applied, and says so',
    async () => {
      await withTestDatabase(p, async (db) => {
        const err = await applyPlan(db.connection, withBrokenStep(p)).catch((e: unknown) => e);
        expect(err).toBeInstanceOf(ApplyError);
        const e = err as ApplyError;
        expect(e.statement).toBe('CREATE TABLE broken (id NOT_A_TYPE(');
        expect(e.rolledBack).toBe(transactional);
        const tables = (await readCatalog(p, db.connection)).tables.map((t) => t.name).sort();
        if (transactional) {
          expect(e.message).toMatch(/Nothing was applied/);
          expect(tables).toEqual([]);
        } else {
          expect(e.appliedChanges).toBe(3);
          expect(tables).toEqual(['Child', 'Parent']);
        }
      });
    },
    DB_TIMEOUT,
  );

  test(
    'foreign keys are enforced once the plan is applied',
    async () => {
      await withTestDatabase(p, async (db) => {
        await applyPlan(db.connection, renderChanges(planFromEmpty(irOf(twoTables(p))), p));
        const q = p === 'mysql' ? '`' : '"';
        // Caught by hand: jest's rejects.toThrow does not always recognise a driver's error class.
        const failure = await db.connection.execute(`INSERT INTO ${q}Child${q} (id, ${q}parentId${q}) VALUES (1, 42)`).then(
          () => 'no error',
          (err: unknown) => String((err as { message?: unknown }).message),
        );
        expect(failure).toMatch(/foreign key/i);
      });
    },
    DB_TIMEOUT,
  );
});

(providers.includes('postgresql') ? describe : describe.skip)('PostgreSQL schemas', () => {
  test(
    '@@schema tables, enums and cross-schema foreign keys apply',
    async () => {
      const auth = `kiln_auth_${randomBytes(4).toString('hex')}`;
      const shop = `kiln_shop_${randomBytes(4).toString('hex')}`;
      const ir = irOf(`datasource db {
  provider = "postgresql"
  url      = env("DATABASE_URL")
  schemas  = ["${auth}", "${shop}"]
}
enum Kind {
  A
  B
  @@schema("${shop}")
}
model Account {
  id     Int     @id @default(autoincrement())
  orders Order[]
  @@schema("${auth}")
}
model Order {
  id        Int     @id @default(autoincrement())
  kind      Kind    @default(B)
  account   Account @relation(fields: [accountId], references: [id], onDelete: Cascade)
  accountId Int
  @@index([accountId])
  @@schema("${shop}")
}
`);
      await withTestDatabase('postgresql', async (db) => {
        db.alsoDrop.push(auth, shop);
        await applyPlan(db.connection, renderChanges(planFromEmpty(ir), 'postgresql'));
        const rows = await db.connection.query(
          `SELECT n.nspname AS schema, c.relname AS name, c.relkind AS kind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
           WHERE n.nspname = ANY($1::text[]) AND c.relkind IN ('r', 'i') ORDER BY 1, 2`,
          [[auth, shop]],
        );
        expect(rows.map((r) => `${String(r.schema)}.${String(r.name)}`)).toEqual([
          `${auth}.Account`,
          `${auth}.Account_pkey`,
          `${shop}.Order`,
          `${shop}.Order_accountId_idx`,
          `${shop}.Order_pkey`,
        ]);
        await db.connection.execute(`INSERT INTO "${auth}"."Account" DEFAULT VALUES`);
        await db.connection.execute(`INSERT INTO "${shop}"."Order" ("accountId") VALUES (1)`);
        const [order] = await db.connection.query(`SELECT kind::text AS kind FROM "${shop}"."Order"`);
        expect(order?.kind).toBe('B');
        await db.connection.execute(`DELETE FROM "${auth}"."Account"`);
        expect(await db.connection.query(`SELECT * FROM "${shop}"."Order"`)).toEqual([]);
      });
    },
    DB_TIMEOUT,
  );
});
