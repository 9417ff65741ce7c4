import mysql from 'mysql2/promise';
import { applyPlan, mysqlExecutor, planFromEmpty, planMigration, renderChanges, type MysqlConnectionLike } from '../../src/index.js';
import { DB_TIMEOUT } from '../helpers/apply-examples.js';
import { createTestDatabase, MYSQL_URL, serverAvailable } from '../helpers/databases.js';
import { createdFrom, dbOf, rows, schemaOf } from '../diff/helpers/migrate.js';

/*
 * Review findings (apply/executors/mysql-executor.ts): the executor runs DDL in whatever session
 * settings the server hands out. Two of them change what the DDL does; the executor should set
 * both for its session, as it already edits sql_mode for NO_BACKSLASH_ESCAPES (mysqlExecutor
 * wraps connections it did not open, so the setting belongs there, before the first statement).
 *
 * 1. sql_mode. Many servers are not strict (MySQL 5.6 defaults, older managed parameter groups,
 *    `sql_mode=''` set by an admin), and there ALTER TABLE ... MODIFY converts silently: NULLs
 *    become '' when a column is made required, values are cut to a shorter VARCHAR, a removed
 *    ENUM value becomes ''. The planner and the lint rely on the database refusing those ("fails
 *    if a row holds NULL"). Fix: add STRICT_ALL_TABLES to the session's mode.
 * 2. time_zone. A TIMESTAMP default literal is read in the session's zone; the renderer writes the
 *    schema's UTC instant, and the runtime reads TIMESTAMPs with time_zone '+00:00'
 *    (runtime/src/dialects/mysql/mysql2-driver.ts). On a server whose zone is not UTC the default
 *    is off by the zone's offset, and introspection (same zone) reports no drift. Fix:
 *    `SET time_zone = '+00:00'` as the runtime does.
 *
 * The server's settings are simulated by the session's: the tests cannot change the shared server's.
 */

const available = await serverAvailable('mysql');

async function laxConnection(database: string, settings: string): Promise<mysql.Connection> {
  const url = new URL(MYSQL_URL);
  url.pathname = `/${database}`;
  const raw = await mysql.createConnection({ uri: url.toString() });
  await raw.query(settings);
  return raw;
}

const V1 = `
model T {
  id   Int     @id
  name String?
  code String  @db.VarChar(20)
}
`;
const V2 = `
model T {
  id   Int    @id
  name String
  code String @db.VarChar(5)
}
`;

(available ? test : test.skip)(
  'on a server whose sql_mode is not strict, a plan that would convert values fails instead',
  async () => {
    const db = await createdFrom('mysql', V1);
    const raw = await laxConnection(db.name, `SET SESSION sql_mode = ''`);
    try {
      await db.connection.execute("INSERT INTO `T` (`id`, `name`, `code`) VALUES (1, NULL, 'ABCDEFGHIJ')");
      const plan = planMigration(dbOf('mysql', V1), dbOf('mysql', V2), { provider: 'mysql' });
      const outcome = await applyPlan(mysqlExecutor(raw as unknown as MysqlConnectionLike), renderChanges(plan.changes, 'mysql')).then(
        () => 'applied',
        () => 'failed',
      );
      expect(outcome).toBe('failed');
      expect(await rows(db.connection, 'SELECT `id`, `name`, `code` FROM `T`')).toEqual([{ id: 1, name: null, code: 'ABCDEFGHIJ' }]);
    } finally {
      await raw.end();
      await db.drop();
    }
  },
  DB_TIMEOUT,
);

(available ? test : test.skip)(
  'on a server whose time_zone is not UTC, a TIMESTAMP default literal is still the schema instant',
  async () => {
    const db = await createTestDatabase('mysql');
    const raw = await laxConnection(db.name, `SET time_zone = '+05:00'`);
    try {
      const body = `
model T {
  id Int      @id
  at DateTime @db.Timestamp(3) @default("2024-01-02T03:04:05.000Z")
}
`;
      await applyPlan(mysqlExecutor(raw as unknown as MysqlConnectionLike), renderChanges(planFromEmpty(schemaOf('mysql', body).ir), 'mysql'));
      // Read as the runtime reads: in UTC.
      await db.connection.execute("SET time_zone = '+00:00'");
      await db.connection.execute('INSERT INTO `T` (`id`) VALUES (1)');
      expect(await rows(db.connection, "SELECT DATE_FORMAT(`at`, '%Y-%m-%dT%H:%i:%s.%fZ') AS at FROM `T`")).toEqual([{ at: '2024-01-02T03:04:05.000000Z' }]);
    } finally {
      await raw.end();
      await db.drop();
    }
  },
  DB_TIMEOUT,
);
