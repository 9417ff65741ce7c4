// The baselines: pg with hand-written SQL, twice. `raw` sends plain parameterized queries (the
// server parses and plans each one: pg's unnamed statement); `raw-prepared` sends the same
// statements as named prepared statements (`{ name, text, values }`: parsed once per
// connection, then only bound and executed), which is what Kiln's pg driver does. `raw` is the
// 1.00× of the PostgreSQL table.
//
// Rows need no mapping: the select lists alias columns to the field names, pg returns native
// booleans and int4 numbers, and the pool's type parser reads `timestamp` as UTC (types.js).
// Relations are loaded whichever of two ways measured faster here for the workload: the users
// with their posts (3 and 10) as the parent rows, then one statement for all their posts
// (`"authorId" = ANY($1)`), stitched in JavaScript (a third faster than `json_agg` of 200 posts,
// whose nested timestamps come back as text to turn into Dates again); the posts with author and
// comments (4) as one statement with a `json_build_object` subquery and a `json_agg` subquery
// (a quarter faster than three statements: two fewer round trips). Bulk insert is one multi-row
// INSERT.

import pg from 'pg';
import { POOL_SIZE } from '../server.js';
import { POST, USER, qualified } from './columns.js';
import { jsonComment, jsonUser } from './rows.js';
import { utcParam, utcTypes } from './types.js';

export const raw = { name: 'raw', open: (database) => open(database, false) };
export const rawPrepared = { name: 'raw-prepared', open: (database) => open(database, true) };

async function open(database, prepared) {
  const pool = new pg.Pool({ connectionString: database.url, max: POOL_SIZE, types: utcTypes });
  // A connection that drops while idle must not end the process.
  pool.on('error', () => undefined);

  /** The query config: named (prepared once per connection) for raw-prepared, unnamed for raw. */
  const statement = (name, text) => (prepared ? (values) => ({ name, text, values }) : (values) => ({ text, values }));

  const userById = statement('userById', `SELECT ${USER} FROM "users" WHERE "id" = $1`);
  const frontPage = statement(
    'frontPage',
    `SELECT ${POST} FROM "Post" WHERE "published" = true AND "publishedAt" < $1 ORDER BY "publishedAt" DESC LIMIT $2`,
  );
  const usersFrom = statement('usersFrom', `SELECT ${USER} FROM "users" WHERE "id" >= $1 ORDER BY "id" ASC LIMIT $2`);
  const usersPage = statement('usersPage', `SELECT ${USER} FROM "users" ORDER BY "id" ASC LIMIT $1 OFFSET $2`);
  const postsOfAuthors = statement('postsOfAuthors', `SELECT ${POST} FROM "Post" WHERE "authorId" = ANY($1) ORDER BY "id" ASC`);
  // Nested rows as JSON: keys are the field names; timestamps arrive as text (rows.js).
  const USER_JSON = `json_build_object('id', u."id", 'email', u."email", 'name', u."name", 'role', u."role", 'createdAt', u."created_at", 'updatedAt', u."updated_at")`;
  const COMMENT_JSON = `json_build_object('id', c."id", 'body', c."body", 'createdAt', c."createdAt", 'postId', c."postId", 'authorId', c."authorId", 'parentId', c."parentId")`;
  const postsWithAuthorAndComments = statement(
    'postsWithAuthorAndComments',
    `SELECT ${qualified(POST, 'p')},
       (SELECT ${USER_JSON} FROM "users" AS u WHERE u."id" = p."authorId") AS "author",
       COALESCE((SELECT json_agg(${COMMENT_JSON} ORDER BY c."id") FROM "Comment" AS c WHERE c."postId" = p."id"), '[]') AS "comments"
     FROM "Post" AS p WHERE p."id" >= $1 ORDER BY p."id" ASC LIMIT $2`,
  );
  const insertPost = statement(
    'insertPost',
    `INSERT INTO "Post" ("slug", "title", "content", "authorId", "createdAt", "updatedAt") VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${POST}`,
  );
  const insertUser = statement(
    'insertUser',
    `INSERT INTO "users" ("email", "name", "created_at", "updated_at") VALUES ($1, $2, $3, $4) RETURNING ${USER}`,
  );
  const increment = statement(
    'increment',
    `UPDATE "Post" SET "viewCount" = "viewCount" + 1, "updatedAt" = $1 WHERE "id" = $2 RETURNING ${POST}`,
  );
  const countAvg = statement(
    'countAvg',
    `SELECT COUNT(*)::int AS "count", AVG("viewCount")::float8 AS "avg" FROM "Post" WHERE "published" = true AND "authorId" = $1`,
  );
  // One multi-row INSERT per row count (the text depends on it); 7 parameters per row.
  const insertRows = new Map();
  const insertRowsFor = (n) => {
    let s = insertRows.get(n);
    if (!s) {
      const tuples = Array.from({ length: n }, (_, i) => `($${i * 7 + 1}, $${i * 7 + 2}, $${i * 7 + 3}, $${i * 7 + 4}, $${i * 7 + 5}, $${i * 7 + 6}, $${i * 7 + 7})`);
      s = statement(`insertRows${n}`, `INSERT INTO "Post" ("slug", "title", "content", "published", "authorId", "createdAt", "updatedAt") VALUES ${tuples.join(', ')}`);
      insertRows.set(n, s);
    }
    return s;
  };

  const rows = async (config) => (await pool.query(config)).rows;

  /** Attaches each user's posts (ordered by id) as `posts`. */
  async function withPosts(users) {
    const byAuthor = new Map();
    for (const u of users) byAuthor.set(u.id, (u.posts = []));
    if (users.length > 0) for (const p of await rows(postsOfAuthors([users.map((u) => u.id)]))) byAuthor.get(p.authorId).push(p);
    return users;
  }

  return {
    close: () => pool.end(),

    async byPrimaryKey({ id }) {
      return (await rows(userById([id])))[0] ?? null;
    },

    filterOrderTake({ before }) {
      return rows(frontPage([utcParam(before), 20]));
    },

    async usersWithPosts({ minId }) {
      return withPosts(await rows(usersFrom([minId, 20])));
    },

    async usersWithPostsSkip({ skip }) {
      return withPosts(await rows(usersPage([20, skip])));
    },

    async postsWithAuthorAndComments({ minId }) {
      const posts = await rows(postsWithAuthorAndComments([minId, 20]));
      for (const p of posts) {
        p.author = jsonUser(p.author);
        p.comments = p.comments.map(jsonComment);
      }
      return posts;
    },

    async insertOne({ slug, title, content, authorId }) {
      const now = utcParam(new Date());
      return (await rows(insertPost([slug, title, content, authorId, now, now])))[0];
    },

    async insertMany({ rows: input }) {
      const now = utcParam(new Date());
      const values = [];
      for (const r of input) values.push(r.slug, r.title, r.content, r.published, r.authorId, now, now);
      // One statement: atomic on its own.
      return { count: (await pool.query(insertRowsFor(input.length)(values))).rowCount };
    },

    async increment({ id }) {
      return (await rows(increment([utcParam(new Date()), id])))[0] ?? null;
    },

    async countAndAverage({ authorId }) {
      const r = (await rows(countAvg([authorId])))[0];
      return { _count: { _all: r.count }, _avg: { viewCount: r.avg } };
    },

    async transaction(input) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const now = utcParam(new Date());
        const user = (await client.query(insertUser([input.email, input.name, now, now]))).rows[0];
        const posts = [];
        for (const p of input.posts) posts.push((await client.query(insertPost([p.slug, p.title, p.content, user.id, now, now]))).rows[0]);
        await client.query('COMMIT');
        client.release();
        return { user, posts };
      } catch (e) {
        await client.query('ROLLBACK').catch(() => undefined);
        client.release();
        throw e;
      }
    },
  };
}
