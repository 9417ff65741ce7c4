import type { Provider } from '@kiln/schema';
import { deployMigrations, MigrateError, migrationStatus } from '../../src/index.js';
import { serverAvailable, withTestDatabase, type TestDatabase } from '../helpers/databases.js';
import { historyOf, makeFolder, readFolder, removeFolders, spawnDeploy, tablesOf, targetFor, type MigrationSpec } from './helpers/fixtures.js';

/*
 * The directives of migration.sql, on the databases they matter for: `-- kiln:no-transaction`
 * (PostgreSQL's ALTER TYPE ... ADD VALUE, SQLite's VACUUM) runs a statement outside the
 * migration's transaction, in order, and the history row counts what ran so a failure or a
 * kill leaves a resumable state; `-- kiln:foreign-keys-off` (SQLite) turns enforcement off for
 * a table rebuild, without which ON DELETE CASCADE empties the referencing table.
 */

afterEach(removeFolders);

const pg = await serverAvailable('postgresql');
const TIMEOUT = 60_000;

const deploy = (db: TestDatabase, migrations: MigrationSpec[]) => {
  const dir = makeFolder(db.provider, migrations);
  return { dir, run: () => deployMigrations({ target: targetFor(db), folder: readFolder(dir, db.provider) }) };
};

async function failure(promise: Promise<unknown>): Promise<MigrateError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(MigrateError);
  return err as MigrateError;
}

(pg ? describe : describe.skip)('-- kiln:no-transaction on PostgreSQL', () => {
  const provider: Provider = 'postgresql';
  const M1 = { name: '20240101000000_type', sql: "CREATE TYPE mood AS ENUM ('a');\n" };
  const USE = "ALTER TYPE mood ADD VALUE 'b';\nCREATE TABLE t (m mood DEFAULT 'b');\nINSERT INTO t DEFAULT VALUES;\n";

  test(
    'an enum value added outside the transaction can be used by the statements after it',
    () =>
      withTestDatabase(provider, async (db) => {
        // Without the directive PostgreSQL refuses to use the value in the transaction that added it.
        const plain = deploy(db, [M1, { name: '20240102000000_use', sql: USE }]);
        const e = await failure(plain.run());
        expect(e.message).toMatch(/statement 2 of 3 .*unsafe use of new value "b" of enum type mood/);
        expect(await tablesOf(db)).toEqual([]);
      }).then(() =>
        withTestDatabase(provider, async (db) => {
          const marked = deploy(db, [M1, { name: '20240102000000_use', sql: `-- kiln:no-transaction\n${USE}` }]);
          expect((await marked.run()).applied).toEqual([M1.name, '20240102000000_use']);
          expect(await db.connection.query('SELECT m::text AS m FROM t')).toEqual([{ m: 'b' }]);
          expect((await historyOf(db))[1]).toMatchObject({ appliedSteps: 3, logs: null });
        }),
      ),
    TIMEOUT,
  );

  test(
    'a failure after a statement outside the transaction: what ran stays, the row says how much',
    () =>
      withTestDatabase(provider, async (db) => {
        const sql = 'CREATE TABLE x (id INT);\n-- kiln:no-transaction\nCREATE TABLE y (id INT);\nCREATE TABLE z (id INT);\nINSERT INTO nowhere VALUES (1);\n';
        const { dir, run } = deploy(db, [{ name: '20240101000000_partial', sql }]);
        const e = await failure(run());
        expect(e.code).toBe('STATEMENT_FAILED');
        expect(e.message).toContain('statement 4 of 4 (migration.sql line 5) failed');
        expect(e.message).toContain('Its first 2 statements stay applied (the statements of its transaction that had run were rolled back).');
        expect(e.message).toContain('either undo its first 2 statements by hand and run `kiln migrate resolve --rolled-back 20240101000000_partial`');
        expect(await tablesOf(db)).toEqual(['x', 'y']);
        const rows = await historyOf(db);
        expect(rows[0]).toMatchObject({ appliedSteps: 2, finishedAt: null });
        expect(migrationStatus(readFolder(dir, provider), rows).migrations[0]!.kind).toBe('failed');
      }),
    TIMEOUT,
  );

  test(
    'killed in a transaction after a statement outside it: the rerun resumes after what committed',
    () =>
      withTestDatabase(provider, async (db) => {
        const name = '20240101000000_slow';
        const sql = 'CREATE TABLE x (id INT);\n-- kiln:no-transaction\nCREATE TABLE y (id INT);\nCREATE TABLE z (id INT);\nSELECT pg_sleep(3);\n';
        const dir = makeFolder(provider, [{ name, sql }]);
        const child = spawnDeploy({ target: targetFor(db), folder: dir });
        await child.waitFor(`statement ${name} 4/4`);
        child.process.kill('SIGKILL');
        await child.exited;
        expect(await tablesOf(db)).toEqual(['x', 'y']);
        expect((await historyOf(db))[0]).toMatchObject({ appliedSteps: 2, finishedAt: null, logs: null });

        const result = await deployMigrations({ target: targetFor(db), folder: readFolder(dir, provider) });
        expect(result.resumed).toEqual([{ name, statement: 3 }]);
        expect(await tablesOf(db)).toEqual(['x', 'y', 'z']);
        expect((await historyOf(db))[0]).toMatchObject({ appliedSteps: 4, logs: null });
      }),
    TIMEOUT,
  );
});

describe('directives on SQLite', () => {
  const provider: Provider = 'sqlite';
  const SETUP = {
    name: '20240101000000_setup',
    sql:
      'CREATE TABLE parent (id INTEGER PRIMARY KEY, name TEXT);\n' +
      'CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES parent (id) ON DELETE CASCADE);\n' +
      "INSERT INTO parent VALUES (1, 'p');\nINSERT INTO child VALUES (1, 1);\n",
  };
  /** Rebuilds parent (a new column), the way SQLite changes what ALTER TABLE cannot. */
  const rebuild = (directive: string) =>
    ['CREATE TABLE parent_new (id INTEGER PRIMARY KEY, name TEXT, extra TEXT);', 'INSERT INTO parent_new (id, name) SELECT id, name FROM parent;', 'DROP TABLE parent;', 'ALTER TABLE parent_new RENAME TO parent;']
      .map((s) => `${directive}${s}\n`)
      .join('');

  test('foreign-keys-off keeps the referencing rows through a table rebuild', () =>
    withTestDatabase(provider, async (db) => {
      // Without it, DROP TABLE parent deletes its rows first, and the cascade empties child.
      await deploy(db, [SETUP, { name: '20240102000000_rebuild', sql: rebuild('') }]).run();
      expect(await db.connection.query('SELECT count(*) AS n FROM child')).toEqual([{ n: 0 }]);
    }).then(() =>
      withTestDatabase(provider, async (db) => {
        await deploy(db, [SETUP, { name: '20240102000000_rebuild', sql: rebuild('-- kiln:foreign-keys-off\n') }]).run();
        expect(await db.connection.query('SELECT count(*) AS n FROM child')).toEqual([{ n: 1 }]);
        expect(await db.connection.query('PRAGMA foreign_keys')).toEqual([{ foreign_keys: 1 }]);
      }),
    ),
  );

  test('no-transaction runs VACUUM, which SQLite refuses inside a transaction; foreign-keys-off in a later segment still works', () =>
    withTestDatabase(provider, async (db) => {
      const plain = deploy(db, [{ name: '20240101000000_vacuum', sql: 'CREATE TABLE a (id INTEGER);\nVACUUM;\n' }]);
      expect((await failure(plain.run())).message).toMatch(/cannot VACUUM from within a transaction/);
    }).then(() =>
      withTestDatabase(provider, async (db) => {
        const sql = `${SETUP.sql}-- kiln:no-transaction\nVACUUM;\n${rebuild('-- kiln:foreign-keys-off\n')}`;
        const result = await deploy(db, [{ name: '20240101000000_mixed', sql }]).run();
        expect(result.applied).toEqual(['20240101000000_mixed']);
        expect(await db.connection.query('SELECT count(*) AS n FROM child')).toEqual([{ n: 1 }]);
        expect((await historyOf(db))[0]).toMatchObject({ appliedSteps: 9, logs: null });
      }),
    ));
});
