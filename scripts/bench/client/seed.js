// Creates the benchmark database: a fresh file in a temporary folder, the blog schema from
// ddl.js, and the same rows every run (a seeded PRNG, fixed timestamps). Every contender then
// opens its own connection to this one file.

import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createSchema } from './ddl.js';

export const SIZES = { users: 1000, postsPerUser: 10, commentsPerPost: 3, tags: 20, tagsPerPost: 2 };
export const POSTS = SIZES.users * SIZES.postsPerUser;
export const COMMENTS = POSTS * SIZES.commentsPerPost;

/** Post k (1-based id) was created at BASE + (k - 1) × 10 min; a published one went live an hour later. */
export const BASE_MS = Date.UTC(2024, 0, 1);
const POST_STEP_MS = 10 * 60 * 1000;
const HOUR_MS = 60 * 60 * 1000;

export function postCreatedAt(id) {
  return new Date(BASE_MS + (id - 1) * POST_STEP_MS);
}
export function postPublishedAt(id) {
  return new Date(BASE_MS + (id - 1) * POST_STEP_MS + HOUR_MS);
}

/** mulberry32: small, fast, and the same sequence on every machine. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  'kiln clay glaze fire cone bisque stoneware porcelain wheel throw trim slip slab coil ' +
  'kiln-shelf oxide reduction ash celadon tenmoku raku pit crawl pinhole craze shiver dunting ' +
  'wedging leather-hard greenware bone-dry vitrify flux silica alumina feldspar kaolin grog'
).split(' ');

function words(rand, n) {
  const out = [];
  for (let i = 0; i < n; i++) out.push(WORDS[Math.floor(rand() * WORDS.length)]);
  return out.join(' ');
}

/** A comment id shaped like a cuid (25 characters, leading `c`) that sorts in insertion order. */
export function commentId(n) {
  return 'c' + n.toString(36).padStart(24, '0');
}

/**
 * Makes a temporary folder and seeds `blog.db` in it. Prefers /dev/shm (a RAM file system on
 * Linux) so that commits cost no disk flush and the write workloads measure the clients, not
 * the disk; KILN_BENCH_DIR overrides the parent folder.
 */
export function createDatabase() {
  const parent = process.env.KILN_BENCH_DIR ?? (existsSync('/dev/shm') ? '/dev/shm' : tmpdir());
  const dir = mkdtempSync(join(parent, 'kiln-client-bench-'));
  const path = join(dir, 'blog.db');
  const db = new Database(path);
  // Rollback journal (no WAL), as the brief asks: the default of a new SQLite file.
  db.pragma('journal_mode = DELETE');
  db.pragma('foreign_keys = ON');
  createSchema(db);
  seed(db);
  const counts = {
    users: db.prepare('SELECT COUNT(*) AS n FROM "users"').get().n,
    posts: db.prepare('SELECT COUNT(*) AS n FROM "Post"').get().n,
    comments: db.prepare('SELECT COUNT(*) AS n FROM "Comment"').get().n,
    tags: db.prepare('SELECT COUNT(*) AS n FROM "Tag"').get().n,
    postTags: db.prepare('SELECT COUNT(*) AS n FROM "_PostToTag"').get().n,
    profiles: db.prepare('SELECT COUNT(*) AS n FROM "Profile"').get().n,
  };
  db.pragma('optimize');
  db.close();
  return { path, dir, counts, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

function seed(db) {
  const rand = prng(20240101);
  const roles = ['READER', 'AUTHOR', 'EDITOR', 'ADMIN'];
  const insertUser = db.prepare(
    'INSERT INTO "users" ("id", "email", "name", "role", "created_at", "updated_at") VALUES (?, ?, ?, ?, ?, ?)',
  );
  const insertProfile = db.prepare(
    'INSERT INTO "Profile" ("bio", "avatar_url", "website", "user_id") VALUES (?, ?, ?, ?)',
  );
  const insertPost = db.prepare(
    'INSERT INTO "Post" ("id", "slug", "title", "content", "published", "publishedAt", "viewCount", "createdAt", "updatedAt", "authorId", "editorId") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insertComment = db.prepare(
    'INSERT INTO "Comment" ("id", "body", "createdAt", "postId", "authorId", "parentId") VALUES (?, ?, ?, ?, ?, ?)',
  );
  const insertTag = db.prepare('INSERT INTO "Tag" ("id", "name") VALUES (?, ?)');
  const insertPostTag = db.prepare('INSERT INTO "_PostToTag" ("A", "B") VALUES (?, ?)');

  db.transaction(() => {
    for (let id = 1; id <= SIZES.users; id++) {
      const created = new Date(BASE_MS - (SIZES.users - id + 1) * HOUR_MS).toISOString();
      const name = id % 7 === 0 ? null : `User ${id}`;
      insertUser.run(id, `user${id}@example.com`, name, roles[id % 4], created, created);
      if (id % 2 === 0) insertProfile.run(words(rand, 12), `https://img.example.com/${id}.png`, id % 4 === 0 ? `https://user${id}.example.com` : null, id);
    }
    for (let id = 1; id <= SIZES.tags; id++) insertTag.run(id, `tag-${String(id).padStart(2, '0')}`);

    let comment = 0;
    for (let id = 1; id <= POSTS; id++) {
      // Authors take turns, so one author's posts are spread over the table as in real life.
      const authorId = ((id - 1) % SIZES.users) + 1;
      const published = rand() < 0.7;
      const created = postCreatedAt(id).toISOString();
      const editorId = rand() < 0.2 ? 1 + Math.floor(rand() * SIZES.users) : null;
      insertPost.run(
        id,
        `post-${id}`,
        `Post ${id}: ${words(rand, 5)}`,
        words(rand, 40),
        published ? 1 : 0,
        published ? postPublishedAt(id).toISOString() : null,
        Math.floor(rand() * 5000),
        created,
        created,
        authorId,
        editorId,
      );
      let first = null;
      for (let j = 0; j < SIZES.commentsPerPost; j++) {
        const cid = commentId(++comment);
        first ??= cid;
        const at = new Date(postCreatedAt(id).getTime() + (j + 1) * 60_000).toISOString();
        // The last comment of each post replies to the first, so parentId is not always null.
        const parent = j === SIZES.commentsPerPost - 1 && j > 0 ? first : null;
        insertComment.run(cid, words(rand, 12), at, id, 1 + Math.floor(rand() * SIZES.users), parent);
      }
      for (let t = 0; t < SIZES.tagsPerPost; t++) insertPostTag.run(id, ((id + t * 7) % SIZES.tags) + 1);
    }
  })();
}
