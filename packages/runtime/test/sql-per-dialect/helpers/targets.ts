import { randomBytes } from 'node:crypto';
import { expandKeyLists, KeyList } from '../../../src/dialects/mysql/key-list.js';
import { KilnClientBase, type KilnClientOptions, type RuntimeSchema } from '../../../src/index.js';
import { BLOG_DDL, BLOG_RESET, blogSchema, type Provider } from './blog-schema.js';

/**
 * Where the SQL of a call is captured: the three dialects, and MySQL twice. `mysql` is a MySQL
 * 8.0 server (no RETURNING: inserts are read back by their AUTO_INCREMENT id, updates by their
 * key), posed by the MariaDB server with `serverVersion: '8.0.36'`, as the e2e suite's
 * mysql-no-returning run does; `mariadb` is MariaDB 10.11 as itself (INSERT and DELETE ...
 * RETURNING, no UPDATE ... RETURNING).
 */
export type TargetName = 'sqlite' | 'postgresql' | 'mysql' | 'mariadb';
export const TARGETS: readonly TargetName[] = ['sqlite', 'postgresql', 'mysql', 'mariadb'];

const PROVIDER: Record<TargetName, Provider> = { sqlite: 'sqlite', postgresql: 'postgresql', mysql: 'mysql', mariadb: 'mysql' };

export const POSTGRES_URL = process.env.KILN_TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';
export const MYSQL_URL = process.env.KILN_TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306/test';

/**
 * One statement a call sent: its SQL text and its bound parameters, as the query log shows them
 * (bigints and Decimals as strings, Buffers as `<n bytes>`). On MySQL, where a key list is one
 * `IN (?)` parameter that the driver expands (key-list.ts), the statement is shown expanded, as
 * the server receives it: `IN (?, ?, ?, ?)`, padded to a power of two with the last key.
 */
export interface Statement {
  sql: string;
  params: unknown[];
}

/** A client shaped like a generated one: a delegate per model (`db.user`, `db.post`...). */
export class SqlTestClient extends KilnClientBase {
  [model: string]: any;
  constructor(schema: RuntimeSchema, options: KilnClientOptions) {
    super(schema, options);
    for (const name of Object.keys(schema.models)) (this as Record<string, unknown>)[name[0]!.toLowerCase() + name.slice(1)] = this.$delegate(name);
  }
}

export interface Target {
  name: TargetName;
  db: SqlTestClient;
  /** Runs `call` and returns every statement it sent, in order, with its result. */
  capture<T>(call: (db: SqlTestClient) => PromiseLike<T>): Promise<{ statements: Statement[]; result: T }>;
  /** Empties the tables, restarts ids at 1 and inserts the seed again. */
  reset(): Promise<void>;
  close(): Promise<void>;
}

/**
 * A database of its own for `name` (an in-memory SQLite database, a PostgreSQL schema, a MySQL
 * database with a random name, dropped by close()), its tables, the seed, and a client on it
 * whose query events are captured. A server that does not answer fails the tests: they are
 * never skipped.
 */
export async function openTarget(name: TargetName, seed: (db: SqlTestClient) => Promise<void>): Promise<Target> {
  const provider = PROVIDER[name];
  const schema = blogSchema(provider);
  const database = 'kiln_sql_' + randomBytes(6).toString('hex');
  let url: string;
  let drop = async (): Promise<void> => undefined;
  let options: KilnClientOptions = {};
  switch (name) {
    case 'sqlite':
      url = ':memory:';
      break;
    case 'postgresql':
      await admin(schema, POSTGRES_URL, `CREATE SCHEMA "${database}"`);
      url = withParam(POSTGRES_URL, 'schema', database);
      drop = () => admin(schema, POSTGRES_URL, `DROP SCHEMA IF EXISTS "${database}" CASCADE`);
      break;
    case 'mysql':
    case 'mariadb':
      await admin(schema, MYSQL_URL, `CREATE DATABASE \`${database}\``);
      url = withDatabase(MYSQL_URL, database);
      drop = () => admin(schema, MYSQL_URL, `DROP DATABASE IF EXISTS \`${database}\``);
      if (name === 'mysql') options = { serverVersion: '8.0.36' };
      break;
  }
  const db = new SqlTestClient(schema, { url, ...options });
  let captured: Statement[] | null = null;
  const sent = provider === 'mysql' ? asSentToMysql : (s: Statement) => s;
  db.$on('query', (e) => captured?.push(sent({ sql: e.query, params: JSON.parse(e.params) as unknown[] })));
  const reset = async () => {
    for (const s of BLOG_RESET[provider]) await db.$executeRawUnsafe(s);
    await seed(db);
  };
  try {
    for (const s of BLOG_DDL[provider]) await db.$executeRawUnsafe(s);
    await seed(db);
  } catch (e) {
    await db.$disconnect();
    await drop();
    throw e;
  }
  return {
    name,
    db,
    async capture(call) {
      captured = [];
      try {
        const result = await call(db);
        return { statements: captured, result };
      } finally {
        captured = null;
      }
    },
    reset,
    async close() {
      try {
        await db.$disconnect();
      } finally {
        await drop();
      }
    },
  };
}

/** The logged statement as mysql2-driver.ts sends it: each key list (logged as an array) expanded. */
function asSentToMysql(s: Statement): Statement {
  if (!s.params.some(Array.isArray)) return s;
  const expanded = expandKeyLists(s.sql, s.params.map((p) => (Array.isArray(p) ? new KeyList(p) : p)));
  return { sql: expanded.sql, params: expanded.params };
}

/** One statement on a short-lived client of the server's default database. */
async function admin(schema: RuntimeSchema, url: string, statement: string): Promise<void> {
  const c = new SqlTestClient(schema, { url });
  try {
    await c.$executeRawUnsafe(statement);
  } finally {
    await c.$disconnect();
  }
}

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
