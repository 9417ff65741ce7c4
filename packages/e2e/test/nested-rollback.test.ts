// A nested write that fails part-way leaves nothing behind: every table's row count, and the
// records touched, are the same before and after the failing call.
import { KilnError, KilnForeignKeyError, KilnNotFoundError, KilnUniqueConstraintError, KilnValidationError } from '@kiln/runtime';
import { rejectionOf } from './helpers/expect-error.js';
import { dbFixture, type DbFixture } from './helpers/db.js';
import { exampleText } from './helpers/sqlite-db.js';

let f: DbFixture;
let alice: { id: number };
beforeAll(async () => {
  f = await dbFixture(exampleText('blog'));
  alice = await f.db.m('user').create({ data: { email: 'alice@x.io', name: 'Alice', posts: { create: [{ slug: 'taken', title: 'Taken' }] } } });
  await f.db.m('tag').create({ data: { name: 'existing' } });
  await f.db.m('post').update({ where: { slug: 'taken' }, data: { tags: { connect: { name: 'existing' } } } });
});
afterAll(() => f.close());

const TABLES = ['users', 'Profile', 'Post', 'Comment', 'Tag', '_PostToTag'];
async function counts(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of TABLES) {
    const rows = (await f.db.$queryRawUnsafe(f.sql(`SELECT COUNT(*) AS n FROM "${t}"`))) as { n: number | bigint }[];
    out[t] = Number(rows[0]!.n);
  }
  return out;
}

/** Runs a call that must fail; checks that no table changed; returns the error. */
async function failsCleanly(call: () => PromiseLike<unknown>): Promise<any> {
  const before = await counts();
  const e = await rejectionOf(call());
  expect(e).toBeInstanceOf(KilnError);
  expect(await counts()).toEqual(before);
  return e;
}

describe('nested create', () => {
  it('a unique violation in the 3rd nested create rolls back the parent and the first two', async () => {
    const e = await failsCleanly(() =>
      f.db.m('user').create({
        data: { email: 'rb1@x.io', posts: { create: [{ slug: 'rb1-a', title: 'A' }, { slug: 'rb1-b', title: 'B' }, { slug: 'taken', title: 'C' }] } },
      }),
    );
    expect(e).toBeInstanceOf(KilnUniqueConstraintError);
    expect(e.model).toBe('Post');
    expect(e.fields).toEqual(['slug']);
    expect(await f.db.m('user').findUnique({ where: { email: 'rb1@x.io' } })).toBeNull();
  });

  it('a connect to a missing record rolls back everything created before it', async () => {
    const e = await failsCleanly(() =>
      f.db.m('post').create({
        data: { slug: 'rb2', title: 'T', authorId: alice.id, tags: { create: { name: 'rb2-new' }, connect: [{ name: 'existing' }, { name: 'missing' }] } },
      }),
    );
    expect(e).toBeInstanceOf(KilnNotFoundError);
    expect(e.code).toBe('P2025');
    expect(e.model).toBe('Tag');
  });

  it('a to-one connect to a missing record, after a 1:1 create', async () => {
    await failsCleanly(() =>
      f.db.m('comment').create({
        data: { body: 'orphan', post: { create: { slug: 'rb3', title: 'T', author: { connect: { id: alice.id } } } }, author: { connect: { email: 'nobody@x.io' } } },
      }),
    );
  });

  it('a foreign key violation three levels down', async () => {
    const e = await failsCleanly(() =>
      f.db.m('user').create({
        data: {
          email: 'rb4@x.io',
          profile: { create: { bio: 'b' } },
          posts: { create: { slug: 'rb4', title: 'T', comments: { create: [{ body: 'ok', authorId: alice.id }, { body: 'bad', authorId: 999999 }] } } },
        },
      }),
    );
    expect(e).toBeInstanceOf(KilnForeignKeyError);
    expect(e.code).toBe('P2003');
  });

  it('an unknown field in the 3rd nested create rolls back the first two', async () => {
    const e = await failsCleanly(() =>
      f.db.m('user').create({
        data: { email: 'rb5@x.io', posts: { create: [{ slug: 'rb5-a', title: 'A' }, { slug: 'rb5-b', title: 'B' }, { slug: 'rb5-c', title: 'C', nope: 1 }] } },
      }),
    );
    expect(e).toBeInstanceOf(KilnValidationError);
    expect(e.model).toBe('Post');
    expect(e.path).toContain('nope');
  });

  it('a connectOrCreate whose create fails', async () => {
    await failsCleanly(() =>
      f.db.m('post').create({
        data: { slug: 'rb6', title: 'T', authorId: alice.id, tags: { connectOrCreate: [{ where: { name: 'rb6' }, create: { name: 'rb6' } }, { where: { id: 424242 }, create: { name: 'existing' } }] } },
      }),
    );
  });
});

describe('nested update', () => {
  it('scalars, creates and a failing connect: nothing sticks', async () => {
    await failsCleanly(() =>
      f.db.m('user').update({ where: { id: alice.id }, data: { name: 'Changed', posts: { create: { slug: 'rb7', title: 'T' }, connect: { slug: 'missing' } } } }),
    );
    expect((await f.db.m('user').findUnique({ where: { id: alice.id } })).name).toBe('Alice');
  });

  it('set to a list with a missing record keeps the old links', async () => {
    await failsCleanly(() => f.db.m('post').update({ where: { slug: 'taken' }, data: { tags: { set: [{ name: 'missing' }] } } }));
    const p = await f.db.m('post').findUnique({ where: { slug: 'taken' }, include: { tags: true } });
    expect(p.tags.map((t: { name: string }) => t.name)).toEqual(['existing']);
  });

  it('deleteMany followed by a failing create restores the deleted rows', async () => {
    await failsCleanly(() =>
      f.db.m('user').update({ where: { id: alice.id }, data: { posts: { deleteMany: {}, create: [{ slug: 'rb8', title: 'T' }, { slug: 'rb8', title: 'dup' }] } } }),
    );
    expect(await f.db.m('post').findUnique({ where: { slug: 'taken' } })).not.toBeNull();
  });

  it('a nested update that fails after a nested delete', async () => {
    await failsCleanly(() =>
      f.db.m('post').update({ where: { slug: 'taken' }, data: { title: 'never', tags: { delete: { name: 'existing' } }, author: { update: { email: 'rb9-bad' } }, editor: { connect: { id: 777777 } } } }),
    );
    expect(await f.db.m('tag').findUnique({ where: { name: 'existing' } })).not.toBeNull();
    expect((await f.db.m('user').findUnique({ where: { id: alice.id } })).email).toBe('alice@x.io');
    expect((await f.db.m('post').findUnique({ where: { slug: 'taken' } })).title).toBe('Taken');
  });
});

describe('upsert with nested writes', () => {
  it('the create branch rolls back when a nested create fails', async () => {
    await failsCleanly(() =>
      f.db.m('user').upsert({
        where: { email: 'rb10@x.io' },
        create: { email: 'rb10@x.io', posts: { create: [{ slug: 'rb10', title: 'T' }, { slug: 'taken', title: 'dup' }] } },
        update: {},
      }),
    );
  });

  it('the update branch rolls back when a nested write fails', async () => {
    await failsCleanly(() =>
      f.db.m('user').upsert({
        where: { email: 'alice@x.io' },
        create: { email: 'alice@x.io' },
        update: { name: 'Upserted', posts: { create: { slug: 'rb11', title: 'T' }, update: { where: { slug: 'missing' }, data: { title: 'x' } } } },
      }),
    );
    expect((await f.db.m('user').findUnique({ where: { id: alice.id } })).name).toBe('Alice');
  });
});
