// orderBy (fields, several, nulls, a to-one relation's field, a list relation's _count), skip,
// take (also negative), cursor (with and without orderBy) and distinct.
import { sqliteSchema } from './helpers/inline-schema.js';
import { dbFixture, provider, type DbFixture } from './helpers/db.js';

// Where NULLs sort when orderBy does not say: first ascending on SQLite and MySQL, last on
// PostgreSQL (https://www.postgresql.org/docs/current/queries-order.html). Prisma leaves this
// to the database too.
const nullsLast = provider === 'postgresql';

const SCHEMA = sqliteSchema(`
model Team {
  id      Int      @id @default(autoincrement())
  name    String   @unique
  players Player[]
}

model Player {
  id     Int     @id @default(autoincrement())
  name   String  @unique
  score  Int
  nick   String?
  team   Team?   @relation(fields: [teamId], references: [id])
  teamId Int?
}
`);

// Teams: 1 Red, 2 Blue, 3 Green (no players).
// Players (id: name score nick team): 1 Ann 30 a Red, 2 Ben 10 - Blue, 3 Cat 20 c Red,
// 4 Dan 30 - none, 5 Eve 10 e Blue, 6 Fay 20 b Red, 7 Gus 40 - Blue, 8 Hal 10 d Blue.
const PLAYERS = [
  ['Ann', 30, 'a', 1],
  ['Ben', 10, null, 2],
  ['Cat', 20, 'c', 1],
  ['Dan', 30, null, null],
  ['Eve', 10, 'e', 2],
  ['Fay', 20, 'b', 1],
  ['Gus', 40, null, 2],
  ['Hal', 10, 'd', 2],
] as const;

let f: DbFixture;
beforeAll(async () => {
  f = await dbFixture(SCHEMA);
  for (const name of ['Red', 'Blue', 'Green']) await f.db.m('team').create({ data: { name } });
  for (const [name, score, nick, teamId] of PLAYERS) await f.db.m('player').create({ data: { name, score, nick, teamId } });
});
afterAll(() => f.close());

async function players(args: Record<string, unknown>): Promise<number[]> {
  const rows = await f.db.m('player').findMany(args);
  return rows.map((r: { id: number }) => r.id);
}

describe('orderBy', () => {
  it('one field, descending', async () => {
    expect(await players({ orderBy: { name: 'desc' } })).toEqual([8, 7, 6, 5, 4, 3, 2, 1]);
  });

  it('several fields, in the order given', async () => {
    expect(await players({ orderBy: [{ score: 'desc' }, { name: 'asc' }] })).toEqual([7, 1, 4, 3, 6, 2, 5, 8]);
    expect(await players({ orderBy: [{ score: 'asc' }, { id: 'desc' }] })).toEqual([8, 5, 2, 6, 3, 4, 1, 7]);
  });

  it("NULLs sort first ascending on SQLite and MySQL, last on PostgreSQL, when nulls isn't given", async () => {
    expect(await players({ orderBy: [{ nick: 'asc' }, { id: 'asc' }] })).toEqual(nullsLast ? [1, 6, 3, 8, 5, 2, 4, 7] : [2, 4, 7, 1, 6, 3, 8, 5]);
  });

  it('{ sort, nulls: "last" }', async () => {
    expect(await players({ orderBy: [{ nick: { sort: 'asc', nulls: 'last' } }, { id: 'asc' }] })).toEqual([1, 6, 3, 8, 5, 2, 4, 7]);
  });

  it('{ sort: "desc", nulls: "first" }', async () => {
    expect(await players({ orderBy: [{ nick: { sort: 'desc', nulls: 'first' } }, { id: 'asc' }] })).toEqual([2, 4, 7, 5, 8, 3, 6, 1]);
  });

  it("a to-one relation's field; rows without the relation sort as NULL", async () => {
    expect(await players({ orderBy: [{ team: { name: 'asc' } }, { id: 'asc' }] })).toEqual(nullsLast ? [2, 5, 7, 8, 1, 3, 6, 4] : [4, 2, 5, 7, 8, 1, 3, 6]);
    expect(await players({ orderBy: [{ team: { name: 'desc' } }, { id: 'desc' }] })).toEqual(nullsLast ? [4, 6, 3, 1, 8, 7, 5, 2] : [6, 3, 1, 8, 7, 5, 2, 4]);
  });

  it("a list relation's _count", async () => {
    const teams = async (dir: string) => (await f.db.m('team').findMany({ orderBy: { players: { _count: dir } } })).map((t: { name: string }) => t.name);
    expect(await teams('desc')).toEqual(['Blue', 'Red', 'Green']);
    expect(await teams('asc')).toEqual(['Green', 'Red', 'Blue']);
  });

  it('orderBy with where and select', async () => {
    const rows = await f.db.m('player').findMany({ where: { teamId: 2 }, orderBy: [{ score: 'desc' }, { name: 'desc' }], select: { name: true } });
    expect(rows).toEqual([{ name: 'Gus' }, { name: 'Hal' }, { name: 'Eve' }, { name: 'Ben' }]);
  });

  it('findFirst takes the first row of the order', async () => {
    const first = await f.db.m('player').findFirst({ orderBy: [{ score: 'asc' }, { name: 'desc' }] });
    expect(first.name).toBe('Hal');
  });
});

describe('skip and take', () => {
  const byId = { orderBy: { id: 'asc' } };

  it('skip and take page through the order', async () => {
    expect(await players({ ...byId, skip: 2, take: 3 })).toEqual([3, 4, 5]);
    expect(await players({ ...byId, take: 3 })).toEqual([1, 2, 3]);
    expect(await players({ ...byId, skip: 6 })).toEqual([7, 8]);
  });

  it('take: 0 returns nothing; skip past the end returns nothing', async () => {
    expect(await players({ ...byId, take: 0 })).toEqual([]);
    expect(await players({ ...byId, skip: 8 })).toEqual([]);
  });

  it('negative take returns the last rows, still in the requested order', async () => {
    expect(await players({ ...byId, take: -3 })).toEqual([6, 7, 8]);
  });

  it('negative take with skip skips from the end', async () => {
    expect(await players({ ...byId, take: -2, skip: 1 })).toEqual([6, 7]);
  });

  it('negative take with several order fields', async () => {
    expect(await players({ orderBy: [{ score: 'desc' }, { name: 'asc' }], take: -3 })).toEqual([2, 5, 8]);
  });
});

describe('cursor', () => {
  it('starts at the cursor row, inclusive', async () => {
    expect(await players({ orderBy: { id: 'asc' }, cursor: { id: 3 }, take: 2 })).toEqual([3, 4]);
  });

  it('skip: 1 starts after the cursor row', async () => {
    expect(await players({ orderBy: { id: 'asc' }, cursor: { id: 3 }, take: 2, skip: 1 })).toEqual([4, 5]);
  });

  it('negative take pages backwards from the cursor', async () => {
    expect(await players({ orderBy: { id: 'asc' }, cursor: { id: 5 }, take: -2 })).toEqual([4, 5]);
    expect(await players({ orderBy: { id: 'asc' }, cursor: { id: 5 }, take: -2, skip: 1 })).toEqual([3, 4]);
  });

  it('follows a non-unique orderBy, ties broken by the id', async () => {
    // Order: 7 1 4 3 6 2 5 8.
    const order = [{ score: 'desc' }, { id: 'asc' }];
    expect(await players({ orderBy: order, cursor: { id: 4 }, take: 3 })).toEqual([4, 3, 6]);
    expect(await players({ orderBy: order, cursor: { id: 4 }, take: 3, skip: 1 })).toEqual([3, 6, 2]);
    expect(await players({ orderBy: { score: 'desc' }, cursor: { id: 6 }, take: 10 })).toEqual([6, 2, 5, 8]);
  });

  it('without orderBy, pages by the primary key', async () => {
    expect(await players({ cursor: { id: 6 } })).toEqual([6, 7, 8]);
  });

  it('a cursor on another unique field', async () => {
    expect(await players({ orderBy: { id: 'asc' }, cursor: { name: 'Cat' }, take: 2 })).toEqual([3, 4]);
  });

  it('with where: the cursor row and what follows it, among matching rows', async () => {
    expect(await players({ where: { teamId: 2 }, orderBy: { id: 'asc' }, cursor: { id: 5 } })).toEqual([5, 7, 8]);
  });

  it('a cursor row whose orderBy field is NULL still starts the page', async () => {
    // Order: 2 4 7 (NULL nicks) 1 6 3 8 5; on PostgreSQL 1 6 3 8 5 2 4 7.
    const order = [{ nick: 'asc' }, { id: 'asc' }];
    expect(await players({ orderBy: order, cursor: { id: 4 }, take: 3 })).toEqual(nullsLast ? [4, 7] : [4, 7, 1]);
    expect(await players({ orderBy: order, cursor: { id: 6 }, take: 3 })).toEqual([6, 3, 8]);
  });

  it('a cursor that names no row returns nothing', async () => {
    expect(await players({ orderBy: { id: 'asc' }, cursor: { id: 999 }, take: 3 })).toEqual([]);
  });
});

describe('distinct', () => {
  it('keeps the first row of each value in the order', async () => {
    const rows = await f.db.m('player').findMany({ distinct: ['score'], orderBy: { id: 'asc' }, select: { score: true } });
    expect(rows).toEqual([{ score: 30 }, { score: 10 }, { score: 20 }, { score: 40 }]);
  });

  it('a single field name without a list', async () => {
    expect(await players({ distinct: 'score', orderBy: { id: 'desc' } })).toEqual([8, 7, 6, 4]);
  });

  it('several fields, NULL counts as a value', async () => {
    expect(await players({ distinct: ['teamId', 'score'], orderBy: { id: 'asc' } })).toEqual([1, 2, 3, 4, 7]);
  });

  it('take and skip apply after distinct', async () => {
    expect(await players({ distinct: ['score'], orderBy: { id: 'asc' }, take: 2 })).toEqual([1, 2]);
    expect(await players({ distinct: ['score'], orderBy: { id: 'asc' }, skip: 1, take: 2 })).toEqual([2, 3]);
  });

  it('distinct with where', async () => {
    expect(await players({ where: { teamId: { not: null } }, distinct: ['teamId'], orderBy: { id: 'asc' } })).toEqual([1, 2]);
  });
});
