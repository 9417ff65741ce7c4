// The ten workloads: what each asks, the input of the i-th call (the same sequence for every
// contender), and how a contender's result is checked.
//
// The result contract is what Kiln's Prisma-shaped client returns, so every contender does the
// same work: rows as objects keyed by the model's field names (`createdAt`, not `created_at`),
// every scalar field of the model, Boolean as `true`/`false`, DateTime as `Date`, relations
// nested under the relation field's name, nested lists ordered by id. Writes return what
// Prisma's `create`/`update`/`createMany` return (the full row; `{ count }`), and set
// `createdAt`/`updatedAt` as `@default(now())` and `@updatedAt` do.

import { SIZES, POSTS, postPublishedAt } from './seed.js';
import { diff, mask } from './compare.js';

const USERS = SIZES.users;
/** Large prime stride: consecutive calls hit rows far apart, and the sequence repeats late. */
const STRIDE = 7919;
export const BULK_ROWS = 1000;

/** Scalar fields of each model in schema order (the contract's keys). */
export const FIELDS = {
  User: ['id', 'email', 'name', 'role', 'createdAt', 'updatedAt'],
  Post: ['id', 'slug', 'title', 'content', 'published', 'publishedAt', 'viewCount', 'createdAt', 'updatedAt', 'authorId', 'editorId'],
  Comment: ['id', 'body', 'createdAt', 'postId', 'authorId', 'parentId'],
};

const text = (i) => `Written by the client bench, call ${i}. `.repeat(4);

/**
 * `read` workloads are compared with raw's result for the same input. `write` workloads are
 * checked against the database (read back through a separate connection) and, with the values
 * that must differ (new ids, clock times, the contender's tag in unique strings) masked, against
 * raw's result for the same input.
 */
export const WORKLOADS = [
  {
    key: 'byPrimaryKey',
    label: 'user by primary key',
    kind: 'read',
    bar: 1.5,
    input: (i) => ({ id: 1 + ((i * STRIDE) % USERS) }),
  },
  {
    key: 'filterOrderTake',
    label: 'published posts, newest first, take 20',
    kind: 'read',
    // Published before the creation of post 200..10000: always at least 20 older rows.
    input: (i) => ({ before: postPublishedAt(200 + ((i * STRIDE) % (POSTS - 200))) }),
  },
  {
    key: 'usersWithPosts',
    label: '20 users with their posts',
    kind: 'read',
    // Where the provider can tell (PostgreSQL: EXPLAIN ANALYZE), report how often and how many
    // rows of this table each contender read for one call.
    inspect: 'Post',
    input: (i) => ({ minId: 1 + ((i * 37) % (USERS - 19)) }),
  },
  {
    key: 'postsWithAuthorAndComments',
    label: '20 posts with author and comments',
    kind: 'read',
    input: (i) => ({ minId: 1 + ((i * STRIDE) % (POSTS - 19)) }),
  },
  {
    key: 'insertOne',
    label: 'insert one post',
    kind: 'write',
    bar: 1.5,
    input: (i, tag) => ({ slug: `${tag}one-${i}`, title: `Insert one ${i}`, content: text(i), authorId: 1 + ((i * STRIDE) % USERS) }),
    verify: async (result, input, ctx) =>
      diff(result, await ctx.admin.post(result?.id), 'vs database') ??
      diff(mask(result, ['id', 'createdAt', 'updatedAt']), mask(ctx.raw, ['id', 'createdAt', 'updatedAt']), 'vs raw') ??
      freshDates(result, ['createdAt', 'updatedAt'], ctx.startedAt),
  },
  {
    key: 'insertMany',
    label: `insert ${BULK_ROWS.toLocaleString('en-US')} posts (bulk, one transaction)`,
    kind: 'write',
    input: (i, tag) => ({
      rows: Array.from({ length: BULK_ROWS }, (_, k) => ({
        slug: `${tag}many-${i}-${k}`,
        title: `Bulk ${i}.${k}`,
        content: k % 5 === 0 ? null : text(k),
        published: k % 2 === 0,
        authorId: 1 + ((i * BULK_ROWS + k) % USERS),
      })),
    }),
    verify: async (result, input, ctx) => {
      const stored = await ctx.admin.postsBySlugPrefix(input.rows[0].slug.replace(/many-.*$/, 'many-'));
      const volatile = ['id', 'createdAt', 'updatedAt'];
      return (
        diff(result, ctx.raw, 'vs raw') ??
        diff(mask(stored, volatile), mask(ctx.rawStored, volatile), 'stored rows vs raw') ??
        freshDates(stored[0], ['createdAt', 'updatedAt'], ctx.startedAt)
      );
    },
    // Raw's stored rows, kept so each contender's rows can be compared with them.
    afterRaw: async (input, ctx) => ctx.admin.postsBySlugPrefix(input.rows[0].slug.replace(/many-.*$/, 'many-')),
  },
  {
    key: 'increment',
    label: 'increment viewCount by id',
    kind: 'write',
    bar: 1.5,
    input: (i) => ({ id: 1 + ((i * STRIDE) % POSTS) }),
    before: (input, ctx) => ctx.admin.post(input.id),
    verify: async (result, input, ctx) => {
      const expected = { ...ctx.before, viewCount: ctx.before.viewCount + 1 };
      return (
        diff(result, await ctx.admin.post(input.id), 'vs database') ??
        diff(mask(result, ['updatedAt']), mask(expected, ['updatedAt']), 'vs the row before, plus one') ??
        freshDates(result, ['updatedAt'], ctx.startedAt)
      );
    },
  },
  {
    key: 'countAndAverage',
    label: 'count + avg viewCount of published posts by author',
    kind: 'read',
    input: (i) => ({ authorId: 1 + ((i * STRIDE) % USERS) }),
  },
  {
    key: 'transaction',
    label: 'transaction: create a user and 3 posts',
    kind: 'write',
    input: (i, tag) => ({
      email: `${tag}tx-${i}@bench.test`,
      name: `Tx ${i}`,
      posts: [0, 1, 2].map((k) => ({ slug: `${tag}tx-${i}-${k}`, title: `Tx post ${i}.${k}`, content: text(k) })),
    }),
    verify: async (result, input, ctx) => {
      const volatile = ['id', 'authorId', 'createdAt', 'updatedAt'];
      if (!result?.user || !Array.isArray(result.posts)) return `result is ${JSON.stringify(result)?.slice(0, 80)}, expected { user, posts }`;
      const stored = { user: await ctx.admin.user(result.user.id), posts: await ctx.admin.postsByAuthor(result.user.id) };
      return (
        diff(result, stored, 'vs database') ??
        (result.posts.every((p) => p.authorId === result.user.id) ? null : 'posts do not belong to the new user') ??
        diff(mask(result, volatile), mask(ctx.raw, volatile), 'vs raw') ??
        freshDates(result.user, ['createdAt', 'updatedAt'], ctx.startedAt)
      );
    },
  },
  {
    key: 'usersWithPostsSkip',
    label: '20 users with their posts, skip 500+',
    kind: 'read',
    inspect: 'Post',
    // Pages deep into the table: skip 500..979 of the 1,000 users, take 20. The posts must be
    // loaded for the 20 users returned only, never for the skipped ones.
    input: (i) => ({ skip: 500 + ((i * 37) % (USERS - 500 - 20)) }),
  },
];

/** The workload's number as shown (1-based, in the order above). */
export function workloadNumber(key) {
  return WORKLOADS.findIndex((w) => w.key === key) + 1;
}

function freshDates(row, keys, since) {
  for (const key of keys) {
    const v = row?.[key];
    if (!(v instanceof Date) || Number.isNaN(v.getTime())) return `${key} is not a valid Date`;
    // A generous window: the clock value must come from this call, not from a constant.
    if (v.getTime() < since - 5000 || v.getTime() > Date.now() + 5000) return `${key} (${v.toISOString()}) is not the time of the call`;
  }
  return null;
}
