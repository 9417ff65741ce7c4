import { randomBytes } from 'node:crypto';
import type { Provider } from '@kiln/schema';
import { errorMessage, openMysqlExecutor, openPostgresExecutor, type DatabaseConnection } from '@kiln/migrate';

/*
 * Fresh PostgreSQL schemas and MySQL databases for the CLI's migrate tests, one per test,
 * dropped afterwards (after packages/migrate/test/helpers/databases.ts; test files do not
 * cross packages).
 */

export const POSTGRES_URL = process.env.KILN_TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';
export const MYSQL_URL = process.env.KILN_TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306/test';
const REQUIRED = (process.env.KILN_REQUIRE_DATABASES ?? '') !== '' && process.env.KILN_REQUIRE_DATABASES !== '0';

export type ServerProvider = Exclude<Provider, 'sqlite'>;

const admin = (provider: ServerProvider): Promise<DatabaseConnection> =>
  provider === 'postgresql' ? openPostgresExecutor(POSTGRES_URL, { connectTimeoutMs: 3000 }) : openMysqlExecutor(MYSQL_URL, { connectTimeoutMs: 3000 });

/** The servers that answer; a missing one is a loud skip, or a failing test when KILN_REQUIRE_DATABASES is set. */
export async function availableServers(): Promise<ServerProvider[]> {
  const out: ServerProvider[] = [];
  for (const p of ['postgresql', 'mysql'] as const) {
    try {
      await (await admin(p)).close();
      out.push(p);
    } catch (err) {
      if (REQUIRED) {
        test(`the ${p} server is reachable`, () => {
          throw new Error(`The ${p} server is unreachable: ${errorMessage(err)}`);
        });
      } else {
        console.warn(`SKIPPING the ${p} migrate CLI tests: the server is unreachable: ${errorMessage(err)}`);
      }
    }
  }
  return out;
}

export interface ServerDatabase {
  /** The URL of a fresh, empty database (MySQL) or schema (PostgreSQL, `?schema=`). */
  url: string;
  query(sql: string): Promise<Record<string, unknown>[]>;
  drop(): Promise<void>;
}

/** A fresh database (it is created by the first kiln command that needs it). */
export async function freshDatabase(provider: ServerProvider): Promise<ServerDatabase> {
  const name = `kiln_cli_${randomBytes(5).toString('hex')}`;
  if (provider === 'postgresql') {
    const url = `${POSTGRES_URL}?schema=${name}`;
    return {
      url,
      async query(sql) {
        const c = await openPostgresExecutor(POSTGRES_URL, { schema: name });
        try {
          return await c.query(sql);
        } finally {
          await c.close();
        }
      },
      async drop() {
        const c = await admin(provider);
        await c.execute(`DROP SCHEMA IF EXISTS "${name}" CASCADE`);
        await c.close();
      },
    };
  }
  const u = new URL(MYSQL_URL);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    async query(sql) {
      const c = await openMysqlExecutor(u.toString());
      try {
        return await c.query(sql);
      } finally {
        await c.close();
      }
    },
    async drop() {
      const c = await admin(provider);
      await c.execute(`DROP DATABASE IF EXISTS \`${name}\``);
      await c.close();
    },
  };
}
