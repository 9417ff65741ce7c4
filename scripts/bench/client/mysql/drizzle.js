// Drizzle ORM over mysql2 (`drizzle-orm/mysql2` on a mysql2 pool), written as its documentation
// shows: the SQL-like builder, and `db.transaction()`. Its relational query API
// (`db.query.x.findMany({ with })`) cannot run on MariaDB: the default mode joins LATERAL, which
// MariaDB does not have, and `mode: 'planetscale'` puts the outer row's key inside a derived
// table, which MariaDB refuses ("Unknown column"). So relations are loaded as Drizzle's users
// on MariaDB do: a second query per relation with `inArray`, stitched in JavaScript. Drizzle's MySQL builder has no `.returning()`: a write is followed by a
// SELECT by the new id (`$returningId()` for an insert), as its documentation shows. Bulk
// insert is one multi-row `insert().values([...])` (one statement: atomic on its own). Queries
// are built on every call (`.prepare()` is opt-in, as Kysely's compiled queries are).
// https://orm.drizzle.team/docs/rqb#modes

import mysql from 'mysql2/promise';
import { and, asc, avg, count, desc, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/mysql2';
import { POOL_SIZE } from '../server.js';
import * as schema from './drizzle-schema.js';

const { users, posts } = schema;

export const name = 'drizzle';

export async function open(database) {
  const pool = mysql.createPool({ uri: database.url, connectionLimit: POOL_SIZE, timezone: 'Z' });
  const db = drizzle({ client: pool, schema, mode: 'default' });
  const { comments } = schema;

  async function withPosts(list) {
    const byAuthor = new Map();
    for (const u of list) byAuthor.set(u.id, (u.posts = []));
    if (list.length === 0) return list;
    const rows = await db.select().from(posts).where(inArray(posts.authorId, list.map((u) => u.id))).orderBy(asc(posts.id));
    for (const p of rows) byAuthor.get(p.authorId).push(p);
    return list;
  }
  const postById = async (executor, id) => (await executor.select().from(posts).where(eq(posts.id, id)))[0];

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

    async usersWithPosts({ minId }) {
      return withPosts(await db.select().from(users).where(gte(users.id, minId)).orderBy(asc(users.id)).limit(20));
    },

    async usersWithPostsSkip({ skip }) {
      return withPosts(await db.select().from(users).orderBy(asc(users.id)).limit(20).offset(skip));
    },

    async postsWithAuthorAndComments({ minId }) {
      const list = await db.select().from(posts).where(gte(posts.id, minId)).orderBy(asc(posts.id)).limit(20);
      if (list.length === 0) return list;
      const authors = new Map();
      for (const p of list) authors.set(p.authorId, null);
      for (const u of await db.select().from(users).where(inArray(users.id, [...authors.keys()]))) authors.set(u.id, u);
      const byPost = new Map();
      for (const p of list) {
        p.author = authors.get(p.authorId);
        byPost.set(p.id, (p.comments = []));
      }
      const rows = await db.select().from(comments).where(inArray(comments.postId, list.map((p) => p.id))).orderBy(asc(comments.id));
      for (const c of rows) byPost.get(c.postId).push(c);
      return list;
    },

    async insertOne({ slug, title, content, authorId }) {
      const [{ id }] = await db.insert(posts).values({ slug, title, content, authorId }).$returningId();
      return postById(db, id);
    },

    async insertMany({ rows }) {
      const [result] = await db.insert(posts).values(rows);
      return { count: result.affectedRows };
    },

    async increment({ id }) {
      const [result] = await db
        .update(posts)
        .set({ viewCount: sql`${posts.viewCount} + 1` })
        .where(eq(posts.id, id));
      if (result.affectedRows === 0) return null;
      return (await postById(db, id)) ?? null;
    },

    async countAndAverage({ authorId }) {
      const [r] = await db
        // The exact average: AVG of an INT is a DECIMAL rounded to 4 places.
        .select({ count: count(), avg: avg(sql`CAST(${posts.viewCount} AS DOUBLE)`).mapWith(Number) })
        .from(posts)
        .where(and(eq(posts.published, true), eq(posts.authorId, authorId)));
      return { _count: { _all: r.count }, _avg: { viewCount: r.avg } };
    },

    transaction(input) {
      return db.transaction(async (tx) => {
        const [{ id }] = await tx.insert(users).values({ email: input.email, name: input.name }).$returningId();
        const user = (await tx.select().from(users).where(eq(users.id, id)))[0];
        const created = [];
        for (const p of input.posts) {
          const [{ id: postId }] = await tx.insert(posts).values({ ...p, authorId: user.id }).$returningId();
          created.push(await postById(tx, postId));
        }
        return { user, posts: created };
      });
    },
  };
}
