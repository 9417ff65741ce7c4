// The baseline: mysql2 with hand-written SQL, every statement sent with `execute` (a server-side
// prepared statement, prepared once per connection and cached by mysql2), as Kiln's driver does.
// It is the 1.00× of the MySQL table.
//
// Rows are mapped only where the contract differs from what mysql2 returns: BOOLEAN (TINYINT(1))
// arrives as 0/1 (columns.js); DATETIME arrives as a Date of the UTC time (the pool's `timezone:
// 'Z'`). MariaDB has INSERT .. RETURNING (10.5+) but no UPDATE .. RETURNING, so the increment
// is an UPDATE and a SELECT. Relations are the parent rows, then one `IN (...)` statement per
// relation for all of them, stitched in JavaScript: measured faster here than JSON_OBJECT /
// JSON_ARRAYAGG subqueries in one statement (twice as fast for the users with their 200 posts,
// a tenth for the posts with author and comments; MariaDB builds JSON slowly). Bulk insert is
// one multi-row INSERT.

import mysql from 'mysql2/promise';
import { POOL_SIZE } from '../server.js';
import { COMMENT, POST, USER, dateTimeParam, toPost } from './columns.js';

export const name = 'raw';


export async function open(database) {
  const pool = mysql.createPool({ uri: database.url, connectionLimit: POOL_SIZE, timezone: 'Z' });
  const rows = async (sql, values) => (await pool.execute(sql, values))[0];

  const placeholders = (n) => '?' + ', ?'.repeat(n - 1);
  const USER_BY_ID = `SELECT ${USER} FROM \`users\` WHERE \`id\` = ?`;
  const FRONT_PAGE = `SELECT ${POST} FROM \`Post\` WHERE \`published\` = TRUE AND \`publishedAt\` < ? ORDER BY \`publishedAt\` DESC LIMIT 20`;
  const USERS_FROM = `SELECT ${USER} FROM \`users\` WHERE \`id\` >= ? ORDER BY \`id\` ASC LIMIT 20`;
  const USERS_PAGE = `SELECT ${USER} FROM \`users\` ORDER BY \`id\` ASC LIMIT 20 OFFSET ?`;
  const POSTS_FROM = `SELECT ${POST} FROM \`Post\` WHERE \`id\` >= ? ORDER BY \`id\` ASC LIMIT 20`;
  // The statements with an IN list, by list length (each length is its own prepared statement).
  const byLength = (make) => {
    const cache = new Map();
    return (n) => {
      let s = cache.get(n);
      if (!s) cache.set(n, (s = make(placeholders(n))));
      return s;
    };
  };
  const POSTS_OF_AUTHORS = byLength((list) => `SELECT ${POST} FROM \`Post\` WHERE \`authorId\` IN (${list}) ORDER BY \`id\` ASC`);
  const USERS_BY_IDS = byLength((list) => `SELECT ${USER} FROM \`users\` WHERE \`id\` IN (${list})`);
  const COMMENTS_OF_POSTS = byLength((list) => `SELECT ${COMMENT} FROM \`Comment\` WHERE \`postId\` IN (${list}) ORDER BY \`id\` ASC`);
  const INSERT_POST = `INSERT INTO \`Post\` (\`slug\`, \`title\`, \`content\`, \`authorId\`, \`createdAt\`, \`updatedAt\`) VALUES (?, ?, ?, ?, ?, ?) RETURNING ${POST}`;
  const INSERT_USER = `INSERT INTO \`users\` (\`email\`, \`name\`, \`created_at\`, \`updated_at\`) VALUES (?, ?, ?, ?) RETURNING ${USER}`;
  const INCREMENT = 'UPDATE `Post` SET `viewCount` = `viewCount` + 1, `updatedAt` = ? WHERE `id` = ?';
  const POST_BY_ID = `SELECT ${POST} FROM \`Post\` WHERE \`id\` = ?`;
  // AVG of an INT is a DECIMAL rounded to 4 places (div_precision_increment); the average of the
  // values as doubles is the exact one the contract wants.
  const COUNT_AVG = 'SELECT COUNT(*) AS `count`, AVG(CAST(`viewCount` AS DOUBLE)) AS `avg` FROM `Post` WHERE `published` = TRUE AND `authorId` = ?';
  const insertRows = new Map();
  const INSERT_ROWS = (n) => {
    let s = insertRows.get(n);
    if (!s) {
      s = `INSERT INTO \`Post\` (\`slug\`, \`title\`, \`content\`, \`published\`, \`authorId\`, \`createdAt\`, \`updatedAt\`) VALUES ${Array(n).fill('(?, ?, ?, ?, ?, ?, ?)').join(', ')}`;
      insertRows.set(n, s);
    }
    return s;
  };

  /** Attaches each user's posts (ordered by id) as `posts`. */
  async function withPosts(users) {
    const byAuthor = new Map();
    for (const u of users) byAuthor.set(u.id, (u.posts = []));
    if (users.length > 0) {
      for (const p of await rows(POSTS_OF_AUTHORS(users.length), users.map((u) => u.id))) byAuthor.get(p.authorId).push(toPost(p));
    }
    return users;
  }

  return {
    close: () => pool.end(),

    async byPrimaryKey({ id }) {
      return (await rows(USER_BY_ID, [id]))[0] ?? null;
    },

    async filterOrderTake({ before }) {
      return (await rows(FRONT_PAGE, [dateTimeParam(before)])).map(toPost);
    },

    async usersWithPosts({ minId }) {
      return withPosts(await rows(USERS_FROM, [minId]));
    },

    async usersWithPostsSkip({ skip }) {
      return withPosts(await rows(USERS_PAGE, [skip]));
    },

    async postsWithAuthorAndComments({ minId }) {
      const posts = await rows(POSTS_FROM, [minId]);
      if (posts.length === 0) return posts;
      const authors = new Map();
      for (const p of posts) authors.set(p.authorId, null);
      const ids = [...authors.keys()];
      for (const u of await rows(USERS_BY_IDS(ids.length), ids)) authors.set(u.id, u);
      const byPost = new Map();
      for (const p of posts) {
        toPost(p);
        p.author = authors.get(p.authorId);
        byPost.set(p.id, (p.comments = []));
      }
      for (const c of await rows(COMMENTS_OF_POSTS(posts.length), posts.map((p) => p.id))) byPost.get(c.postId).push(c);
      return posts;
    },

    async insertOne({ slug, title, content, authorId }) {
      const now = dateTimeParam(new Date());
      return toPost((await rows(INSERT_POST, [slug, title, content, authorId, now, now]))[0]);
    },

    async insertMany({ rows: input }) {
      const now = dateTimeParam(new Date());
      const values = [];
      for (const r of input) values.push(r.slug, r.title, r.content, r.published, r.authorId, now, now);
      // One statement: atomic on its own.
      return { count: (await pool.execute(INSERT_ROWS(input.length), values))[0].affectedRows };
    },

    async increment({ id }) {
      const [result] = await pool.execute(INCREMENT, [dateTimeParam(new Date()), id]);
      if (result.affectedRows === 0) return null;
      const row = (await rows(POST_BY_ID, [id]))[0];
      return row === undefined ? null : toPost(row);
    },

    async countAndAverage({ authorId }) {
      const r = (await rows(COUNT_AVG, [authorId]))[0];
      return { _count: { _all: r.count }, _avg: { viewCount: r.avg } };
    },

    async transaction(input) {
      const conn = await pool.getConnection();
      try {
        await conn.query('START TRANSACTION');
        const now = dateTimeParam(new Date());
        const [[user]] = await conn.execute(INSERT_USER, [input.email, input.name, now, now]);
        const posts = [];
        for (const p of input.posts) posts.push(toPost((await conn.execute(INSERT_POST, [p.slug, p.title, p.content, user.id, now, now]))[0][0]));
        await conn.query('COMMIT');
        conn.release();
        return { user, posts };
      } catch (e) {
        await conn.query('ROLLBACK').then(
          () => conn.release(),
          () => conn.destroy(),
        );
        throw e;
      }
    },
  };
}
