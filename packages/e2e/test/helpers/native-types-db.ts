import { randomBytes } from 'node:crypto';
import { runtimeSchemaFromIR } from '@kiln/generator';
import { applyPlan, openPostgresExecutor, planFromEmpty, renderChanges, type DatabaseConnection } from '@kiln/migrate';
import { dbFixture, POSTGRES_URL, provider, withProvider, type TestProvider } from './db.js';
import { loadIR, TestClient } from './sqlite-db.js';

/** Where a column's type is read from, and the client on the database. */
export interface NativeTypesFixture {
  db: TestClient;
  provider: TestProvider;
  /**
   * Each column of `table` with its type as the database reports it: SQLite's declared type
   * (`PRAGMA table_info`), PostgreSQL's `format_type()` (`character varying(10)`), MySQL's
   * `information_schema.COLUMNS.COLUMN_TYPE` (`int(10) unsigned`).
   */
  columnTypes(table: string): Promise<Record<string, string>>;
  /** `MariaDB` or `MySQL` on the mysql provider (their catalogs spell some types differently). */
  mysqlFlavor: 'MariaDB' | 'MySQL' | null;
  close(): Promise<void>;
}

/**
 * A fresh database created from `schemaText` by the same create-from-empty DDL as dbFixture.
 * PostgreSQL gets a database of its own (not a schema of the shared one) with the `citext`
 * extension created first: `@db.Citext` needs it, Kiln does not create extensions, and an
 * extension lives once per database, in one schema, so a per-test schema could not hold it.
 */
export async function nativeTypesFixture(schemaText: string): Promise<NativeTypesFixture> {
  if (provider !== 'postgresql') {
    const f = await dbFixture(schemaText);
    const flavor = provider === 'mysql' ? await mysqlFlavor(f.db) : null;
    return { db: f.db, provider, columnTypes: (t) => columnTypes(f.db, t), mysqlFlavor: flavor, close: () => f.close() };
  }
  const name = 'kiln_e2e_nt_' + randomBytes(6).toString('hex');
  await withConnection(POSTGRES_URL, (c) => c.execute(`CREATE DATABASE "${name}"`));
  const url = withDatabase(POSTGRES_URL, name);
  const drop = () => withConnection(POSTGRES_URL, (c) => c.execute(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  const ir = loadIR(withProvider(schemaText, 'postgresql'));
  try {
    await withConnection(url, async (c) => {
      await c.execute('CREATE EXTENSION IF NOT EXISTS citext');
      await applyPlan(c, renderChanges(planFromEmpty(ir), 'postgresql'));
    });
  } catch (e) {
    await drop();
    throw e;
  }
  const db = new TestClient(runtimeSchemaFromIR(ir), { url });
  return {
    db,
    provider,
    columnTypes: (t) => columnTypes(db, t),
    mysqlFlavor: null,
    async close() {
      try {
        await db.$disconnect();
      } finally {
        await drop();
      }
    },
  };
}

async function columnTypes(db: TestClient, table: string): Promise<Record<string, string>> {
  const query: Record<TestProvider, string> = {
    sqlite: 'SELECT name AS "column", type AS "type" FROM pragma_table_info(?) ORDER BY cid',
    postgresql:
      'SELECT a.attname AS "column", format_type(a.atttypid, a.atttypmod) AS "type" FROM pg_attribute a ' +
      'WHERE a.attrelid = $1::regclass AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum',
    mysql:
      'SELECT COLUMN_NAME AS `column`, COLUMN_TYPE AS `type` FROM information_schema.COLUMNS ' +
      'WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION',
  };
  const param = provider === 'postgresql' ? `"${table.replace(/"/g, '""')}"` : table;
  const rows = (await db.$queryRawUnsafe(query[provider], param)) as { column: string; type: string }[];
  return Object.fromEntries(rows.map((r) => [r.column, String(r.type)]));
}

async function mysqlFlavor(db: TestClient): Promise<'MariaDB' | 'MySQL'> {
  const rows = (await db.$queryRawUnsafe('SELECT VERSION() AS v')) as { v: string }[];
  return /mariadb/i.test(rows[0]!.v) ? 'MariaDB' : 'MySQL';
}

async function withConnection<T>(url: string, work: (c: DatabaseConnection) => Promise<T>): Promise<T> {
  const c = await openPostgresExecutor(url);
  try {
    return await work(c);
  } finally {
    await c.close();
  }
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = '/' + database;
  return u.toString();
}
