// Scalar filters of `where`: equality, negation, lists, ranges, string matching, logic and
// `undefined`, over ten rows whose expected matches are written out by hand.
import { sqliteSchema } from './helpers/inline-schema.js';
import { dbFixture, provider, type DbFixture } from './helpers/db.js';

const SCHEMA = sqliteSchema(`
enum Status {
  ACTIVE
  PAUSED
  ARCHIVED @map("archived")
}

model Item {
  id     Int       @id @default(autoincrement())
  name   String
  note   String?
  qty    Int
  price  Float
  status Status    @default(ACTIVE)
  flag   Boolean   @default(false)
  at     DateTime
  seenAt DateTime?
}
`);

const d = (s: string) => new Date(s);
// id is the position in this list, starting at 1.
const ROWS = [
  { name: 'Apple', note: 'red fruit', qty: 5, price: 1.5, status: 'ACTIVE', flag: true, at: d('2024-01-01T00:00:00.000Z'), seenAt: d('2024-01-02T10:00:00.000Z') },
  { name: 'apple pie', note: null, qty: 10, price: 3.25, status: 'PAUSED', flag: false, at: d('2024-02-01T00:00:00.000Z'), seenAt: null },
  { name: 'Banana', note: 'yellow', qty: 0, price: 0.5, status: 'ACTIVE', flag: true, at: d('2024-03-01T12:00:00.000Z'), seenAt: d('2024-03-01T12:00:00.001Z') },
  { name: '100%_pure!', note: 'percent', qty: -3, price: 10, status: 'ARCHIVED', flag: false, at: d('2024-04-01T00:00:00.000Z'), seenAt: null },
  { name: '100 pure', note: 'no percent', qty: 7, price: 2, status: 'PAUSED', flag: false, at: d('2024-05-01T00:00:00.000Z'), seenAt: d('2024-05-05T00:00:00.000Z') },
  { name: 'under_score', note: '', qty: 5, price: 2, status: 'ACTIVE', flag: true, at: d('2023-12-31T23:59:59.999Z'), seenAt: null },
  { name: 'underXscore', note: null, qty: 12, price: 7.75, status: 'ARCHIVED', flag: false, at: d('2024-06-01T00:00:00.000Z'), seenAt: null },
  { name: 'bang!x', note: 'BANG', qty: 1, price: 1, status: 'ACTIVE', flag: false, at: d('2024-07-01T00:00:00.000Z'), seenAt: null },
  { name: 'bangx', note: 'Bang', qty: 2, price: 1.25, status: 'PAUSED', flag: true, at: d('2024-08-01T00:00:00.000Z'), seenAt: null },
  { name: 'ÄÖÜ straße', note: 'ümlaut', qty: 3, price: 4, status: 'ACTIVE', flag: false, at: d('2024-09-01T00:00:00.000Z'), seenAt: null },
];
const ALL = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

let f: DbFixture;
beforeAll(async () => {
  f = await dbFixture(SCHEMA);
  for (const row of ROWS) await f.db.m('item').create({ data: row });
});
afterAll(() => f.close());

/** Ids matching `where`, in id order. */
async function match(where: unknown): Promise<number[]> {
  const rows = await f.db.m('item').findMany({ where, orderBy: { id: 'asc' }, select: { id: true } });
  return rows.map((r: { id: number }) => r.id);
}

describe('equality', () => {
  it('a bare value means equals', async () => {
    expect(await match({ name: 'Apple' })).toEqual([1]);
  });

  it('equals is explicit and case-sensitive by default (on MySQL: as the column collation says)', async () => {
    expect(await match({ name: { equals: 'Apple' } })).toEqual([1]);
    // MySQL compares by the column's collation, utf8mb4_unicode_ci as Prisma creates tables:
    // case-insensitive, as with Prisma on MySQL.
    expect(await match({ name: { equals: 'apple' } })).toEqual(provider === 'mysql' ? [1] : []);
  });

  it("equals with mode: 'insensitive' ignores case", async () => {
    expect(await match({ name: { equals: 'APPLE', mode: 'insensitive' } })).toEqual([1]);
  });

  it('an empty string is a value, not null', async () => {
    expect(await match({ note: '' })).toEqual([6]);
  });

  it('booleans and enums (one with @map) compare by value name', async () => {
    expect(await match({ flag: true })).toEqual([1, 3, 6, 9]);
    expect(await match({ status: 'ARCHIVED' })).toEqual([4, 7]);
    expect(await match({ status: { in: ['ARCHIVED', 'PAUSED'] } })).toEqual([2, 4, 5, 7, 9]);
  });

  it('several fields in one object are ANDed', async () => {
    expect(await match({ qty: 5, flag: true })).toEqual([1, 6]);
  });
});

describe('not', () => {
  it('not: value', async () => {
    expect(await match({ qty: { not: 5 } })).toEqual([2, 3, 4, 5, 7, 8, 9, 10]);
  });

  it('not: value leaves out NULL rows, as SQL and Prisma do', async () => {
    expect(await match({ note: { not: 'yellow' } })).toEqual([1, 4, 5, 6, 8, 9, 10]);
  });

  it('not: null keeps rows with a value', async () => {
    expect(await match({ note: { not: null } })).toEqual([1, 3, 4, 5, 6, 8, 9, 10]);
  });

  it('not: { nested filter }', async () => {
    expect(await match({ qty: { not: { gte: 5 } } })).toEqual([3, 4, 8, 9, 10]);
    expect(await match({ qty: { not: { in: [0, 1, 2, 3] } } })).toEqual([1, 2, 4, 5, 6, 7]);
  });

  it('not on a boolean', async () => {
    expect(await match({ flag: { not: true } })).toEqual([2, 4, 5, 7, 8, 10]);
  });
});

describe('null checks on optional fields', () => {
  it('field: null', async () => {
    expect(await match({ note: null })).toEqual([2, 7]);
  });

  it('equals: null', async () => {
    expect(await match({ note: { equals: null } })).toEqual([2, 7]);
  });

  it('an optional DateTime', async () => {
    expect(await match({ seenAt: null })).toEqual([2, 4, 6, 7, 8, 9, 10]);
    expect(await match({ seenAt: { not: null } })).toEqual([1, 3, 5]);
  });
});

describe('in / notIn', () => {
  it('in', async () => {
    expect(await match({ qty: { in: [5, 0] } })).toEqual([1, 3, 6]);
    expect(await match({ name: { in: ['Apple', 'bangx', 'nope'] } })).toEqual([1, 9]);
  });

  it('in: [] matches nothing', async () => {
    expect(await match({ qty: { in: [] } })).toEqual([]);
  });

  it('notIn', async () => {
    expect(await match({ status: { notIn: ['ACTIVE'] } })).toEqual([2, 4, 5, 7, 9]);
  });

  it('notIn: [] matches everything', async () => {
    expect(await match({ qty: { notIn: [] } })).toEqual(ALL);
  });

  it("an in list longer than SQLite's bound-parameter limit", async () => {
    const many = Array.from({ length: 40000 }, (_, i) => i + 3);
    expect(await match({ id: { in: many } })).toEqual([3, 4, 5, 6, 7, 8, 9, 10]);
    expect(await match({ id: { notIn: many } })).toEqual([1, 2]);
  });

  it("in with mode: 'insensitive'", async () => {
    expect(await match({ name: { in: ['APPLE', 'banana'], mode: 'insensitive' } })).toEqual([1, 3]);
  });
});

describe('ranges', () => {
  it('gt / gte / lt / lte on Int', async () => {
    expect(await match({ qty: { gt: 5 } })).toEqual([2, 5, 7]);
    expect(await match({ qty: { gte: 5 } })).toEqual([1, 2, 5, 6, 7]);
    expect(await match({ qty: { lt: 1 } })).toEqual([3, 4]);
    expect(await match({ qty: { lte: 1 } })).toEqual([3, 4, 8]);
  });

  it('a closed range combines two bounds', async () => {
    expect(await match({ qty: { gte: 1, lte: 5 } })).toEqual([1, 6, 8, 9, 10]);
  });

  it('Float bounds', async () => {
    expect(await match({ price: { gt: 2 } })).toEqual([2, 4, 7, 10]);
    expect(await match({ price: { lte: 1.25 } })).toEqual([3, 8, 9]);
  });

  it('DateTime bounds given as Date', async () => {
    expect(await match({ at: { lt: d('2024-03-01T12:00:00.000Z') } })).toEqual([1, 2, 6]);
    expect(await match({ at: { gte: d('2024-03-01T12:00:00.000Z') } })).toEqual([3, 4, 5, 7, 8, 9, 10]);
  });

  it('DateTime bounds given as ISO strings', async () => {
    expect(await match({ at: { gt: '2024-06-01T00:00:00.000Z' } })).toEqual([8, 9, 10]);
  });

  it('DateTime comparisons keep milliseconds', async () => {
    expect(await match({ seenAt: { gt: d('2024-03-01T12:00:00.000Z') } })).toEqual([3, 5]);
    expect(await match({ seenAt: { lte: d('2024-03-01T12:00:00.000Z') } })).toEqual([1]);
    expect(await match({ at: d('2023-12-31T23:59:59.999Z') })).toEqual([6]);
  });

  it('a DateTime given with a UTC offset means the same instant', async () => {
    expect(await match({ at: { equals: '2024-01-01T01:00:00+01:00' } })).toEqual([1]);
    expect(await match({ at: { lt: '2024-01-01T00:30:00.000+00:30' } })).toEqual([6]);
  });
});

describe('contains / startsWith / endsWith', () => {
  it('% in the search text matches a literal percent sign', async () => {
    expect(await match({ name: { contains: '%' } })).toEqual([4]);
    expect(await match({ name: { startsWith: '100%' } })).toEqual([4]);
  });

  it('_ in the search text matches a literal underscore, not any character', async () => {
    expect(await match({ name: { contains: '_' } })).toEqual([4, 6]);
    expect(await match({ name: { contains: 'r_s' } })).toEqual([6]);
  });

  it('! (the escape character) in the search text matches literally', async () => {
    expect(await match({ name: { contains: '!' } })).toEqual([4, 8]);
    expect(await match({ name: { contains: 'g!x' } })).toEqual([8]);
    expect(await match({ name: { endsWith: '%_pure!' } })).toEqual([4]);
    expect(await match({ name: { contains: '!!' } })).toEqual([]);
  });

  it('startsWith and endsWith anchor the text', async () => {
    expect(await match({ name: { startsWith: '100' } })).toEqual([4, 5]);
    expect(await match({ name: { endsWith: 'pure' } })).toEqual([5]);
  });

  it("mode: 'insensitive' for contains, startsWith and endsWith", async () => {
    expect(await match({ name: { contains: 'APPLE', mode: 'insensitive' } })).toEqual([1, 2]);
    expect(await match({ name: { startsWith: 'BAN', mode: 'insensitive' } })).toEqual([3, 8, 9]);
    expect(await match({ name: { endsWith: 'PIE', mode: 'insensitive' } })).toEqual([2]);
    expect(await match({ note: { contains: 'bang', mode: 'insensitive' } })).toEqual([8, 9]);
  });

  it("mode: 'insensitive' still matches % and _ literally", async () => {
    expect(await match({ name: { contains: 'R_S', mode: 'insensitive' } })).toEqual([6]);
    expect(await match({ name: { startsWith: '100%_P', mode: 'insensitive' } })).toEqual([4]);
  });

  it("mode: 'insensitive' folds non-ASCII letters too", async () => {
    expect(await match({ name: { contains: 'äöü', mode: 'insensitive' } })).toEqual([10]);
  });

  it('a string filter combines with other filters on the same field', async () => {
    expect(await match({ name: { startsWith: 'under', not: 'under_score' } })).toEqual([7]);
  });
});

describe('AND / OR / NOT', () => {
  it('AND as an object and as a list', async () => {
    expect(await match({ AND: { qty: 5, flag: true } })).toEqual([1, 6]);
    expect(await match({ AND: [{ qty: { gte: 5 } }, { status: 'PAUSED' }] })).toEqual([2, 5]);
  });

  it('OR as a list and as an object', async () => {
    expect(await match({ OR: [{ qty: 0 }, { name: 'bangx' }] })).toEqual([3, 9]);
    expect(await match({ OR: { qty: 0 } })).toEqual([3]);
  });

  it('NOT as an object', async () => {
    expect(await match({ NOT: { status: 'ACTIVE' } })).toEqual([2, 4, 5, 7, 9]);
  });

  it('NOT as a list: every condition must be false', async () => {
    // Not ACTIVE, and not qty > 5: PAUSED/ARCHIVED rows 2, 4, 5, 7, 9 without 2, 5 and 7.
    expect(await match({ NOT: [{ status: 'ACTIVE' }, { qty: { gt: 5 } }] })).toEqual([4, 9]);
  });

  it('empty lists: AND [] matches all, OR [] matches none, NOT [] matches all', async () => {
    expect(await match({ AND: [] })).toEqual(ALL);
    expect(await match({ OR: [] })).toEqual([]);
    expect(await match({ NOT: [] })).toEqual(ALL);
  });

  it('nested logic', async () => {
    const where = { OR: [{ AND: [{ flag: true }, { qty: { gt: 0 } }] }, { NOT: { note: { not: null } } }] };
    expect(await match(where)).toEqual([1, 2, 6, 7, 9]);
  });

  it('logic beside plain fields', async () => {
    expect(await match({ status: 'ACTIVE', OR: [{ qty: 0 }, { qty: 1 }] })).toEqual([3, 8]);
  });
});

describe('undefined means "not given"', () => {
  it('a field set to undefined filters nothing', async () => {
    expect(await match({ name: undefined })).toEqual(ALL);
    expect(await match({ qty: 5, name: undefined })).toEqual([1, 6]);
  });

  it('an operator set to undefined is ignored', async () => {
    expect(await match({ qty: { gte: undefined, lte: 1 } })).toEqual([3, 4, 8]);
  });

  it('where: undefined returns every row', async () => {
    expect(await match(undefined)).toEqual(ALL);
  });

  it('a field set to null is a filter, unlike undefined', async () => {
    expect(await match({ note: null, name: undefined })).toEqual([2, 7]);
  });
});

describe('where in other calls', () => {
  it('count, findFirst, updateMany and deleteMany use the same filters', async () => {
    expect(await f.db.m('item').count({ where: { name: { contains: '_' } } })).toBe(2);
    const first = await f.db.m('item').findFirst({ where: { status: 'ARCHIVED' }, orderBy: { id: 'desc' } });
    expect(first.id).toBe(7);
    expect(await f.db.m('item').updateMany({ where: { name: { contains: '%' } }, data: { note: 'touched' } })).toEqual({ count: 1 });
    expect(await match({ note: 'touched' })).toEqual([4]);
    expect(await f.db.m('item').updateMany({ where: { note: 'touched' }, data: { note: 'percent' } })).toEqual({ count: 1 });
  });
});
