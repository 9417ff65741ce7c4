// create (every kind of default), createMany (skipDuplicates, rows with different key sets,
// atomicity, chunking) and createManyAndReturn.
import { KilnUniqueConstraintError } from '@kiln/runtime';
import { rejectionOf } from './helpers/expect-error.js';
import { sqliteSchema } from './helpers/inline-schema.js';
import { dbFixture, provider, type DbFixture } from './helpers/db.js';

const SCHEMA = sqliteSchema(`
enum Level {
  LOW
  MEDIUM
  HIGH @map("hi")
}

model Thing {
  id        Int      @id @default(autoincrement())
  uid       String   @unique @default(uuid())
  cid       String   @default(cuid())
  label     String   @default("untitled")
  count     Int      @default(7)
  ratio     Float    @default(0.5)
  on        Boolean  @default(true)
  level     Level    @default(MEDIUM)
  createdAt DateTime @default(now())
  updatedAt DateTime @updatedAt
  note      String?
}

model Doc {
  id   String @id @default(uuid(7))
  code String @default(nanoid(8))
  u    String @default(ulid())
  c2   String @default(cuid(2))
  name String
}

model Flagged {
  id    Int   @id @default(autoincrement())
  level Level @default(HIGH)
}

model Pair {
  a Int
  b String
  v Int    @default(0)

  @@id([a, b])
}
`);

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const CUID = /^c[0-9a-z]{24}$/;

let f: DbFixture;
beforeAll(async () => {
  f = await dbFixture(SCHEMA);
});
afterAll(() => f.close());

const thing = () => f.db.m('thing');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('create', () => {
  it('fills every default when data is empty', async () => {
    const before = Date.now();
    const t = await thing().create({ data: {} });
    const after = Date.now();
    expect(t).toMatchObject({ id: 1, label: 'untitled', count: 7, ratio: 0.5, on: true, level: 'MEDIUM', note: null });
    expect(t.uid).toMatch(UUID_V4);
    expect(t.cid).toMatch(CUID);
    for (const k of ['createdAt', 'updatedAt'] as const) {
      expect(t[k]).toBeInstanceOf(Date);
      expect(t[k].getTime()).toBeGreaterThanOrEqual(before);
      expect(t[k].getTime()).toBeLessThanOrEqual(after);
    }
  });

  it('autoincrement counts up and generated ids differ', async () => {
    const a = await thing().create({ data: { note: 'a' } });
    const b = await thing().create({ data: { note: 'b' } });
    expect(b.id).toBe(a.id + 1);
    expect(a.uid).not.toBe(b.uid);
    expect(a.cid).not.toBe(b.cid);
  });

  it('given values win over defaults, including the id', async () => {
    const t = await thing().create({
      data: { id: 100, uid: 'my-uid', cid: 'my-cid', label: 'x', count: 0, ratio: 0, on: false, level: 'LOW', createdAt: new Date('2020-01-01T00:00:00.000Z') },
    });
    expect(t).toMatchObject({ id: 100, uid: 'my-uid', cid: 'my-cid', label: 'x', count: 0, ratio: 0, on: false, level: 'LOW' });
    expect(t.createdAt).toEqual(new Date('2020-01-01T00:00:00.000Z'));
    const next = await thing().create({ data: {} });
    if (provider === 'postgresql') {
      // A PostgreSQL sequence does not see ids written explicitly: the next id is the sequence's
      // own next value (as with Prisma), not 101.
      expect(next.id).toBeLessThan(100);
    } else {
      expect(next.id).toBe(101);
    }
  });

  it('an enum value with @map is stored as the mapped value and read back by name', async () => {
    const t = await thing().create({ data: { level: 'HIGH' } });
    expect(t.level).toBe('HIGH');
    const raw = await f.db.$queryRawUnsafe(f.sql('SELECT "level" FROM "Thing" WHERE "id" = ?'), t.id);
    expect(raw).toEqual([{ level: 'hi' }]);
    expect((await thing().findUnique({ where: { id: t.id } })).level).toBe('HIGH');
  });

  it('an enum default whose value has @map', async () => {
    const t = await f.db.m('flagged').create({ data: {} });
    expect(t.level).toBe('HIGH');
    expect(await f.db.$queryRawUnsafe(f.sql('SELECT "level" FROM "Flagged" WHERE "id" = ?'), t.id)).toEqual([{ level: 'hi' }]);
  });

  it('uuid(7), nanoid(8), ulid() and cuid(2) defaults', async () => {
    const a = await f.db.m('doc').create({ data: { name: 'a' } });
    await sleep(2);
    const b = await f.db.m('doc').create({ data: { name: 'b' } });
    expect(a.id).toMatch(UUID_V7);
    expect(a.code).toMatch(/^[A-Za-z0-9_-]{8}$/);
    expect(a.u).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(a.c2).toMatch(/^[a-z][0-9a-z]{23}$/);
    // v7 and ULIDs sort by creation time.
    expect(a.id < b.id).toBe(true);
    expect(a.u < b.u).toBe(true);
  });

  it('the returned record is what a later read returns', async () => {
    const t = await thing().create({ data: { note: 'read me' } });
    expect(await thing().findUnique({ where: { id: t.id } })).toEqual(t);
  });

  it('a compound primary key', async () => {
    const p = await f.db.m('pair').create({ data: { a: 1, b: 'x' } });
    expect(p).toEqual({ a: 1, b: 'x', v: 0 });
    expect(await f.db.m('pair').findUnique({ where: { a_b: { a: 1, b: 'x' } } })).toEqual(p);
  });
});

describe('@updatedAt', () => {
  it('moves forward on update and leaves createdAt alone', async () => {
    const t = await thing().create({ data: { note: 'u1' } });
    await sleep(5);
    const u = await thing().update({ where: { id: t.id }, data: { note: 'u2' } });
    expect(u.createdAt).toEqual(t.createdAt);
    expect(u.updatedAt.getTime()).toBeGreaterThan(t.updatedAt.getTime());
  });

  it('moves forward on updateMany', async () => {
    const t = await thing().create({ data: { note: 'um' } });
    await sleep(5);
    await thing().updateMany({ where: { id: t.id }, data: { count: { increment: 1 } } });
    const u = await thing().findUnique({ where: { id: t.id } });
    expect(u.updatedAt.getTime()).toBeGreaterThan(t.updatedAt.getTime());
  });

  it('a value given for the @updatedAt field is kept', async () => {
    const t = await thing().create({ data: { updatedAt: new Date('2001-02-03T04:05:06.007Z') } });
    expect(t.updatedAt).toEqual(new Date('2001-02-03T04:05:06.007Z'));
    const u = await thing().update({ where: { id: t.id }, data: { note: 'x', updatedAt: new Date('2002-02-03T04:05:06.007Z') } });
    expect(u.updatedAt).toEqual(new Date('2002-02-03T04:05:06.007Z'));
  });
});

// Each createMany test gets a fresh client, so one test's cached statements cannot hide or
// cause another test's failure.
describe('createMany', () => {
  let g: DbFixture;
  beforeEach(async () => {
    g = await dbFixture(SCHEMA);
  });
  afterEach(() => g.close());
  const things = () => g.db.m('thing');

  it('returns the count and fills defaults', async () => {
    const r = await things().createMany({ data: [{ note: 'm1' }, { note: 'm2' }, { note: 'm3' }] });
    expect(r).toEqual({ count: 3 });
    const rows = await things().findMany({ orderBy: { id: 'asc' } });
    expect(rows.map((r: { note: string }) => r.note)).toEqual(['m1', 'm2', 'm3']);
    expect(new Set(rows.map((r: { uid: string }) => r.uid)).size).toBe(3);
    for (const row of rows) expect(row).toMatchObject({ label: 'untitled', count: 7, level: 'MEDIUM', on: true });
  });

  it('rows with different sets of keys in one call', async () => {
    const r = await things().createMany({
      data: [{ note: 'k1' }, { note: 'k2', label: 'L', count: 1 }, { note: 'k3', level: 'HIGH' }, { note: 'k4', label: undefined }, { note: 'k5', count: 2, label: 'M' }],
    });
    expect(r).toEqual({ count: 5 });
    const rows = await things().findMany({ orderBy: { note: 'asc' }, select: { note: true, label: true, count: true, level: true } });
    expect(rows).toEqual([
      { note: 'k1', label: 'untitled', count: 7, level: 'MEDIUM' },
      { note: 'k2', label: 'L', count: 1, level: 'MEDIUM' },
      { note: 'k3', label: 'untitled', count: 7, level: 'HIGH' },
      { note: 'k4', label: 'untitled', count: 7, level: 'MEDIUM' },
      { note: 'k5', label: 'M', count: 2, level: 'MEDIUM' },
    ]);
  });

  it('a later call with other fields than an earlier call of the same size writes all its fields', async () => {
    await things().createMany({ data: [{ note: 'first' }] });
    expect(await things().createMany({ data: [{ note: 'second', label: 'kept' }] })).toEqual({ count: 1 });
    expect(await things().createMany({ data: [{ count: 42 }] })).toEqual({ count: 1 });
    const rows = await things().findMany({ orderBy: { id: 'asc' }, select: { note: true, label: true, count: true } });
    expect(rows).toEqual([
      { note: 'first', label: 'untitled', count: 7 },
      { note: 'second', label: 'kept', count: 7 },
      { note: null, label: 'untitled', count: 42 },
    ]);
  });

  it('an empty list creates nothing', async () => {
    expect(await things().createMany({ data: [] })).toEqual({ count: 0 });
    expect(await things().count()).toBe(0);
  });

  it('skipDuplicates skips rows that break a unique key and counts only inserted rows', async () => {
    await things().create({ data: { uid: 'dup-1', note: 'orig' } });
    const r = await things().createMany({ data: [{ uid: 'dup-1', note: 'again' }, { uid: 'dup-2', note: 'new' }, { uid: 'dup-2', note: 'twice' }], skipDuplicates: true });
    expect(r).toEqual({ count: 1 });
    expect((await things().findUnique({ where: { uid: 'dup-1' } })).note).toBe('orig');
    expect((await things().findUnique({ where: { uid: 'dup-2' } })).note).toBe('new');
  });

  it('skipDuplicates on a compound primary key', async () => {
    await g.db.m('pair').createMany({ data: [{ a: 5, b: 'p' }] });
    const r = await g.db.m('pair').createMany({ data: [{ a: 5, b: 'p', v: 9 }, { a: 5, b: 'q', v: 9 }], skipDuplicates: true });
    expect(r).toEqual({ count: 1 });
    expect(await g.db.m('pair').findMany({ orderBy: { b: 'asc' } })).toEqual([
      { a: 5, b: 'p', v: 0 },
      { a: 5, b: 'q', v: 9 },
    ]);
  });

  it('without skipDuplicates a duplicate fails with P2002 naming the model and field', async () => {
    await things().create({ data: { uid: 'dup-1' } });
    const e = await rejectionOf(things().createMany({ data: [{ uid: 'dup-1' }] }));
    expect(e).toBeInstanceOf(KilnUniqueConstraintError);
    expect(e.code).toBe('P2002');
    expect(e.fields).toEqual(['uid']);
    expect(e.model).toBe('Thing');
  });

  it('is atomic: a failing row leaves none of the rows before it behind', async () => {
    await things().create({ data: { uid: 'dup-1' } });
    // Three key sets of three sizes, so they run as three INSERTs; the last one fails.
    const data = [{ note: 'atomic-1' }, { note: 'atomic-2', label: 'x' }, { note: 'atomic-3', label: 'y' }, { uid: 'fresh-1', note: 'atomic-4', count: 1 }, { uid: 'fresh-2', note: 'atomic-5', count: 1 }, { uid: 'dup-1', note: 'atomic-6', count: 1 }];
    const e = await rejectionOf(things().createMany({ data }));
    expect(e).toBeInstanceOf(KilnUniqueConstraintError);
    expect(await things().count()).toBe(1);
  });

  it('more rows than fit in one statement', async () => {
    const data = Array.from({ length: 1500 }, (_, i) => ({ note: `bulk-${i}`, count: i }));
    expect(await things().createMany({ data })).toEqual({ count: 1500 });
    expect(await things().count()).toBe(1500);
    expect(await things().aggregate({ _sum: { count: true } })).toEqual({ _sum: { count: (1499 * 1500) / 2 } });
  });
});

describe('createManyAndReturn', () => {
  let g: DbFixture;
  beforeEach(async () => {
    g = await dbFixture(SCHEMA);
  });
  afterEach(() => g.close());
  const things = () => g.db.m('thing');

  it('returns the created rows with their defaults, in input order', async () => {
    const rows = await things().createManyAndReturn({ data: [{ note: 'r1', count: 3 }, { note: 'r2', count: 4 }] });
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ note: 'r1', count: 3, label: 'untitled', level: 'MEDIUM', on: true });
    expect(rows[1]).toMatchObject({ note: 'r2', count: 4 });
    expect(rows[0].uid).toMatch(UUID_V4);
    expect(rows[0].createdAt).toBeInstanceOf(Date);
    expect(rows[1].id).toBeGreaterThan(rows[0].id);
  });

  it('rows with different key sets all come back with their own values', async () => {
    const rows = await things().createManyAndReturn({ data: [{ note: 'x1' }, { note: 'x2', count: 1 }, { note: 'x3' }], select: { note: true, count: true } });
    // Rows with different key sets may be inserted by different statements: compare as a set.
    rows.sort((a: { note: string }, b: { note: string }) => a.note.localeCompare(b.note));
    expect(rows).toEqual([
      { note: 'x1', count: 7 },
      { note: 'x2', count: 1 },
      { note: 'x3', count: 7 },
    ]);
  });

  it('select narrows the returned fields and decodes them', async () => {
    const rows = await things().createManyAndReturn({ data: [{ note: 's1', level: 'HIGH' }], select: { note: true, level: true, on: true } });
    expect(rows).toEqual([{ note: 's1', level: 'HIGH', on: true }]);
  });

  it('with skipDuplicates returns only the rows it inserted', async () => {
    await things().create({ data: { uid: 'dup-1' } });
    const rows = await things().createManyAndReturn({ data: [{ uid: 'dup-1' }, { uid: 'cmr-new' }], skipDuplicates: true, select: { uid: true } });
    expect(rows).toEqual([{ uid: 'cmr-new' }]);
  });
});
