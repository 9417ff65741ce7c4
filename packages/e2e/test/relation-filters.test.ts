// Relation filters: some / every / none on 1:n and m:n lists, is / isNot on to-one relations
// from both sides, self-relations, and filters nested through several relations (blog schema).
import { dbFixture, type DbFixture } from './helpers/db.js';
import { exampleText } from './helpers/sqlite-db.js';

let f: DbFixture;
const user: Record<string, number> = {};
const post: Record<string, number> = {};
const tag: Record<string, number> = {};

beforeAll(async () => {
  f = await dbFixture(exampleText('blog'));
  const db = f.db;
  for (const [key, data] of [
    ['alice', { email: 'alice@x.io', name: 'Alice', role: 'AUTHOR' }],
    ['bob', { email: 'bob@x.io', name: 'Bob', role: 'EDITOR' }],
    ['carol', { email: 'carol@x.io', name: null, role: 'READER' }],
    ['dave', { email: 'dave@x.io', name: 'Dave', role: 'AUTHOR' }],
  ] as const) {
    user[key] = (await db.m('user').create({ data })).id;
  }
  for (const name of ['ts', 'db', 'unused']) tag[name] = (await db.m('tag').create({ data: { name } })).id;
  const posts = [
    ['a1', { title: 'Alice one', authorId: user.alice, editorId: user.bob, published: true, viewCount: 10 }],
    ['a2', { title: 'Alice two', authorId: user.alice, editorId: null, published: false, viewCount: 0 }],
    ['d1', { title: 'Dave one', authorId: user.dave, editorId: user.bob, published: true, viewCount: 5 }],
  ] as const;
  for (const [slug, data] of posts) post[slug] = (await db.m('post').create({ data: { slug, ...data } })).id;
  // Implicit m:n rows: a1 → ts, db; a2 → ts; d1 → none.
  await db.$executeRawUnsafe(f.sql('INSERT INTO "_PostToTag" ("A", "B") VALUES (?, ?), (?, ?), (?, ?)'), post.a1, tag.ts, post.a1, tag.db, post.a2, tag.ts);
  const c1 = await db.m('comment').create({ data: { body: 'nice', postId: post.a1, authorId: user.carol } });
  await db.m('comment').create({ data: { body: 'edit', postId: post.a1, authorId: user.bob } });
  await db.m('comment').create({ data: { body: 'thanks', postId: post.a1, authorId: user.alice, parentId: c1.id } });
  await db.m('comment').create({ data: { body: 'hmm', postId: post.d1, authorId: user.carol } });
  await db.m('profile').create({ data: { userId: user.alice, bio: 'writer' } });
  await db.m('profile').create({ data: { userId: user.dave, bio: null } });
});
afterAll(() => f.close());

async function users(where: unknown): Promise<string[]> {
  const rows = await f.db.m('user').findMany({ where, orderBy: { email: 'asc' }, select: { email: true } });
  return rows.map((r: { email: string }) => r.email.split('@')[0]);
}
async function posts(where: unknown): Promise<string[]> {
  const rows = await f.db.m('post').findMany({ where, orderBy: { slug: 'asc' }, select: { slug: true } });
  return rows.map((r: { slug: string }) => r.slug);
}
async function tags(where: unknown): Promise<string[]> {
  const rows = await f.db.m('tag').findMany({ where, orderBy: { name: 'asc' }, select: { name: true } });
  return rows.map((r: { name: string }) => r.name);
}
async function comments(where: unknown): Promise<string[]> {
  const rows = await f.db.m('comment').findMany({ where, orderBy: { body: 'asc' }, select: { body: true } });
  return rows.map((r: { body: string }) => r.body);
}

describe('1:n lists', () => {
  it('some with a filter', async () => {
    expect(await users({ posts: { some: { published: true } } })).toEqual(['alice', 'dave']);
  });

  it('some: {} means "has at least one"', async () => {
    expect(await users({ posts: { some: {} } })).toEqual(['alice', 'dave']);
  });

  it('none: {} means "has none"', async () => {
    expect(await users({ posts: { none: {} } })).toEqual(['bob', 'carol']);
  });

  it('none with a filter', async () => {
    expect(await users({ posts: { none: { published: false } } })).toEqual(['bob', 'carol', 'dave']);
  });

  it('every holds for users without posts (vacuous truth)', async () => {
    expect(await users({ posts: { every: { published: true } } })).toEqual(['bob', 'carol', 'dave']);
    expect(await users({ posts: { every: { viewCount: { gte: 5 } } } })).toEqual(['bob', 'carol', 'dave']);
  });

  it('some and every together', async () => {
    expect(await users({ posts: { some: {}, every: { published: true } } })).toEqual(['dave']);
  });

  it('the second relation between the same models is filtered on its own key', async () => {
    expect(await users({ editedPosts: { some: {} } })).toEqual(['bob']);
    expect(await users({ editedPosts: { some: { slug: 'a2' } } })).toEqual([]);
  });
});

describe('m:n lists (implicit join table)', () => {
  it('some / none / every from the Post side', async () => {
    expect(await posts({ tags: { some: { name: 'db' } } })).toEqual(['a1']);
    expect(await posts({ tags: { none: {} } })).toEqual(['d1']);
    expect(await posts({ tags: { every: { name: 'ts' } } })).toEqual(['a2', 'd1']);
  });

  it('some / none from the Tag side', async () => {
    expect(await tags({ posts: { some: { published: false } } })).toEqual(['ts']);
    expect(await tags({ posts: { none: {} } })).toEqual(['unused']);
    expect(await tags({ posts: { every: { published: true } } })).toEqual(['db', 'unused']);
  });
});

describe('to-one: is / isNot', () => {
  it('a filter object on a to-one relation', async () => {
    expect(await posts({ author: { email: 'dave@x.io' } })).toEqual(['d1']);
  });

  it('is / isNot with a filter', async () => {
    expect(await posts({ editor: { is: { name: 'Bob' } } })).toEqual(['a1', 'd1']);
    expect(await posts({ author: { isNot: { name: 'Alice' } } })).toEqual(['d1']);
  });

  it('null, is: null and isNot: null on the side that holds the key', async () => {
    expect(await posts({ editor: null })).toEqual(['a2']);
    expect(await posts({ editor: { is: null } })).toEqual(['a2']);
    expect(await posts({ editor: { isNot: null } })).toEqual(['a1', 'd1']);
  });

  it('null, is: null and isNot: null on the side without the key', async () => {
    expect(await users({ profile: null })).toEqual(['bob', 'carol']);
    expect(await users({ profile: { is: null } })).toEqual(['bob', 'carol']);
    expect(await users({ profile: { isNot: null } })).toEqual(['alice', 'dave']);
  });

  it('is with a filter from the side without the key', async () => {
    expect(await users({ profile: { is: { bio: null } } })).toEqual(['dave']);
    expect(await users({ profile: { bio: 'writer' } })).toEqual(['alice']);
  });
});

describe('self-relations and depth', () => {
  it('a comment thread: parent null, replies some', async () => {
    expect(await comments({ parent: null })).toEqual(['edit', 'hmm', 'nice']);
    expect(await comments({ replies: { some: {} } })).toEqual(['nice']);
    expect(await comments({ parent: { is: { body: 'nice' } } })).toEqual(['thanks']);
  });

  it('filters nested through three relations', async () => {
    // Authors of posts that have a comment by a user without a name (carol): a1 (alice), d1 (dave).
    expect(await users({ posts: { some: { comments: { some: { author: { name: null } } } } } })).toEqual(['alice', 'dave']);
    // Tags of posts edited by Bob that have a comment replying to another comment.
    expect(await tags({ posts: { some: { editor: { name: 'Bob' }, comments: { some: { parent: { isNot: null } } } } } })).toEqual(['db', 'ts']);
  });

  it('relation filters inside OR and NOT', async () => {
    expect(await users({ OR: [{ posts: { some: { slug: 'd1' } } }, { role: 'EDITOR' }] })).toEqual(['bob', 'dave']);
    expect(await users({ NOT: { posts: { some: {} } } })).toEqual(['bob', 'carol']);
  });

  it('relation filters in count', async () => {
    expect(await f.db.m('user').count({ where: { comments: { some: {} } } })).toBe(3);
    expect(await f.db.m('tag').count({ where: { posts: { some: { author: { name: 'Alice' } } } } })).toBe(2);
  });
});
