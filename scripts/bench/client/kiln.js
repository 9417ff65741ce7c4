// Kiln's generated client for the blog schema, used through its Prisma-shaped API exactly as an
// application would, on every provider. `open` throws a KilnUnavailable error when the generated
// client cannot be imported, and the runner then skips this contender with that note instead of
// failing.
//
// Where the client comes from: KILN_BENCH_CLIENT (a path to a generated client's JavaScript
// entry; `{provider}` in it is replaced by sqlite, postgresql or mysql), else
// scripts/bench/client/generated/kiln-<provider>/index.js (`generated/` is git-ignored), which
// the runner regenerates from schema-examples/blog/schema.schema, with the datasource's provider
// set, before each run (generate-kiln-client.js). It must export `KilnClient`.
//
// Every call this adapter makes is listed in scripts/bench/README.md, so the runtime can be
// checked against it.

import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isAbsolute, resolve } from 'node:path';

export const name = 'kiln';

export function defaultClient(provider) {
  return fileURLToPath(new URL(`./generated/kiln-${provider}/index.js`, import.meta.url));
}

export function clientPath(provider) {
  const p = process.env.KILN_BENCH_CLIENT?.replaceAll('{provider}', provider);
  if (!p) return defaultClient(provider);
  return isAbsolute(p) ? p : resolve(process.cwd(), p);
}

/** Thrown when the generated client cannot be loaded: the runner skips Kiln, it does not fail. */
export class KilnUnavailable extends Error {}

export async function open(database) {
  const entry = clientPath(database.provider);
  let KilnClient;
  try {
    if (!existsSync(entry)) throw new Error(`no file at ${entry}`);
    ({ KilnClient } = await import(pathToFileURL(entry).href));
    if (typeof KilnClient !== 'function') throw new Error(`${entry} does not export KilnClient`);
  } catch (cause) {
    throw new KilnUnavailable(`cannot import the generated client (${cause.message})`, { cause });
  }

  // The pool size every contender of a server database gets (database.pool); SQLite has none.
  const db = new KilnClient({ url: database.kilnUrl, ...(database.pool ? { pool: { max: database.pool } } : {}) });
  if (typeof db.$connect === 'function') await db.$connect();

  return {
    close: () => db.$disconnect(),

    byPrimaryKey({ id }) {
      return db.user.findUnique({ where: { id } });
    },

    filterOrderTake({ before }) {
      return db.post.findMany({
        where: { published: true, publishedAt: { lt: before } },
        orderBy: { publishedAt: 'desc' },
        take: 20,
      });
    },

    usersWithPosts({ minId }) {
      return db.user.findMany({
        where: { id: { gte: minId } },
        orderBy: { id: 'asc' },
        take: 20,
        include: { posts: { orderBy: { id: 'asc' } } },
      });
    },

    usersWithPostsSkip({ skip }) {
      // One statement for the page (LIMIT/OFFSET), then one for the posts of its 20 users.
      return db.user.findMany({
        orderBy: { id: 'asc' },
        skip,
        take: 20,
        include: { posts: { orderBy: { id: 'asc' } } },
      });
    },

    postsWithAuthorAndComments({ minId }) {
      return db.post.findMany({
        where: { id: { gte: minId } },
        orderBy: { id: 'asc' },
        take: 20,
        include: { author: true, comments: { orderBy: { id: 'asc' } } },
      });
    },

    insertOne({ slug, title, content, authorId }) {
      return db.post.create({ data: { slug, title, content, authorId } });
    },

    insertMany({ rows }) {
      // createMany is atomic (one statement, or batches in one transaction), as Prisma's is.
      return db.post.createMany({ data: rows });
    },

    increment({ id }) {
      return db.post.update({ where: { id }, data: { viewCount: { increment: 1 } } });
    },

    countAndAverage({ authorId }) {
      return db.post.aggregate({
        where: { published: true, authorId },
        _count: { _all: true },
        _avg: { viewCount: true },
      });
    },

    transaction(input) {
      return db.$transaction(async (tx) => {
        const user = await tx.user.create({ data: { email: input.email, name: input.name } });
        const posts = [];
        for (const p of input.posts) posts.push(await tx.post.create({ data: { ...p, authorId: user.id } }));
        return { user, posts };
      });
    },
  };
}
