// The SQLite provider of the client bench: a fresh database file in a temporary folder (under
// /dev/shm when it exists, so commits cost no disk flush; KILN_BENCH_DIR overrides the parent
// folder), the DDL of ddl.js, the rows of ../seed.js. Rollback journal (no WAL), foreign keys on
// every connection, as Kiln's driver sets them. Every contender opens its own connection to the file.

import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { TABLES, seedData } from '../seed.js';
import { packageVersion } from '../versions.js';
import { openAdmin } from './admin.js';
import { createSchema } from './ddl.js';
import { statementFloor } from './floor.js';
import * as raw from './raw.js';
import * as kysely from './kysely.js';
import * as drizzle from './drizzle.js';

export const name = 'sqlite';
export const title = 'SQLite';
export const contenders = [raw, kysely, drizzle];
export const baseline = 'raw';
export const baselineLabel = 'raw better-sqlite3';

/** Nothing to reach: better-sqlite3 is in-process. */
export async function unavailable() {
  return null;
}

export async function createDatabase() {
  const parent = process.env.KILN_BENCH_DIR ?? (existsSync('/dev/shm') ? '/dev/shm' : tmpdir());
  const dir = mkdtempSync(join(parent, 'kiln-client-bench-'));
  const path = join(dir, 'blog.db');
  try {
    const db = new Database(path);
    // Rollback journal (no WAL): the default of a new SQLite file.
    db.pragma('journal_mode = DELETE');
    db.pragma('foreign_keys = ON');
    createSchema(db);
    const data = seedData();
    db.transaction(() => {
      for (const t of TABLES) {
        const insert = db.prepare(`INSERT INTO "${t.table}" (${t.columns.map((c) => `"${c}"`).join(', ')}) VALUES (${t.columns.map(() => '?').join(', ')})`);
        for (const row of data[t.key]) insert.run(row.map(encode));
      }
    })();
    const counts = {};
    for (const t of TABLES) counts[t.key] = db.prepare(`SELECT COUNT(*) AS n FROM "${t.table}"`).get().n;
    db.pragma('optimize');
    db.close();
    return {
      path,
      where: path,
      kilnUrl: `file:${path}`,
      settings: 'rollback journal, foreign keys on; each contender has its own connection',
      counts,
      remove: async () => rmSync(dir, { recursive: true, force: true }),
      removeSync: () => rmSync(dir, { recursive: true, force: true }),
    };
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
}

/** SQLite stores DateTime as ISO-8601 text and Boolean as 0/1 (as Kiln's codec does). */
function encode(v) {
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'boolean') return v ? 1 : 0;
  return v;
}

export { openAdmin };

export async function versions() {
  const memory = new Database(':memory:');
  const sqlite = memory.prepare('SELECT sqlite_version() AS v').get().v;
  memory.close();
  const require = createRequire(import.meta.url);
  return { server: `SQLite ${sqlite}`, driver: `better-sqlite3 ${packageVersion(require, 'better-sqlite3')}` };
}

/**
 * What the file itself costs per statement (see floor.js), printed under the table: in rollback-
 * journal mode it is part of every contender's time and narrows all ratios.
 */
export async function context(database) {
  const floor = statementFloor(database.path);
  return {
    data: { statementFloor: floor },
    lines: [
      `file cost: raw's by-primary-key statement takes ${floor.fileUs} µs on this file and ${floor.memoryUs} µs on an in-memory copy (per-statement file locking; part of every contender's time, so it narrows the ratios)`,
    ],
  };
}

/** Kiln stays within 1.5× raw on the workloads whose `bar` says so (see workloads.js). */
export const rawBar = (w) => w.bar ?? null;
