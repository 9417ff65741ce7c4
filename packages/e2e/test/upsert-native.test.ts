// Native upsert: one INSERT .. ON CONFLICT (key) DO UPDATE (PostgreSQL, SQLite) or INSERT .. ON
// DUPLICATE KEY UPDATE (MySQL, MariaDB) where the call qualifies (docs/client.md), else find, then
// write. Concurrent upserts of one new key, results equal to the find-then-write path's, hostile
// strings and names, @updatedAt and defaults, atomic operations, and the plan cache.
import { KilnUniqueConstraintError, KilnValidationError } from '@kiln/runtime';
import { rejectionOf } from './helpers/expect-error.js';
import { sqliteSchema } from './helpers/inline-schema.js';
import { byProvider, dbFixture, provider, type DbFixture } from './helpers/db.js';
import type { TestClient } from './helpers/sqlite-db.js';

const SCHEMA = sqliteSchema(`
model Counter {
  id        Int      @id @default(autoincrement())
  key       String   @unique
  hits      Int      @default(0)
  score     Float    @default(1.5)
  label     String?
  createdAt DateTime @default(now())
  updatedAt DateTime @updatedAt
}

model Slot {
  org  String
  name String
  n    Int     @default(0)
  note String?

  @@id([org, name])
}

model Person {
  id     String  @id @default(uuid())
  email  String  @unique
  handle String? @unique
  name   String?
  notes  Note[]
}

model Note {
  id       Int    @id @default(autoincrement())
  text     String
  personId String
  person   Person @relation(fields: [personId], references: [id])
}

model Odd {
  id    Int     @id @default(autoincrement())
  key   String  @unique @map("ke\`y \\"x\\" ü")
  value String? @map("va lue")

  @@map("up\`sert \\"t\\" ü")
}
`);

/** What a native upsert sends first, per provider. */
const NATIVE = byProvider({ sqlite: / ON CONFLICT \(/, postgresql: / ON CONFLICT \(/, mysql: / ON DUPLICATE KEY UPDATE / });
/** MySQL's ON DUPLICATE KEY UPDATE fires on any unique key: some shapes are native elsewhere only. */
const anyKey = provider === 'mysql';

let f: DbFixture;
/** A second client on the same database whose statements are recorded. */
let logged: TestClient;
let sent: string[] = [];
beforeAll(async () => {
  f = await dbFixture(SCHEMA);
  logged = f.client();
  logged.$on('query', (e: { query: string }) => sent.push(e.query));
});
afterAll(async () => {
  await logged.$disconnect();
  await f.close();
});

const m = (name: string) => f.db.m(name);
/** Runs `call` on the logged client and returns its result and the statements it sent. */
async function capture(call: (db: TestClient) => Promise<any>): Promise<{ result: any; sql: string[] }> {
  sent = [];
  const result = await call(logged);
  return { result, sql: sent };
}
const isNative = (sql: string[]) => sql.length > 0 && NATIVE.test(sql[0]!) && sql[0]!.startsWith('INSERT');

describe('one statement where the call qualifies', () => {
  it('creates, then updates, with one INSERT .. ON CONFLICT / ON DUPLICATE KEY UPDATE each', async () => {
    const args = { where: { key: 'one' }, create: { key: 'one', label: 'created' }, update: { label: 'updated', hits: { increment: 1 } } };
    const created = await capture((db) => db.m('counter').upsert(args));
    expect(created.result).toMatchObject({ key: 'one', label: 'created', hits: 0 });
    expect(isNative(created.sql)).toBe(true);
    const updated = await capture((db) => db.m('counter').upsert(args));
    expect(updated.result).toMatchObject({ id: created.result.id, key: 'one', label: 'updated', hits: 1 });
    expect(isNative(updated.sql)).toBe(true);
    // RETURNING, or (MySQL 8.0) the row read back by `where` in the same transaction.
    expect(updated.sql).toHaveLength((logged as any).$engine().dialect.capabilities.returning ? 1 : 2);
    expect(await m('counter').count({ where: { key: 'one' } })).toBe(1);
  });

  it('50 concurrent upserts of one new key: one row, no error, every increment counted', async () => {
    const call = () => m('counter').upsert({ where: { key: 'race' }, create: { key: 'race', hits: 1 }, update: { hits: { increment: 1 } } });
    const settled = await Promise.allSettled(Array.from({ length: 50 }, call));
    expect(settled.filter((s) => s.status === 'rejected')).toEqual([]);
    expect(await m('counter').findMany({ where: { key: 'race' }, select: { hits: true } })).toEqual([{ hits: 50 }]);
  });

  it('50 concurrent upserts of one new compound key, and of a key beside other unique keys', async () => {
    const slot = () => m('slot').upsert({ where: { org_name: { org: 'race', name: 'x' } }, create: { org: 'race', name: 'x', n: 1 }, update: { n: { increment: 1 } } });
    const person = (i: number) => m('person').upsert({ where: { email: 'race@x.io' }, create: { email: 'race@x.io', name: `n${i}` }, update: { name: `n${i}` } });
    const settled = await Promise.allSettled([...Array.from({ length: 50 }, slot), ...Array.from({ length: 50 }, (_, i) => person(i))]);
    expect(settled.filter((s) => s.status === 'rejected')).toEqual([]);
    expect(await m('slot').findMany({ where: { org: 'race' }, select: { n: true } })).toEqual([{ n: 50 }]);
    expect(await m('person').count({ where: { email: 'race@x.io' } })).toBe(1);
  });

  it('update: {} returns the existing record untouched, @updatedAt included', async () => {
    const created = await m('counter').upsert({ where: { key: 'still' }, create: { key: 'still', label: 'a' }, update: {} });
    const again = await capture((db) => db.m('counter').upsert({ where: { key: 'still' }, create: { key: 'still', label: 'b' }, update: {} }));
    expect(again.result).toEqual(created);
    expect(isNative(again.sql)).toBe(true);
  });

  it('sets @updatedAt on the update branch only when it updates something', async () => {
    await m('counter').upsert({ where: { key: 'stamp' }, create: { key: 'stamp' }, update: {} });
    const old = new Date('2001-02-03T04:05:06.000Z');
    await m('counter').updateMany({ where: { key: 'stamp' }, data: { updatedAt: old } });
    expect((await m('counter').upsert({ where: { key: 'stamp' }, create: { key: 'stamp' }, update: {} })).updatedAt).toEqual(old);
    const touched = await m('counter').upsert({ where: { key: 'stamp' }, create: { key: 'stamp' }, update: { label: 'x' } });
    expect(touched.updatedAt.getTime()).toBeGreaterThan(old.getTime());
    expect(touched.updatedAt.getTime()).toBeGreaterThanOrEqual(touched.createdAt.getTime());
  });

  it('fills defaults on the create branch: database, client-generated, @updatedAt', async () => {
    const c = await m('counter').upsert({ where: { key: 'defaults' }, create: { key: 'defaults' }, update: { hits: 100 } });
    expect(c).toMatchObject({ key: 'defaults', hits: 0, score: 1.5, label: null });
    expect(typeof c.id).toBe('number');
    expect(c.createdAt).toBeInstanceOf(Date);
    expect(c.updatedAt).toBeInstanceOf(Date);
    const p = await m('person').upsert({ where: { email: 'defaults@x.io' }, create: { email: 'defaults@x.io' }, update: { name: 'never' } });
    expect(p.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(p).toMatchObject({ email: 'defaults@x.io', handle: null, name: null });
  });

  it('applies increment, decrement, multiply and divide to the existing row', async () => {
    const args = (update: Record<string, unknown>) => ({ where: { key: 'math' }, create: { key: 'math', hits: 10, score: 3 }, update });
    await m('counter').upsert(args({}));
    expect(await m('counter').upsert(args({ hits: { increment: 5 }, score: { multiply: 2 } }))).toMatchObject({ hits: 15, score: 6 });
    expect(await m('counter').upsert(args({ hits: { decrement: 20 }, score: { divide: 4 } }))).toMatchObject({ hits: -5, score: 1.5 });
    // Int division truncates toward zero, as Prisma's.
    expect(await m('counter').upsert(args({ hits: { divide: 2 } }))).toMatchObject({ hits: -2 });
    expect(await m('counter').upsert(args({ hits: { set: 7 } }))).toMatchObject({ hits: 7 });
  });

  it('may change the key it names (MySQL 8.0 reads the row back by LAST_INSERT_ID)', async () => {
    const a = await m('counter').upsert({ where: { key: 'before' }, create: { key: 'before' }, update: {} });
    const r = await capture((db) => db.m('counter').upsert({ where: { key: 'before' }, create: { key: 'before' }, update: { key: 'after' } }));
    expect(r.result).toMatchObject({ id: a.id, key: 'after' });
    expect(isNative(r.sql)).toBe(true);
    expect(await m('counter').findUnique({ where: { key: 'before' } })).toBeNull();
  });

  it('with select, include of a relation and omit', async () => {
    const p = await m('person').upsert({ where: { email: 'sel@x.io' }, create: { email: 'sel@x.io', name: 'Sel', notes: { create: { text: 'hi' } } }, update: {} });
    const inc = await capture((db) =>
      db.m('person').upsert({ where: { email: 'sel@x.io' }, create: { email: 'sel@x.io' }, update: { name: 'Selma' }, include: { notes: { select: { text: true } } } }),
    );
    expect(inc.result).toEqual({ id: p.id, email: 'sel@x.io', handle: null, name: 'Selma', notes: [{ text: 'hi' }] });
    expect(isNative(inc.sql)).toBe(true);
    expect(await m('person').upsert({ where: { email: 'sel@x.io' }, create: { email: 'sel@x.io' }, update: {}, select: { name: true } })).toEqual({ name: 'Selma' });
    expect(await m('person').upsert({ where: { email: 'sel@x.io' }, create: { email: 'sel@x.io' }, update: {}, omit: { id: true, handle: true } })).toEqual({ email: 'sel@x.io', name: 'Selma' });
  });

  it('inside an interactive transaction, rolled back with it', async () => {
    const e = await rejectionOf(
      f.db.$transaction(async (tx: any) => {
        await tx.m('counter').upsert({ where: { key: 'tx' }, create: { key: 'tx' }, update: {} });
        expect(await tx.m('counter').count({ where: { key: 'tx' } })).toBe(1);
        throw new Error('roll back');
      }),
    );
    expect(e.message).toBe('roll back');
    expect(await m('counter').count({ where: { key: 'tx' } })).toBe(0);
  });
});

describe('results equal the find-then-write path', () => {
  // `AND: []` filters nothing, but a `where` with more than the key takes the other path.
  const fallback = (args: Record<string, unknown>) => ({ ...args, where: { ...(args.where as object), AND: [] } });
  const calls = (key: string): Record<string, unknown>[] => [
    { where: { key }, create: { key, label: 'new' }, update: { label: 'again' } },
    { where: { key }, create: { key, label: 'new' }, update: { label: 'again', hits: { increment: 2 }, score: { multiply: 3 } } },
    { where: { key }, create: { key }, update: {} },
    { where: { key }, create: { key }, update: { label: null }, select: { key: true, label: true, hits: true } },
    { where: { key }, create: { key }, update: { hits: { decrement: 1 } }, omit: { createdAt: true, updatedAt: true } },
  ];
  /** Fields that differ by nature: the key (one per path), ids and timestamps. */
  const comparable = (row: Record<string, unknown>) => {
    const out: Record<string, unknown> = { ...row };
    if ('key' in out) out.key = String(out.key).replace(/^(native|fallback)-/, '');
    for (const k of ['id', 'createdAt', 'updatedAt']) if (k in out) out[k] = typeof out[k];
    return out;
  };

  it('Counter: create branch, update branches, update: {}, select, omit', async () => {
    for (const [i, args] of calls('native-c').entries()) {
      const native = await capture((db) => db.m('counter').upsert(args));
      const other = await capture((db) => db.m('counter').upsert(fallback(calls('fallback-c')[i]!)));
      expect({ i, native: isNative(native.sql), fallback: isNative(other.sql) }).toEqual({ i, native: true, fallback: false });
      expect({ i, row: comparable(native.result) }).toEqual({ i, row: comparable(other.result) });
    }
  });

  it('Slot (compound key) and Person (include)', async () => {
    const slot = (name: string, n: number) => ({ where: { org_name: { org: 'cmp', name } }, create: { org: 'cmp', name, n }, update: { n: { increment: n }, note: `+${n}` } });
    for (const n of [1, 2, 3]) {
      const native = await capture((db) => db.m('slot').upsert(slot('native', n)));
      const other = await capture((db) => db.m('slot').upsert(fallback(slot('fallback', n))));
      expect([isNative(native.sql), isNative(other.sql)]).toEqual([true, false]);
      expect({ ...native.result, name: '' }).toEqual({ ...other.result, name: '' });
    }
    const person = (email: string, name: string) => ({ where: { email }, create: { email, name }, update: { name }, include: { notes: true } });
    for (const name of ['first', 'second']) {
      const native = await m('person').upsert(person('native-p@x.io', name));
      const other = await m('person').upsert(fallback(person('fallback-p@x.io', name)));
      expect({ ...native, id: '', email: '' }).toEqual({ ...other, id: '', email: '' });
    }
  });
});

describe('where the call does not qualify: find, then write', () => {
  it('where and create name different records (as Prisma): create makes the create key', async () => {
    const r = await capture((db) => db.m('counter').upsert({ where: { key: 'asked' }, create: { key: 'made' }, update: { label: 'x' } }));
    expect(isNative(r.sql)).toBe(false);
    expect(r.result).toMatchObject({ key: 'made', label: null });
    expect(await m('counter').findUnique({ where: { key: 'asked' } })).toBeNull();
  });

  it('nested writes in create or update', async () => {
    const args = { where: { email: 'nested@x.io' }, create: { email: 'nested@x.io', notes: { create: { text: 'n1' } } }, update: { notes: { create: { text: 'n2' } } }, include: { notes: { orderBy: { id: 'asc' } } } };
    const first = await capture((db) => db.m('person').upsert(args));
    expect(isNative(first.sql)).toBe(false);
    expect(first.result.notes.map((n: { text: string }) => n.text)).toEqual(['n1']);
    expect((await m('person').upsert(args)).notes.map((n: { text: string }) => n.text)).toEqual(['n1', 'n2']);
  });

  it('create gives another unique key: native on PostgreSQL and SQLite; MySQL would update the other row', async () => {
    const args = { where: { email: 'h1@x.io' }, create: { email: 'h1@x.io', handle: 'h1' }, update: { name: 'again' } };
    const r = await capture((db) => db.m('person').upsert(args));
    expect(isNative(r.sql)).toBe(!anyKey);
    expect(r.result).toMatchObject({ email: 'h1@x.io', handle: 'h1', name: null });
    // A new email whose handle is taken: an error on every database, never an update of the row
    // holding the handle.
    const e = await rejectionOf(m('person').upsert({ where: { email: 'h2@x.io' }, create: { email: 'h2@x.io', handle: 'h1' }, update: { name: 'wrong' } }));
    expect(e).toBeInstanceOf(KilnUniqueConstraintError);
    expect(e.fields).toEqual(['handle']);
    expect(await m('person').findUnique({ where: { email: 'h1@x.io' } })).toMatchObject({ name: null });
    // With the handle NULL, no other unique key can collide: native on MySQL too.
    const nulled = await capture((db) => db.m('person').upsert({ where: { email: 'h3@x.io' }, create: { email: 'h3@x.io', handle: null }, update: {} }));
    expect(isNative(nulled.sql)).toBe(true);
  });

  it('a key that exists and a create that collides elsewhere: the update branch runs (PostgreSQL/SQLite check the named key first)', async () => {
    await m('person').create({ data: { email: 'k1@x.io', handle: 'k1' } });
    await m('person').create({ data: { email: 'k2@x.io', handle: 'k2' } });
    const r = await m('person').upsert({ where: { email: 'k1@x.io' }, create: { email: 'k1@x.io', handle: 'k2' }, update: { name: 'updated' } });
    expect(r).toMatchObject({ email: 'k1@x.io', handle: 'k1', name: 'updated' });
  });
});

describe('the plan cache keeps native and find-then-write calls apart', () => {
  it('one shape, key values equal or not; shapes that differ by null or by nested writes', async () => {
    const c = f.client();
    try {
      const stats = () => (c as any).$engine().cacheStats as { size: number; misses: number };
      const shape = (where: string, create: string) => ({ where: { key: where }, create: { key: create, hits: 1 }, update: { hits: { increment: 1 } } });
      expect(await c.m('counter').upsert(shape('pc-1', 'pc-1'))).toMatchObject({ key: 'pc-1', hits: 1 });
      const misses = stats().misses;
      // The same shape with different values: the cached native plan does not apply.
      expect(await c.m('counter').upsert(shape('pc-1', 'pc-2'))).toMatchObject({ key: 'pc-1', hits: 2 });
      expect(await c.m('counter').upsert(shape('pc-3', 'pc-4'))).toMatchObject({ key: 'pc-4', hits: 1 });
      expect(await c.m('counter').findUnique({ where: { key: 'pc-3' } })).toBeNull();
      expect(await c.m('counter').upsert(shape('pc-1', 'pc-1'))).toMatchObject({ key: 'pc-1', hits: 3 });
      // Only the fallback's own statements were planned anew; the upsert shape hit its plan.
      expect(stats().misses).toBeGreaterThan(misses);
      const planned = stats().misses;
      expect(await c.m('counter').upsert(shape('pc-5', 'pc-5'))).toMatchObject({ key: 'pc-5', hits: 1 });
      expect(stats().misses).toBe(planned);
      // A null where a value was (Person.handle): a different shape, native on MySQL or not.
      const person = (handle: string | null) => ({ where: { email: `pc-${handle}@x.io` }, create: { email: `pc-${handle}@x.io`, handle }, update: { name: 'u' } });
      expect(await c.m('person').upsert(person('h'))).toMatchObject({ handle: 'h' });
      expect(await c.m('person').upsert(person(null))).toMatchObject({ handle: null });
      // Nested writes after a scalar-only call of the same model.
      const nested = await c.m('person').upsert({ where: { email: 'pc-n@x.io' }, create: { email: 'pc-n@x.io', notes: { create: { text: 't' } } }, update: {}, include: { notes: true } });
      expect(nested.notes).toHaveLength(1);
    } finally {
      await c.$disconnect();
    }
  });
});

describe('hostile strings and names', () => {
  const HOSTILE = ["'", '"', '`', '\\', "\\'", `'; DROP TABLE "Counter"; --`, '" OR ""="', '/* x', '%_!', '? $1 :name @p', 'NULL', '👩‍👩‍👧‍👦', 'e\u0301', 'a\r\nb\tc\n', '\u{10FFFF}', 'a\0b'];
  const stored = provider === 'postgresql' ? HOSTILE.filter((s) => !s.includes('\0')) : HOSTILE;

  it.each(stored.map((s, i) => [i, s] as const))('key and values %#', async (i, s) => {
    const key = `${i}:${s}`;
    const args = (label: string) => ({ where: { key }, create: { key, label }, update: { label } });
    expect(await m('counter').upsert(args(s))).toMatchObject({ key, label: s });
    expect(await m('counter').upsert(args(s + s))).toMatchObject({ key, label: s + s });
    expect(await m('counter').count({ where: { key } })).toBe(1);
  });

  if (provider === 'postgresql') {
    it('a NUL in the key is refused with a validation error naming the field (PostgreSQL text)', async () => {
      const e = await rejectionOf(m('counter').upsert({ where: { key: 'a\0b' }, create: { key: 'a\0b' }, update: {} }));
      expect(e).toBeInstanceOf(KilnValidationError);
      expect(e.message).toMatch(/where\.key/);
    });
  }

  it('quoted table and column names', async () => {
    const args = (value: string) => ({ where: { key: 'q"`\'' }, create: { key: 'q"`\'', value }, update: { value } });
    const first = await capture((db) => db.m('odd').upsert(args('one')));
    expect(isNative(first.sql)).toBe(true);
    expect(first.result).toMatchObject({ key: 'q"`\'', value: 'one' });
    expect(await m('odd').upsert(args('two'))).toMatchObject({ id: first.result.id, key: 'q"`\'', value: 'two' });
  });
});

describe('validation', () => {
  it('a required field missing from create is an error on either branch, at create.<field>', async () => {
    const p = await m('person').create({ data: { email: 'req@x.io' } });
    const n = await m('note').create({ data: { text: 'exists', personId: p.id } });
    // The record exists, so only the update would run: create is checked all the same, as Prisma does.
    const e = await rejectionOf(m('note').upsert({ where: { id: n.id }, create: { id: n.id, text: 'x' }, update: { text: 'y' } }));
    expect(e).toBeInstanceOf(KilnValidationError);
    expect(e.path).toBe('create.personId');
    // Where the call takes the find-then-write path, the error names create the same way.
    const other = await rejectionOf(m('slot').upsert({ where: { org_name: { org: 'v', name: 'v' } }, create: { org: 'v' }, update: {} }));
    expect(other).toBeInstanceOf(KilnValidationError);
    expect(other.path).toBe('create.name');
  });

  it('a bad value in update is reported at update.<field>', async () => {
    const e = await rejectionOf(m('counter').upsert({ where: { key: 'v' }, create: { key: 'v' }, update: { hits: 'many' } }));
    expect(e).toBeInstanceOf(KilnValidationError);
    expect(e.path).toBe('update.hits');
    const nested = await rejectionOf(m('person').upsert({ where: { email: 'v@x.io' }, create: { email: 'v@x.io', notes: { create: { text: 1 } } }, update: {} }));
    expect(nested).toBeInstanceOf(KilnValidationError);
    expect(nested.path).toMatch(/^create\.notes\.create\./);
  });
});
