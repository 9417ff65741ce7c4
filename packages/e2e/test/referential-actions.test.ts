// What deleting a referenced record does, per the schema's referential actions (blog schema):
// Cascade removes dependents, SetNull clears their key (also the default for optional
// relations, here the comment thread), and the rows of an implicit m:n table go with either side.
import { dbFixture, type DbFixture } from './helpers/db.js';
import { exampleText } from './helpers/sqlite-db.js';

let f: DbFixture;
beforeAll(async () => {
  f = await dbFixture(exampleText('blog'));
});
afterAll(() => f.close());

const m = (name: string) => f.db.m(name);

it('Cascade: deleting a user deletes its profile and its comments', async () => {
  const author = await m('user').create({ data: { email: 'ra-author@x.io', posts: { create: { slug: 'ra1', title: 'T' } } }, include: { posts: true } });
  const u = await m('user').create({ data: { email: 'ra1@x.io', profile: { create: { bio: 'b' } } } });
  await m('comment').create({ data: { body: 'c', postId: author.posts[0].id, authorId: u.id } });
  await m('user').delete({ where: { id: u.id } });
  expect(await m('profile').count({ where: { userId: u.id } })).toBe(0);
  expect(await m('comment').count({ where: { authorId: u.id } })).toBe(0);
  expect(await m('post').count({ where: { slug: 'ra1' } })).toBe(1);
});

it('SetNull: deleting an editor clears editorId on the posts they edited', async () => {
  const editor = await m('user').create({ data: { email: 'ra2-ed@x.io' } });
  const author = await m('user').create({ data: { email: 'ra2@x.io', posts: { create: [{ slug: 'ra2', title: 'T', editorId: editor.id }] } } });
  await m('user').delete({ where: { id: editor.id } });
  const p = await m('post').findUnique({ where: { slug: 'ra2' } });
  expect(p.editorId).toBeNull();
  expect(p.authorId).toBe(author.id);
});

it('the default for an optional self-relation: deleting a parent comment keeps its replies', async () => {
  const u = await m('user').create({ data: { email: 'ra3@x.io', posts: { create: { slug: 'ra3', title: 'T' } } }, include: { posts: true } });
  const parent = await m('comment').create({ data: { body: 'parent', postId: u.posts[0].id, authorId: u.id } });
  const reply = await m('comment').create({ data: { body: 'reply', postId: u.posts[0].id, authorId: u.id, parentId: parent.id } });
  await m('comment').delete({ where: { id: parent.id } });
  expect((await m('comment').findUnique({ where: { id: reply.id } })).parentId).toBeNull();
});

it('Cascade two levels down: deleting a post deletes its comments and its tag links, not the tags', async () => {
  const u = await m('user').create({ data: { email: 'ra4@x.io' } });
  const p = await m('post').create({ data: { slug: 'ra4', title: 'T', authorId: u.id, tags: { create: [{ name: 'ra4-tag' }] }, comments: { create: { body: 'c', authorId: u.id } } } });
  await m('post').delete({ where: { id: p.id } });
  expect(await m('comment').count({ where: { postId: p.id } })).toBe(0);
  expect(await f.db.$queryRawUnsafe(f.sql('SELECT COUNT(*) AS n FROM "_PostToTag" WHERE "A" = ?'), p.id)).toEqual([{ n: 0 }]);
  const tag = await m('tag').findUnique({ where: { name: 'ra4-tag' }, include: { posts: true } });
  expect(tag.posts).toEqual([]);
});

it('deleteMany applies the same actions to every deleted row', async () => {
  const a = await m('user').create({ data: { email: 'ra5-a@x.io', profile: { create: {} } } });
  const b = await m('user').create({ data: { email: 'ra5-b@x.io', profile: { create: {} } } });
  expect(await m('user').deleteMany({ where: { email: { startsWith: 'ra5-' } } })).toEqual({ count: 2 });
  expect(await m('profile').count({ where: { userId: { in: [a.id, b.id] } } })).toBe(0);
});
