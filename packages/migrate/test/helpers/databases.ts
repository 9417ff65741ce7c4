import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Provider } from '@kiln/schema';
import {
  errorMessage,
  openMysqlExecutor,
  openPostgresExecutor,
  openSqliteExecutor,
  type DatabaseConnection,
} from '../../src/index.js';

/*
 * Real databases for the tests: PostgreSQL and MariaDB/MySQL servers on localhost, SQLite
 * files in a temp folder. Every test gets a database of its own (a PostgreSQL schema on the
 * search_path, a MySQL database, a SQLite file) and drops it afterwards, so tests never see
 * each other's tables and can run in parallel.
 */

export const POSTGRES_URL = process.env.KILN_TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';
export const MYSQL_URL = process.env.KILN_TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306/test';

/** CI sets KILN_REQUIRE_DATABASES=1: an unreachable server then fails the tests instead of skipping them. */
export const DATABASES_REQUIRED = (process.env.KILN_REQUIRE_DATABASES ?? '') !== '' && process.env.KILN_REQUIRE_DATABASES !== '0';

export const PROVIDERS: readonly Provider[] = ['sqlite', 'postgresql', 'mysql'];

/**
 * Whether the server for `provider` answers. When it does not, the caller skips its tests and
 * this adds a failing test if the databases are required, else prints a loud notice. Call it
 * while the test file loads (top-level await), where jest accepts new tests.
 */
export async function serverAvailable(provider: Provider): Promise<boolean> {
  if (provider === 'sqlite') return true;
  const url = provider === 'postgresql' ? POSTGRES_URL : MYSQL_URL;
  try {
    const c = provider === 'postgresql' ? await openPostgresExecutor(url, { connectTimeoutMs: 3000 }) : await openMysqlExecutor(url, { connectTimeoutMs: 3000 });
    await c.close();
    return true;
  } catch (err) {
    const reason = `${provider} server at ${url} is unreachable: ${errorMessage(err)}`;
    if (DATABASES_REQUIRED) {
      // A failing test rather than a throw while loading the file, so the run counts it as a failure.
      test(`the ${provider} server is reachable (KILN_REQUIRE_DATABASES is set)`, () => {
        throw new Error(`The ${reason}.`);
      });
      return false;
    }
    const bar = '!'.repeat(78);
    console.warn(`\n${bar}\n!! SKIPPING the ${provider} tests: the ${reason}\n!! Set KILN_REQUIRE_DATABASES=1 to make this a failure.\n${bar}\n`);
    return false;
  }
}

/** The available providers among `wanted`, probing each server once. */
export async function availableProviders(wanted: readonly Provider[] = PROVIDERS): Promise<Provider[]> {
  const out: Provider[] = [];
  for (const p of wanted) if (await serverAvailable(p)) out.push(p);
  return out;
}

export interface TestDatabase {
  provider: Provider;
  /** The schema (PostgreSQL), database (MySQL) or file (SQLite) created for the test. */
  name: string;
  connection: DatabaseConnection;
  /** Other PostgreSQL schemas the test created (`@@schema`), dropped with it. */
  alsoDrop: string[];
  drop(): Promise<void>;
}

const uniqueName = () => `kiln_migrate_${randomBytes(5).toString('hex')}`;

/** A fresh, empty database for one test. */
export async function createTestDatabase(provider: Provider): Promise<TestDatabase> {
  const name = uniqueName();
  switch (provider) {
    case 'sqlite': {
      const dir = mkdtempSync(join(tmpdir(), 'kiln-migrate-'));
      const file = join(dir, `${name}.db`);
      const connection = await openSqliteExecutor(file);
      return {
        provider,
        name: file,
        connection,
        alsoDrop: [],
        async drop() {
          await connection.close();
          rmSync(dir, { recursive: true, force: true });
        },
      };
    }
    case 'postgresql': {
      const admin = await openPostgresExecutor(POSTGRES_URL);
      await admin.execute(`CREATE SCHEMA "${name}"`);
      const connection = await openPostgresExecutor(POSTGRES_URL, { schema: name });
      const db: TestDatabase = {
        provider,
        name,
        connection,
        alsoDrop: [],
        async drop() {
          await connection.close();
          for (const s of [name, ...db.alsoDrop]) await admin.execute(`DROP SCHEMA IF EXISTS "${s.replaceAll('"', '""')}" CASCADE`);
          await admin.close();
        },
      };
      return db;
    }
    case 'mysql': {
      const admin = await openMysqlExecutor(MYSQL_URL);
      await admin.execute(`CREATE DATABASE \`${name}\``);
      const url = new URL(MYSQL_URL);
      url.pathname = `/${name}`;
      const connection = await openMysqlExecutor(url.toString());
      return {
        provider,
        name,
        connection,
        alsoDrop: [],
        async drop() {
          await connection.close();
          await admin.execute(`DROP DATABASE IF EXISTS \`${name}\``);
          await admin.close();
        },
      };
    }
  }
}

/** Runs `body` with a fresh database and always drops it. */
export async function withTestDatabase<T>(provider: Provider, body: (db: TestDatabase) => Promise<T>): Promise<T> {
  const db = await createTestDatabase(provider);
  try {
    return await body(db);
  } finally {
    await db.drop();
  }
}
