import { randomBytes } from 'node:crypto';
import { runtimeSchemaFromIR } from '@kiln/generator';
import { applyPlan, openMysqlExecutor, openPostgresExecutor, planFromEmpty, renderChanges, type DatabaseConnection } from '@kiln/migrate';
import type { KilnClientOptions } from '@kiln/runtime';
import type { SchemaIR } from '@kiln/schema';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { exampleText, loadIR, repoRoot, sqliteFixture, TestClient } from './sqlite-db.js';

/**
 * The database the e2e suite runs on: `KILN_TEST_PROVIDER` = `sqlite` (default), `postgresql` or
 * `mysql` (MySQL or MariaDB). Servers are found at KILN_TEST_POSTGRES_URL / KILN_TEST_MYSQL_URL.
 * `KILN_TEST_MYSQL_SERVER_VERSION` makes the client assume that server version (e.g. `8.0.36` on
 * a MariaDB server exercises the path for databases without RETURNING).
 */
export type TestProvider = 'sqlite' | 'postgresql' | 'mysql';

export const provider: TestProvider = readProvider();
export const POSTGRES_URL = process.env.KILN_TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';
export const MYSQL_URL = process.env.KILN_TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306/test';
const mysqlServerVersion = process.env.KILN_TEST_MYSQL_SERVER_VERSION || undefined;

function readProvider(): TestProvider {
  const p = process.env.KILN_TEST_PROVIDER ?? 'sqlite';
  if (p !== 'sqlite' && p !== 'postgresql' && p !== 'mysql') throw new Error(`KILN_TEST_PROVIDER must be sqlite, postgresql or mysql, not ${JSON.stringify(p)}`);
  return p;
}

/**
 * An example schema for the provider under test: `<name>-mysql` on MySQL when the example has
 * one (saas: MySQL has no partial indexes), else `<name>`.
 */
export function providerExample(name: string): string {
  const own = `${name}-${provider}`;
  return existsSync(join(repoRoot, 'schema-examples', own, 'schema.schema')) && provider === 'mysql' ? exampleText(own) : exampleText(name);
}

/** Per-provider values in a test: `byProvider({ sqlite: 1, postgresql: 2, mysql: 3 })`. */
export function byProvider<T>(values: Record<TestProvider, T>): T {
  return values[provider];
}

export interface DbFixture {
  db: TestClient;
  ir: SchemaIR;
  provider: TestProvider;
  /** The client's URL (for another client on the same database). */
  url: string;
  /** Options every client of this fixture needs (e.g. the assumed MySQL server version). */
  clientOptions: KilnClientOptions;
  /** Another client on the same database. */
  client(options?: KilnClientOptions): TestClient;
  /**
   * Raw SQL written for SQLite/PostgreSQL quoting, for this provider: `"ident"` becomes
   * `` `ident` `` on MySQL, and `?` placeholders become `$1, $2...` on PostgreSQL. For the tests'
   * own raw statements only (a naive rewrite: no `"` or `?` inside string literals).
   */
  sql(text: string): string;
  /** A tagged template like `sql` for `$queryRaw`/`$executeRaw`: `db.$queryRaw(f.q\`SELECT "a" ...\`, ...values)`. */
  q(strings: TemplateStringsArray, ...values: unknown[]): [TemplateStringsArray, ...unknown[]];
  close(): Promise<void>;
}

/**
 * A fresh database created from `schemaText` by the migration planner, and a client on it: a
 * SQLite file, a PostgreSQL schema or a MySQL database with a random name, dropped by close().
 * The schema's datasource provider is rewritten to the provider under test.
 */
export async function dbFixture(schemaText: string, options: KilnClientOptions = {}): Promise<DbFixture> {
  const text = withProvider(schemaText, provider);
  const ir = loadIR(text);
  const sql = (s: string) => rewriteSql(s, provider);
  const q = (strings: TemplateStringsArray, ...values: unknown[]): [TemplateStringsArray, ...unknown[]] => [rewriteTemplate(strings, provider), ...values];
  switch (provider) {
    case 'sqlite': {
      const f = await sqliteFixture(text, options);
      const url = `file:${f.file}`;
      return {
        db: f.db,
        ir: f.ir,
        provider,
        url,
        clientOptions: {},
        client: (o = {}) => new TestClient(runtimeSchemaFromIR(f.ir), { url, ...o }),
        sql,
        q,
        close: () => f.close(),
      };
    }
    case 'postgresql': {
      const name = fixtureName();
      await withConnection(() => openPostgresExecutor(POSTGRES_URL), (c) => c.execute(`CREATE SCHEMA "${name}"`));
      try {
        await withConnection(() => openPostgresExecutor(POSTGRES_URL, { schema: name }), (c) => applyPlan(c, renderChanges(planFromEmpty(ir), 'postgresql')));
      } catch (e) {
        await dropPostgres(name);
        throw e;
      }
      const url = withParam(POSTGRES_URL, 'schema', name);
      return serverFixture(ir, url, {}, options, sql, q, () => dropPostgres(name));
    }
    case 'mysql': {
      const name = fixtureName();
      await withConnection(() => openMysqlExecutor(MYSQL_URL), (c) => c.execute(`CREATE DATABASE \`${name}\``));
      const url = withDatabase(MYSQL_URL, name);
      try {
        await withConnection(() => openMysqlExecutor(url), (c) => applyPlan(c, renderChanges(planFromEmpty(ir), 'mysql')));
      } catch (e) {
        await dropMysql(name);
        throw e;
      }
      const base: KilnClientOptions = mysqlServerVersion ? { serverVersion: mysqlServerVersion } : {};
      return serverFixture(ir, url, base, options, sql, q, () => dropMysql(name));
    }
  }
}

function serverFixture(
  ir: SchemaIR,
  url: string,
  base: KilnClientOptions,
  options: KilnClientOptions,
  sql: (s: string) => string,
  q: DbFixture['q'],
  drop: () => Promise<void>,
): DbFixture {
  const runtime = runtimeSchemaFromIR(ir);
  const db = new TestClient(runtime, { url, ...base, ...options });
  return {
    db,
    ir,
    provider,
    url,
    clientOptions: base,
    client: (o = {}) => new TestClient(runtime, { url, ...base, ...o }),
    sql,
    q,
    async close() {
      try {
        await db.$disconnect();
      } finally {
        await drop();
      }
    },
  };
}

function fixtureName(): string {
  return 'kiln_e2e_' + randomBytes(6).toString('hex');
}

async function withConnection<T>(open: () => Promise<DatabaseConnection>, work: (c: DatabaseConnection) => Promise<T>): Promise<T> {
  const c = await open();
  try {
    return await work(c);
  } finally {
    await c.close();
  }
}

const dropPostgres = (name: string) => withConnection(() => openPostgresExecutor(POSTGRES_URL), (c) => c.execute(`DROP SCHEMA IF EXISTS "${name}" CASCADE`));
const dropMysql = (name: string) => withConnection(() => openMysqlExecutor(MYSQL_URL), (c) => c.execute(`DROP DATABASE IF EXISTS \`${name}\``));

function withParam(url: string, key: string, value: string): string {
  const u = new URL(url);
  u.searchParams.set(key, value);
  return u.toString();
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = '/' + database;
  return u.toString();
}

/** The schema with its datasource's provider replaced. */
export function withProvider(schemaText: string, to: TestProvider): string {
  return schemaText.replace(/(datasource\s+\w+\s*\{[^}]*?provider\s*=\s*)"[^"]*"/, `$1"${to}"`);
}

function rewriteSql(text: string, to: TestProvider): string {
  if (to === 'mysql') return text.replace(/"/g, '`');
  if (to === 'postgresql') {
    let n = 0;
    return text.replace(/\?/g, () => '$' + ++n);
  }
  return text;
}

function rewriteTemplate(strings: TemplateStringsArray, to: TestProvider): TemplateStringsArray {
  if (to !== 'mysql') return strings;
  const cooked = strings.map((s) => s.replace(/"/g, '`'));
  return Object.assign(cooked, { raw: strings.raw.map((s) => s.replace(/"/g, '`')) }) as unknown as TemplateStringsArray;
}
