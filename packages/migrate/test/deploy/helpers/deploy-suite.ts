import { appendFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Provider } from '@kiln/schema';
import {
  deployMigrations,
  MigrateError,
  migrationStatus,
  resetDatabase,
  resolveMigration,
  rollbackMigrations,
  type DeployResult,
  type MigrateProgress,
} from '../../../src/index.js';
import { withTestDatabase, type TestDatabase } from '../../helpers/databases.js';
import { addMigration, historyOf, makeFolder, readFolder, removeFolders, SLOW_STATEMENT, spawnDeploy, tablesOf, targetFor, type MigrationSpec } from './fixtures.js';

/** Generous: child processes, MariaDB DDL, and a slow statement on purpose. */
const TIMEOUT = 90_000;

const M1 = '20240101000000_create_a';
const M2 = '20240102000000_create_b';
const M3 = '20240103000000_create_c';

/** Three migrations; the second has a foreign key to the first and a `;` inside a string and a comment. */
function threeMigrations(): MigrationSpec[] {
  return [
    { name: M1, sql: '-- the first table\nCREATE TABLE a (id INT PRIMARY KEY);\n', down: 'DROP TABLE a;\n' },
    {
      name: M2,
      sql:
        'CREATE TABLE b (id INT PRIMARY KEY, a_id INT REFERENCES a (id), note VARCHAR(20));\n' +
        "-- a comment; with a semicolon\nINSERT INTO a (id) VALUES (1);\nINSERT INTO b (id, a_id, note) VALUES (1, 1, 'x;y');\n",
      down: 'DROP TABLE b;\nDELETE FROM a;\n',
    },
    { name: M3, sql: 'CREATE TABLE c (id INT PRIMARY KEY);\n', down: 'DROP TABLE c;\n' },
  ];
}

async function expectMigrateError(promise: Promise<unknown>, code: string, message?: RegExp): Promise<MigrateError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(MigrateError);
  const e = err as MigrateError;
  expect(e.code).toBe(code);
  if (message) expect(e.message).toMatch(message);
  return e;
}

/** The deploy tests for one database; `available` false skips them (the server is down). */
export function describeDeploy(provider: Provider, available: boolean): void {
  const transactional = provider !== 'mysql';
  (available ? describe : describe.skip)(`migrations on ${provider}`, () => {
    afterEach(removeFolders);

    const deploy = (db: TestDatabase, dir: string, events?: MigrateProgress[]): Promise<DeployResult> =>
      deployMigrations({ target: targetFor(db), folder: readFolder(dir, provider), onProgress: events ? (e) => events.push(e) : undefined });

    test(
      'deploy applies pending migrations in order and records them; a second deploy is a no-op',
      () =>
        withTestDatabase(provider, async (db) => {
          const dir = makeFolder(provider, threeMigrations());
          const events: MigrateProgress[] = [];
          const result = await deploy(db, dir, events);
          expect(result).toEqual({ applied: [M1, M2, M3], resumed: [], missing: [] });
          expect(await tablesOf(db)).toEqual(['a', 'b', 'c']);
          expect(await db.connection.query('SELECT note FROM b')).toEqual([{ note: 'x;y' }]);

          const folder = readFolder(dir, provider);
          const rows = await historyOf(db);
          expect(rows.map((r) => [r.name, r.checksum, r.appliedSteps, r.logs, r.rolledBackAt])).toEqual(
            folder.migrations.map((m) => [m.name, m.checksum, m.script.steps.length, null, null]),
          );
          expect(rows.map((r) => r.appliedSteps)).toEqual([1, 3, 1]);
          for (const r of rows) {
            expect(r.startedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
            expect(r.finishedAt! >= r.startedAt).toBe(true);
          }
          // In order: each one started after the one before it finished.
          expect(rows[1]!.startedAt >= rows[0]!.finishedAt!).toBe(true);
          expect(rows[2]!.startedAt >= rows[1]!.finishedAt!).toBe(true);
          expect(events.filter((e) => e.kind === 'migrationStarted').map((e) => e.kind === 'migrationStarted' && [e.name, e.index, e.total, e.statements])).toEqual([
            [M1, 1, 3, 1],
            [M2, 2, 3, 3],
            [M3, 3, 3, 1],
          ]);
          expect(events.filter((e) => e.kind === 'statementStarted' && e.name === M2).map((e) => e.kind === 'statementStarted' && `${e.statement}/${e.of}`)).toEqual(['1/3', '2/3', '3/3']);

          const again = await deploy(db, dir);
          expect(again.applied).toEqual([]);
          expect(await historyOf(db)).toEqual(rows);

          // A migration added later is the only one that runs.
          addMigration(dir, provider, { name: '20240104000000_create_d', sql: 'CREATE TABLE d (id INT PRIMARY KEY);' });
          expect((await deploy(db, dir)).applied).toEqual(['20240104000000_create_d']);
        }),
      TIMEOUT,
    );

    test(
      'migration names with non-ASCII letters are recorded as bound values',
      () =>
        withTestDatabase(provider, async (db) => {
          const name = '20240101000000_café_ünï_名前';
          const dir = makeFolder(provider, [{ name, sql: 'CREATE TABLE a (id INT PRIMARY KEY);' }]);
          expect((await deploy(db, dir)).applied).toEqual([name]);
          expect((await historyOf(db)).map((r) => r.name)).toEqual([name]);
          expect((await deploy(db, dir)).applied).toEqual([]);
        }),
      TIMEOUT,
    );

    test(
      'two concurrent deploys in two processes apply each migration exactly once',
      () =>
        withTestDatabase(provider, async (db) => {
          const dir = makeFolder(provider, [
            { name: M1, sql: 'CREATE TABLE a (id INT PRIMARY KEY);' },
            { name: M2, sql: `CREATE TABLE b (id INT PRIMARY KEY);\n${SLOW_STATEMENT[provider]};\n` },
            { name: M3, sql: 'CREATE TABLE c (id INT PRIMARY KEY);' },
          ]);
          const request = { target: targetFor(db), folder: dir };
          const first = spawnDeploy(request);
          // The second starts while the first is inside its slow statement.
          await first.waitFor(`statement ${M2} 2/2`);
          const second = spawnDeploy(request);
          const codes = await Promise.all([first.exited, second.exited]);
          expect({ codes, first: first.stderr(), second: second.stderr() }).toMatchObject({ codes: [0, 0] });
          const results = [first, second].map((c) => JSON.parse(c.stdout()) as DeployResult);
          expect([...results[0]!.applied, ...results[1]!.applied].sort()).toEqual([M1, M2, M3]);
          // The second waited for the lock, then found nothing left to do.
          expect(results[1]!.applied).toEqual([]);
          expect(second.stderr()).toContain('waiting for the lock');
          const rows = await historyOf(db);
          expect(rows.map((r) => [r.name, r.finishedAt !== null, r.logs])).toEqual([
            [M1, true, null],
            [M2, true, null],
            [M3, true, null],
          ]);
          expect(await tablesOf(db)).toEqual(['a', 'b', 'c']);
        }),
      TIMEOUT,
    );

    test(
      transactional
        ? 'a deploy killed in the middle of a migration leaves nothing of it applied; the rerun applies it'
        : 'a deploy killed in the middle of a migration is resumed by the rerun at the statement it stopped in',
      () =>
        withTestDatabase(provider, async (db) => {
          const dir = makeFolder(provider, [
            { name: M1, sql: 'CREATE TABLE a (id INT PRIMARY KEY);' },
            { name: M2, sql: `CREATE TABLE b (id INT PRIMARY KEY);\n${SLOW_STATEMENT[provider]};\nCREATE TABLE c (id INT PRIMARY KEY);\n` },
          ]);
          const child = spawnDeploy({ target: targetFor(db), folder: dir });
          await child.waitFor(`statement ${M2} 2/3`);
          child.process.kill('SIGKILL');
          expect(await child.exited).toBeNull();

          const folder = readFolder(dir, provider);
          const status = migrationStatus(folder, await historyOf(db));
          if (transactional) {
            // The transaction died with the connection: no table b, no row for M2.
            expect(await tablesOf(db)).toEqual(['a']);
            expect(status.migrations.map((s) => s.kind)).toEqual(['applied', 'pending']);
          } else {
            expect(await tablesOf(db)).toEqual(['a', 'b']);
            expect(status.migrations.map((s) => s.kind)).toEqual(['applied', 'interrupted']);
            expect(status.migrations[1]!.row).toMatchObject({ appliedSteps: 1, finishedAt: null, logs: null });
          }

          const events: MigrateProgress[] = [];
          const rerun = await deploy(db, dir, events);
          expect(rerun.applied).toEqual([M2]);
          expect(rerun.resumed).toEqual(transactional ? [] : [{ name: M2, statement: 2 }]);
          expect(events.find((e) => e.kind === 'migrationStarted')).toMatchObject({ name: M2, resumeAt: transactional ? 0 : 1 });
          expect(await tablesOf(db)).toEqual(['a', 'b', 'c']);
          expect((await historyOf(db))[1]).toMatchObject({ name: M2, appliedSteps: 3, logs: null, rolledBackAt: null });
        }),
      TIMEOUT,
    );

    test(
      'a failed migration is recorded, stops later deploys until it is resolved, and runs again once rolled back',
      () =>
        withTestDatabase(provider, async (db) => {
          const bad = 'CREATE TABLE b (id INT PRIMARY KEY);\nINSERT INTO no_such_table VALUES (1);\nCREATE TABLE c (id INT PRIMARY KEY);\n';
          const dir = makeFolder(provider, [
            { name: M1, sql: 'CREATE TABLE a (id INT PRIMARY KEY);' },
            { name: M2, sql: bad },
            { name: M3, sql: 'CREATE TABLE d (id INT PRIMARY KEY);' },
          ]);
          const e = await expectMigrateError(deploy(db, dir), 'STATEMENT_FAILED', new RegExp(`^Migration ${M2} failed: statement 2 of 3 \\(migration\\.sql line 2\\) failed: .*no_such_table`));
          expect(e.message).toContain('  in: INSERT INTO no_such_table VALUES (1)');
          expect(e.message).toMatch(transactional ? /Nothing of it was applied/ : /Its first 1 statement stays applied/);
          expect(e.message).toContain(`kiln migrate resolve --rolled-back ${M2}`);
          expect(await tablesOf(db)).toEqual(transactional ? ['a'] : ['a', 'b']);
          const rows = await historyOf(db);
          expect(rows[1]).toMatchObject({ name: M2, finishedAt: null, appliedSteps: transactional ? 0 : 1, rolledBackAt: null });
          expect(rows[1]!.logs).toContain('no_such_table');
          expect(migrationStatus(readFolder(dir, provider), rows).migrations.map((s) => s.kind)).toEqual(['applied', 'failed', 'pending']);

          // The next deploy refuses, and says why and what to do.
          await expectMigrateError(deploy(db, dir), 'FAILED_MIGRATION', new RegExp(`Migration ${M2} failed in an earlier deploy[\\s\\S]*no_such_table[\\s\\S]*resolve --rolled-back ${M2}`));
          expect(await tablesOf(db)).toEqual(transactional ? ['a'] : ['a', 'b']);

          // Undo by hand where it was partly applied, fix the file, mark it rolled back, deploy.
          if (!transactional) await db.connection.execute('DROP TABLE b');
          writeFileSync(join(dir, M2, 'migration.sql'), bad.replace('INSERT INTO no_such_table VALUES (1);\n', ''));
          expect(await resolveMigration({ target: targetFor(db), folder: readFolder(dir, provider), name: M2, as: 'rolledBack' })).toBe('markedRolledBack');
          expect((await deploy(db, dir)).applied).toEqual([M2, M3]);
          expect(await tablesOf(db)).toEqual(['a', 'b', 'c', 'd']);
          expect((await historyOf(db))[1]).toMatchObject({ name: M2, appliedSteps: 2, logs: null, rolledBackAt: null });
        }),
      TIMEOUT,
    );

    test(
      'resolve --applied records a migration finished by hand, and accepts an edited applied migration',
      () =>
        withTestDatabase(provider, async (db) => {
          const dir = makeFolder(provider, [
            { name: M1, sql: 'CREATE TABLE a (id INT PRIMARY KEY);' },
            { name: M2, sql: 'CREATE TABLE b (id INT PRIMARY KEY);\nCREATE TABLE b (id INT PRIMARY KEY);\n' },
          ]);
          await expectMigrateError(deploy(db, dir), 'STATEMENT_FAILED');
          if (transactional) await db.connection.execute('CREATE TABLE b (id INT PRIMARY KEY)');
          const resolve = (name: string, as: 'applied' | 'rolledBack') => resolveMigration({ target: targetFor(db), folder: readFolder(dir, provider), name, as });
          expect(await resolve(M2, 'applied')).toBe('markedApplied');
          expect((await historyOf(db))[1]).toMatchObject({ name: M2, appliedSteps: 2, rolledBackAt: null });
          expect((await deploy(db, dir)).applied).toEqual([]);

          await expectMigrateError(resolve(M2, 'applied'), 'INVALID_REQUEST', /already applied/);
          await expectMigrateError(resolve('20990101000000_nope', 'applied'), 'INVALID_REQUEST', /There is no migration named 20990101000000_nope/);

          // An edit after applying: status says so, deploy refuses, resolve --applied records the new checksum.
          appendFileSync(join(dir, M1, 'migration.sql'), '\n-- a comment added later\n');
          const status = migrationStatus(readFolder(dir, provider), await historyOf(db));
          expect(status.migrations[0]).toMatchObject({ kind: 'applied', edited: true });
          await expectMigrateError(deploy(db, dir), 'EDITED_MIGRATION', new RegExp(`Migration ${M1} was applied, and its migration\\.sql has changed since`));
          expect(await resolve(M1, 'applied')).toBe('checksumUpdated');
          expect((await deploy(db, dir)).applied).toEqual([]);

          // Line endings converted by a checkout are not an edit.
          const file = join(dir, M2, 'migration.sql');
          writeFileSync(file, 'CREATE TABLE b (id INT PRIMARY KEY);\r\nCREATE TABLE b (id INT PRIMARY KEY);\r\n');
          expect(migrationStatus(readFolder(dir, provider), await historyOf(db)).migrations[1]).toMatchObject({ kind: 'applied', edited: false });
        }),
      TIMEOUT,
    );

    test(
      'down runs down.sql of the last applied migrations and marks them rolled back; deploy applies them again',
      () =>
        withTestDatabase(provider, async (db) => {
          const dir = makeFolder(provider, threeMigrations());
          await deploy(db, dir);
          const rollback = (steps?: number) => rollbackMigrations({ target: targetFor(db), folder: readFolder(dir, provider), steps });
          expect(await rollback()).toEqual([M3]);
          expect(await tablesOf(db)).toEqual(['a', 'b']);
          const rows = await historyOf(db);
          expect(rows[2]!.rolledBackAt).not.toBeNull();
          expect(migrationStatus(readFolder(dir, provider), rows).migrations.map((s) => s.kind)).toEqual(['applied', 'applied', 'pending']);

          expect(await rollback(2)).toEqual([M2, M1]);
          expect(await tablesOf(db)).toEqual([]);
          await expectMigrateError(rollback(), 'INVALID_REQUEST', /No migration is applied/);

          expect((await deploy(db, dir)).applied).toEqual([M1, M2, M3]);
          expect((await historyOf(db)).every((r) => r.rolledBackAt === null && r.finishedAt !== null)).toBe(true);
          expect(await db.connection.query('SELECT note FROM b')).toEqual([{ note: 'x;y' }]);

          // More steps than applied migrations rolls back what there is.
          expect(await rollback(10)).toEqual([M3, M2, M1]);

          // A migration without down.sql stops the rollback, with what to do.
          await deploy(db, dir);
          rmSync(join(dir, M3, 'down.sql'));
          await expectMigrateError(rollback(), 'NO_DOWN_MIGRATION', new RegExp(`Migration ${M3} has no down\\.sql[\\s\\S]*resolve --rolled-back ${M3}`));
          expect(await tablesOf(db)).toEqual(['a', 'b', 'c']);
        }),
      TIMEOUT,
    );

    test(
      'a deploy that cannot get the lock within the timeout says so',
      () =>
        withTestDatabase(provider, async (db) => {
          const dir = makeFolder(provider, [{ name: M1, sql: `${SLOW_STATEMENT[provider]};\nCREATE TABLE a (id INT PRIMARY KEY);\n` }]);
          const child = spawnDeploy({ target: targetFor(db), folder: dir });
          await child.waitFor(`statement ${M1} 1/2`);
          const events: MigrateProgress[] = [];
          await expectMigrateError(
            deployMigrations({ target: targetFor(db), folder: readFolder(dir, provider), lockTimeoutMs: 300, onProgress: (e) => events.push(e) }),
            'LOCK_TIMEOUT',
            /more than 300 ms/,
          );
          expect(events[0]).toMatchObject({ kind: 'waitingForLock' });
          expect(await child.exited).toBe(0);
          expect(await tablesOf(db)).toEqual(['a']);
        }),
      TIMEOUT,
    );

    test(
      'reset drops everything, the history table included, and applies every migration again',
      () =>
        withTestDatabase(provider, async (db) => {
          const dir = makeFolder(provider, threeMigrations());
          await deploy(db, dir);
          await db.connection.execute('CREATE TABLE stray (id INT PRIMARY KEY)');
          await db.connection.execute('CREATE VIEW stray_view AS SELECT id FROM a');
          await db.connection.execute('INSERT INTO c (id) VALUES (7)');
          const before = await historyOf(db);
          const result = await resetDatabase({ target: targetFor(db), folder: readFolder(dir, provider) });
          expect(result.dropped).toBeGreaterThanOrEqual(6);
          expect(result.deploy?.applied).toEqual([M1, M2, M3]);
          expect(await tablesOf(db)).toEqual(['a', 'b', 'c']);
          expect(await db.connection.query('SELECT id FROM c')).toEqual([]);
          const after = await historyOf(db);
          expect(after.map((r) => r.name)).toEqual(before.map((r) => r.name));
          expect(after[0]!.startedAt >= before[2]!.finishedAt!).toBe(true);
        }),
      TIMEOUT,
    );
  });
}
