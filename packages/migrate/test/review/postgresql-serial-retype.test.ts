import { applyPlan, planMigration, renderChanges } from '../../src/index.js';
import { DB_TIMEOUT } from '../helpers/apply-examples.js';
import { serverAvailable } from '../helpers/databases.js';
import { createdFrom, dbOf, rows } from '../diff/helpers/migrate.js';

/*
 * Review finding (postgresql-ddl-renderer.ts, alterColumn): Int → BigInt on an autoincrement id,
 * the usual fix for a table running out of ids. The SERIAL's sequence was created `AS integer`
 * (PostgreSQL 10+), and the rendered statements never change that: `CREATE SEQUENCE IF NOT
 * EXISTS` finds the existing one and does nothing. The column is BIGINT, but nextval() still
 * fails at 2147483647. The `setval(..., MAX(id) + 1)` also rewinds the counter, so the ids of
 * rows deleted at the end are handed out again (the SQLite rebuild carries its counter over for
 * exactly that reason).
 */

const available = await serverAvailable('postgresql');

const V1 = `
model T {
  id Int @id @default(autoincrement())
  n  Int
}
`;
const V2 = V1.replace('id Int @id', 'id BigInt @id');

(available ? test : test.skip)(
  'Int → BigInt on an autoincrement id gives its sequence the bigint range and keeps its position',
  async () => {
    const db = await createdFrom('postgresql', V1);
    try {
      await db.connection.execute(`INSERT INTO "T" ("n") VALUES (1), (2), (3)`);
      await db.connection.execute(`DELETE FROM "T" WHERE "id" = 3`);

      const plan = planMigration(dbOf('postgresql', V1), dbOf('postgresql', V2), { provider: 'postgresql' });
      await applyPlan(db.connection, renderChanges(plan.changes, 'postgresql'));

      const [seq] = await rows(
        db.connection,
        `SELECT format_type(s.seqtypid, NULL) AS type, s.seqmax = 9223372036854775807 AS full_range FROM pg_sequence s WHERE s.seqrelid = pg_get_serial_sequence('"T"', 'id')::regclass`,
      );
      // What a table created from V2 (BIGSERIAL) has.
      expect(seq).toEqual({ type: 'bigint', full_range: true });

      // Id 3 was handed out before: the next row must not get it again.
      const [row] = await rows(db.connection, `INSERT INTO "T" ("n") VALUES (4) RETURNING "id"`);
      expect(row).toEqual({ id: 4 });
    } finally {
      await db.drop();
    }
  },
  DB_TIMEOUT,
);
