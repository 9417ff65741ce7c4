// The client's lifecycle and options: lazy connection, $disconnect and reconnecting, SQLite
// pragmas, the `log` callback, and two clients on one database file.
import { runtimeSchemaFromIR } from '@kiln/generator';
import { KilnConnectionError, KilnError } from '@kiln/runtime';
import { rejectionOf } from './helpers/expect-error.js';
import { sqliteSchema } from './helpers/inline-schema.js';
import { sqliteFixture, TestClient, type SqliteFixture } from './helpers/sqlite-db.js';

const SCHEMA = sqliteSchema(`
model Item {
  id   Int    @id @default(autoincrement())
  name String
}
`);

let f: SqliteFixture;
beforeAll(async () => {
  f = await sqliteFixture(SCHEMA);
});
afterAll(() => f.close());

/** Another client on the fixture's database file. */
function client(options: ConstructorParameters<typeof TestClient>[1] = {}): TestClient {
  return new TestClient(runtimeSchemaFromIR(f.ir), { url: `file:${f.file}`, ...options });
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

it('sqlitePragmas run on every connection', async () => {
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

it('a pragma that is not a plain name = value is refused, not run', async () => {
  const c = client({ sqlitePragmas: { 'cache_size = 1; DROP TABLE "Item"; --': 1 } });
  try {
    const e = await rejectionOf(c.m('item').count());
    expect(e).toBeInstanceOf(KilnConnectionError);
    expect(await f.db.m('item').count()).toBeGreaterThanOrEqual(0);
  } finally {
    await c.$disconnect();
  }
});

it('a database file that cannot be opened is a connection error (P1001)', async () => {
  const c = new TestClient(runtimeSchemaFromIR(f.ir), { url: 'file:/nonexistent-dir/kiln/x.db' });
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
    expect(events[0]).toMatchObject({ level: 'query', query: expect.stringMatching(/^SELECT .*FROM "Item"/) });
  } finally {
    await c.$disconnect();
  }
});
