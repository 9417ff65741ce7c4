// The harness's own connection to the MySQL database: reads rows back to check what a contender
// wrote, and deletes what the write workloads inserted so every batch starts from the seeded
// database. Not timed.

import mysql from 'mysql2/promise';
import { POSTS, SIZES } from '../seed.js';
import { POST, USER, toPost } from './columns.js';

export async function openAdmin(database) {
  const c = await mysql.createConnection({ uri: database.url, timezone: 'Z' });
  // The connection ends when the database is dropped on Ctrl-C.
  c.on('error', () => undefined);
  const rows = async (text, values) => (await c.execute(text, values))[0];
  return {
    user: async (id) => (await rows(`SELECT ${USER} FROM \`users\` WHERE \`id\` = ?`, [id]))[0] ?? null,
    post: async (id) => {
      const r = (await rows(`SELECT ${POST} FROM \`Post\` WHERE \`id\` = ?`, [id]))[0];
      return r === undefined ? null : toPost(r);
    },
    postsBySlugPrefix: async (prefix) =>
      (await rows(`SELECT ${POST} FROM \`Post\` WHERE LEFT(\`slug\`, CHAR_LENGTH(?)) = ? ORDER BY \`slug\` COLLATE utf8mb4_bin`, [prefix, prefix])).map(toPost),
    postsByAuthor: async (authorId) => (await rows(`SELECT ${POST} FROM \`Post\` WHERE \`authorId\` = ? ORDER BY \`id\``, [authorId])).map(toPost),
    /** Deletes the rows the write workloads added (posts first: their authors are RESTRICTed). */
    cleanup: async () => {
      await c.query('START TRANSACTION');
      await c.execute('DELETE FROM `Post` WHERE `id` > ?', [POSTS]);
      await c.execute('DELETE FROM `users` WHERE `id` > ?', [SIZES.users]);
      await c.query('COMMIT');
    },
    close: () => c.end(),
  };
}
