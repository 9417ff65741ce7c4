import { randomBytes } from 'node:crypto';
import { applyPlan, planMigration, renderChanges } from '../../src/index.js';
import { DB_TIMEOUT } from '../helpers/apply-examples.js';
import { serverAvailable } from '../helpers/databases.js';
import { dbOf, rows } from '../diff/helpers/migrate.js';
import { databaseFrom } from './helpers/round-trip.js';

/*
 * Review finding (postgresql-ddl-renderer.ts, moveAndRename): a model (or enum) that leaves its
 * @@schema for the default schema (`schema: null`, the connection's current schema, as every
 * unqualified CREATE uses) is moved with `SET SCHEMA public`. With `?schema=app` in the URL the
 * current schema is `app`: the table and its rows land in `public`, where the application does
 * not look, the next `db push` creates an empty table in `app`, and a `public` table of the same
 * name makes the migration fail. `CREATE TYPE`/`CREATE TABLE` for `schema: null` go to the
 * current schema; the move must too (e.g. `EXECUTE format('ALTER TABLE %s SET SCHEMA %I', ...,
 * current_schema())` in a DO block).
 */

const available = await serverAvailable('postgresql');

(available ? test : test.skip)(
  'a model leaving its @@schema moves to the current schema, not to public',
  async () => {
    const tag = randomBytes(4).toString('hex');
    const other = `kiln_review_${tag}`;
    const table = `Moved_${tag}`;
    const extra = `schemas = ["${other}"]`;
    const v1 = `model ${table} {\n  id Int @id\n  @@schema("${other}")\n}\n`;
    const v2 = `model ${table} {\n  id Int @id\n}\n`;
    const db = await databaseFrom('postgresql', v1, { extra, namespaces: [other] });
    try {
      await db.connection.execute(`INSERT INTO "${other}"."${table}" ("id") VALUES (1)`);
      const plan = planMigration(dbOf('postgresql', v1, extra), dbOf('postgresql', v2, extra), { provider: 'postgresql' });
      await applyPlan(db.connection, renderChanges(plan.changes, 'postgresql'));
      expect(await rows(db.connection, `SELECT table_schema = current_schema() AS current FROM information_schema.tables WHERE table_name = $1`, [table])).toEqual([
        { current: true },
      ]);
      expect(await rows(db.connection, `SELECT "id" FROM "${table}"`)).toEqual([{ id: 1 }]);
    } finally {
      // Today the table lands in the shared database's public schema: leave nothing behind.
      await db.connection.execute(`DROP TABLE IF EXISTS public."${table}"`);
      await db.drop();
    }
  },
  DB_TIMEOUT,
);
