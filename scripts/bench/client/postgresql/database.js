// The PostgreSQL provider of the client bench: a fresh database on the server
// (KILN_BENCH_POSTGRES_URL, else KILN_TEST_POSTGRES_URL, else postgresql://postgres@127.0.0.1:5432/test
// names the server and the database to connect to while creating it), the DDL of ddl.js, the rows
// of ../seed.js, then VACUUM ANALYZE so every contender meets the same planner statistics. The
// database is dropped at the end. Every contender opens its own pool of POOL_SIZE connections.

import { createRequire } from 'node:module';
import pg from 'pg';
import { TABLES, SERIAL_TABLES, seedData } from '../seed.js';
import { POOL_SIZE, chunks, databaseName, target, withDatabase } from '../server.js';
import { packageVersion } from '../versions.js';
import { schemaSql } from './ddl.js';
import { utcParam, utcTypes } from './types.js';
import { openAdmin } from './admin.js';
import { raw, rawPrepared } from './raw.js';
import * as kysely from './kysely.js';
import * as drizzle from './drizzle.js';

export const name = 'postgresql';
export const title = 'PostgreSQL';
export const contenders = [raw, rawPrepared, kysely, drizzle];
export const baseline = 'raw';
export const baselineLabel = 'raw pg (plain parameterized queries)';

export const SERVER_URL = process.env.KILN_BENCH_POSTGRES_URL ?? process.env.KILN_TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';

async function withClient(url, fn) {
  const client = new pg.Client({ connectionString: url, types: utcTypes });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Why the server cannot be used (a sentence), or null. */
export async function unavailable() {
  try {
    await withClient(SERVER_URL, (c) => c.query('SELECT 1'));
    return null;
  } catch (e) {
    return `cannot connect to PostgreSQL at ${target(SERVER_URL)} (${e.message}); set KILN_BENCH_POSTGRES_URL`;
  }
}

export async function createDatabase() {
  const db = databaseName();
  await withClient(SERVER_URL, async (c) => {
    await c.query(`CREATE DATABASE "${db}"`);
    // Commits do not wait for the WAL to reach the disk (for this database only): the write
    // workloads then measure the clients, not the disk of a shared machine, as SQLite's file in
    // /dev/shm does. https://www.postgresql.org/docs/current/wal-async-commit.html
    await c.query(`ALTER DATABASE "${db}" SET synchronous_commit = off`);
  });
  const url = withDatabase(SERVER_URL, db);
  const remove = () => withClient(SERVER_URL, (c) => c.query(`DROP DATABASE IF EXISTS "${db}" WITH (FORCE)`));
  try {
    const counts = await withClient(url, async (c) => {
      await c.query('BEGIN');
      for (const statement of schemaSql()) await c.query(statement);
      const data = seedData();
      for (const t of TABLES) {
        for (const part of chunks(data[t.key], t.columns.length, 65535)) {
          const values = [];
          const tuples = part.map((row) => `(${row.map((v) => (values.push(v instanceof Date ? utcParam(v) : v), `$${values.length}`)).join(', ')})`);
          await c.query(`INSERT INTO "${t.table}" (${t.columns.map((col) => `"${col}"`).join(', ')}) VALUES ${tuples.join(', ')}`, values);
        }
      }
      // Rows were inserted with their ids: move each SERIAL's sequence past them.
      for (const table of SERIAL_TABLES) {
        await c.query(`SELECT setval(pg_get_serial_sequence('"${table}"', 'id'), (SELECT MAX("id") FROM "${table}"))`);
      }
      await c.query('COMMIT');
      await c.query('VACUUM ANALYZE');
      const out = {};
      for (const t of TABLES) out[t.key] = Number((await c.query(`SELECT COUNT(*) AS n FROM "${t.table}"`)).rows[0].n);
      return out;
    });
    return {
      url,
      where: target(url),
      kilnUrl: url,
      pool: POOL_SIZE,
      settings: `a fresh database, dropped afterwards; synchronous_commit off; each contender has its own pool of ${POOL_SIZE} connections`,
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
  const server = await withClient(SERVER_URL, async (c) => (await c.query('SHOW server_version')).rows[0].server_version);
  const require = createRequire(import.meta.url);
  return { server: `PostgreSQL ${server}`, driver: `pg ${packageVersion(require, 'pg')}` };
}

export async function context() {
  return { data: {}, lines: [] };
}

/**
 * The aim on PostgreSQL: Kiln at most 1.0× raw pg with plain parameterized queries on every
 * workload. Kiln names its statements (prepared once per connection), so it can win the parse
 * and plan time back that raw spends on every call.
 */
export const rawBar = () => 1.0;

/**
 * For the workloads with relations: what each contender read from the related table for one
 * call, from EXPLAIN (ANALYZE) of the statements it sent (trace.js). Printed under the table.
 */
export async function inspect(database, workloads, open, isWrong) {
  const { captureStatements, explainStatements } = await import('./trace.js');
  const out = [];
  for (const w of workloads.filter((x) => x.inspect)) {
    const input = w.input(0, 'inspect:');
    const byContender = {};
    for (const [name, adapter] of open) {
      if (isWrong(name, w.key)) continue;
      const statements = await captureStatements(() => adapter[w.key](input));
      byContender[name] = await explainStatements(database.url, statements);
    }
    out.push({ workload: w.key, input, table: w.inspect, contenders: byContender });
  }
  return out;
}
