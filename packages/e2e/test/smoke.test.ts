import { dbFixture, type DbFixture } from './helpers/db.js';
import { exampleText } from './helpers/sqlite-db.js';

let f: DbFixture;
beforeAll(async () => {
  f = await dbFixture(exampleText('blog'));
});
afterAll(() => f.close());

it('creates and reads', async () => {
  const user = await f.db.m('user').create({ data: { email: 'a@x.io', name: 'Ann' } });
  expect(user).toMatchObject({ email: 'a@x.io', name: 'Ann', role: 'READER' });
  expect(user.createdAt).toBeInstanceOf(Date);
  const post = await f.db.m('post').create({ data: { slug: 'p1', title: 'Hello', authorId: user.id } });
  expect(post.published).toBe(false);
  const found = await f.db.m('user').findUnique({ where: { id: user.id }, include: { posts: true, _count: { select: { posts: true } } } });
  expect(found.posts).toHaveLength(1);
  expect(found._count).toEqual({ posts: 1 });
  const posts = await f.db.m('post').findMany({ where: { author: { email: 'a@x.io' } }, include: { author: true } });
  expect(posts[0].author.email).toBe('a@x.io');
});
