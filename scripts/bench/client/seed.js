// The benchmark's rows, the same on every provider and every run: 1,000 users, 500 profiles,
// 10,000 posts, 30,000 comments, 20 tags and 20,000 post-tag links from a seeded PRNG and fixed
// timestamps. Provider-neutral: values are JS values (Date, boolean, string, number, null) in
// each table's column order; each provider's database.js encodes and inserts them.

export const SIZES = { users: 1000, postsPerUser: 10, commentsPerPost: 3, tags: 20, tagsPerPost: 2 };
export const POSTS = SIZES.users * SIZES.postsPerUser;
export const COMMENTS = POSTS * SIZES.commentsPerPost;

/**
 * Longest string column value: Prisma's MySQL mapping of `String` is VARCHAR(191), which Kiln's
 * migrations follow, so every provider gets text that fits it.
 */
const MAX_TEXT = 191;

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

/** The seeded tables in insertion order (parents first), with their columns as named in the database. */
export const TABLES = [
  { key: 'users', table: 'users', columns: ['id', 'email', 'name', 'role', 'created_at', 'updated_at'] },
  { key: 'profiles', table: 'Profile', columns: ['id', 'bio', 'avatar_url', 'website', 'user_id'] },
  { key: 'tags', table: 'Tag', columns: ['id', 'name'] },
  {
    key: 'posts',
    table: 'Post',
    columns: ['id', 'slug', 'title', 'content', 'published', 'publishedAt', 'viewCount', 'createdAt', 'updatedAt', 'authorId', 'editorId'],
  },
  { key: 'comments', table: 'Comment', columns: ['id', 'body', 'createdAt', 'postId', 'authorId', 'parentId'] },
  { key: 'postTags', table: '_PostToTag', columns: ['A', 'B'] },
];

/** Tables whose `id` comes from a sequence / AUTO_INCREMENT (seeded with explicit ids). */
export const SERIAL_TABLES = ['users', 'Profile', 'Tag', 'Post'];

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
  return out.join(' ').slice(0, MAX_TEXT).trimEnd();
}

/** A comment id shaped like a cuid (25 characters, leading `c`) that sorts in insertion order. */
export function commentId(n) {
  return 'c' + n.toString(36).padStart(24, '0');
}

/** Every table's rows (arrays in the column order of TABLES), keyed by TABLES[].key. */
export function seedData() {
  const rand = prng(20240101);
  const roles = ['READER', 'AUTHOR', 'EDITOR', 'ADMIN'];
  const data = { users: [], profiles: [], tags: [], posts: [], comments: [], postTags: [] };
  let profileId = 0;
  for (let id = 1; id <= SIZES.users; id++) {
    const created = new Date(BASE_MS - (SIZES.users - id + 1) * HOUR_MS);
    const name = id % 7 === 0 ? null : `User ${id}`;
    data.users.push([id, `user${id}@example.com`, name, roles[id % 4], created, created]);
    if (id % 2 === 0) {
      data.profiles.push([++profileId, words(rand, 12), `https://img.example.com/${id}.png`, id % 4 === 0 ? `https://user${id}.example.com` : null, id]);
    }
  }
  for (let id = 1; id <= SIZES.tags; id++) data.tags.push([id, `tag-${String(id).padStart(2, '0')}`]);

  let comment = 0;
  for (let id = 1; id <= POSTS; id++) {
    // Authors take turns, so one author's posts are spread over the table as in real life.
    const authorId = ((id - 1) % SIZES.users) + 1;
    const published = rand() < 0.7;
    const created = postCreatedAt(id);
    const editorId = rand() < 0.2 ? 1 + Math.floor(rand() * SIZES.users) : null;
    data.posts.push([
      id,
      `post-${id}`,
      `Post ${id}: ${words(rand, 5)}`,
      words(rand, 40),
      published,
      published ? postPublishedAt(id) : null,
      Math.floor(rand() * 5000),
      created,
      created,
      authorId,
      editorId,
    ]);
    let first = null;
    for (let j = 0; j < SIZES.commentsPerPost; j++) {
      const cid = commentId(++comment);
      first ??= cid;
      const at = new Date(postCreatedAt(id).getTime() + (j + 1) * 60_000);
      // The last comment of each post replies to the first, so parentId is not always null.
      const parent = j === SIZES.commentsPerPost - 1 && j > 0 ? first : null;
      data.comments.push([cid, words(rand, 12), at, id, 1 + Math.floor(rand() * SIZES.users), parent]);
    }
    for (let t = 0; t < SIZES.tagsPerPost; t++) data.postTags.push([id, ((id + t * 7) % SIZES.tags) + 1]);
  }
  return data;
}

/** The row counts a seeded database must have. */
export function expectedCounts() {
  return { users: SIZES.users, profiles: SIZES.users / 2, tags: SIZES.tags, posts: POSTS, comments: COMMENTS, postTags: POSTS * SIZES.tagsPerPost };
}
