// Typed errors: unique and foreign key violations name the model and fields; not-found errors
// name the model; invalid arguments name the model and the path inside the arguments.
import {
  KilnError,
  KilnForeignKeyError,
  KilnNotFoundError,
  KilnUniqueConstraintError,
  KilnValidationError,
} from '@kiln/runtime';
import { rejectionOf } from './helpers/expect-error.js';
import { dbFixture, providerExample, type DbFixture } from './helpers/db.js';
import { exampleText } from './helpers/sqlite-db.js';

let blog: DbFixture;
let saas: DbFixture;
let alice: { id: number };
beforeAll(async () => {
  blog = await dbFixture(exampleText('blog'));
  saas = await dbFixture(providerExample('saas'));
  alice = await blog.db.m('user').create({ data: { email: 'alice@x.io', posts: { create: { slug: 'p1', title: 'P1' } }, profile: { create: {} } } });
});
afterAll(async () => {
  await blog.close();
  await saas.close();
});

const user = () => blog.db.m('user');
const post = () => blog.db.m('post');

async function validation(call: PromiseLike<unknown>): Promise<KilnValidationError> {
  const e = await rejectionOf(call);
  expect(e).toBeInstanceOf(KilnValidationError);
  expect(e).toBeInstanceOf(KilnError);
  expect(e.code).toBe('P2009');
  return e;
}

describe('unique constraint (P2002)', () => {
  it('names the model and the field', async () => {
    const e = await rejectionOf(user().create({ data: { email: 'alice@x.io' } }));
    expect(e).toBeInstanceOf(KilnUniqueConstraintError);
    expect(e.code).toBe('P2002');
    expect(e.model).toBe('User');
    expect(e.fields).toEqual(['email']);
    expect(e.message).toContain('User');
    expect(e.message).toContain('email');
  });

  it('names the field, not the column, when the column is mapped', async () => {
    const e = await rejectionOf(blog.db.m('profile').create({ data: { userId: alice.id } }));
    expect(e).toBeInstanceOf(KilnUniqueConstraintError);
    expect(e.model).toBe('Profile');
    expect(e.fields).toEqual(['userId']);
  });

  it('names every field of a compound unique key', async () => {
    const org = await saas.db.m('organization').create({ data: { name: 'Acme', slug: 'acme' } });
    const u = await saas.db.m('user').create({ data: { email: 'm@x.io' } });
    await saas.db.m('membership').create({ data: { organizationId: org.id, userId: u.id } });
    const e = await rejectionOf(saas.db.m('membership').create({ data: { organizationId: org.id, userId: u.id } }));
    expect(e).toBeInstanceOf(KilnUniqueConstraintError);
    expect(e.model).toBe('Membership');
    expect(e.fields).toEqual(['organizationId', 'userId']);
  });

  it('a violation inside a nested write names the nested model', async () => {
    const e = await rejectionOf(user().create({ data: { email: 'nested@x.io', posts: { create: { slug: 'p1', title: 'dup' } } } }));
    expect(e).toBeInstanceOf(KilnUniqueConstraintError);
    expect(e.model).toBe('Post');
    expect(e.fields).toEqual(['slug']);
  });
});

describe('foreign key (P2003)', () => {
  it('creating a row that points at a missing record', async () => {
    const e = await rejectionOf(post().create({ data: { slug: 'fk1', title: 'T', authorId: 999999 } }));
    expect(e).toBeInstanceOf(KilnForeignKeyError);
    expect(e.code).toBe('P2003');
    expect(e.model).toBe('Post');
    expect(await post().findUnique({ where: { slug: 'fk1' } })).toBeNull();
  });

  it('deleting a record still referenced by a Restrict relation', async () => {
    const e = await rejectionOf(user().delete({ where: { id: alice.id } }));
    expect(e).toBeInstanceOf(KilnForeignKeyError);
    expect(e.code).toBe('P2003');
    expect(await user().findUnique({ where: { id: alice.id } })).not.toBeNull();
  });

  it('updating a key to a missing record', async () => {
    const e = await rejectionOf(post().update({ where: { slug: 'p1' }, data: { editorId: 424242 } }));
    expect(e).toBeInstanceOf(KilnForeignKeyError);
    expect((await post().findUnique({ where: { slug: 'p1' } })).editorId).toBeNull();
  });
});

describe('not found (P2025)', () => {
  it.each([
    ['findUniqueOrThrow', () => user().findUniqueOrThrow({ where: { id: 999 } })],
    ['findFirstOrThrow', () => user().findFirstOrThrow({ where: { email: 'nobody@x.io' } })],
    ['update', () => user().update({ where: { id: 999 }, data: { name: 'x' } })],
    ['delete', () => user().delete({ where: { id: 999 } })],
    ['update with include', () => user().update({ where: { id: 999 }, data: { name: 'x' }, include: { posts: true } })],
    ['delete with include', () => user().delete({ where: { id: 999 }, include: { posts: true } })],
  ])('%s of a missing record names the model', async (_name, call) => {
    const e = await rejectionOf(call());
    expect(e).toBeInstanceOf(KilnNotFoundError);
    expect(e.code).toBe('P2025');
    expect(e.model).toBe('User');
    expect(e.message).toContain('User');
  });

  it('findUnique and findFirst of a missing record resolve to null', async () => {
    expect(await user().findUnique({ where: { id: 999 } })).toBeNull();
    expect(await user().findFirst({ where: { email: 'nobody@x.io' } })).toBeNull();
  });

  it('findUniqueOrThrow and findFirstOrThrow return the record when it exists', async () => {
    expect((await user().findUniqueOrThrow({ where: { id: alice.id } })).email).toBe('alice@x.io');
    expect((await user().findFirstOrThrow({ where: { email: { startsWith: 'alice' } } })).id).toBe(alice.id);
  });
});

describe('unknown fields (P2009) at several depths', () => {
  it('in where', async () => {
    const e = await validation(user().findMany({ where: { nope: 1 } }));
    expect(e.model).toBe('User');
    expect(e.path).toBe('where.nope');
    expect(e.message).toContain('where.nope');
  });

  it('an unknown filter operator', async () => {
    const e = await validation(user().findMany({ where: { email: { containz: 'x' } } }));
    expect(e.path).toBe('where.email.containz');
  });

  it('in a relation filter', async () => {
    const e = await validation(user().findMany({ where: { posts: { some: { nope: 1 } } } }));
    expect(e.model).toBe('Post');
    expect(e.path).toBe('where.posts.some.nope');
  });

  it('in select, and in a nested select', async () => {
    expect((await validation(user().findMany({ select: { nope: true } }))).path).toBe('select.nope');
    const e = await validation(user().findMany({ select: { posts: { select: { title: true, nope: true } } } }));
    expect(e.model).toBe('Post');
    expect(e.path).toBe('select.posts.select.nope');
  });

  it('in include, and in a where inside an include', async () => {
    expect((await validation(user().findMany({ include: { nope: true } }))).path).toBe('include.nope');
    const e = await validation(user().findMany({ include: { posts: { where: { nope: 1 } } } }));
    expect(e.model).toBe('Post');
    expect(e.path).toBe('include.posts.where.nope');
  });

  it('in orderBy', async () => {
    expect((await validation(user().findMany({ orderBy: { nope: 'asc' } }))).path).toBe('orderBy.nope');
  });

  it('in data of create and update', async () => {
    expect((await validation(user().create({ data: { email: 'v1@x.io', nope: 1 } }))).path).toBe('data.nope');
    expect((await validation(user().update({ where: { id: alice.id }, data: { nope: 1 } }))).path).toBe('data.nope');
  });

  it('in nested data, two levels down', async () => {
    const e = await validation(user().create({ data: { email: 'v2@x.io', posts: { create: { slug: 'v2', title: 'T', comments: { create: { body: 'b', authorId: alice.id, nope: 1 } } } } } }));
    expect(e.model).toBe('Comment');
    expect(e.path).toBe('data.posts.create.comments.create.nope');
    expect(await user().findUnique({ where: { email: 'v2@x.io' } })).toBeNull();
  });

  it('an unknown nested-write operation', async () => {
    const e = await validation(user().update({ where: { id: alice.id }, data: { posts: { attach: { slug: 'p1' } } } }));
    expect(e.path).toBe('data.posts.attach');
  });
});

describe('wrong value types (P2009)', () => {
  it('a string for an Int in data', async () => {
    const e = await validation(post().create({ data: { slug: 't1', title: 'T', authorId: alice.id, viewCount: 'ten' } }));
    expect(e.model).toBe('Post');
    expect(e.path).toBe('data.viewCount');
  });

  it('a number for a String in data', async () => {
    const e = await validation(post().create({ data: { slug: 't2', title: 42, authorId: alice.id } }));
    expect(e.path).toBe('data.title');
  });

  it('a fractional number for an Int', async () => {
    const e = await validation(post().updateMany({ data: { viewCount: 1.5 } }));
    expect(e.path).toBe('data.viewCount');
  });

  it('a string for an Int in where, a number for a String in where', async () => {
    expect((await validation(post().findMany({ where: { viewCount: 'x' } }))).path).toBe('where.viewCount');
    expect((await validation(post().findMany({ where: { title: { in: ['a', 7] } } }))).path).toBe('where.title.in[1]');
  });

  it('a string for a Boolean, a bad date, an unknown enum value', async () => {
    expect((await validation(post().findMany({ where: { published: 'yes' } }))).path).toBe('where.published');
    expect((await validation(post().findMany({ where: { createdAt: { gt: 'not a date' } } }))).path).toBe('where.createdAt.gt');
    expect((await validation(user().create({ data: { email: 'v3@x.io', role: 'SUPERUSER' } }))).path).toBe('data.role');
  });

  it('null for a required field', async () => {
    const e = await validation(post().create({ data: { slug: 't3', title: null, authorId: alice.id } }));
    expect(e.path).toBe('data.title');
  });

  it('a missing required field', async () => {
    const e = await validation(post().create({ data: { slug: 't4', authorId: alice.id } }));
    expect(e.model).toBe('Post');
    expect(e.path).toBe('data.title');
  });

  it('a non-integer take', async () => {
    expect((await validation(user().findMany({ take: 1.5 }))).path).toBe('take');
  });

  it('nothing was written by calls that failed validation', async () => {
    expect(await post().count({ where: { slug: { in: ['t1', 't2', 't3', 't4'] } } })).toBe(0);
    expect(await user().count({ where: { email: { in: ['v1@x.io', 'v2@x.io', 'v3@x.io'] } } })).toBe(0);
  });
});

describe('argument shape (P2009)', () => {
  it('select and include together', async () => {
    const e = await validation(user().findMany({ select: { email: true }, include: { posts: true } }));
    expect(e.model).toBe('User');
  });

  it('findUnique with a where that names no unique key', async () => {
    const e = await validation(user().findUnique({ where: { name: 'Alice' } }));
    expect(e.model).toBe('User');
    expect(e.path).toBe('where');
  });

  it('findUnique with a filter object on a unique field', async () => {
    const e = await validation(user().findUnique({ where: { email: { contains: 'alice' } } }));
    expect(e.path).toBe('where');
  });

  it('update and delete with a non-unique where', async () => {
    expect((await validation(user().update({ where: { name: 'x' }, data: { name: 'y' } }))).path).toBe('where');
    expect((await validation(user().delete({ where: { name: 'x' } }))).path).toBe('where');
  });

  it('a compound key with a missing part', async () => {
    const e = await validation(saas.db.m('membership').findUnique({ where: { organizationId_userId: { organizationId: 'x' } } }));
    expect(e.model).toBe('Membership');
    expect(e.path).toBe('where.organizationId_userId.userId');
  });

  it('an invalid call rejects its promise instead of throwing synchronously', () => {
    let p: PromiseLike<unknown> | undefined;
    expect(() => {
      p = user().findMany({ where: { nope: 1 } });
    }).not.toThrow();
    return expect(p).rejects.toBeInstanceOf(KilnValidationError);
  });
});
