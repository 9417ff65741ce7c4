// Kysely over better-sqlite3 (its SqliteDialect), written as its documentation shows: the
// query builder on every call (no precompiled queries), relations as JSON subqueries with
// `jsonArrayFrom`/`jsonObjectFrom` from `kysely/helpers/sqlite` and the ParseJSONResultsPlugin
// those helpers require, bulk insert as one multi-row `insertInto().values([...])` inside
// `db.transaction().execute()`. Rows get the same type mapping as raw's (rows.js).
// https://kysely.dev/docs/recipes/relations

import Database from 'better-sqlite3';
import { Kysely, ParseJSONResultsPlugin, SqliteDialect } from 'kysely';
import { jsonArrayFrom, jsonObjectFrom } from 'kysely/helpers/sqlite';
import { toComment, toPost, toUser } from './rows.js';

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

export async function open({ path }) {
  const sqlite = new Database(path);
  sqlite.pragma('foreign_keys = ON');
  const db = new Kysely({ dialect: new SqliteDialect({ database: sqlite }), plugins: [new ParseJSONResultsPlugin()] });

  return {
    close: () => db.destroy(),

    async byPrimaryKey({ id }) {
      const row = await db.selectFrom('users').select(USER).where('users.id', '=', id).executeTakeFirst();
      return row === undefined ? null : toUser(row);
    },

    async filterOrderTake({ before }) {
      const rows = await db
        .selectFrom('Post')
        .select(POST)
        .where('Post.published', '=', 1)
        .where('Post.publishedAt', '<', before.toISOString())
        .orderBy('Post.publishedAt', 'desc')
        .limit(20)
        .execute();
      return rows.map(toPost);
    },

    async usersWithPosts({ minId }) {
      const rows = await db
        .selectFrom('users')
        .select((eb) => [
          ...USER,
          jsonArrayFrom(eb.selectFrom('Post').select(POST).whereRef('Post.authorId', '=', 'users.id').orderBy('Post.id')).as('posts'),
        ])
        .where('users.id', '>=', minId)
        .orderBy('users.id')
        .limit(20)
        .execute();
      return rows.map((r) => {
        const user = toUser(r);
        user.posts = r.posts.map(toPost);
        return user;
      });
    },

    async usersWithPostsSkip({ skip }) {
      const rows = await db
        .selectFrom('users')
        .select((eb) => [
          ...USER,
          jsonArrayFrom(eb.selectFrom('Post').select(POST).whereRef('Post.authorId', '=', 'users.id').orderBy('Post.id')).as('posts'),
        ])
        .orderBy('users.id')
        .limit(20)
        .offset(skip)
        .execute();
      return rows.map((r) => {
        const user = toUser(r);
        user.posts = r.posts.map(toPost);
        return user;
      });
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
      return rows.map((r) => {
        const post = toPost(r);
        post.author = toUser(r.author);
        post.comments = r.comments.map(toComment);
        return post;
      });
    },

    async insertOne({ slug, title, content, authorId }) {
      const now = new Date().toISOString();
      const row = await db
        .insertInto('Post')
        .values({ slug, title, content, authorId, createdAt: now, updatedAt: now })
        .returning(POST)
        .executeTakeFirstOrThrow();
      return toPost(row);
    },

    async insertMany({ rows }) {
      const now = new Date().toISOString();
      const values = rows.map((r) => ({
        slug: r.slug,
        title: r.title,
        content: r.content,
        published: r.published ? 1 : 0,
        authorId: r.authorId,
        createdAt: now,
        updatedAt: now,
      }));
      const result = await db.transaction().execute((trx) => trx.insertInto('Post').values(values).executeTakeFirstOrThrow());
      return { count: Number(result.numInsertedOrUpdatedRows) };
    },

    async increment({ id }) {
      const row = await db
        .updateTable('Post')
        .set((eb) => ({ viewCount: eb('Post.viewCount', '+', 1), updatedAt: new Date().toISOString() }))
        .where('Post.id', '=', id)
        .returning(POST)
        .executeTakeFirst();
      return row === undefined ? null : toPost(row);
    },

    async countAndAverage({ authorId }) {
      const r = await db
        .selectFrom('Post')
        .select((eb) => [eb.fn.countAll().as('count'), eb.fn.avg('Post.viewCount').as('avg')])
        .where('Post.published', '=', 1)
        .where('Post.authorId', '=', authorId)
        .executeTakeFirstOrThrow();
      return { _count: { _all: r.count }, _avg: { viewCount: r.avg } };
    },

    transaction(input) {
      return db.transaction().execute(async (trx) => {
        const now = new Date().toISOString();
        const user = toUser(
          await trx
            .insertInto('users')
            .values({ email: input.email, name: input.name, created_at: now, updated_at: now })
            .returning(USER)
            .executeTakeFirstOrThrow(),
        );
        const posts = [];
        for (const p of input.posts) {
          const row = await trx
            .insertInto('Post')
            .values({ slug: p.slug, title: p.title, content: p.content, authorId: user.id, createdAt: now, updatedAt: now })
            .returning(POST)
            .executeTakeFirstOrThrow();
          posts.push(toPost(row));
        }
        return { user, posts };
      });
    },
  };
}
