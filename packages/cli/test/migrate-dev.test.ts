import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeSchema, serializeIR } from '@kiln/schema';
import { openSqliteExecutor } from '@kiln/migrate';
import { kiln, removeTempDirs, STACK_FRAME, tempProject } from './run-kiln.js';

/*
 * `kiln migrate dev` as a developer runs it, in a subprocess against a SQLite file: it plans
 * from the last snapshot, writes migration.sql / down.sql / snapshot.json, applies them,
 * regenerates the client, and never prompts. (The same flow on PostgreSQL and MySQL is in
 * migrate-servers.test.ts.)
 */

afterEach(removeTempDirs);

const HEAD = 'datasource db {\n  provider = "sqlite"\n  url      = env("DATABASE_URL")\n}\n\n';
const V1 = `${HEAD}model User {\n  id    Int    @id @default(autoincrement())\n  email String @unique\n}\n`;
const V2 = `${HEAD}model User {\n  id    Int     @id @default(autoincrement())\n  email String  @unique\n  name  String?\n}\n`;
const ENV = { DATABASE_URL: 'file:./dev.db' };

const dirs = (project: string) => readdirSync(join(project, 'migrations')).filter((d) => d !== 'migration_lock.toml').sort();

async function query(project: string, sql: string): Promise<Record<string, unknown>[]> {
  const c = await openSqliteExecutor(join(project, 'dev.db'));
  try {
    return await c.query(sql);
  } finally {
    await c.close();
  }
}

describe('kiln migrate dev', () => {
  test('creates the first migration (init), applies it, regenerates the client; then says when nothing changed', async () => {
    const dir = tempProject({ 'schema.schema': V1 });
    const r = kiln(dir, ['migrate', 'dev'], ENV);
    expect(r.status).toBe(0);
    const [name] = dirs(dir);
    expect(name).toMatch(/^\d{14}_init$/);
    expect(r.stdout).toContain(`Created migrations/${name}/migration.sql (2 changes).\n`);
    expect(r.stdout).toContain(`Applied 1 migration to the SQLite database dev.db: ${name}.\n`);
    expect(r.stdout).toMatch(/Generated the Kiln client in generated\/kiln \(\d+ ms\)\.\n/);
    expect(existsSync(join(dir, 'generated/kiln/client.ts'))).toBe(true);
    // Progress on stderr, as plain lines (not a terminal).
    expect(r.stderr).toContain(`Applying ${name} (1/1, 2 statements)\n  statement 1/2: CREATE TABLE "User" (\n`);

    const files = join(dir, 'migrations', name!);
    expect(readFileSync(join(dir, 'migrations/migration_lock.toml'), 'utf8')).toContain('provider = "sqlite"');
    expect(readFileSync(join(files, 'migration.sql'), 'utf8')).toMatch(/^-- CreateTable "User"\nCREATE TABLE "User" \(/);
    expect(readFileSync(join(files, 'down.sql'), 'utf8')).toBe('-- DropTable "User"\n-- kiln: data loss: Dropping table "User" deletes every row it holds.\nDROP TABLE "User";\n');
    expect(readFileSync(join(files, 'snapshot.json'), 'utf8')).toBe(serializeIR(analyzeSchema([{ path: 'schema.schema', text: V1 }]).ir!));
    expect(await query(dir, 'SELECT name, applied_steps FROM _kiln_migrations')).toEqual([{ name, applied_steps: 2 }]);

    const again = kiln(dir, ['migrate', 'dev', '--skip-generate'], ENV);
    expect(again.status).toBe(0);
    expect(again.stdout).toBe(`No schema changes since the last migration, ${name}: no migration was created.\n`);
    expect(dirs(dir)).toEqual([name]);
  });

  test('names a migration from its changes or --name, and plans from the last snapshot', async () => {
    const dir = tempProject({ 'schema.schema': V1 });
    expect(kiln(dir, ['migrate', 'dev', '--skip-generate'], ENV).status).toBe(0);
    writeFileSync(join(dir, 'schema.schema'), V2);
    const r = kiln(dir, ['migrate', 'dev', '--skip-generate'], ENV);
    expect(r.status).toBe(0);
    expect(dirs(dir)[1]).toMatch(/^\d{14}_add_user_name$/);
    expect(readFileSync(join(dir, 'migrations', dirs(dir)[1]!, 'migration.sql'), 'utf8')).toBe('-- AddColumn "name" to "User"\nALTER TABLE "User" ADD COLUMN "name" TEXT;\n');
    expect(await query(dir, 'SELECT name FROM pragma_table_info(\'User\') ORDER BY cid')).toEqual([{ name: 'id' }, { name: 'email' }, { name: 'name' }]);

    writeFileSync(join(dir, 'schema.schema'), V2.replace('  name  String?\n', '  name  String?\n  bio   String?\n'));
    expect(kiln(dir, ['migrate', 'dev', '--skip-generate', '--name', 'Add a Bio!'], ENV).status).toBe(0);
    expect(dirs(dir)[2]).toMatch(/^\d{14}_add_a_bio$/);
  });

  test('refuses data loss without --accept-data-loss and writes nothing; with it, creates and applies', async () => {
    const dir = tempProject({ 'schema.schema': V2 });
    expect(kiln(dir, ['migrate', 'dev', '--skip-generate'], ENV).status).toBe(0);
    await query(dir, `INSERT INTO "User" ("email", "name") VALUES ('a@b.c', 'Ann')`);
    writeFileSync(join(dir, 'schema.schema'), V1);
    const refused = kiln(dir, ['migrate', 'dev', '--skip-generate'], ENV);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/^L1003 error: Dropping column "name" of table "User" deletes its values \(1 row\)\.\nerror: The migration would lose data \(1 finding above\), so nothing was written\. If that is what you want, run again with --accept-data-loss/);
    expect(refused.stderr).not.toMatch(STACK_FRAME);
    expect(dirs(dir)).toHaveLength(1);

    const accepted = kiln(dir, ['migrate', 'dev', '--skip-generate', '--accept-data-loss'], ENV);
    expect(accepted.status).toBe(0);
    expect(dirs(dir)).toHaveLength(2);
    expect(await query(dir, 'SELECT * FROM "User"')).toEqual([{ id: 1, email: 'a@b.c' }]);
    // Its down.sql adds the column back (empty: the values do not come back).
    expect(readFileSync(join(dir, 'migrations', dirs(dir)[1]!, 'down.sql'), 'utf8')).toContain('ALTER TABLE "User" ADD COLUMN "name" TEXT;');
  });

  test('a rename hint keeps the data, and the down migration renames back', async () => {
    const dir = tempProject({ 'schema.schema': V2 });
    expect(kiln(dir, ['migrate', 'dev', '--skip-generate'], ENV).status).toBe(0);
    await query(dir, `INSERT INTO "User" ("email", "name") VALUES ('a@b.c', 'Ann')`);
    writeFileSync(join(dir, 'schema.schema'), V2.replace('  name  String?', '  fullName String? @renamedFrom("name")'));
    const r = kiln(dir, ['migrate', 'dev', '--skip-generate'], ENV);
    expect(r.stderr).not.toContain('error');
    expect(r.status).toBe(0);
    const files = join(dir, 'migrations', dirs(dir)[1]!);
    expect(readFileSync(join(files, 'migration.sql'), 'utf8')).toContain('ALTER TABLE "User" RENAME COLUMN "name" TO "fullName";');
    expect(readFileSync(join(files, 'down.sql'), 'utf8')).toContain('ALTER TABLE "User" RENAME COLUMN "fullName" TO "name";');
    expect(await query(dir, 'SELECT "fullName" FROM "User"')).toEqual([{ fullName: 'Ann' }]);
  });

  test('--create-only writes without applying; an empty one is a place for hand-written SQL', async () => {
    const dir = tempProject({ 'schema.schema': V1 });
    expect(kiln(dir, ['migrate', 'dev', '--skip-generate'], ENV).status).toBe(0);
    writeFileSync(join(dir, 'schema.schema'), V2);
    const r = kiln(dir, ['migrate', 'dev', '--create-only'], ENV);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Edit it if you need to, then run `kiln migrate dev`');
    expect(existsSync(join(dir, 'generated'))).toBe(false);
    expect(await query(dir, 'SELECT count(*) AS n FROM _kiln_migrations')).toEqual([{ n: 1 }]);

    const empty = kiln(dir, ['migrate', 'dev', '--create-only', '--name', 'backfill'], ENV);
    expect(empty.status).toBe(0);
    const backfill = dirs(dir)[2]!;
    expect(backfill).toMatch(/_backfill$/);
    expect(readFileSync(join(dir, 'migrations', backfill, 'migration.sql'), 'utf8')).toMatch(/^-- This migration is empty/);
    writeFileSync(join(dir, 'migrations', backfill, 'migration.sql'), `UPDATE "User" SET "name" = 'x';\n`);

    // The next dev applies both pending migrations, then finds nothing new.
    const applied = kiln(dir, ['migrate', 'dev', '--skip-generate'], ENV);
    expect(applied.status).toBe(0);
    expect(applied.stdout).toContain(`Applied 2 migrations to the SQLite database dev.db: ${dirs(dir)[1]}, ${backfill}.`);
    expect(applied.stdout).toContain('No schema changes since the last migration');
  });

  test('reports drift before planning, and stops at a failed migration with what to do', async () => {
    const dir = tempProject({ 'schema.schema': V1 });
    expect(kiln(dir, ['migrate', 'dev', '--skip-generate'], ENV).status).toBe(0);
    await query(dir, 'CREATE TABLE "stray" ("id" INTEGER PRIMARY KEY)');
    writeFileSync(join(dir, 'schema.schema'), V2);
    const r = kiln(dir, ['migrate', 'dev', '--skip-generate'], ENV);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('warning: the SQLite database dev.db has drifted from the migrations: it differs from the schema of');
    expect(r.stderr).toContain('  - DropTable "stray"\n');

    // A hand-written migration that fails stops the next dev.
    const name = '29990101000000_broken';
    const files = { [`migrations/${name}/migration.sql`]: 'INSERT INTO nowhere VALUES (1);\n', [`migrations/${name}/snapshot.json`]: readFileSync(join(dir, 'migrations', dirs(dir)[1]!, 'snapshot.json'), 'utf8') };
    for (const [path, text] of Object.entries(files)) {
      const full = join(dir, path);
      mkdirSync(join(full, '..'), { recursive: true });
      writeFileSync(full, text);
    }
    const failed = kiln(dir, ['migrate', 'dev', '--skip-generate'], ENV);
    expect(failed.status).toBe(1);
    expect(failed.stderr).toMatch(/error: Migration 29990101000000_broken failed: statement 1 of 1 \(migration\.sql line 1\) failed: no such table: nowhere/);
    const again = kiln(dir, ['migrate', 'dev', '--skip-generate'], ENV);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('Migration 29990101000000_broken failed in an earlier deploy');
    expect(again.stderr).toContain('`kiln migrate reset`');
    expect(again.stderr).not.toMatch(STACK_FRAME);
  });

  test('errors: an invalid schema, a folder for another database, a bad URL', () => {
    const invalid = tempProject({ 'schema.schema': `${HEAD}model User {\n  id Nope @id\n}\n` });
    const r = kiln(invalid, ['migrate', 'dev'], ENV);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/schema\.schema:7:6 - error K\d+/);
    expect(r.stderr).toContain('error: The schema has errors (above), so kiln did not create a migration.');
    expect(existsSync(join(invalid, 'migrations'))).toBe(false);

    const other = tempProject({ 'schema.schema': V1, 'migrations/migration_lock.toml': 'provider = "postgresql"\n' });
    const locked = kiln(other, ['migrate', 'dev'], ENV);
    expect(locked.status).toBe(1);
    expect(locked.stderr).toMatch(/^error: The migrations in .*migrations are written for postgresql \(migration_lock\.toml\), but the schema's datasource provider is sqlite\./);

    const url = kiln(tempProject({ 'schema.schema': V1 }), ['migrate', 'dev', '--url', 'mysql://localhost/x']);
    expect(url.status).toBe(1);
    expect(url.stderr).toBe('error: The datasource provider is "sqlite", but the URL "mysql://localhost/x" is a MySQL URL.\n');
  });
});
