// Drizzle ORM over better-sqlite3 (`drizzle-orm/better-sqlite3`), written as its documentation
// shows: the SQL-like builder for single-table queries and writes, the relational query API
// (`db.query.x.findMany({ with })`) to load relations, `.returning()` for the written rows,
// bulk insert as one multi-row `insert().values([...])` inside `db.transaction()`. Queries are
// built on every call: `.prepare()` is an opt-in optimisation, as Kysely's compiled queries are.
// better-sqlite3 is synchronous, so Drizzle's API is too (`.get()`, `.all()`, `.run()`,
// `.sync()`, and a transaction callback that must not return a promise).
// https://orm.drizzle.team/docs/rqb

import Database from 'better-sqlite3';
import { and, avg, count, desc, eq, lt, sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import * as schema from './drizzle-schema.js';

const { users, posts } = schema;

export const name = 'drizzle';

export async function open({ path }) {
  const sqlite = new Database(path);
  sqlite.pragma('foreign_keys = ON');
  const db = drizzle({ client: sqlite, schema });

  return {
    close: async () => sqlite.close(),

    byPrimaryKey({ id }) {
      return db.select().from(users).where(eq(users.id, id)).get() ?? null;
    },

    filterOrderTake({ before }) {
      return db
        .select()
        .from(posts)
        .where(and(eq(posts.published, true), lt(posts.publishedAt, before)))
        .orderBy(desc(posts.publishedAt))
        .limit(20)
        .all();
    },

    usersWithPosts({ minId }) {
      return db.query.users
        .findMany({
          where: (u, { gte }) => gte(u.id, minId),
          orderBy: (u, { asc }) => [asc(u.id)],
          limit: 20,
          with: { posts: { orderBy: (p, { asc }) => [asc(p.id)] } },
        })
        .sync();
    },

    usersWithPostsSkip({ skip }) {
      return db.query.users
        .findMany({
          orderBy: (u, { asc }) => [asc(u.id)],
          limit: 20,
          offset: skip,
          with: { posts: { orderBy: (p, { asc }) => [asc(p.id)] } },
        })
        .sync();
    },

    postsWithAuthorAndComments({ minId }) {
      return db.query.posts
        .findMany({
          where: (p, { gte }) => gte(p.id, minId),
          orderBy: (p, { asc }) => [asc(p.id)],
          limit: 20,
          with: { author: true, comments: { orderBy: (c, { asc }) => [asc(c.id)] } },
        })
        .sync();
    },

    insertOne({ slug, title, content, authorId }) {
      return db.insert(posts).values({ slug, title, content, authorId }).returning().get();
    },

    insertMany({ rows }) {
      const result = db.transaction((tx) => tx.insert(posts).values(rows).run());
      return { count: result.changes };
    },

    increment({ id }) {
      return (
        db
          .update(posts)
          .set({ viewCount: sql`${posts.viewCount} + 1` })
          .where(eq(posts.id, id))
          .returning()
          .get() ?? null
      );
    },

    countAndAverage({ authorId }) {
      const r = db
        .select({ count: count(), avg: avg(posts.viewCount).mapWith(Number) })
        .from(posts)
        .where(and(eq(posts.published, true), eq(posts.authorId, authorId)))
        .get();
      return { _count: { _all: r.count }, _avg: { viewCount: r.avg } };
    },

    transaction(input) {
      return db.transaction((tx) => {
        const user = tx.insert(users).values({ email: input.email, name: input.name }).returning().get();
        const created = input.posts.map((p) => tx.insert(posts).values({ ...p, authorId: user.id }).returning().get());
        return { user, posts: created };
      });
    },
  };
}
