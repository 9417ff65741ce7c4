// The harness's own connection: reads rows back to check what a contender wrote, and deletes
// what the write workloads inserted so every batch starts from the seeded database. Not timed.

import Database from 'better-sqlite3';
import { toPost, toUser } from './rows.js';
import { POSTS, SIZES } from '../seed.js';

const USER = `"id", "email", "name", "role", "created_at" AS "createdAt", "updated_at" AS "updatedAt"`;
const POST = `"id", "slug", "title", "content", "published", "publishedAt", "viewCount", "createdAt", "updatedAt", "authorId", "editorId"`;

export async function openAdmin(database) {
  const db = new Database(database.path);
  db.pragma('foreign_keys = ON');
  const user = db.prepare(`SELECT ${USER} FROM "users" WHERE "id" = ?`);
  const post = db.prepare(`SELECT ${POST} FROM "Post" WHERE "id" = ?`);
  const bySlugPrefix = db.prepare(`SELECT ${POST} FROM "Post" WHERE substr("slug", 1, length(?)) = ? ORDER BY "slug"`);
  const byAuthor = db.prepare(`SELECT ${POST} FROM "Post" WHERE "authorId" = ? ORDER BY "id"`);
  const deletePosts = db.prepare(`DELETE FROM "Post" WHERE "id" > ?`);
  const deleteUsers = db.prepare(`DELETE FROM "users" WHERE "id" > ?`);
  const cleanup = db.transaction(() => deletePosts.run(POSTS).changes + deleteUsers.run(SIZES.users).changes);
  return {
    user: (id) => {
      const r = user.get(id);
      return r === undefined ? null : toUser(r);
    },
    post: (id) => {
      const r = post.get(id);
      return r === undefined ? null : toPost(r);
    },
    postsBySlugPrefix: (prefix) => bySlugPrefix.all(prefix, prefix).map(toPost),
    postsByAuthor: (authorId) => byAuthor.all(authorId).map(toPost),
    /** Deletes the rows the write workloads added (posts first: their authors are RESTRICTed). */
    cleanup: () => cleanup(),
    close: async () => db.close(),
  };
}
