// The baseline: better-sqlite3 with hand-written SQL, every statement prepared once when the
// connection opens, relations loaded with one extra query per level (`IN (...)` on the keys of
// the parent rows) and stitched in JavaScript, bulk insert as a prepared INSERT run in a loop
// inside `db.transaction` (better-sqlite3's documented fast path). It returns the same objects
// as the others (see workloads.js), so the ratios measure what each tool adds.

import Database from 'better-sqlite3';
import { toComment, toPost, toUser } from './rows.js';

export const name = 'raw';

const USER = `"id", "email", "name", "role", "created_at" AS "createdAt", "updated_at" AS "updatedAt"`;
const POST = `"id", "slug", "title", "content", "published", "publishedAt", "viewCount", "createdAt", "updatedAt", "authorId", "editorId"`;
const COMMENT = `"id", "body", "createdAt", "postId", "authorId", "parentId"`;

export async function open(path) {
  const db = new Database(path);
  db.pragma('foreign_keys = ON');

  const userById = db.prepare(`SELECT ${USER} FROM "users" WHERE "id" = ?`);
  const frontPage = db.prepare(
    `SELECT ${POST} FROM "Post" WHERE "published" = 1 AND "publishedAt" < ? ORDER BY "publishedAt" DESC LIMIT ?`,
  );
  const usersFrom = db.prepare(`SELECT ${USER} FROM "users" WHERE "id" >= ? ORDER BY "id" ASC LIMIT ?`);
  const postsFrom = db.prepare(`SELECT ${POST} FROM "Post" WHERE "id" >= ? ORDER BY "id" ASC LIMIT ?`);
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

  // `IN (?, ?, ...)` statements, prepared once per list length.
  const marks = (n) => Array(n).fill('?').join(', ');
  const inList = (sqlFor) => {
    const byLength = [];
    return (n) => (byLength[n] ??= db.prepare(sqlFor(marks(n))));
  };
  const postsOfAuthors = inList((m) => `SELECT ${POST} FROM "Post" WHERE "authorId" IN (${m}) ORDER BY "id" ASC`);
  const usersByIds = inList((m) => `SELECT ${USER} FROM "users" WHERE "id" IN (${m})`);
  const commentsOfPosts = inList((m) => `SELECT ${COMMENT} FROM "Comment" WHERE "postId" IN (${m}) ORDER BY "id" ASC`);

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
      const users = usersFrom.all(minId, 20).map(toUser);
      if (users.length === 0) return users;
      const byId = new Map();
      for (const u of users) byId.set(u.id, (u.posts = []));
      const ids = users.map((u) => u.id);
      for (const r of postsOfAuthors(ids.length).all(...ids)) byId.get(r.authorId).push(toPost(r));
      return users;
    },

    postsWithAuthorAndComments({ minId }) {
      const posts = postsFrom.all(minId, 20).map(toPost);
      if (posts.length === 0) return posts;
      const authorIds = [...new Set(posts.map((p) => p.authorId))];
      const authors = new Map();
      for (const r of usersByIds(authorIds.length).all(...authorIds)) authors.set(r.id, toUser(r));
      const byPost = new Map();
      for (const p of posts) {
        p.author = authors.get(p.authorId);
        byPost.set(p.id, (p.comments = []));
      }
      const postIds = posts.map((p) => p.id);
      for (const r of commentsOfPosts(postIds.length).all(...postIds)) byPost.get(r.postId).push(toComment(r));
      return posts;
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
