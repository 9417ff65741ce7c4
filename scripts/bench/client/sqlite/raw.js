// The baseline: better-sqlite3 with hand-written SQL, every statement prepared once when the
// connection opens. Relations come in the same statement as JSON (correlated subqueries with
// `json_group_array`/`json_object`, parsed with JSON.parse): measured about 20% faster here
// than one `IN (...)` query per level stitched in JavaScript, and raw should be the fastest
// reasonable hand-written code. Bulk insert is a prepared INSERT run in a loop inside
// `db.transaction` (better-sqlite3's documented fast path). It returns the same objects as the
// others (see workloads.js), so the ratios measure what each tool adds.

import Database from 'better-sqlite3';
import { toComment, toPost, toUser } from './rows.js';

export const name = 'raw';

const USER = `"id", "email", "name", "role", "created_at" AS "createdAt", "updated_at" AS "updatedAt"`;
const POST = `"id", "slug", "title", "content", "published", "publishedAt", "viewCount", "createdAt", "updatedAt", "authorId", "editorId"`;

export async function open({ path }) {
  const db = new Database(path);
  db.pragma('foreign_keys = ON');

  const userById = db.prepare(`SELECT ${USER} FROM "users" WHERE "id" = ?`);
  const frontPage = db.prepare(
    `SELECT ${POST} FROM "Post" WHERE "published" = 1 AND "publishedAt" < ? ORDER BY "publishedAt" DESC LIMIT ?`,
  );
  // Nested rows as JSON; the keys are the field names, the values as stored (0/1, ISO text).
  const POST_JSON = `json_object('id', p."id", 'slug', p."slug", 'title', p."title", 'content', p."content", 'published', p."published", 'publishedAt', p."publishedAt", 'viewCount', p."viewCount", 'createdAt', p."createdAt", 'updatedAt', p."updatedAt", 'authorId', p."authorId", 'editorId', p."editorId")`;
  const USER_JSON = `json_object('id', u."id", 'email', u."email", 'name', u."name", 'role', u."role", 'createdAt', u."created_at", 'updatedAt', u."updated_at")`;
  const COMMENT_JSON = `json_object('id', c."id", 'body', c."body", 'createdAt', c."createdAt", 'postId', c."postId", 'authorId', c."authorId", 'parentId', c."parentId")`;
  const usersWithPosts = db.prepare(
    `SELECT ${USER}, (SELECT json_group_array(${POST_JSON}) FROM (SELECT * FROM "Post" WHERE "authorId" = "users"."id" ORDER BY "id") AS p) AS "posts"
     FROM "users" WHERE "id" >= ? ORDER BY "id" ASC LIMIT ?`,
  );
  // The page is cut first (a derived table), so the posts subquery runs for the 20 users kept.
  const usersWithPostsPage = db.prepare(
    `SELECT ${USER}, (SELECT json_group_array(${POST_JSON}) FROM (SELECT * FROM "Post" WHERE "authorId" = "users"."id" ORDER BY "id") AS p) AS "posts"
     FROM (SELECT * FROM "users" ORDER BY "id" ASC LIMIT ? OFFSET ?) AS "users" ORDER BY "id" ASC`,
  );
  const postsWithAuthorAndComments = db.prepare(
    `SELECT ${POST},
       (SELECT ${USER_JSON} FROM "users" AS u WHERE u."id" = "Post"."authorId") AS "author",
       (SELECT json_group_array(${COMMENT_JSON}) FROM (SELECT * FROM "Comment" WHERE "postId" = "Post"."id" ORDER BY "id") AS c) AS "comments"
     FROM "Post" WHERE "id" >= ? ORDER BY "id" ASC LIMIT ?`,
  );
  const insertPost = db.prepare(
    `INSERT INTO "Post" ("slug", "title", "content", "authorId", "createdAt", "updatedAt") VALUES (?, ?, ?, ?, ?, ?) RETURNING ${POST}`,
  );
  const insertPostRow = db.prepare(
    `INSERT INTO "Post" ("slug", "title", "content", "published", "authorId", "createdAt", "updatedAt") VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertUser = db.prepare(
    `INSERT INTO "users" ("email", "name", "created_at", "updated_at") VALUES (?, ?, ?, ?) RETURNING ${USER}`,
  );
  const increment = db.prepare(
    `UPDATE "Post" SET "viewCount" = "viewCount" + 1, "updatedAt" = ? WHERE "id" = ? RETURNING ${POST}`,
  );
  const countAvg = db.prepare(
    `SELECT COUNT(*) AS "count", AVG("viewCount") AS "avg" FROM "Post" WHERE "published" = 1 AND "authorId" = ?`,
  );

  const insertMany = db.transaction((rows) => {
    const now = new Date().toISOString();
    let count = 0;
    for (const r of rows) count += insertPostRow.run(r.slug, r.title, r.content, r.published ? 1 : 0, r.authorId, now, now).changes;
    return count;
  });

  const createUserWithPosts = db.transaction((input) => {
    const now = new Date().toISOString();
    const user = toUser(insertUser.get(input.email, input.name, now, now));
    const posts = input.posts.map((p) => toPost(insertPost.get(p.slug, p.title, p.content, user.id, now, now)));
    return { user, posts };
  });

  return {
    close: async () => db.close(),

    byPrimaryKey({ id }) {
      const row = userById.get(id);
      return row === undefined ? null : toUser(row);
    },

    filterOrderTake({ before }) {
      return frontPage.all(before.toISOString(), 20).map(toPost);
    },

    usersWithPosts({ minId }) {
      return usersWithPosts.all(minId, 20).map((r) => {
        const user = toUser(r);
        user.posts = JSON.parse(r.posts).map(toPost);
        return user;
      });
    },

    usersWithPostsSkip({ skip }) {
      return usersWithPostsPage.all(20, skip).map((r) => {
        const user = toUser(r);
        user.posts = JSON.parse(r.posts).map(toPost);
        return user;
      });
    },

    postsWithAuthorAndComments({ minId }) {
      return postsWithAuthorAndComments.all(minId, 20).map((r) => {
        const post = toPost(r);
        post.author = toUser(JSON.parse(r.author));
        post.comments = JSON.parse(r.comments).map(toComment);
        return post;
      });
    },

    insertOne({ slug, title, content, authorId }) {
      const now = new Date().toISOString();
      return toPost(insertPost.get(slug, title, content, authorId, now, now));
    },

    insertMany({ rows }) {
      return { count: insertMany(rows) };
    },

    increment({ id }) {
      const row = increment.get(new Date().toISOString(), id);
      return row === undefined ? null : toPost(row);
    },

    countAndAverage({ authorId }) {
      const r = countAvg.get(authorId);
      return { _count: { _all: r.count }, _avg: { viewCount: r.avg } };
    },

    transaction(input) {
      return createUserWithPosts(input);
    },
  };
}
