// The harness's own connection to the PostgreSQL database: reads rows back to check what a
// contender wrote, and deletes what the write workloads inserted so every batch starts from the
// seeded database. Not timed.

import pg from 'pg';
import { POSTS, SIZES } from '../seed.js';
import { utcTypes } from './types.js';
import { POST, USER } from './columns.js';

export async function openAdmin(database) {
  const client = new pg.Client({ connectionString: database.url, types: utcTypes });
  // The connection ends when the database is dropped (DROP ... WITH (FORCE) on Ctrl-C).
  client.on('error', () => undefined);
  await client.connect();
  const rows = async (text, values) => (await client.query(text, values)).rows;
  return {
    user: async (id) => (await rows(`SELECT ${USER} FROM "users" WHERE "id" = $1`, [id]))[0] ?? null,
    post: async (id) => (await rows(`SELECT ${POST} FROM "Post" WHERE "id" = $1`, [id]))[0] ?? null,
    postsBySlugPrefix: (prefix) => rows(`SELECT ${POST} FROM "Post" WHERE starts_with("slug", $1) ORDER BY "slug" COLLATE "C"`, [prefix]),
    postsByAuthor: (authorId) => rows(`SELECT ${POST} FROM "Post" WHERE "authorId" = $1 ORDER BY "id"`, [authorId]),
    /** Deletes the rows the write workloads added (posts first: their authors are RESTRICTed). */
    cleanup: async () => {
      await client.query('BEGIN');
      await client.query('DELETE FROM "Post" WHERE "id" > $1', [POSTS]);
      await client.query('DELETE FROM "users" WHERE "id" > $1', [SIZES.users]);
      await client.query('COMMIT');
    },
    close: () => client.end(),
  };
}
