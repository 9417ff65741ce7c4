// Kysely over pg (its PostgresDialect on a pg Pool), written as its documentation shows: the
// query builder on every call (no precompiled queries), relations as JSON subqueries with
// `jsonArrayFrom`/`jsonObjectFrom` from `kysely/helpers/postgres` (pg parses the json; nested
// timestamps arrive as text and are turned into Dates, rows.js), `.returning()` for written rows,
// bulk insert as one multi-row `insertInto().values([...])` (one statement: atomic on its own).
// The pool has the same size and `timestamp` parser as raw's (types.js).
// https://kysely.dev/docs/recipes/relations

import pg from 'pg';
import { Kysely, PostgresDialect } from 'kysely';
import { jsonArrayFrom, jsonObjectFrom } from 'kysely/helpers/postgres';
import { POOL_SIZE } from '../server.js';
import { jsonComment, jsonPost, jsonUser } from './rows.js';
import { utcParam, utcTypes } from './types.js';

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
  const pool = new pg.Pool({ connectionString: database.url, max: POOL_SIZE, types: utcTypes });
  pool.on('error', () => undefined);
  const db = new Kysely({ dialect: new PostgresDialect({ pool }) });

  const usersWithPosts = (eb) => [
    ...USER,
    jsonArrayFrom(eb.selectFrom('Post').select(POST).whereRef('Post.authorId', '=', 'users.id').orderBy('Post.id')).as('posts'),
  ];
  const finishUser = (r) => {
    r.posts = r.posts.map(jsonPost);
    return r;
  };

  return {
    close: () => db.destroy(),

    async byPrimaryKey({ id }) {
      return (await db.selectFrom('users').select(USER).where('users.id', '=', id).executeTakeFirst()) ?? null;
    },

    filterOrderTake({ before }) {
      return db
        .selectFrom('Post')
        .select(POST)
        .where('Post.published', '=', true)
        .where('Post.publishedAt', '<', utcParam(before))
        .orderBy('Post.publishedAt', 'desc')
        .limit(20)
        .execute();
    },

    async usersWithPosts({ minId }) {
      const rows = await db.selectFrom('users').select(usersWithPosts).where('users.id', '>=', minId).orderBy('users.id').limit(20).execute();
      return rows.map(finishUser);
    },

    async usersWithPostsSkip({ skip }) {
      const rows = await db.selectFrom('users').select(usersWithPosts).orderBy('users.id').limit(20).offset(skip).execute();
      return rows.map(finishUser);
    },

    async postsWithAuthorAndComments({ minId }) {
      const rows = await db
        .selectFrom('Post')
        .select((eb) => [
          ...POST,
          jsonObjectFrom(eb.selectFrom('users').select(USER).whereRef('users.id', '=', 'Post.authorId')).as('author'),
          jsonArrayFrom(eb.selectFrom('Comment').select(COMMENT).whereRef('Comment.postId', '=', 'Post.id').orderBy('Comment.id')).as('comments'),
        ])
        .where('Post.id', '>=', minId)
        .orderBy('Post.id')
        .limit(20)
        .execute();
      for (const r of rows) {
        r.author = jsonUser(r.author);
        r.comments = r.comments.map(jsonComment);
      }
      return rows;
    },

    insertOne({ slug, title, content, authorId }) {
      const now = utcParam(new Date());
      return db.insertInto('Post').values({ slug, title, content, authorId, createdAt: now, updatedAt: now }).returning(POST).executeTakeFirstOrThrow();
    },

    async insertMany({ rows }) {
      const now = utcParam(new Date());
      const values = rows.map((r) => ({ slug: r.slug, title: r.title, content: r.content, published: r.published, authorId: r.authorId, createdAt: now, updatedAt: now }));
      const result = await db.insertInto('Post').values(values).executeTakeFirstOrThrow();
      return { count: Number(result.numInsertedOrUpdatedRows) };
    },

    async increment({ id }) {
      return (
        (await db
          .updateTable('Post')
          .set((eb) => ({ viewCount: eb('Post.viewCount', '+', 1), updatedAt: utcParam(new Date()) }))
          .where('Post.id', '=', id)
          .returning(POST)
          .executeTakeFirst()) ?? null
      );
    },

    async countAndAverage({ authorId }) {
      const r = await db
        .selectFrom('Post')
        .select((eb) => [eb.fn.countAll().as('count'), eb.fn.avg('Post.viewCount').as('avg')])
        .where('Post.published', '=', true)
        .where('Post.authorId', '=', authorId)
        .executeTakeFirstOrThrow();
      // count(*) is int8 and avg(int) numeric: pg returns both as text.
      return { _count: { _all: Number(r.count) }, _avg: { viewCount: r.avg === null ? null : Number(r.avg) } };
    },

    transaction(input) {
      return db.transaction().execute(async (trx) => {
        const now = utcParam(new Date());
        const user = await trx.insertInto('users').values({ email: input.email, name: input.name, created_at: now, updated_at: now }).returning(USER).executeTakeFirstOrThrow();
        const posts = [];
        for (const p of input.posts) {
          posts.push(
            await trx
              .insertInto('Post')
              .values({ slug: p.slug, title: p.title, content: p.content, authorId: user.id, createdAt: now, updatedAt: now })
              .returning(POST)
              .executeTakeFirstOrThrow(),
          );
        }
        return { user, posts };
      });
    },
  };
}
