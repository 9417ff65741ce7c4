// select / include / omit, nested three levels, _count, arguments of included lists, to-one
// relations that are null, and m:n includes (blog schema).
import { dbFixture, type DbFixture } from './helpers/db.js';
import { exampleText } from './helpers/sqlite-db.js';

let f: DbFixture;
const id: Record<string, number> = {};

beforeAll(async () => {
  f = await dbFixture(exampleText('blog'));
  const db = f.db;
  id.alice = (await db.m('user').create({ data: { email: 'alice@x.io', name: 'Alice', role: 'AUTHOR' } })).id;
  id.bob = (await db.m('user').create({ data: { email: 'bob@x.io', name: 'Bob', role: 'EDITOR' } })).id;
  id.carol = (await db.m('user').create({ data: { email: 'carol@x.io' } })).id;
  await db.m('profile').create({ data: { userId: id.alice, bio: 'writer', website: 'https://a.io' } });
  for (const name of ['ts', 'db', 'js']) id[name] = (await db.m('tag').create({ data: { name } })).id;
  const posts = [
    ['a1', id.alice, true, id.bob, 10],
    ['a2', id.alice, false, null, 3],
    ['a3', id.alice, true, null, 7],
    ['b1', id.bob, true, null, 1],
  ] as const;
  for (const [slug, authorId, published, editorId, viewCount] of posts) {
    id[slug] = (await db.m('post').create({ data: { slug, title: slug.toUpperCase(), authorId, published, editorId, viewCount } })).id;
  }
  await db.$executeRawUnsafe(f.sql('INSERT INTO "_PostToTag" ("A", "B") VALUES (?, ?), (?, ?), (?, ?), (?, ?)'), id.a1, id.ts, id.a1, id.db, id.a2, id.js, id.a3, id.ts);
  const first = await db.m('comment').create({ data: { body: 'first', postId: id.a1, authorId: id.carol } });
  await db.m('comment').create({ data: { body: 'second', postId: id.a1, authorId: id.bob } });
  await db.m('comment').create({ data: { body: 'reply', postId: id.a1, authorId: id.alice, parentId: first.id } });
  await db.m('comment').create({ data: { body: 'third', postId: id.a3, authorId: id.carol } });
});
afterAll(() => f.close());

const user = () => f.db.m('user');
const post = () => f.db.m('post');

describe('select', () => {
  it('returns exactly the selected scalar fields', async () => {
    const u = await user().findUnique({ where: { email: 'alice@x.io' }, select: { email: true, name: true } });
    expect(u).toEqual({ email: 'alice@x.io', name: 'Alice' });
  });

  it('fields set to false are left out', async () => {
    const u = await user().findUnique({ where: { email: 'alice@x.io' }, select: { email: true, name: false } });
    expect(u).toEqual({ email: 'alice@x.io' });
  });

  it('a relation set to true in select returns its scalar fields', async () => {
    const p = await post().findUnique({ where: { slug: 'a1' }, select: { slug: true, author: true } });
    expect(Object.keys(p).sort()).toEqual(['author', 'slug']);
    expect(p.author).toMatchObject({ id: id.alice, email: 'alice@x.io', name: 'Alice', role: 'AUTHOR' });
    expect(p.author.createdAt).toBeInstanceOf(Date);
  });

  it('select with nested select three levels deep', async () => {
    const u = await user().findUnique({
      where: { id: id.alice },
      select: {
        email: true,
        posts: {
          where: { slug: 'a1' },
          select: {
            slug: true,
            comments: { orderBy: { body: 'asc' }, select: { body: true, author: { select: { email: true } } } },
          },
        },
      },
    });
    expect(u).toEqual({
      email: 'alice@x.io',
      posts: [
        {
          slug: 'a1',
          comments: [
            { body: 'first', author: { email: 'carol@x.io' } },
            { body: 'reply', author: { email: 'alice@x.io' } },
            { body: 'second', author: { email: 'bob@x.io' } },
          ],
        },
      ],
    });
  });

  it('select of a relation without selecting the key it joins on', async () => {
    const rows = await post().findMany({ orderBy: { slug: 'asc' }, select: { author: { select: { name: true } } } });
    expect(rows).toEqual([{ author: { name: 'Alice' } }, { author: { name: 'Alice' } }, { author: { name: 'Alice' } }, { author: { name: 'Bob' } }]);
  });
});

describe('omit', () => {
  it('leaves out the omitted fields', async () => {
    const u = await user().findUnique({ where: { id: id.bob }, omit: { createdAt: true, updatedAt: true } });
    expect(u).toEqual({ id: id.bob, email: 'bob@x.io', name: 'Bob', role: 'EDITOR' });
  });

  it('omit: false keeps the field', async () => {
    const u = await user().findUnique({ where: { id: id.bob }, omit: { name: false, createdAt: true, updatedAt: true } });
    expect(Object.keys(u).sort()).toEqual(['email', 'id', 'name', 'role']);
  });

  it('omit beside include, and inside an include', async () => {
    const u = await user().findUnique({
      where: { id: id.bob },
      omit: { createdAt: true, updatedAt: true, role: true },
      include: { posts: { omit: { content: true, createdAt: true, updatedAt: true, publishedAt: true } } },
    });
    expect(u).toEqual({
      id: id.bob,
      email: 'bob@x.io',
      name: 'Bob',
      posts: [{ id: id.b1, slug: 'b1', title: 'B1', published: true, viewCount: 1, authorId: id.bob, editorId: null }],
    });
  });
});

describe('include', () => {
  it('a to-one relation that is null (key on this side)', async () => {
    const p = await post().findUnique({ where: { slug: 'a2' }, include: { editor: true, author: true } });
    expect(p.editor).toBeNull();
    expect(p.author.email).toBe('alice@x.io');
  });

  it('a to-one relation that is null (key on the other side)', async () => {
    const rows = await user().findMany({ orderBy: { email: 'asc' }, include: { profile: true } });
    expect(rows.map((u: { profile: { bio: string } | null }) => u.profile?.bio ?? null)).toEqual(['writer', null, null]);
  });

  it('a list relation with no rows is an empty list', async () => {
    const u = await user().findUnique({ where: { id: id.carol }, include: { posts: true, editedPosts: true } });
    expect(u.posts).toEqual([]);
    expect(u.editedPosts).toEqual([]);
  });

  it('include: false adds nothing', async () => {
    const u = await user().findUnique({ where: { id: id.carol }, include: { posts: false } });
    expect('posts' in u).toBe(false);
  });

  it('where, orderBy, take and skip inside an included list', async () => {
    const u = await user().findUnique({
      where: { id: id.alice },
      include: { posts: { where: { published: true }, orderBy: { viewCount: 'desc' }, select: { slug: true } } },
    });
    expect(u.posts).toEqual([{ slug: 'a1' }, { slug: 'a3' }]);
    const paged = await user().findUnique({
      where: { id: id.alice },
      include: { posts: { orderBy: { slug: 'asc' }, take: 1, skip: 1, select: { slug: true } } },
    });
    expect(paged.posts).toEqual([{ slug: 'a2' }]);
  });

  it('take inside an include applies per parent row', async () => {
    const rows = await user().findMany({ orderBy: { email: 'asc' }, include: { posts: { orderBy: { slug: 'desc' }, take: 1, select: { slug: true } } } });
    expect(rows.map((u: { posts: { slug: string }[] }) => u.posts.map((p) => p.slug))).toEqual([['a3'], ['b1'], []]);
  });

  it('negative take inside an include takes from the end of each list', async () => {
    const u = await user().findUnique({ where: { id: id.alice }, include: { posts: { orderBy: { slug: 'asc' }, take: -2, select: { slug: true } } } });
    expect(u.posts).toEqual([{ slug: 'a2' }, { slug: 'a3' }]);
  });

  it('distinct inside an included list', async () => {
    const u = await user().findUnique({
      where: { id: id.alice },
      include: { posts: { distinct: ['published'], orderBy: { slug: 'asc' }, select: { slug: true, published: true } } },
    });
    expect(u.posts).toEqual([
      { slug: 'a1', published: true },
      { slug: 'a2', published: false },
    ]);
  });

  it('include nested three levels deep', async () => {
    const p = await post().findUnique({
      where: { slug: 'a1' },
      include: {
        author: { include: { profile: true } },
        comments: { where: { parentId: null }, orderBy: { body: 'asc' }, include: { replies: { include: { author: true } } } },
      },
    });
    expect(p.author.profile).toMatchObject({ bio: 'writer', website: 'https://a.io', userId: id.alice });
    expect(p.comments.map((c: { body: string }) => c.body)).toEqual(['first', 'second']);
    expect(p.comments[0].replies.map((r: { body: string; author: { email: string } }) => [r.body, r.author.email])).toEqual([['reply', 'alice@x.io']]);
    expect(p.comments[1].replies).toEqual([]);
  });

  it('a self-relation: parent null and replies', async () => {
    const c = await f.db.m('comment').findFirst({ where: { body: 'first' }, include: { parent: true, replies: { select: { body: true } } } });
    expect(c.parent).toBeNull();
    expect(c.replies).toEqual([{ body: 'reply' }]);
    const r = await f.db.m('comment').findFirst({ where: { body: 'reply' }, include: { parent: { select: { body: true } } } });
    expect(r.parent).toEqual({ body: 'first' });
  });

  it('values inside included rows are decoded (Boolean, DateTime, enum)', async () => {
    const u = await user().findUnique({ where: { id: id.bob }, include: { editedPosts: true, posts: { include: { author: true } } } });
    expect(u.editedPosts[0].published).toBe(true);
    expect(u.editedPosts[0].createdAt).toBeInstanceOf(Date);
    expect(u.posts[0].author.role).toBe('EDITOR');
  });

  it('include and select in the same call is an error', async () => {
    await expect(user().findFirst({ select: { id: true }, include: { posts: true } })).rejects.toMatchObject({ code: 'P2009' });
  });
});

describe('m:n include', () => {
  it('from both sides, ordered', async () => {
    const p = await post().findUnique({ where: { slug: 'a1' }, include: { tags: { orderBy: { name: 'asc' } } } });
    expect(p.tags.map((t: { name: string }) => t.name)).toEqual(['db', 'ts']);
    const t = await f.db.m('tag').findUnique({ where: { name: 'ts' }, include: { posts: { orderBy: { slug: 'asc' }, select: { slug: true } } } });
    expect(t.posts).toEqual([{ slug: 'a1' }, { slug: 'a3' }]);
  });

  it('for many parents at once, with a where on the related rows', async () => {
    const rows = await post().findMany({ orderBy: { slug: 'asc' }, select: { slug: true, tags: { where: { name: { not: 'db' } }, select: { name: true } } } });
    expect(rows).toEqual([
      { slug: 'a1', tags: [{ name: 'ts' }] },
      { slug: 'a2', tags: [{ name: 'js' }] },
      { slug: 'a3', tags: [{ name: 'ts' }] },
      { slug: 'b1', tags: [] },
    ]);
  });

  it('take inside an m:n include applies per parent row', async () => {
    const rows = await f.db.m('tag').findMany({ orderBy: { name: 'asc' }, select: { name: true, posts: { orderBy: { slug: 'desc' }, take: 1, select: { slug: true } } } });
    expect(rows).toEqual([
      { name: 'db', posts: [{ slug: 'a1' }] },
      { name: 'js', posts: [{ slug: 'a2' }] },
      { name: 'ts', posts: [{ slug: 'a3' }] },
    ]);
  });
});

describe('_count', () => {
  it('include: { _count: true } counts every list relation', async () => {
    const u = await user().findUnique({ where: { id: id.alice }, include: { _count: true } });
    expect(u._count).toEqual({ posts: 3, editedPosts: 0, comments: 1 });
  });

  it('select: { _count: true } counts every list relation', async () => {
    const u = await user().findUnique({ where: { id: id.bob }, select: { _count: true } });
    expect(u).toEqual({ _count: { posts: 1, editedPosts: 1, comments: 1 } });
  });

  it('_count with select of some relations', async () => {
    const u = await user().findUnique({ where: { id: id.bob }, select: { email: true, _count: { select: { editedPosts: true, comments: true } } } });
    expect(u).toEqual({ email: 'bob@x.io', _count: { editedPosts: 1, comments: 1 } });
  });

  it('_count of a relation with a where', async () => {
    const u = await user().findUnique({ where: { id: id.alice }, select: { _count: { select: { posts: { where: { published: true } } } } } });
    expect(u).toEqual({ _count: { posts: 2 } });
  });

  it('_count inside an included list, including an m:n relation', async () => {
    const u = await user().findUnique({
      where: { id: id.alice },
      select: { posts: { orderBy: { slug: 'asc' }, select: { slug: true, _count: { select: { comments: true, tags: true } } } } },
    });
    expect(u.posts).toEqual([
      { slug: 'a1', _count: { comments: 3, tags: 2 } },
      { slug: 'a2', _count: { comments: 0, tags: 1 } },
      { slug: 'a3', _count: { comments: 1, tags: 1 } },
    ]);
  });

  it('orderBy the _count of an m:n relation', async () => {
    const rows = await post().findMany({ orderBy: [{ tags: { _count: 'desc' } }, { slug: 'desc' }], select: { slug: true } });
    expect(rows.map((p: { slug: string }) => p.slug)).toEqual(['a1', 'a3', 'a2', 'b1']);
  });

  it('_count in findMany is per row', async () => {
    const rows = await user().findMany({ orderBy: { email: 'asc' }, select: { email: true, _count: { select: { comments: true } } } });
    expect(rows.map((r: { _count: { comments: number } }) => r._count.comments)).toEqual([1, 1, 2]);
  });
});

describe('results of writes take select / include / omit too', () => {
  it('create with include, update with select, delete with include', async () => {
    const created = await post().create({ data: { slug: 'tmp', title: 'Tmp', authorId: id.carol }, include: { author: { select: { email: true } }, tags: true } });
    expect(created.author).toEqual({ email: 'carol@x.io' });
    expect(created.tags).toEqual([]);
    expect(created.slug).toBe('tmp');
    const updated = await post().update({ where: { slug: 'tmp' }, data: { title: 'Tmp 2' }, select: { title: true, _count: { select: { comments: true } } } });
    expect(updated).toEqual({ title: 'Tmp 2', _count: { comments: 0 } });
    const deleted = await post().delete({ where: { slug: 'tmp' }, include: { author: { select: { name: true } } } });
    expect(deleted.author).toEqual({ name: null });
    expect(deleted.title).toBe('Tmp 2');
    expect(await post().findUnique({ where: { slug: 'tmp' } })).toBeNull();
  });

  it('omit on create', async () => {
    const t = await f.db.m('tag').create({ data: { name: 'omit-me' }, omit: { id: true } });
    expect(t).toEqual({ name: 'omit-me' });
    await f.db.m('tag').delete({ where: { name: 'omit-me' } });
  });
});
