// Nested writes inside update: create, createMany, connect, connectOrCreate, set, disconnect,
// update, updateMany, upsert, delete and deleteMany across 1:1, 1:n (both sides) and m:n.
import { KilnError } from '@kiln/runtime';
import { rejectionOf } from './helpers/expect-error.js';
import { dbFixture, type DbFixture } from './helpers/db.js';
import { exampleText } from './helpers/sqlite-db.js';

let f: DbFixture;
beforeAll(async () => {
  f = await dbFixture(exampleText('blog'));
});
afterAll(() => f.close());

const m = (name: string) => f.db.m(name);
let seq = 0;

/** A user with posts `<p>-1..n` (post i has viewCount i, even ones published). */
async function author(posts = 3): Promise<{ id: number; email: string; p: string }> {
  const p = `u${++seq}`;
  const email = `${p}@x.io`;
  const u = await m('user').create({
    data: { email, posts: { create: Array.from({ length: posts }, (_, i) => ({ slug: `${p}-${i + 1}`, title: `T${i + 1}`, viewCount: i + 1, published: (i + 1) % 2 === 0 })) } },
  });
  return { id: u.id, email, p };
}
async function slugsOf(userId: number, relation = 'posts'): Promise<string[]> {
  const u = await m('user').findUnique({ where: { id: userId }, include: { [relation]: { orderBy: { slug: 'asc' }, select: { slug: true } } } });
  return u[relation].map((x: { slug: string }) => x.slug);
}

describe('1:n from the side without the key (user.posts)', () => {
  it('create adds posts and scalars change in the same call', async () => {
    const a = await author(1);
    const u = await m('user').update({ where: { id: a.id }, data: { name: 'Renamed', posts: { create: [{ slug: `${a.p}-new`, title: 'N' }] } } });
    expect(u.name).toBe('Renamed');
    expect(await slugsOf(a.id)).toEqual([`${a.p}-1`, `${a.p}-new`]);
  });

  it('createMany adds posts', async () => {
    const a = await author(0);
    await m('user').update({ where: { id: a.id }, data: { posts: { createMany: { data: [{ slug: `${a.p}-x`, title: 'X' }, { slug: `${a.p}-y`, title: 'Y' }] } } } });
    expect(await slugsOf(a.id)).toEqual([`${a.p}-x`, `${a.p}-y`]);
  });

  it('update one post by a unique where', async () => {
    const a = await author(2);
    await m('user').update({ where: { id: a.id }, data: { posts: { update: { where: { slug: `${a.p}-2` }, data: { title: 'Changed' } } } } });
    const rows = await m('post').findMany({ where: { authorId: a.id }, orderBy: { slug: 'asc' }, select: { title: true } });
    expect(rows).toEqual([{ title: 'T1' }, { title: 'Changed' }]);
  });

  it('update of a post that belongs to someone else is not found', async () => {
    const a = await author(1);
    const b = await author(1);
    const e = await rejectionOf(m('user').update({ where: { id: a.id }, data: { posts: { update: { where: { slug: `${b.p}-1` }, data: { title: 'Stolen' } } } } }));
    expect(e).toBeInstanceOf(KilnError);
    expect(e.code).toBe('P2025');
    expect((await m('post').findUnique({ where: { slug: `${b.p}-1` } })).title).toBe('T1');
  });

  it('updateMany with a filter, only among this user’s posts', async () => {
    const a = await author(3);
    const b = await author(3);
    await m('user').update({ where: { id: a.id }, data: { posts: { updateMany: { where: { published: false }, data: { title: 'Draft' } } } } });
    const titles = async (id: number) => (await m('post').findMany({ where: { authorId: id }, orderBy: { slug: 'asc' }, select: { title: true } })).map((p: { title: string }) => p.title);
    expect(await titles(a.id)).toEqual(['Draft', 'T2', 'Draft']);
    expect(await titles(b.id)).toEqual(['T1', 'T2', 'T3']);
  });

  it('upsert: updates a connected post, creates a missing one', async () => {
    const a = await author(1);
    await m('user').update({
      where: { id: a.id },
      data: {
        posts: {
          upsert: [
            { where: { slug: `${a.p}-1` }, create: { slug: `${a.p}-1`, title: 'never' }, update: { title: 'Upserted' } },
            { where: { slug: `${a.p}-2` }, create: { slug: `${a.p}-2`, title: 'Created' }, update: { title: 'never' } },
          ],
        },
      },
    });
    const rows = await m('post').findMany({ where: { authorId: a.id }, orderBy: { slug: 'asc' }, select: { slug: true, title: true } });
    expect(rows).toEqual([
      { slug: `${a.p}-1`, title: 'Upserted' },
      { slug: `${a.p}-2`, title: 'Created' },
    ]);
  });

  it('delete one post and deleteMany by a filter', async () => {
    const a = await author(4);
    await m('user').update({ where: { id: a.id }, data: { posts: { delete: { slug: `${a.p}-1` }, deleteMany: { viewCount: { gte: 3 } } } } });
    expect(await slugsOf(a.id)).toEqual([`${a.p}-2`]);
  });

  it('deleteMany: {} deletes all of this user’s posts and no one else’s', async () => {
    const a = await author(2);
    const b = await author(2);
    await m('user').update({ where: { id: a.id }, data: { posts: { deleteMany: {} } } });
    expect(await slugsOf(a.id)).toEqual([]);
    expect(await slugsOf(b.id)).toEqual([`${b.p}-1`, `${b.p}-2`]);
  });

  it('connect moves an existing post to this user', async () => {
    const a = await author(0);
    const b = await author(2);
    await m('user').update({ where: { id: a.id }, data: { posts: { connect: { slug: `${b.p}-2` } } } });
    expect(await slugsOf(a.id)).toEqual([`${b.p}-2`]);
    expect(await slugsOf(b.id)).toEqual([`${b.p}-1`]);
  });

  it('connectOrCreate', async () => {
    const a = await author(0);
    await m('user').update({ where: { id: a.id }, data: { posts: { connectOrCreate: { where: { slug: `${a.p}-c` }, create: { slug: `${a.p}-c`, title: 'C' } } } } });
    expect(await slugsOf(a.id)).toEqual([`${a.p}-c`]);
  });
});

describe('optional 1:n (user.editedPosts: the key Post.editorId is nullable)', () => {
  it('connect, disconnect and set', async () => {
    const a = await author(3);
    const editor = await author(0);
    await m('user').update({ where: { id: editor.id }, data: { editedPosts: { connect: [{ slug: `${a.p}-1` }, { slug: `${a.p}-2` }] } } });
    expect(await slugsOf(editor.id, 'editedPosts')).toEqual([`${a.p}-1`, `${a.p}-2`]);
    await m('user').update({ where: { id: editor.id }, data: { editedPosts: { disconnect: [{ slug: `${a.p}-1` }] } } });
    expect(await slugsOf(editor.id, 'editedPosts')).toEqual([`${a.p}-2`]);
    expect((await m('post').findUnique({ where: { slug: `${a.p}-1` } })).editorId).toBeNull();
    await m('user').update({ where: { id: editor.id }, data: { editedPosts: { set: [{ slug: `${a.p}-3` }] } } });
    expect(await slugsOf(editor.id, 'editedPosts')).toEqual([`${a.p}-3`]);
    await m('user').update({ where: { id: editor.id }, data: { editedPosts: { set: [] } } });
    expect(await slugsOf(editor.id, 'editedPosts')).toEqual([]);
    expect(await m('post').count({ where: { authorId: a.id } })).toBe(3);
  });

  it('disconnecting required children is refused and changes nothing', async () => {
    const a = await author(2);
    const e = await rejectionOf(m('user').update({ where: { id: a.id }, data: { name: 'should not stick', posts: { disconnect: [{ slug: `${a.p}-1` }] } } }));
    expect(e).toBeInstanceOf(KilnError);
    expect(await slugsOf(a.id)).toEqual([`${a.p}-1`, `${a.p}-2`]);
    expect((await m('user').findUnique({ where: { id: a.id } })).name).toBeNull();
  });
});

describe('to-one from the side with the key (post.editor, post.author)', () => {
  it('connect, update, disconnect', async () => {
    const a = await author(1);
    const ed = await author(0);
    const slug = `${a.p}-1`;
    let p = await m('post').update({ where: { slug }, data: { editor: { connect: { email: ed.email } } }, include: { editor: true } });
    expect(p.editor.id).toBe(ed.id);
    p = await m('post').update({ where: { slug }, data: { editor: { update: { name: 'Edited Name' } } }, include: { editor: true } });
    expect(p.editor.name).toBe('Edited Name');
    p = await m('post').update({ where: { slug }, data: { editor: { update: { data: { name: 'Via data' } } } }, include: { editor: true } });
    expect(p.editor.name).toBe('Via data');
    p = await m('post').update({ where: { slug }, data: { editor: { disconnect: true } }, include: { editor: true } });
    expect(p.editor).toBeNull();
    expect(p.editorId).toBeNull();
    expect(await m('user').findUnique({ where: { id: ed.id } })).not.toBeNull();
  });

  it('upsert creates when there is no related record, updates when there is', async () => {
    const a = await author(1);
    const slug = `${a.p}-1`;
    const args = (name: string) => ({ where: { slug }, data: { editor: { upsert: { create: { email: `${a.p}-ed@x.io`, name }, update: { name } } } }, include: { editor: true } });
    const p1 = await m('post').update(args('created'));
    expect(p1.editor).toMatchObject({ email: `${a.p}-ed@x.io`, name: 'created' });
    const p2 = await m('post').update(args('updated'));
    expect(p2.editor).toMatchObject({ id: p1.editor.id, name: 'updated' });
  });

  it('delete removes the related record and clears the key', async () => {
    const a = await author(1);
    const slug = `${a.p}-1`;
    const p = await m('post').update({ where: { slug }, data: { editor: { create: { email: `${a.p}-del@x.io` } } } });
    const editorId = p.editorId;
    const after = await m('post').update({ where: { slug }, data: { editor: { delete: true } } });
    expect(after.editorId).toBeNull();
    expect(await m('user').findUnique({ where: { id: editorId } })).toBeNull();
  });

  it('author: connect to another user; disconnect of a required relation is refused', async () => {
    const a = await author(1);
    const b = await author(0);
    const slug = `${a.p}-1`;
    const p = await m('post').update({ where: { slug }, data: { author: { connect: { id: b.id } } } });
    expect(p.authorId).toBe(b.id);
    const e = await rejectionOf(m('post').update({ where: { slug }, data: { author: { disconnect: true } } }));
    expect(e).toBeInstanceOf(KilnError);
    expect((await m('post').findUnique({ where: { slug } })).authorId).toBe(b.id);
  });

  it('author: create a new user and connect the post to it', async () => {
    const a = await author(1);
    const p = await m('post').update({ where: { slug: `${a.p}-1` }, data: { author: { create: { email: `${a.p}-new@x.io` } } }, include: { author: true } });
    expect(p.author.email).toBe(`${a.p}-new@x.io`);
  });
});

describe('1:1 from the side without the key (user.profile)', () => {
  it('create, update, upsert and delete', async () => {
    const a = await author(0);
    let u = await m('user').update({ where: { id: a.id }, data: { profile: { create: { bio: 'one' } } }, include: { profile: true } });
    expect(u.profile).toMatchObject({ bio: 'one', userId: a.id });
    u = await m('user').update({ where: { id: a.id }, data: { profile: { update: { bio: 'two' } } }, include: { profile: true } });
    expect(u.profile.bio).toBe('two');
    u = await m('user').update({ where: { id: a.id }, data: { profile: { upsert: { create: { bio: 'never' }, update: { bio: 'three' } } } }, include: { profile: true } });
    expect(u.profile.bio).toBe('three');
    u = await m('user').update({ where: { id: a.id }, data: { profile: { delete: true } }, include: { profile: true } });
    expect(u.profile).toBeNull();
    u = await m('user').update({ where: { id: a.id }, data: { profile: { upsert: { create: { bio: 'four' }, update: { bio: 'never' } } } }, include: { profile: true } });
    expect(u.profile.bio).toBe('four');
    expect(await m('profile').count({ where: { userId: a.id } })).toBe(1);
  });

  it('disconnect of a profile whose key is required is refused', async () => {
    const a = await author(0);
    await m('user').update({ where: { id: a.id }, data: { profile: { create: { bio: 'stay' } } } });
    const e = await rejectionOf(m('user').update({ where: { id: a.id }, data: { profile: { disconnect: true } } }));
    expect(e).toBeInstanceOf(KilnError);
    expect((await m('profile').findFirst({ where: { userId: a.id } })).bio).toBe('stay');
  });
});

describe('m:n (post.tags)', () => {
  async function tagsOf(slug: string): Promise<string[]> {
    const p = await m('post').findUnique({ where: { slug }, include: { tags: { orderBy: { name: 'asc' } } } });
    return p.tags.map((t: { name: string }) => t.name);
  }

  it('connect, create, disconnect, set', async () => {
    const a = await author(1);
    const slug = `${a.p}-1`;
    const [x, y, z] = ['x', 'y', 'z'].map((s) => `${a.p}-${s}`) as [string, string, string];
    await m('tag').create({ data: { name: x } });
    await m('tag').create({ data: { name: y } });
    await m('post').update({ where: { slug }, data: { tags: { connect: [{ name: x }, { name: y }], create: { name: z } } } });
    expect(await tagsOf(slug)).toEqual([x, y, z]);
    await m('post').update({ where: { slug }, data: { tags: { disconnect: { name: y } } } });
    expect(await tagsOf(slug)).toEqual([x, z]);
    expect(await m('tag').findUnique({ where: { name: y } })).not.toBeNull();
    await m('post').update({ where: { slug }, data: { tags: { set: [{ name: y }] } } });
    expect(await tagsOf(slug)).toEqual([y]);
    await m('post').update({ where: { slug }, data: { tags: { set: [] } } });
    expect(await tagsOf(slug)).toEqual([]);
    expect(await m('tag').count({ where: { name: { in: [x, y, z] } } })).toBe(3);
  });

  it('connecting an already connected tag does not duplicate it', async () => {
    const a = await author(1);
    const slug = `${a.p}-1`;
    await m('post').update({ where: { slug }, data: { tags: { create: { name: `${a.p}-t` } } } });
    await m('post').update({ where: { slug }, data: { tags: { connect: { name: `${a.p}-t` } } } });
    expect(await tagsOf(slug)).toEqual([`${a.p}-t`]);
  });

  it('update, updateMany, delete and deleteMany act on connected tags only', async () => {
    const a = await author(1);
    const slug = `${a.p}-1`;
    const t = (s: string) => `${a.p}-${s}`;
    await m('tag').create({ data: { name: t('outside') } });
    await m('post').update({ where: { slug }, data: { tags: { create: [{ name: t('a') }, { name: t('b') }, { name: t('c') }, { name: t('d') }] } } });
    await m('post').update({ where: { slug }, data: { tags: { update: { where: { name: t('a') }, data: { name: t('a2') } } } } });
    await m('post').update({ where: { slug }, data: { tags: { updateMany: { where: { name: { in: [t('b'), t('outside')] } }, data: { name: t('b2') } } } } });
    expect(await tagsOf(slug)).toEqual([t('a2'), t('b2'), t('c'), t('d')]);
    expect(await m('tag').findUnique({ where: { name: t('outside') } })).not.toBeNull();
    await m('post').update({ where: { slug }, data: { tags: { delete: { name: t('c') } } } });
    await m('post').update({ where: { slug }, data: { tags: { deleteMany: { name: { startsWith: t('') } } } } });
    expect(await tagsOf(slug)).toEqual([]);
    // delete / deleteMany remove the tag records themselves, but only connected ones.
    expect(await m('tag').count({ where: { name: { startsWith: t('') } } })).toBe(1);
  });

  it('from the other side: tag.posts connect and disconnect', async () => {
    const a = await author(2);
    const tag = await m('tag').create({ data: { name: `${a.p}-rev`, posts: { connect: [{ slug: `${a.p}-1` }, { slug: `${a.p}-2` }] } } });
    await m('tag').update({ where: { id: tag.id }, data: { posts: { disconnect: [{ slug: `${a.p}-1` }] } } });
    const t = await m('tag').findUnique({ where: { id: tag.id }, include: { posts: { select: { slug: true } } } });
    expect(t.posts).toEqual([{ slug: `${a.p}-2` }]);
  });
});
