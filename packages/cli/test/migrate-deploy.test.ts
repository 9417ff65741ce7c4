import { appendFileSync, existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeSchema, serializeIR } from '@kiln/schema';
import { openSqliteExecutor } from '@kiln/migrate';
import { kiln, removeTempDirs, STACK_FRAME, tempProject } from './run-kiln.js';

/*
 * `kiln migrate deploy`, `status`, `resolve`, `down` and `reset` as CI and developers run them:
 * the built binary in a subprocess, over migrations folders written here, against SQLite files.
 * Every failure is one message that says what to do, exit 1, never a stack trace.
 */

afterEach(removeTempDirs);

const SCHEMA = 'datasource db {\n  provider = "sqlite"\n  url      = env("DATABASE_URL")\n}\n\nmodel A {\n  id Int @id\n}\n';
const SNAPSHOT = serializeIR(analyzeSchema([{ path: 'schema.schema', text: SCHEMA }]).ir!);
const ENV = { DATABASE_URL: 'file:./dev.db' };
const M1 = '20240101000000_create_a';
const M2 = '20240102000000_add_row';

/** A project with a schema and a migrations folder of (name → migration.sql, down.sql). */
function project(migrations: Record<string, [string, string?]>, extra: Record<string, string> = {}): string {
  const files: Record<string, string> = { 'schema.schema': SCHEMA, 'migrations/migration_lock.toml': 'provider = "sqlite"\n', ...extra };
  for (const [name, [up, down]] of Object.entries(migrations)) {
    files[`migrations/${name}/migration.sql`] = up;
    files[`migrations/${name}/snapshot.json`] = SNAPSHOT;
    if (down !== undefined) files[`migrations/${name}/down.sql`] = down;
  }
  return tempProject(files);
}

const TWO: Record<string, [string, string?]> = {
  [M1]: ['CREATE TABLE "A" ("id" INTEGER NOT NULL PRIMARY KEY);\n', '-- kiln: data loss: Dropping table "A" deletes every row it holds.\nDROP TABLE "A";\n'],
  [M2]: ['INSERT INTO "A" ("id") VALUES (42);\n', 'DELETE FROM "A" WHERE "id" = 42;\n'],
};

async function rows(dir: string): Promise<unknown[]> {
  const c = await openSqliteExecutor(join(dir, 'dev.db'));
  try {
    return (await c.query('SELECT "id" FROM "A" ORDER BY "id"')).map((r) => r.id);
  } finally {
    await c.close();
  }
}

async function tables(dir: string): Promise<string[]> {
  const c = await openSqliteExecutor(join(dir, 'dev.db'));
  try {
    return (await c.query("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")).map((r) => String(r.name));
  } finally {
    await c.close();
  }
}

function expectCleanError(r: { status: number | null; stderr: string }, message: RegExp): void {
  expect(r.status).toBe(1);
  expect(r.stderr).toMatch(message);
  expect(r.stderr).not.toMatch(STACK_FRAME);
}

describe('kiln migrate deploy and status', () => {
  test('status before and after deploy; a second deploy is a no-op', async () => {
    const dir = project(TWO);
    const before = kiln(dir, ['migrate', 'status'], ENV);
    expect(before.status).toBe(1);
    expect(before.stdout).toContain(`  pending      ${M1}\n  pending      ${M2}\n`);
    expect(before.stdout).toContain('The SQLite database dev.db does not exist yet; `kiln migrate deploy` creates it.');
    expect(before.stdout).toContain('2 migrations are pending: `kiln migrate deploy` applies them.');
    expect(existsSync(join(dir, 'dev.db'))).toBe(false);

    const r = kiln(dir, ['migrate', 'deploy'], ENV);
    expect(r.stderr).toBe(
      'Created the SQLite database dev.db.\n' +
        `Applying ${M1} (1/2, 1 statement)\n  statement 1/1: CREATE TABLE "A" ("id" INTEGER NOT NULL PRIMARY KEY)\n` +
        r.stderr.slice(r.stderr.indexOf(`Applied ${M1}`)),
    );
    expect(r.stderr).toMatch(new RegExp(`Applied ${M1} in \\d+\\.\\d s\\n`));
    expect(r.stdout).toBe(`Applied 2 migrations to the SQLite database dev.db: ${M1}, ${M2}.\n`);
    expect(r.status).toBe(0);
    expect(await tables(dir)).toEqual(['A', '_kiln_migrations']);
    expect(await rows(dir)).toEqual([42]);

    const again = kiln(dir, ['migrate', 'deploy'], ENV);
    expect(again.stdout).toBe('The SQLite database dev.db is up to date: all 2 migrations of migrations are applied.\n');
    expect(again.stderr).toBe('');

    const after = kiln(dir, ['migrate', 'status'], ENV);
    expect(after.stdout).toContain('The database is up to date.');
    expect(after.status).toBe(0);
  });

  test('status exits 1 for an edited migration, for drift and for a migration missing from the folder', async () => {
    const dir = project(TWO);
    expect(kiln(dir, ['migrate', 'deploy'], ENV).status).toBe(0);

    appendFileSync(join(dir, 'migrations', M1, 'migration.sql'), '-- edited\n');
    const edited = kiln(dir, ['migrate', 'status'], ENV);
    expect(edited.status).toBe(1);
    expect(edited.stdout).toContain(`  applied      ${M1}  (its migration.sql was edited after it was applied)`);
    expect(edited.stdout).toContain('1 applied migration was edited afterwards');
    const refused = kiln(dir, ['migrate', 'deploy'], ENV);
    expectCleanError(refused, new RegExp(`^error: Migration ${M1} was applied, and its migration\\.sql has changed since`));
    // Accepting the edit makes it up to date again.
    expect(kiln(dir, ['migrate', 'resolve', '--applied', M1], ENV).stdout).toBe(`Recorded the edited migration.sql of ${M1} as applied in the SQLite database dev.db.\n`);
    expect(kiln(dir, ['migrate', 'status'], ENV).status).toBe(0);

    // The snapshot says the last migration leaves table A only: c is drift.
    const c = await openSqliteExecutor(join(dir, 'dev.db'));
    await c.execute('CREATE TABLE "c" ("id" INTEGER)');
    await c.close();
    const drift = kiln(dir, ['migrate', 'status'], ENV);
    expect(drift.status).toBe(1);
    expect(drift.stdout).toContain(`Drift: the database differs from the schema of the last applied migration, ${M2}. To match the migrations it would need:\n`);
    expect(drift.stdout).toContain('  - DropTable "c"\n');

    rmSync(join(dir, 'migrations', M2), { recursive: true });
    const missing = kiln(dir, ['migrate', 'status'], ENV);
    expect(missing.stdout).toContain(`  not in folder  ${M2}`);
    expect(missing.status).toBe(1);
  });

  test('a failed migration: deploy stops, says what to do; resolve --rolled-back lets it run again', async () => {
    const dir = project({ ...TWO, '20240103000000_bad': ['CREATE TABLE "c" ("id" INTEGER);\nINSERT INTO nowhere VALUES (1);\n'] });
    const r = kiln(dir, ['migrate', 'deploy'], ENV);
    expectCleanError(r, /^error: Migration 20240103000000_bad failed: statement 2 of 2 \(migration\.sql line 2\) failed: no such table: nowhere\n {2}in: INSERT INTO nowhere VALUES \(1\)\nNothing of it was applied: its transaction was rolled back\.\nFix the cause, then run `kiln migrate resolve --rolled-back 20240103000000_bad`/m);
    expect(await tables(dir)).toEqual(['A', '_kiln_migrations']);

    const status = kiln(dir, ['migrate', 'status'], ENV);
    expect(status.status).toBe(1);
    expect(status.stdout).toContain('  failed       20240103000000_bad  (statement 2 of 2 (migration.sql line 2) failed: no such table: nowhere)');

    expectCleanError(kiln(dir, ['migrate', 'deploy'], ENV), /^error: Migration 20240103000000_bad failed in an earlier deploy/);
    writeFileSync(join(dir, 'migrations/20240103000000_bad/migration.sql'), 'CREATE TABLE "c" ("id" INTEGER);\n');
    const resolved = kiln(dir, ['migrate', 'resolve', '--rolled-back', '20240103000000_bad'], ENV);
    expect(resolved.stdout).toBe('Marked 20240103000000_bad as rolled back in the SQLite database dev.db: the next `kiln migrate deploy` runs it again.\n');
    expect(kiln(dir, ['migrate', 'deploy'], ENV).stdout).toBe('Applied 1 migration to the SQLite database dev.db: 20240103000000_bad.\n');
  });

  test('resolve needs exactly one of its options and a migration of the folder', () => {
    const dir = project(TWO);
    expectCleanError(kiln(dir, ['migrate', 'resolve'], ENV), /^error: Pass exactly one of --applied <migration>/);
    expectCleanError(kiln(dir, ['migrate', 'resolve', '--applied', M1, '--rolled-back', M2], ENV), /^error: Pass exactly one of/);
    expectCleanError(kiln(dir, ['migrate', 'resolve', '--applied', 'nope'], ENV), /^error: There is no migration named nope in .*migrations \(its last migration is 20240102000000_add_row\)/);
    expectCleanError(kiln(dir, ['migrate', 'resolve', '--rolled-back', M1], ENV), new RegExp(`^error: Migration ${M1} was never applied to this database`));
    expect(kiln(dir, ['migrate', 'resolve', '--applied', M1], ENV).stdout).toBe(`Marked ${M1} as applied in the SQLite database dev.db.\n`);
    expectCleanError(kiln(dir, ['migrate', 'resolve', '--applied', M1], ENV), /already applied/);
  });

  test('down rolls back with down.sql; data loss needs --accept-data-loss', async () => {
    const dir = project(TWO);
    expect(kiln(dir, ['migrate', 'deploy'], ENV).status).toBe(0);
    const one = kiln(dir, ['migrate', 'down'], ENV);
    expect(one.stdout).toBe(`Rolled back 1 migration in the SQLite database dev.db: ${M2}.\n`);
    expect(one.stderr).toContain(`Rolling back ${M2} (1/1, 1 statement)`);
    expect(await rows(dir)).toEqual([]);
    expect(kiln(dir, ['migrate', 'status'], ENV).stdout).toMatch(new RegExp(`  pending      ${M2}  \\(rolled back \\d{4}-`));

    const lossy = kiln(dir, ['migrate', 'down'], ENV);
    expectCleanError(lossy, new RegExp(`^error: Rolling back loses data:\\n  ${M1}: Dropping table "A" deletes every row it holds\\.\\nNothing was rolled back\\. Pass --accept-data-loss`));
    expect(kiln(dir, ['migrate', 'down', '--accept-data-loss'], ENV).status).toBe(0);
    expect(await tables(dir)).toEqual(['_kiln_migrations']);
    expectCleanError(kiln(dir, ['migrate', 'down'], ENV), /^error: No migration is applied to this database, so there is nothing to roll back\./);

    expect(kiln(dir, ['migrate', 'deploy'], ENV).status).toBe(0);
    expect(kiln(dir, ['migrate', 'down', '--steps', '2', '--accept-data-loss'], ENV).stdout).toBe(`Rolled back 2 migrations in the SQLite database dev.db: ${M2}, ${M1}.\n`);
    const bad = kiln(dir, ['migrate', 'down', '--steps', '0'], ENV);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain("error: option '--steps <n>' argument '0' is invalid. expected a whole number, 1 or more.");
  });

  test('reset refuses without --force outside a terminal; with it, drops everything, reapplies and seeds', async () => {
    const dir = project(TWO, {
      'package.json': JSON.stringify({ kiln: { seed: `node -e "console.log('seeding ' + process.env.DATABASE_URL)"` } }),
    });
    expect(kiln(dir, ['migrate', 'deploy'], ENV).status).toBe(0);
    const c = await openSqliteExecutor(join(dir, 'dev.db'));
    await c.execute('INSERT INTO "A" VALUES (1)');
    await c.execute('CREATE TABLE "stray" ("x" INTEGER)');
    await c.close();

    const refused = kiln(dir, ['migrate', 'reset'], ENV);
    expectCleanError(refused, /^error: kiln migrate reset drops every table, view and type of the SQLite database dev\.db, with all their data\. It does not ask for confirmation outside a terminal: pass --force to reset\.\n$/);
    expect(await tables(dir)).toContain('stray');

    const r = kiln(dir, ['migrate', 'reset', '--force', '--skip-generate'], ENV);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Reset the SQLite database dev.db: dropped 3 objects, applied 2 migrations of migrations.\nseeding file:./dev.db\n');
    expect(await tables(dir)).toEqual(['A', '_kiln_migrations']);
    expect(await rows(dir)).toEqual([42]);
  });

  test('deploy without a schema: --migrations and --url (or DATABASE_URL) are enough', async () => {
    const dir = project(TWO);
    rmSync(join(dir, 'schema.schema'));
    const r = kiln(dir, ['migrate', 'deploy', '--migrations', 'migrations', '--url', 'file:./other.db']);
    expect(r.stdout).toBe(`Applied 2 migrations to the SQLite database other.db: ${M1}, ${M2}.\n`);
    expect(kiln(dir, ['migrate', 'status', '--migrations', 'migrations'], { DATABASE_URL: 'file:./other.db' }).status).toBe(0);
  });

  test('errors: no migrations folder, a broken folder, an unreachable server', () => {
    expectCleanError(kiln(tempProject({ 'schema.schema': SCHEMA }), ['migrate', 'deploy'], ENV), /^error: There is no migrations folder at migrations\. Create the first migration with `kiln migrate dev`, or pass --migrations <dir>\.\n$/);
    const broken = project(TWO);
    writeFileSync(join(broken, 'migrations', M2, 'migration.sql'), "SELECT 'unterminated;\n");
    expectCleanError(kiln(broken, ['migrate', 'deploy'], ENV), /^error: .*20240102000000_add_row\/migration\.sql:1: a string opened with ' is never closed\.\n$/);
    const pg = tempProject({ 'schema.schema': SCHEMA.replace('"sqlite"', '"postgresql"'), 'migrations/migration_lock.toml': 'provider = "postgresql"\n' });
    const unreachable = kiln(pg, ['migrate', 'status', '--url', 'postgresql://me:hunter2@127.0.0.1:1/app']);
    expectCleanError(unreachable, /^error: Could not connect to PostgreSQL at 127\.0\.0\.1:1\/app: connect ECONNREFUSED/);
    expect(unreachable.stderr).not.toContain('hunter2');
  });

  test('--help lists every migrate command, and each command its options', () => {
    const dir = tempProject();
    const help = kiln(dir, ['migrate', '--help']).stdout;
    for (const c of ['dev', 'deploy', 'status', 'reset', 'down', 'resolve', 'diff', 'lint']) expect(help).toMatch(new RegExp(`^\\s+${c}\\b`, 'm'));
    expect(kiln(dir, ['migrate', 'dev', '--help']).stdout).toMatch(/--name[\s\S]*--create-only[\s\S]*--accept-data-loss/);
    for (const c of ['deploy', 'status', 'reset', 'down', 'resolve']) expect(kiln(dir, ['migrate', c, '--help']).stdout).toContain('--url <url>');
  });
});
