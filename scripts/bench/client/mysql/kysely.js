// Kysely over mysql2 (its MysqlDialect on a mysql2 pool, which sends queries with mysql2's
// `query`), written as its documentation shows: the query builder on every call (no precompiled
// queries), a write followed by a SELECT of the row by its id (`insertId` for an insert: Kysely's
// MySQL adapter does not support `.returning()` and drops the rows MariaDB's INSERT .. RETURNING
// would give), bulk insert as one multi-row `insertInto().values([...])` (one statement: atomic
// on its own). Relations: `kysely/helpers/mysql` wraps its JSON in
// `CAST(... AS JSON)`, which MariaDB does not have, so they are loaded as Kysely's users do
// without the helpers: a second query per relation with `where(key, 'in', keys)`, stitched in
// JavaScript. The pool has the same size and `timezone: 'Z'` as raw's.
// https://kysely.dev/docs/recipes/relations

import { createPool } from 'mysql2';
import { Kysely, MysqlDialect, sql } from 'kysely';
import { POOL_SIZE } from '../server.js';
import { dateTimeParam, toPost } from './columns.js';

export const name = 'kysely';

const USER = ['users.id', 'users.email', 'users.name', 'users.role', 'users.created_at as createdAt', 'users.updated_at as updatedAt'];
const POST = [
  'Post.id',
  'Post.slug',
  'Post.title',
  'Post.content',
  'Post.published',
  'Post.publishedAt',
  'Post.viewCount',
  'Post.createdAt',
  'Post.updatedAt',
  'Post.authorId',
  'Post.editorId',
];
const COMMENT = ['Comment.id', 'Comment.body', 'Comment.createdAt', 'Comment.postId', 'Comment.authorId', 'Comment.parentId'];

export async function open(database) {
  const pool = createPool({ uri: database.url, connectionLimit: POOL_SIZE, timezone: 'Z' });
  const db = new Kysely({ dialect: new MysqlDialect({ pool }) });

  async function withPosts(users) {
    const byAuthor = new Map();
    for (const u of users) byAuthor.set(u.id, (u.posts = []));
    if (users.length === 0) return users;
    const posts = await db
      .selectFrom('Post')
      .select(POST)
      .where('Post.authorId', 'in', users.map((u) => u.id))
      .orderBy('Post.id')
      .execute();
    for (const p of posts) byAuthor.get(p.authorId).push(toPost(p));
    return users;
  }

  const postById = (executor, id) => executor.selectFrom('Post').select(POST).where('Post.id', '=', id).executeTakeFirst();

  return {
    close: () => db.destroy(),

    async byPrimaryKey({ id }) {
      return (await db.selectFrom('users').select(USER).where('users.id', '=', id).executeTakeFirst()) ?? null;
    },

    async filterOrderTake({ before }) {
      const rows = await db
        .selectFrom('Post')
        .select(POST)
        .where('Post.published', '=', true)
        .where('Post.publishedAt', '<', dateTimeParam(before))
        .orderBy('Post.publishedAt', 'desc')
        .limit(20)
        .execute();
      return rows.map(toPost);
    },

    async usersWithPosts({ minId }) {
      return withPosts(await db.selectFrom('users').select(USER).where('users.id', '>=', minId).orderBy('users.id').limit(20).execute());
    },

    async usersWithPostsSkip({ skip }) {
      return withPosts(await db.selectFrom('users').select(USER).orderBy('users.id').limit(20).offset(skip).execute());
    },

    async postsWithAuthorAndComments({ minId }) {
      const posts = await db.selectFrom('Post').select(POST).where('Post.id', '>=', minId).orderBy('Post.id').limit(20).execute();
      if (posts.length === 0) return posts;
      const authors = new Map();
      for (const p of posts) authors.set(p.authorId, null);
      for (const u of await db.selectFrom('users').select(USER).where('users.id', 'in', [...authors.keys()]).execute()) authors.set(u.id, u);
      const byPost = new Map();
      for (const p of posts) {
        toPost(p);
        p.author = authors.get(p.authorId);
        byPost.set(p.id, (p.comments = []));
      }
      const comments = await db
        .selectFrom('Comment')
        .select(COMMENT)
        .where('Comment.postId', 'in', posts.map((p) => p.id))
        .orderBy('Comment.id')
        .execute();
      for (const c of comments) byPost.get(c.postId).push(c);
      return posts;
    },

    async insertOne({ slug, title, content, authorId }) {
      const now = dateTimeParam(new Date());
      const { insertId } = await db.insertInto('Post').values({ slug, title, content, authorId, createdAt: now, updatedAt: now }).executeTakeFirstOrThrow();
      return toPost(await postById(db, Number(insertId)));
    },

    async insertMany({ rows }) {
      const now = dateTimeParam(new Date());
      const values = rows.map((r) => ({ slug: r.slug, title: r.title, content: r.content, published: r.published, authorId: r.authorId, createdAt: now, updatedAt: now }));
      const result = await db.insertInto('Post').values(values).executeTakeFirstOrThrow();
      return { count: Number(result.numInsertedOrUpdatedRows) };
    },

    async increment({ id }) {
      const result = await db
        .updateTable('Post')
        .set((eb) => ({ viewCount: eb('Post.viewCount', '+', 1), updatedAt: dateTimeParam(new Date()) }))
        .where('Post.id', '=', id)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) return null;
      const row = await postById(db, id);
      return row === undefined ? null : toPost(row);
    },

    async countAndAverage({ authorId }) {
      const r = await db
        .selectFrom('Post')
        // The exact average: AVG of an INT is a DECIMAL rounded to 4 places.
        .select((eb) => [eb.fn.countAll().as('count'), eb.fn.avg(sql`CAST(${eb.ref('Post.viewCount')} AS DOUBLE)`).as('avg')])
        .where('Post.published', '=', true)
        .where('Post.authorId', '=', authorId)
        .executeTakeFirstOrThrow();
      return { _count: { _all: Number(r.count) }, _avg: { viewCount: r.avg === null ? null : Number(r.avg) } };
    },

    transaction(input) {
      return db.transaction().execute(async (trx) => {
        const now = dateTimeParam(new Date());
        const { insertId } = await trx.insertInto('users').values({ email: input.email, name: input.name, created_at: now, updated_at: now }).executeTakeFirstOrThrow();
        const user = await trx.selectFrom('users').select(USER).where('users.id', '=', Number(insertId)).executeTakeFirstOrThrow();
        const posts = [];
        for (const p of input.posts) {
          const inserted = await trx
            .insertInto('Post')
            .values({ slug: p.slug, title: p.title, content: p.content, authorId: user.id, createdAt: now, updatedAt: now })
            .executeTakeFirstOrThrow();
          posts.push(toPost(await postById(trx, Number(inserted.insertId))));
        }
        return { user, posts };
      });
    },
  };
}
