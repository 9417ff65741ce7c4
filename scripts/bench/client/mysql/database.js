// The MySQL / MariaDB provider of the client bench: a fresh database on the server
// (KILN_BENCH_MYSQL_URL, else KILN_TEST_MYSQL_URL, else mysql://root@127.0.0.1:3306/test names the
// server and the database to connect to while creating it), the DDL of ddl.js, the rows of
// ../seed.js, then ANALYZE TABLE so every contender meets the same optimizer statistics. The
// database is dropped at the end. Every contender opens its own pool of POOL_SIZE connections.
//
// Durability stays as the server has it: InnoDB's log flush at commit
// (innodb_flush_log_at_trx_commit) is a global setting, and the server is shared.

import { createRequire } from 'node:module';
import mysql from 'mysql2/promise';
import { TABLES, seedData } from '../seed.js';
import { POOL_SIZE, chunks, databaseName, target, withDatabase } from '../server.js';
import { packageVersion } from '../versions.js';
import { schemaSql } from './ddl.js';
import { dateTimeParam } from './columns.js';
import { openAdmin } from './admin.js';
import * as raw from './raw.js';
import * as kysely from './kysely.js';
import * as drizzle from './drizzle.js';

export const name = 'mysql';
export const title = 'MySQL (MariaDB)';
export const contenders = [raw, kysely, drizzle];
export const baseline = 'raw';
export const baselineLabel = 'raw mysql2 (execute: prepared statements)';

export const SERVER_URL = process.env.KILN_BENCH_MYSQL_URL ?? process.env.KILN_TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306/test';

async function withConnection(url, fn) {
  const c = await mysql.createConnection({ uri: url, timezone: 'Z' });
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** Why the server cannot be used (a sentence), or null. */
export async function unavailable() {
  try {
    await withConnection(SERVER_URL, (c) => c.query('SELECT 1'));
    return null;
  } catch (e) {
    return `cannot connect to MySQL at ${target(SERVER_URL)} (${e.message}); set KILN_BENCH_MYSQL_URL`;
  }
}

export async function createDatabase() {
  const db = databaseName();
  await withConnection(SERVER_URL, (c) => c.query(`CREATE DATABASE \`${db}\``));
  const url = withDatabase(SERVER_URL, db);
  const remove = () => withConnection(SERVER_URL, (c) => c.query(`DROP DATABASE IF EXISTS \`${db}\``));
  try {
    const counts = await withConnection(url, async (c) => {
      for (const statement of schemaSql()) await c.query(statement);
      const data = seedData();
      await c.query('START TRANSACTION');
      for (const t of TABLES) {
        for (const part of chunks(data[t.key], t.columns.length, 30000)) {
          const rows = part.map((row) => row.map((v) => (v instanceof Date ? dateTimeParam(v) : typeof v === 'boolean' ? Number(v) : v)));
          // mysql2 expands a nested array into `(...), (...)`, escaping every value.
          await c.query(`INSERT INTO \`${t.table}\` (${t.columns.map((col) => `\`${col}\``).join(', ')}) VALUES ?`, [rows]);
        }
      }
      await c.query('COMMIT');
      await c.query(`ANALYZE TABLE ${TABLES.map((t) => `\`${t.table}\``).join(', ')}`);
      const out = {};
      for (const t of TABLES) out[t.key] = Number((await c.query(`SELECT COUNT(*) AS n FROM \`${t.table}\``))[0][0].n);
      return out;
    });
    return {
      url,
      where: target(url),
      kilnUrl: url,
      pool: POOL_SIZE,
      settings: `a fresh database, dropped afterwards; each contender has its own pool of ${POOL_SIZE} connections`,
      counts,
      remove,
    };
  } catch (e) {
    await remove().catch(() => undefined);
    throw e;
  }
}

export { openAdmin };

export async function versions() {
  const server = await withConnection(SERVER_URL, async (c) => String((await c.query('SELECT VERSION() AS v'))[0][0].v));
  const require = createRequire(import.meta.url);
  return { server: `${/mariadb/i.test(server) ? 'MariaDB' : 'MySQL'} ${server}`, driver: `mysql2 ${packageVersion(require, 'mysql2')}` };
}

export async function context() {
  const flush = await withConnection(SERVER_URL, async (c) => (await c.query('SELECT @@innodb_flush_log_at_trx_commit AS v'))[0][0].v);
  return {
    data: { innodbFlushLogAtTrxCommit: flush },
    lines: [`server durability as configured: innodb_flush_log_at_trx_commit = ${flush} (global; every commit of every contender pays it)`],
  };
}

/** Kiln stays within 1.5× raw on the workloads whose `bar` says so (see workloads.js). */
export const rawBar = (w) => w.bar ?? null;
