// Shape-key soundness: the engine caches one plan per shape key (query/shape-key.ts), so two
// calls with the same key must need the same SQL and the same validation. Each test makes a pair
// of calls in sequence on ONE client, so the second call hits the plan cached by the first, and
// asserts the second call's correct result. The first block holds collisions found in review;
// the second documents pairs checked and found sound (regression guards).
import { KilnValidationError } from '@kiln/runtime';
import { rejectionOf } from './helpers/expect-error.js';
import { sqliteSchema } from './helpers/inline-schema.js';
import { dbFixture, provider, type DbFixture } from './helpers/db.js';

const SCHEMA = sqliteSchema(`
model User {
  id    Int     @id @default(autoincrement())
  email String  @unique
  name  String?
  data  String?
  mode  String?
  meta  Json?
  blob  Bytes?
  rank  Int     @default(0)
  price Decimal?
  posts Post[]
}

model Post {
  id       Int    @id @default(autoincrement())
  title    String
  score    Int    @default(0)
  authorId Int
  author   User   @relation(fields: [authorId], references: [id])
}
`);

/** Json keys that spell shape-key syntax: `{ OR: [{ meta: CRAFTED }] }` keys like `{ OR: [{ meta: { a: 1 } }, { name: { not: null } }] }`. */
const CRAFTED_KEY = 'a:n,},},{name:{not';

/** A class instance like Decimal.js: opaque to the shape key ('O'), a value to the planner. */
class DecimalLike {
  constructor(private readonly text: string) {}
  toFixed(): string {
    return this.text;
  }
  toString(): string {
    return this.text;
  }
}

let f: DbFixture;
const id: Record<string, number> = {};
const user = () => f.db.m('user');
const post = () => f.db.m('post');
const emails = (rows: { email: string }[]) => rows.map((r) => r.email);

beforeAll(async () => {
  f = await dbFixture(SCHEMA);
  const rows: [string, Record<string, unknown>][] = [
    ['ann', { email: 'ann@x.io', name: 'Ann', data: 'd1', mode: 'm1', meta: { a: 1 }, blob: Buffer.from([1]), rank: 1, price: '1.5' }],
    ['bob', { email: 'bob@x.io', name: 'Bob', data: 'd2', mode: 'm2', meta: { x: 2 }, blob: Buffer.from([2]), rank: 2, price: '2.5' }],
    ['cat', { email: 'cat@x.io', name: null, data: 'd3', mode: null, meta: { [CRAFTED_KEY]: null }, blob: null, rank: 3, price: null }],
  ];
  for (const [k, data] of rows) id[k] = (await user().create({ data })).id;
  await post().create({ data: { title: 'p1', score: 1, authorId: id.ann } });
  await post().create({ data: { title: 'p2', score: 2, authorId: id.ann } });
  await post().create({ data: { title: 'p3', score: 3, authorId: id.ann } });
  await post().create({ data: { title: 'q1', score: 1, authorId: id.bob } });
});
afterAll(() => f.close());

describe('collisions (each should pass once the shape key or planner is fixed)', () => {
  it('Json object keys containing shape-key punctuation do not collide with other structure', async () => {
    // Legitimate first call: meta = {a:1} OR name IS NOT NULL.
    const first = await user().findMany({ where: { OR: [{ meta: { a: 1 } }, { name: { not: null } }] }, orderBy: { id: 'asc' } });
    expect(emails(first)).toEqual(['ann@x.io', 'bob@x.io']);
    // A Json equality whose value has one crafted key (user data): only `cat` stores that value.
    const second = await user().findMany({ where: { OR: [{ meta: { [CRAFTED_KEY]: null } }] }, orderBy: { id: 'asc' } });
    expect(emails(second)).toEqual(['cat@x.io']);
  });

  it('orderBy on a field named `data` keeps its direction', async () => {
    const asc = await user().findMany({ orderBy: { data: 'asc' }, select: { data: true } });
    expect(asc.map((r: { data: string }) => r.data)).toEqual(['d1', 'd2', 'd3']);
    const desc = await user().findMany({ orderBy: { data: 'desc' }, select: { data: true } });
    expect(desc.map((r: { data: string }) => r.data)).toEqual(['d3', 'd2', 'd1']);
  });

  it('groupBy orderBy on a field named `data` keeps its direction', async () => {
    const asc = await user().groupBy({ by: ['data'], orderBy: { data: 'asc' } });
    expect(asc.map((r: { data: string }) => r.data)).toEqual(['d1', 'd2', 'd3']);
    const desc = await user().groupBy({ by: ['data'], orderBy: { data: 'desc' } });
    expect(desc.map((r: { data: string }) => r.data)).toEqual(['d3', 'd2', 'd1']);
  });

  it('a long insensitive `in` list reads every item, whatever the first long list’s length', async () => {
    const filler = (n: number) => Array.from({ length: n }, (_, i) => `nobody${i}@x.io`);
    expect(await user().findMany({ where: { email: { in: filler(101), mode: 'insensitive' } } })).toEqual([]);
    const rows = await user().findMany({ where: { email: { in: [...filler(101), 'BOB@X.IO'], mode: 'insensitive' } } });
    expect(emails(rows)).toEqual(['bob@x.io']);
  });

  it('a long insensitive `in` list shorter than the cached one is not refused', async () => {
    const filler = (n: number) => Array.from({ length: n }, (_, i) => `other${i}@x.io`);
    expect(await user().findMany({ where: { email: { notIn: filler(130), mode: 'insensitive' } }, select: { email: true } })).toHaveLength(3);
    const rows = await user().findMany({ where: { email: { notIn: [...filler(100), 'ANN@X.IO'], mode: 'insensitive' } }, select: { email: true } });
    expect(emails(rows).sort()).toEqual(['bob@x.io', 'cat@x.io']);
  });

  it('a long `in` list on a Bytes field is refused the same way whatever its length (never half-read)', async () => {
    const filler = (n: number) => Array.from({ length: n }, (_, i) => Buffer.from([100, i]));
    await expect(user().findMany({ where: { blob: { in: filler(101) } } })).rejects.toMatchObject({ code: 'P2009', path: 'where.blob.in' });
    await expect(user().findMany({ where: { blob: { in: [...filler(101), Buffer.from([2])] } } })).rejects.toMatchObject({ code: 'P2009' });
    const rows = await user().findMany({ where: { blob: { in: [...filler(50), Buffer.from([2])] } } });
    expect(emails(rows)).toEqual(['bob@x.io']);
  });

  it('createManyAndReturn returns the columns of its own select', async () => {
    try {
      const a = await user().createManyAndReturn({ data: [{ email: 'cm1@x.io' }], select: { id: true } });
      expect(Object.keys(a[0])).toEqual(['id']);
      // Same INSERT cache key (`createMany:1:false:true:email`): RETURNING is still the first call's.
      const b = await user().createManyAndReturn({ data: [{ email: 'cm2@x.io' }], select: { email: true } });
      expect(b).toEqual([{ email: 'cm2@x.io' }]);
    } finally {
      await user().deleteMany({ where: { email: { startsWith: 'cm' } } });
    }
  });

  it('a negative skip is refused after a positive skip was planned', async () => {
    expect(await user().findMany({ orderBy: { id: 'asc' }, skip: 1, select: { id: true } })).toHaveLength(2);
    expect(await rejectionOf(user().findMany({ orderBy: { id: 'asc' }, skip: -1, select: { id: true } }))).toBeInstanceOf(KilnValidationError);
  });

  it('a negative skip with distinct is refused after a positive skip was planned', async () => {
    expect(emails(await user().findMany({ distinct: ['email'], orderBy: { id: 'asc' }, skip: 2 }))).toEqual(['cat@x.io']);
    expect(await rejectionOf(user().findMany({ distinct: ['email'], orderBy: { id: 'asc' }, skip: -1 }))).toBeInstanceOf(KilnValidationError);
  });

  it('a fractional take with distinct is refused after an integer take was planned', async () => {
    expect(await user().findMany({ distinct: ['email'], orderBy: { id: 'asc' }, take: 1 })).toHaveLength(1);
    expect(await rejectionOf(user().findMany({ distinct: ['email'], orderBy: { id: 'asc' }, take: 1.5 }))).toBeInstanceOf(KilnValidationError);
  });

  it('a fractional take inside include is refused after an integer take was planned', async () => {
    const ann = await user().findUnique({ where: { id: id.ann }, include: { posts: { take: 1 } } });
    expect(ann.posts).toHaveLength(1);
    expect(await rejectionOf(user().findUnique({ where: { id: id.ann }, include: { posts: { take: 1.5 } } }))).toBeInstanceOf(KilnValidationError);
  });

  it('a negative skip inside include is refused (never validated, cached or not)', async () => {
    expect(await rejectionOf(user().findUnique({ where: { id: id.ann }, include: { posts: { skip: -1, orderBy: { id: 'asc' } } } }))).toBeInstanceOf(KilnValidationError);
  });

  it('`is: undefined` in a to-one relation filter means "not given", before or after the plain filter', async () => {
    // Without the cache the first call throws 'unknown relation filter "email"'; after the plain
    // filter is cached it succeeds: the result depends on call order.
    const a = await post().findMany({ where: { author: { is: undefined, email: 'bob@x.io' } }, select: { title: true } });
    expect(a).toEqual([{ title: 'q1' }]);
    const b = await post().findMany({ where: { author: { email: 'bob@x.io' } }, select: { title: true } });
    expect(b).toEqual([{ title: 'q1' }]);
  });

  it('groupBy orderBy on an aggregate of an unknown field is a validation error', async () => {
    expect(await rejectionOf(user().groupBy({ by: ['data'], _sum: { rank: true }, orderBy: { _sum: { nope: 'asc' } } }))).toBeInstanceOf(KilnValidationError);
  });

  it('groupBy orderBy / having keys inherited from Object.prototype are validation errors', async () => {
    expect(await rejectionOf(user().groupBy({ by: ['data'], orderBy: { toString: { rank: 'asc' } } }))).toBeInstanceOf(KilnValidationError);
    expect(await rejectionOf(user().groupBy({ by: ['data'], having: { rank: { constructor: { gt: 1 } } } }))).toBeInstanceOf(KilnValidationError);
  });
});

describe('plan reuse (performance: values must not become structure)', () => {
  const stats = () => (f.db as any).$engine().cacheStats as { size: number; misses: number };

  it('filtering a field named `mode` by many values shares one plan', async () => {
    await user().findMany({ where: { mode: 'warm' } });
    const before = stats().misses;
    for (let i = 0; i < 20; i++) await user().findMany({ where: { mode: `v${i}` } });
    expect(stats().misses - before).toBe(0);
  });

  it('Json data with a `mode` (or `select`) key shares one plan across values', async () => {
    await user().updateMany({ where: { email: 'nobody' }, data: { meta: { mode: 'warm', select: 'warm' } } });
    const before = stats().misses;
    for (let i = 0; i < 20; i++) await user().updateMany({ where: { email: 'nobody' }, data: { meta: { mode: `v${i}`, select: `s${i}` } } });
    expect(stats().misses - before).toBe(0);
  });
});

describe('pairs checked and sound', () => {
  it('take sign and zero', async () => {
    expect(emails(await user().findMany({ orderBy: { id: 'asc' }, take: 1 }))).toEqual(['ann@x.io']);
    expect(emails(await user().findMany({ orderBy: { id: 'asc' }, take: -1 }))).toEqual(['cat@x.io']);
    expect(await user().findMany({ orderBy: { id: 'asc' }, take: 0 })).toEqual([]);
  });

  it('null vs value in where, equals, not', async () => {
    expect(emails(await user().findMany({ where: { name: 'Ann' } }))).toEqual(['ann@x.io']);
    expect(emails(await user().findMany({ where: { name: null } }))).toEqual(['cat@x.io']);
    expect(emails(await user().findMany({ where: { name: { equals: null } } }))).toEqual(['cat@x.io']);
    expect(emails(await user().findMany({ where: { name: { not: 'Ann' } }, orderBy: { id: 'asc' } }))).toEqual(['bob@x.io']);
    expect(emails(await user().findMany({ where: { name: { not: null } }, orderBy: { id: 'asc' } }))).toEqual(['ann@x.io', 'bob@x.io']);
    expect(emails(await user().findMany({ where: { name: { not: { in: ['Ann'] } } } }))).toEqual(['bob@x.io']);
  });

  it('mode default vs insensitive, also through not', async () => {
    // MySQL's default collation (utf8mb4_unicode_ci) already compares case-insensitively.
    const ci = provider === 'mysql';
    expect(emails(await user().findMany({ where: { name: { equals: 'ANN' } } }))).toEqual(ci ? ['ann@x.io'] : []);
    expect(emails(await user().findMany({ where: { name: { equals: 'ANN', mode: 'insensitive' } } }))).toEqual(['ann@x.io']);
    expect(emails(await user().findMany({ where: { name: { not: { equals: 'ANN' } } }, orderBy: { id: 'asc' } }))).toEqual(ci ? ['bob@x.io'] : ['ann@x.io', 'bob@x.io']);
    expect(emails(await user().findMany({ where: { name: { not: { equals: 'ANN' }, mode: 'insensitive' } } }))).toEqual(['bob@x.io']);
  });

  it('null in cursor, include where, having and relation filters', async () => {
    expect(emails(await user().findMany({ cursor: { id: id.bob }, orderBy: { id: 'asc' } }))).toEqual(['bob@x.io', 'cat@x.io']);
    const inc1 = await user().findUnique({ where: { id: id.ann }, include: { posts: { where: { title: 'p1' } } } });
    expect(inc1.posts).toHaveLength(1);
    const inc2 = await user().findUnique({ where: { id: id.ann }, include: { posts: { where: { title: { not: 'p1' } } } } });
    expect(inc2.posts).toHaveLength(2);
    const g1 = await user().groupBy({ by: ['name'], having: { name: 'Ann' } });
    expect(g1).toEqual([{ name: 'Ann' }]);
    const g2 = await user().groupBy({ by: ['name'], having: { name: null } });
    expect(g2).toEqual([{ name: null }]);
    expect(emails(await user().findMany({ where: { posts: { some: {} } }, orderBy: { id: 'asc' } }))).toEqual(['ann@x.io', 'bob@x.io']);
    expect(emails(await user().findMany({ where: { posts: { none: {} } } }))).toEqual(['cat@x.io']);
  });

  it('booleans and select false, _count true vs object', async () => {
    expect(Object.keys(await user().findUnique({ where: { id: id.ann }, select: { id: true, name: true } }))).toEqual(['id', 'name']);
    expect(Object.keys(await user().findUnique({ where: { id: id.ann }, select: { id: true, name: false } }))).toEqual(['id']);
    const c1 = await user().findUnique({ where: { id: id.ann }, select: { _count: true } });
    expect(c1._count).toEqual({ posts: 3 });
    const c2 = await user().findUnique({ where: { id: id.ann }, select: { _count: { select: { posts: { where: { score: { gt: 1 } } } } } } });
    expect(c2._count).toEqual({ posts: 2 });
    expect(await user().count()).toBe(3);
    expect(await user().count({ select: { _all: true, name: true } })).toEqual({ _all: 3, name: 2 });
  });

  it('increment vs set vs plain value in update data', async () => {
    const p = await post().create({ data: { title: 'tmp', score: 10, authorId: id.cat } });
    expect((await post().update({ where: { id: p.id }, data: { score: { increment: 5 } } })).score).toBe(15);
    expect((await post().update({ where: { id: p.id }, data: { score: { set: 5 } } })).score).toBe(5);
    expect((await post().update({ where: { id: p.id }, data: { score: { decrement: 1 } } })).score).toBe(4);
    expect((await post().update({ where: { id: p.id }, data: { score: 9 } })).score).toBe(9);
    await post().delete({ where: { id: p.id } });
  });

  it('Json object values: equality vs filter object vs different structure', async () => {
    expect(emails(await user().findMany({ where: { meta: { a: 1 } } }))).toEqual(['ann@x.io']);
    expect(emails(await user().findMany({ where: { meta: { x: 2 } } }))).toEqual(['bob@x.io']);
    expect(emails(await user().findMany({ where: { meta: { equals: { x: 2 } } } }))).toEqual(['bob@x.io']);
    expect(emails(await user().findMany({ where: { meta: { not: { x: 2 } } }, orderBy: { id: 'asc' } }))).toEqual(['ann@x.io', 'cat@x.io']);
  });

  it('Decimal, Bytes and Date values', async () => {
    expect(emails(await user().findMany({ where: { price: '1.5' } }))).toEqual(['ann@x.io']);
    expect(emails(await user().findMany({ where: { price: new DecimalLike('2.5') } }))).toEqual(['bob@x.io']);
    expect(emails(await user().findMany({ where: { price: { gt: new DecimalLike('2') } } }))).toEqual(['bob@x.io']);
    expect(emails(await user().findMany({ where: { blob: Buffer.from([2]) } }))).toEqual(['bob@x.io']);
    expect(emails(await user().findMany({ where: { blob: new Uint8Array([1]) } }))).toEqual(['ann@x.io']);
  });

  it('AND/OR/NOT as a list vs an object, empty lists', async () => {
    expect(emails(await user().findMany({ where: { NOT: { rank: 1 } }, orderBy: { id: 'asc' } }))).toEqual(['bob@x.io', 'cat@x.io']);
    expect(emails(await user().findMany({ where: { NOT: [{ rank: 1 }, { rank: 2 }] } }))).toEqual(['cat@x.io']);
    expect(await user().findMany({ where: { OR: [] } })).toEqual([]);
    expect(await user().findMany({ where: { AND: [] } })).toHaveLength(3);
    expect(emails(await user().findMany({ where: { name: { in: ['Ann', 'Bob'] } }, orderBy: { id: 'asc' } }))).toEqual(['ann@x.io', 'bob@x.io']);
    expect(emails(await user().findMany({ where: { name: { in: ['Bob'] } } }))).toEqual(['bob@x.io']);
    expect(await user().findMany({ where: { name: { in: [] } } })).toEqual([]);
  });

  it('__proto__ and constructor keys are refused, never planned', async () => {
    const parsed = JSON.parse('{"where":{"__proto__":{"id":1}}}');
    expect(await rejectionOf(user().findMany(parsed))).toBeInstanceOf(KilnValidationError);
    expect(await rejectionOf(user().findMany({ where: { constructor: 1 } }))).toBeInstanceOf(KilnValidationError);
    expect(await rejectionOf(user().findMany({ orderBy: { constructor: 'asc' } }))).toBeInstanceOf(KilnValidationError);
    expect(await rejectionOf(user().findMany({ select: { toString: true } }))).toBeInstanceOf(KilnValidationError);
    expect(({} as Record<string, unknown>).id).toBeUndefined();
  });
});
