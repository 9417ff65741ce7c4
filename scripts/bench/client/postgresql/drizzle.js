// Drizzle ORM over pg (`drizzle-orm/node-postgres` on a pg Pool), written as its documentation
// shows: the SQL-like builder for single-table queries and writes, the relational query API
// (`db.query.x.findMany({ with })`) to load relations, `.returning()` for the written rows, bulk
// insert as one multi-row `insert().values([...])` (one statement: atomic on its own), and
// `db.transaction()`. Queries are built on every call: `.prepare()` is an opt-in optimisation, as
// Kysely's compiled queries are. Drizzle reads timestamps as text itself (its own per-query type
// parsers) and maps them to Dates, so the pool needs no parser.
// https://orm.drizzle.team/docs/rqb

import pg from 'pg';
import { and, avg, count, desc, eq, lt, sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import { POOL_SIZE } from '../server.js';
import * as schema from './drizzle-schema.js';

const { users, posts } = schema;

export const name = 'drizzle';

export async function open(database) {
  const pool = new pg.Pool({ connectionString: database.url, max: POOL_SIZE });
  pool.on('error', () => undefined);
  const db = drizzle({ client: pool, schema });

  const withPosts = { posts: { orderBy: (p, { asc }) => [asc(p.id)] } };

  return {
    close: () => pool.end(),

    async byPrimaryKey({ id }) {
      return (await db.select().from(users).where(eq(users.id, id)))[0] ?? null;
    },

    filterOrderTake({ before }) {
      return db
        .select()
        .from(posts)
        .where(and(eq(posts.published, true), lt(posts.publishedAt, before)))
        .orderBy(desc(posts.publishedAt))
        .limit(20);
    },

    usersWithPosts({ minId }) {
      return db.query.users.findMany({
        where: (u, { gte }) => gte(u.id, minId),
        orderBy: (u, { asc }) => [asc(u.id)],
        limit: 20,
        with: withPosts,
      });
    },

    usersWithPostsSkip({ skip }) {
      return db.query.users.findMany({ orderBy: (u, { asc }) => [asc(u.id)], limit: 20, offset: skip, with: withPosts });
    },

    postsWithAuthorAndComments({ minId }) {
      return db.query.posts.findMany({
        where: (p, { gte }) => gte(p.id, minId),
        orderBy: (p, { asc }) => [asc(p.id)],
        limit: 20,
        with: { author: true, comments: { orderBy: (c, { asc }) => [asc(c.id)] } },
      });
    },

    async insertOne({ slug, title, content, authorId }) {
      return (await db.insert(posts).values({ slug, title, content, authorId }).returning())[0];
    },

    async insertMany({ rows }) {
      const result = await db.insert(posts).values(rows);
      return { count: result.rowCount };
    },

    async increment({ id }) {
      const rows = await db
        .update(posts)
        .set({ viewCount: sql`${posts.viewCount} + 1` })
        .where(eq(posts.id, id))
        .returning();
      return rows[0] ?? null;
    },

    async countAndAverage({ authorId }) {
      const [r] = await db
        .select({ count: count(), avg: avg(posts.viewCount).mapWith(Number) })
        .from(posts)
        .where(and(eq(posts.published, true), eq(posts.authorId, authorId)));
      return { _count: { _all: r.count }, _avg: { viewCount: r.avg } };
    },

    transaction(input) {
      return db.transaction(async (tx) => {
        const [user] = await tx.insert(users).values({ email: input.email, name: input.name }).returning();
        const created = [];
        for (const p of input.posts) created.push((await tx.insert(posts).values({ ...p, authorId: user.id }).returning())[0]);
        return { user, posts: created };
      });
    },
  };
}
