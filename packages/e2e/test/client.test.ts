// The client's lifecycle and options: lazy connection, $disconnect and reconnecting, SQLite
// pragmas, the `log` callback, and two clients on one database file.
import { runtimeSchemaFromIR } from '@kiln/generator';
import { KilnConnectionError, KilnError, KilnTimeoutError } from '@kiln/runtime';
import { rejectionOf } from './helpers/expect-error.js';
import { sqliteSchema } from './helpers/inline-schema.js';
import { dbFixture, provider, type DbFixture } from './helpers/db.js';

/** SQLite's own options (pragmas, files): their server counterparts are tested below. */
// Tests of one database's own features are registered only where they apply, so no run skips tests.
const noTest = (_name: string, _fn: () => unknown) => undefined;
const sqliteOnly = provider === 'sqlite' ? it : noTest;
const serverOnly = provider === 'sqlite' ? noTest : it;
import { TestClient } from './helpers/sqlite-db.js';

const SCHEMA = sqliteSchema(`
model Item {
  id   Int    @id @default(autoincrement())
  name String
}
`);

let f: DbFixture;
beforeAll(async () => {
  f = await dbFixture(SCHEMA);
});
afterAll(() => f.close());

/** Another client on the fixture's database file. */
function client(options: ConstructorParameters<typeof TestClient>[1] = {}): TestClient {
  return f.client(options);
}

it('connects on first use, and $connect is idempotent', async () => {
  const c = client();
  try {
    await c.$connect();
    await c.$connect();
    expect(await c.m('item').count()).toBe(0);
  } finally {
    await c.$disconnect();
  }
});

it('a query after $disconnect reconnects', async () => {
  const c = client();
  await c.m('item').create({ data: { name: 'before' } });
  await c.$disconnect();
  expect(await c.m('item').count({ where: { name: 'before' } })).toBe(1);
  await c.$disconnect();
});

it('two clients on one file see each other’s committed writes', async () => {
  const a = client();
  const b = client();
  try {
    await a.m('item').create({ data: { name: 'shared' } });
    expect(await b.m('item').count({ where: { name: 'shared' } })).toBe(1);
  } finally {
    await a.$disconnect();
    await b.$disconnect();
  }
});

sqliteOnly('sqlitePragmas run on every connection', async () => {
  const c = client({ sqlitePragmas: { cache_size: -4321 } });
  try {
    expect(await c.$queryRawUnsafe('PRAGMA cache_size')).toEqual([{ cache_size: -4321 }]);
    expect(await c.$queryRawUnsafe('PRAGMA foreign_keys')).toEqual([{ foreign_keys: 1 }]);
    await c.$disconnect();
    expect(await c.$queryRawUnsafe('PRAGMA cache_size')).toEqual([{ cache_size: -4321 }]);
  } finally {
    await c.$disconnect();
  }
});

sqliteOnly('a pragma that is not a plain name = value is refused, not run', async () => {
  const c = client({ sqlitePragmas: { 'cache_size = 1; DROP TABLE "Item"; --': 1 } });
  try {
    const e = await rejectionOf(c.m('item').count());
    expect(e).toBeInstanceOf(KilnConnectionError);
    expect(await f.db.m('item').count()).toBeGreaterThanOrEqual(0);
  } finally {
    await c.$disconnect();
  }
});

it('a database that cannot be opened or reached is a connection error (P1001)', async () => {
  const url = { sqlite: 'file:/nonexistent-dir/kiln/x.db', postgresql: 'postgresql://postgres@127.0.0.1:1/test', mysql: 'mysql://root@127.0.0.1:1/test' }[provider];
  const c = new TestClient(runtimeSchemaFromIR(f.ir), { url, ...f.clientOptions });
  const e = await rejectionOf(c.m('item').count());
  expect(e).toBeInstanceOf(KilnError);
  expect(e.code).toBe('P1001');
});

it('a log callback receives query events', async () => {
  const events: { level: string; query?: string }[] = [];
  const c = client({ log: (e: { level: string; query?: string }) => events.push(e) });
  try {
    await c.m('item').findMany({ where: { name: 'x' } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ level: 'query', query: expect.stringMatching(provider === 'mysql' ? /^SELECT .*FROM `Item`/ : /^SELECT .*FROM "Item"/) });
  } finally {
    await c.$disconnect();
  }
});

serverOnly('connectTimeout bounds the wait for a server that does not answer (P1001)', async () => {
  // 10.255.255.1 is not routed: the connection attempt hangs until the timeout.
  const url = provider === 'postgresql' ? 'postgresql://postgres@10.255.255.1:5432/test' : 'mysql://root@10.255.255.1:3306/test';
  const c = new TestClient(runtimeSchemaFromIR(f.ir), { url, connectTimeout: 300, ...f.clientOptions });
  const started = Date.now();
  const e = await rejectionOf(c.m('item').count());
  expect(e).toBeInstanceOf(KilnConnectionError);
  expect(Date.now() - started).toBeLessThan(5000);
  await c.$disconnect();
});

serverOnly('pool.max and maxWait: a transaction that finds no free connection in time fails with P2024', async () => {
  const c = client({ pool: { max: 1 } });
  try {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const first = c.$transaction(async () => held, { timeout: 5000 });
    await new Promise((r) => setTimeout(r, 50));
    const e = await rejectionOf(c.$transaction(async (tx: any) => tx.m('item').count(), { maxWait: 100 }));
    expect(e).toBeInstanceOf(KilnTimeoutError);
    expect(e.code).toBe('P2024');
    release();
    await first;
    // The connection is free again.
    expect(await c.$transaction(async (tx: any) => tx.m('item').count(), { maxWait: 100 })).toBeGreaterThanOrEqual(0);
  } finally {
    await c.$disconnect();
  }
});
