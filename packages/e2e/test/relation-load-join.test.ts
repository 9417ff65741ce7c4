// relationLoadStrategy: 'join' loads a find call's relations in the same statement as its rows
// (docs/client.md, "Relation load strategies"). Every call here runs with 'query' and with
// 'join'; the results must be strictly equal (same types, same values, same row order), and
// 'join' must send exactly one statement. Blog data as in select-include.test.ts, teams and
// players as in order-paginate.test.ts. Values at the edges, native types and servers without
// the needed SQL: relation-load-join-values.test.ts.
import { KilnValidationError } from '@kiln/runtime';
import { rejectionOf } from './helpers/expect-error.js';
import { sqliteSchema } from './helpers/inline-schema.js';
import { same, strategies, type Args, type Case } from './helpers/relation-strategies.js';
import { dbFixture, type DbFixture } from './helpers/db.js';
import { exampleText } from './helpers/sqlite-db.js';

// ---------------------------------------------------------------------------------- blog

let blog: DbFixture;
const id: Record<string, number> = {};
const b = strategies(() => blog.db);

beforeAll(async () => {
  blog = await dbFixture(exampleText('blog'));
  const db = blog.db;
  id.alice = (await db.m('user').create({ data: { email: 'alice@x.io', name: 'Alice', role: 'AUTHOR' } })).id;
  id.bob = (await db.m('user').create({ data: { email: 'bob@x.io', name: 'Bob', role: 'EDITOR' } })).id;
  id.carol = (await db.m('user').create({ data: { email: 'carol@x.io' } })).id;
  await db.m('profile').create({ data: { userId: id.alice, bio: 'writer', website: 'https://a.io' } });
  for (const name of ['ts', 'db', 'js']) id[name] = (await db.m('tag').create({ data: { name } })).id;
  const posts = [
    ['a1', id.alice, true, id.bob, 10, '2024-02-29T23:59:59.999Z'],
    ['a2', id.alice, false, null, 3, null],
    ['a3', id.alice, true, null, 7, '1970-01-01T00:00:00.001Z'],
    ['b1', id.bob, true, null, 1, '2000-01-01T00:00:00.000Z'],
  ] as const;
  for (const [slug, authorId, published, editorId, viewCount, at] of posts) {
    const data = { slug, title: slug.toUpperCase(), authorId, published, editorId, viewCount, publishedAt: at ? new Date(at) : null };
    id[slug] = (await db.m('post').create({ data })).id;
  }
  await db.$executeRawUnsafe(blog.sql('INSERT INTO "_PostToTag" ("A", "B") VALUES (?, ?), (?, ?), (?, ?), (?, ?)'), id.a1, id.ts, id.a1, id.db, id.a2, id.js, id.a3, id.ts);
  const first = await db.m('comment').create({ data: { body: 'first', postId: id.a1, authorId: id.carol } });
  await db.m('comment').create({ data: { body: 'second', postId: id.a1, authorId: id.bob } });
  await db.m('comment').create({ data: { body: 'reply', postId: id.a1, authorId: id.alice, parentId: first.id } });
  await db.m('comment').create({ data: { body: 'third', postId: id.a3, authorId: id.carol } });
});
afterAll(() => blog?.close());

const ids = () => id;
const BLOG: (() => Case)[] = [
  () => ['select: a relation set to true', 'post', 'findUnique', { where: { slug: 'a1' }, select: { slug: true, author: true } }],
  () => [
    'select three levels deep',
    'user',
    'findUnique',
    {
      where: { id: ids().alice },
      select: { email: true, posts: { where: { slug: 'a1' }, select: { slug: true, comments: { orderBy: { body: 'asc' }, select: { body: true, author: { select: { email: true } } } } } } },
    },
  ],
  () => ['select of a relation without the key it joins on', 'post', 'findMany', { orderBy: { slug: 'asc' }, select: { author: { select: { name: true } } } }],
  () => ['select of relations only, nested', 'user', 'findMany', { orderBy: { id: 'asc' }, select: { profile: { select: { user: { select: { posts: { orderBy: { id: 'asc' }, select: { slug: true } } } } } } } }],
  () => [
    'omit beside include, and inside an include',
    'user',
    'findUnique',
    { where: { id: ids().bob }, omit: { createdAt: true, role: true }, include: { posts: { omit: { content: true, createdAt: true, publishedAt: true } } } },
  ],
  () => ['a to-one relation that is null (key on this side)', 'post', 'findUnique', { where: { slug: 'a2' }, include: { editor: true, author: true } }],
  () => ['a to-one relation that is null (key on the other side)', 'user', 'findMany', { orderBy: { email: 'asc' }, include: { profile: true } }],
  () => ['empty lists', 'user', 'findUnique', { where: { id: ids().carol }, include: { posts: true, editedPosts: true } }],
  () => ['include: false and select: false', 'user', 'findFirst', { where: { id: ids().alice }, include: { posts: false, profile: true } }],
  () => ['where and orderBy inside an included list', 'user', 'findUnique', { where: { id: ids().alice }, include: { posts: { where: { published: true }, orderBy: { viewCount: 'desc' }, select: { slug: true } } } }],
  () => ['take and skip inside an included list', 'user', 'findUnique', { where: { id: ids().alice }, include: { posts: { orderBy: { slug: 'asc' }, take: 1, skip: 1 } } }],
  () => ['take inside an include applies per parent row', 'user', 'findMany', { orderBy: { email: 'asc' }, include: { posts: { orderBy: { slug: 'desc' }, take: 1, select: { slug: true } } } }],
  () => ['negative take inside an include', 'user', 'findMany', { orderBy: { email: 'asc' }, include: { posts: { orderBy: { slug: 'asc' }, take: -2, select: { slug: true } } } }],
  () => ['negative take with skip inside an include', 'user', 'findMany', { orderBy: { email: 'asc' }, include: { posts: { orderBy: { viewCount: 'asc' }, take: -1, skip: 1 } } }],
  () => ['take 0 and skip past the end inside an include', 'user', 'findMany', { orderBy: { email: 'asc' }, include: { posts: { take: 0 }, comments: { orderBy: { body: 'asc' }, skip: 10 } } }],
  () => ['skip alone inside an include', 'user', 'findMany', { orderBy: { email: 'asc' }, include: { posts: { orderBy: { slug: 'asc' }, skip: 1 } } }],
  () => [
    'include nested three levels deep',
    'post',
    'findUnique',
    {
      where: { slug: 'a1' },
      include: { author: { include: { profile: true } }, comments: { where: { parentId: null }, orderBy: { body: 'asc' }, include: { replies: { include: { author: true } } } } },
    },
  ],
  () => ['a self-relation: parent null and replies', 'comment', 'findFirst', { where: { body: 'first' }, include: { parent: true, replies: { select: { body: true } } } }],
  () => ['a self-relation: the parent of a reply', 'comment', 'findFirst', { where: { body: 'reply' }, include: { parent: { select: { body: true } } } }],
  () => ['values inside included rows (Boolean, DateTime, enum, null)', 'user', 'findUnique', { where: { id: ids().bob }, include: { editedPosts: true, posts: { include: { author: true } } } }],
  () => ['m:n from the post side, ordered', 'post', 'findUnique', { where: { slug: 'a1' }, include: { tags: { orderBy: { name: 'asc' } } } }],
  () => ['m:n from the tag side', 'tag', 'findUnique', { where: { name: 'ts' }, include: { posts: { orderBy: { slug: 'asc' }, select: { slug: true } } } }],
  () => ['m:n for many parents, with a where', 'post', 'findMany', { orderBy: { slug: 'asc' }, select: { slug: true, tags: { where: { name: { not: 'db' } }, select: { name: true } } } }],
  () => ['take inside an m:n include applies per parent row', 'tag', 'findMany', { orderBy: { name: 'asc' }, select: { name: true, posts: { orderBy: { slug: 'desc' }, take: 1, select: { slug: true } } } }],
  () => ['_count: true beside a relation', 'user', 'findUnique', { where: { id: ids().alice }, include: { _count: true, profile: true } }],
  () => ['_count of some relations, with a where, beside a list', 'user', 'findMany', { orderBy: { id: 'asc' }, select: { email: true, _count: { select: { posts: { where: { published: true } }, comments: true } }, posts: { orderBy: { id: 'asc' }, select: { slug: true } } } }],
  () => [
    '_count inside an included list, including an m:n relation',
    'user',
    'findUnique',
    { where: { id: ids().alice }, select: { posts: { orderBy: { slug: 'asc' }, select: { slug: true, _count: { select: { comments: true, tags: true } } } } } },
  ],
  () => ['_count: true inside a to-one relation', 'post', 'findMany', { orderBy: { id: 'asc' }, select: { slug: true, author: { include: { _count: true } } } }],
  () => ['a relation filter inside an included where', 'user', 'findMany', { orderBy: { id: 'asc' }, include: { posts: { where: { comments: { some: { body: 'first' } } }, select: { slug: true } } } }],
  () => ["orderBy a to-one relation's field inside an include", 'user', 'findMany', { orderBy: { id: 'asc' }, include: { comments: { orderBy: [{ post: { slug: 'desc' } }, { body: 'asc' }], select: { body: true } } } }],
  () => ["orderBy a list relation's _count inside an include", 'user', 'findMany', { orderBy: { id: 'asc' }, include: { posts: { orderBy: [{ comments: { _count: 'desc' } }, { slug: 'asc' }], select: { slug: true } } } }],
  () => ['orderBy nulls last and first inside an include', 'user', 'findMany', { orderBy: { id: 'asc' }, include: { posts: { orderBy: [{ publishedAt: { sort: 'asc', nulls: 'last' } }, { slug: 'asc' }] }, editedPosts: { orderBy: { editorId: { sort: 'desc', nulls: 'first' } } } } }],
  () => ['orderBy a DateTime and a Boolean inside an include, paged', 'user', 'findMany', { orderBy: { id: 'asc' }, include: { posts: { orderBy: [{ published: 'desc' }, { publishedAt: 'desc' }], skip: 1, take: 2 } } }],
  () => ['top level skip and take, with relations', 'post', 'findMany', { orderBy: { slug: 'asc' }, skip: 1, take: 2, include: { author: true, comments: { orderBy: { body: 'asc' } }, tags: { orderBy: { name: 'asc' } } } }],
  () => ['top level negative take, with relations', 'post', 'findMany', { orderBy: { slug: 'asc' }, take: -2, include: { author: { select: { email: true } } } }],
  () => ['top level negative take and skip, with relations', 'post', 'findMany', { orderBy: [{ viewCount: 'desc' }], take: -2, skip: 1, select: { slug: true, tags: { orderBy: { id: 'asc' } } } }],
  () => ['top level skip alone, with relations', 'user', 'findMany', { orderBy: { email: 'desc' }, skip: 1, include: { posts: { orderBy: { id: 'asc' } } } }],
  () => ['top level cursor, with relations', 'post', 'findMany', { orderBy: { viewCount: 'asc' }, cursor: { slug: 'a2' }, take: 2, include: { author: true } }],
  () => ["top level orderBy a relation's field, paged, with relations", 'post', 'findMany', { orderBy: [{ author: { email: 'desc' } }, { slug: 'asc' }], skip: 1, take: 2, include: { tags: { orderBy: { name: 'asc' } } } }],
  () => ['top level orderBy _count, paged, with relations', 'user', 'findMany', { orderBy: [{ posts: { _count: 'desc' } }, { id: 'asc' }], take: 2, select: { email: true, posts: { orderBy: { id: 'asc' }, select: { slug: true } } } }],
  () => ['top level where with a relation filter', 'user', 'findMany', { where: { posts: { some: { published: true } } }, orderBy: { id: 'asc' }, include: { posts: { orderBy: { id: 'asc' } } } }],
  () => ['findFirst with relations', 'post', 'findFirst', { where: { published: true }, orderBy: { viewCount: 'asc' }, include: { author: true, comments: true } }],
  () => ['findFirst with skip, with relations', 'post', 'findFirst', { orderBy: { slug: 'asc' }, skip: 2, include: { comments: { orderBy: { body: 'asc' } } } }],
  () => ['findFirstOrThrow', 'user', 'findFirstOrThrow', { where: { email: 'bob@x.io' }, include: { posts: true, editedPosts: true } }],
  () => ['findUniqueOrThrow', 'user', 'findUniqueOrThrow', { where: { email: 'alice@x.io' }, include: { profile: true, comments: { include: { post: { select: { slug: true } } } } } }],
  () => ['findUnique of nothing', 'user', 'findUnique', { where: { email: 'nobody@x.io' }, include: { posts: true } }],
  () => ['findMany of nothing', 'user', 'findMany', { where: { email: 'nobody@x.io' }, include: { posts: true } }],
  () => ['every relation of every model', 'comment', 'findMany', { orderBy: { body: 'asc' }, include: { post: { include: { author: true, editor: true, tags: { orderBy: { id: 'asc' } } } }, author: { include: { profile: true } }, parent: true, replies: true } }],
];

describe('the same results with both strategies, in one statement (blog)', () => {
  it.each(BLOG.map((c) => [c()[0], c] as const))('%s', async (_title, c) => {
    await same(b, c());
  });

  it('the results are the ones select-include.test.ts expects', async () => {
    const u = await b.db().m('user').findUnique({
      where: { id: id.alice },
      relationLoadStrategy: 'join',
      select: { posts: { orderBy: { slug: 'asc' }, select: { slug: true, _count: { select: { comments: true, tags: true } } } } },
    });
    expect(u.posts).toEqual([
      { slug: 'a1', _count: { comments: 3, tags: 2 } },
      { slug: 'a2', _count: { comments: 0, tags: 1 } },
      { slug: 'a3', _count: { comments: 1, tags: 1 } },
    ]);
    const paged = await b.db().m('user').findMany({ orderBy: { email: 'asc' }, relationLoadStrategy: 'join', include: { posts: { orderBy: { slug: 'desc' }, take: 1, select: { slug: true } } } });
    expect(paged.map((r: { posts: { slug: string }[] }) => r.posts.map((p) => p.slug))).toEqual([['a3'], ['b1'], []]);
    const last = await b.db().m('user').findUnique({ where: { id: id.alice }, relationLoadStrategy: 'join', include: { posts: { orderBy: { slug: 'asc' }, take: -2, select: { slug: true } } } });
    expect(last.posts).toEqual([{ slug: 'a2' }, { slug: 'a3' }]);
  });
});

describe('what only join does', () => {
  it('a cursor inside an included list ("query" refuses it)', async () => {
    const u = await b.db().m('user').findUnique({
      where: { id: id.alice },
      relationLoadStrategy: 'join',
      include: { posts: { orderBy: { slug: 'asc' }, cursor: { slug: 'a2' }, select: { slug: true } } },
    });
    expect(u.posts).toEqual([{ slug: 'a2' }, { slug: 'a3' }]);
    const back = await b.db().m('user').findUnique({
      where: { id: id.alice },
      relationLoadStrategy: 'join',
      include: { posts: { orderBy: { slug: 'asc' }, cursor: { slug: 'a3' }, skip: 1, take: -1, select: { slug: true } } },
    });
    expect(back.posts).toEqual([{ slug: 'a2' }]);
    await expect(b.db().m('user').findUnique({ where: { id: id.alice }, relationLoadStrategy: 'query', include: { posts: { cursor: { slug: 'a2' } } } })).rejects.toMatchObject({ code: 'P2009' });
  });
});

describe('the strategy argument', () => {
  it("is part of the plan's cache key: each strategy keeps its own plan", async () => {
    const db = b.db();
    const stats = () => (db as any).$engine().cacheStats as { size: number; misses: number };
    const args = { where: { id: id.bob }, include: { posts: { select: { slug: true } } } };
    b.sent.length = 0;
    await db.m('user').findUnique({ ...args, relationLoadStrategy: 'join' });
    const size = stats().size;
    await db.m('user').findUnique({ ...args, relationLoadStrategy: 'query' });
    expect(stats().size).toBe(size + 1);
    const misses = stats().misses;
    b.sent.length = 0;
    await db.m('user').findUnique({ ...args, where: { id: id.alice }, relationLoadStrategy: 'join' });
    expect(stats().misses).toBe(misses);
    expect(b.sent).toHaveLength(1);
    b.sent.length = 0;
    await db.m('user').findUnique({ ...args, relationLoadStrategy: 'query' });
    expect(b.sent).toHaveLength(2);
  });

  it('anything but "join" or "query" is a validation error', async () => {
    for (const bad of ['JOIN', 'lateral', 1, null, true]) {
      const e = await rejectionOf(b.db().m('user').findMany({ relationLoadStrategy: bad, include: { posts: true } }));
      expect(e).toBeInstanceOf(KilnValidationError);
      expect(e).toMatchObject({ code: 'P2009', path: 'relationLoadStrategy' });
    }
  });

  it('falls back to "query" for distinct (applied in memory), and says so in the info log', async () => {
    const c: Case = ['distinct', 'user', 'findUnique', { where: { id: id.alice }, include: { posts: { distinct: ['published'], orderBy: { slug: 'asc' }, select: { slug: true, published: true } } } }];
    const { query, join, statements } = await b.both(c[1], c[2], c[3]);
    expect(join).toStrictEqual(query);
    expect(join.posts).toEqual([
      { slug: 'a1', published: true },
      { slug: 'a2', published: false },
    ]);
    expect(statements).toHaveLength(2);
    expect(b.info.some((m) => m.includes("User.findUnique: relationLoadStrategy 'join' falls back to 'query': `distinct`"))).toBe(true);
    const top = await b.both('post', 'findMany', { distinct: ['authorId'], orderBy: { id: 'asc' }, include: { author: true } });
    expect(top.join).toStrictEqual(top.query);
    expect(top.statements).toHaveLength(2);
  });

  it('a call without relations is the same single statement', async () => {
    const { query, join, statements } = await b.both('user', 'findMany', { orderBy: { id: 'asc' }, select: { email: true, _count: true } });
    expect(join).toStrictEqual(query);
    expect(statements).toHaveLength(1);
  });
});

// ------------------------------------------------------------- teams: ordering and paging

let teams: DbFixture;
const t = strategies(() => teams.db);
const TEAMS = sqliteSchema(`
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

beforeAll(async () => {
  teams = await dbFixture(TEAMS);
  for (const name of ['Red', 'Blue', 'Green']) await teams.db.m('team').create({ data: { name } });
  const players = [
    ['Ann', 30, 'a', 1],
    ['Ben', 10, null, 2],
    ['Cat', 20, 'c', 1],
    ['Dan', 30, null, null],
    ['Eve', 10, 'e', 2],
    ['Fay', 20, 'b', 1],
    ['Gus', 40, null, 2],
    ['Hal', 10, 'd', 2],
  ] as const;
  for (const [name, score, nick, teamId] of players) await teams.db.m('player').create({ data: { name, score, nick, teamId } });
});
afterAll(() => teams?.close());

const inTeam = (players: Args): Case => ['', 'team', 'findMany', { orderBy: { id: 'asc' }, include: { players } }];
describe('ordering and paging inside a relation match "query" (teams)', () => {
  it.each([
    ['one field, descending', { orderBy: { name: 'desc' } }],
    ['several fields', { orderBy: [{ score: 'desc' }, { name: 'asc' }] }],
    ['NULLs where the database puts them', { orderBy: [{ nick: 'asc' }, { id: 'asc' }] }],
    ['nulls last', { orderBy: [{ nick: { sort: 'asc', nulls: 'last' } }, { id: 'asc' }] }],
    ['nulls first, descending', { orderBy: [{ nick: { sort: 'desc', nulls: 'first' } }, { id: 'asc' }] }],
    ['skip and take', { orderBy: { name: 'asc' }, skip: 1, take: 2 }],
    ['take beyond the end', { orderBy: { name: 'asc' }, take: 10 }],
    ['negative take', { orderBy: [{ score: 'asc' }, { id: 'asc' }], take: -2 }],
    ['negative take with skip and two fields', { orderBy: [{ score: 'desc' }, { name: 'desc' }], take: -2, skip: 1 }],
    ['a where and a page', { where: { score: { gte: 20 } }, orderBy: { name: 'desc' }, take: 1 }],
    ['select inside', { orderBy: { id: 'desc' }, select: { name: true, team: { select: { name: true } } } }],
  ] as [string, Args][])('%s', async (_title, players) => {
    await same(t, inTeam(players));
  });

  it('a cursor inside the relation: from the cursor row on, in order', async () => {
    const rows = await t.db().m('team').findMany({ orderBy: { id: 'asc' }, relationLoadStrategy: 'join', include: { players: { orderBy: [{ score: 'asc' }], cursor: { name: 'Eve' }, select: { name: true } } } });
    // Ties in score are broken by id: Eve (10, id 5) is followed by Hal (10, id 8), then Gus.
    // Red's players all come after (10, Eve's id 5) in that order: the cursor compares values.
    expect(rows.map((r: { players: { name: string }[] }) => r.players.map((p) => p.name))).toEqual([['Cat', 'Fay', 'Ann'], ['Eve', 'Hal', 'Gus'], []]);
    const back = await t.db().m('team').findUnique({ where: { name: 'Blue' }, relationLoadStrategy: 'join', include: { players: { orderBy: { score: 'asc' }, cursor: { name: 'Hal' }, take: -2, select: { name: true } } } });
    expect(back.players).toEqual([{ name: 'Eve' }, { name: 'Hal' }]);
  });

  it('the page of parents is taken before relations are loaded', async () => {
    const c: Case = ['', 'player', 'findMany', { orderBy: [{ team: { name: 'asc' } }, { name: 'asc' }], skip: 2, take: 3, include: { team: { include: { players: { orderBy: { name: 'asc' }, take: 1 } } } } }];
    await same(t, c);
    // The parents' LIMIT / OFFSET sit in a derived table that builds no JSON; the relations are
    // built outside it, for its rows only.
    const sql = t.sent[0]!;
    const start = topLevelFrom(sql);
    expect(sql.slice(start, start + 8)).toBe('(SELECT ');
    const derived = balanced(sql, start);
    expect(derived).toMatch(/ LIMIT .* OFFSET /);
    expect(derived).not.toMatch(/json/i);
    expect(sql.slice(0, start) + sql.slice(start + derived.length)).toMatch(/json_group_array|json_agg|JSON_ARRAYAGG/);
    expect(sql.slice(start + derived.length)).not.toMatch(/ OFFSET /);
  });
});

/** Where the statement's own FROM clause starts (after ` FROM `, outside every subquery). */
function topLevelFrom(sql: string): number {
  let depth = 0;
  for (let i = 0; i < sql.length; i++) {
    if (sql[i] === '(') depth++;
    else if (sql[i] === ')') depth--;
    else if (depth === 0 && sql.startsWith(' FROM ', i)) return i + ' FROM '.length;
  }
  throw new Error('no FROM');
}

/** The parenthesised text starting at `sql[start]` (an opening parenthesis), parentheses included. */
function balanced(sql: string, start: number): string {
  let depth = 0;
  for (let i = start; i < sql.length; i++) {
    if (sql[i] === '(') depth++;
    else if (sql[i] === ')' && --depth === 0) return sql.slice(start, i + 1);
  }
  throw new Error('unbalanced parentheses');
}
