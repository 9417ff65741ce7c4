import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serializeIR, type Provider } from '@kiln/schema';
import {
  MigrationHistory,
  migrationLockText,
  readMigrationsFolder,
  type ConnectionTarget,
  type HistoryRow,
  type MigrationsFolder,
} from '../../../src/index.js';
import { MYSQL_URL, POSTGRES_URL, type TestDatabase } from '../../helpers/databases.js';
import { datasource, irOf } from '../../helpers/examples.js';

/** Where the test's deploys connect: the test database's file, schema or database. */
export function targetFor(db: TestDatabase): ConnectionTarget {
  switch (db.provider) {
    case 'sqlite':
      return { provider: 'sqlite', filename: db.name };
    case 'postgresql':
      return { provider: 'postgresql', url: POSTGRES_URL, schema: db.name };
    case 'mysql': {
      const url = new URL(MYSQL_URL);
      url.pathname = `/${db.name}`;
      return { provider: 'mysql', url: url.toString(), database: db.name };
    }
  }
}

export interface MigrationSpec {
  name: string;
  sql: string;
  down?: string;
}

const folders: string[] = [];

/** A migrations folder in a temp directory, with its lock file and an empty snapshot per migration. */
export function makeFolder(provider: Provider, migrations: readonly MigrationSpec[]): string {
  const root = mkdtempSync(join(tmpdir(), 'kiln-migrations-'));
  folders.push(root);
  const dir = join(root, 'migrations');
  mkdirSync(dir);
  writeFileSync(join(dir, 'migration_lock.toml'), migrationLockText(provider));
  for (const m of migrations) addMigration(dir, provider, m);
  return dir;
}

/** Writes one migration directory (with an empty schema's snapshot) into `dir`. */
export function addMigration(dir: string, provider: Provider, m: MigrationSpec): void {
  mkdirSync(join(dir, m.name), { recursive: true });
  writeFileSync(join(dir, m.name, 'migration.sql'), m.sql);
  if (m.down !== undefined) writeFileSync(join(dir, m.name, 'down.sql'), m.down);
  writeFileSync(join(dir, m.name, 'snapshot.json'), serializeIR(irOf(datasource(provider))));
}

export function removeFolders(): void {
  for (const f of folders.splice(0)) rmSync(f, { recursive: true, force: true });
}

export function readFolder(dir: string, provider: Provider): MigrationsFolder {
  return readMigrationsFolder(dir, { provider });
}

/** The history rows, by name. */
export async function historyOf(db: TestDatabase): Promise<HistoryRow[]> {
  return new MigrationHistory(db.connection, db.provider).read();
}

/** The tables of the test database, without the history table, sorted. */
export async function tablesOf(db: TestDatabase): Promise<string[]> {
  const sql: Record<Provider, string> = {
    sqlite: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'",
    postgresql: "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema()",
    mysql: 'SELECT TABLE_NAME AS name FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()',
  };
  const rows = await db.connection.query(sql[db.provider]);
  return rows
    .map((r) => String(r.name))
    .filter((n) => n !== '_kiln_migrations')
    .sort();
}

/** A statement that takes a few seconds: long enough to kill a deploy in the middle of it. */
export const SLOW_STATEMENT: Record<Provider, string> = {
  postgresql: 'SELECT pg_sleep(3)',
  mysql: 'DO SLEEP(3)',
  // No sleep function in SQLite: count through a recursive CTE (a few seconds).
  sqlite: 'WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 15000000) SELECT count(*) FROM c',
};

export const CHILD = fileURLToPath(new URL('./deploy-child.js', import.meta.url));

export interface Child {
  process: ChildProcess;
  /** Everything the child wrote on stderr so far. */
  stderr(): string;
  stdout(): string;
  /** Resolves with the exit code (null when killed). */
  exited: Promise<number | null>;
  /** Resolves once stderr contains `text`. */
  waitFor(text: string, timeoutMs?: number): Promise<void>;
}

/** Runs a deploy (or another operation) in a child process; see deploy-child.ts for `request`. */
export function spawnDeploy(request: Record<string, unknown>): Child {
  const child = spawn(process.execPath, [CHILD, JSON.stringify(request)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  let out = '';
  const waiters: { text: string; resolve: () => void }[] = [];
  child.stderr!.setEncoding('utf8').on('data', (d: string) => {
    err += d;
    for (const w of [...waiters]) {
      if (err.includes(w.text)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve();
      }
    }
  });
  child.stdout!.setEncoding('utf8').on('data', (d: string) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    process: child,
    stderr: () => err,
    stdout: () => out,
    exited,
    waitFor(text, timeoutMs = 30_000) {
      if (err.includes(text)) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`The child never wrote ${JSON.stringify(text)}; stderr:\n${err}`)), timeoutMs);
        waiters.push({
          text,
          resolve: () => {
            clearTimeout(timer);
            resolve();
          },
        });
        void exited.then(() => {
          if (!err.includes(text)) {
            clearTimeout(timer);
            reject(new Error(`The child exited without writing ${JSON.stringify(text)}; stderr:\n${err}`));
          }
        });
      });
    },
  };
}
