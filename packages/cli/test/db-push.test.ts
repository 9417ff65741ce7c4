import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openSqliteExecutor } from '@kiln/migrate';
import { kiln, removeTempDirs, STACK_FRAME, tempProject } from './run-kiln.js';

/*
 * `kiln db push` run as users run it: the built binary in a subprocess, against SQLite files in
 * a temp folder. The URL comes from --url, the datasource, the environment or a .env file
 * beside the schema; every failure is one clear message and exit code 1, never a stack trace.
 */

afterEach(removeTempDirs);

const schema = (url = 'env("DATABASE_URL")', provider = 'sqlite') => `datasource db {
  provider = "${provider}"
  url      = ${url}
}

enum Role {
  USER
  ADMIN
}

model User {
  id    Int    @id @default(autoincrement())
  email String @unique
  role  Role   @default(USER)
  posts Post[]
}

model Post {
  id       Int  @id @default(autoincrement())
  author   User @relation(fields: [authorId], references: [id])
  authorId Int

  @@index([authorId])
}
`;

/** The tables in a SQLite file, read with the same driver. */
async function sqliteTables(file: string): Promise<string[]> {
  const c = await openSqliteExecutor(file);
  try {
    const rows = await c.query("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name");
    return rows.map((r) => String(r.name));
  } finally {
    await c.close();
  }
}

/** The environment of the test runner without a DATABASE_URL of its own. */
const noUrl = { DATABASE_URL: '' };

function expectCleanError(r: { status: number | null; stderr: string }, message: RegExp): void {
  expect(r.status).toBe(1);
  expect(r.stderr).toMatch(/^error: /);
  expect(r.stderr).toMatch(message);
  expect(r.stderr).not.toMatch(STACK_FRAME);
}

describe('kiln db push on SQLite', () => {
  test('creates the tables in a new file, the URL read from a .env beside the schema', async () => {
    // A variable of its own, so that a DATABASE_URL in the runner's environment cannot win.
    const dir = tempProject({ 'db/schema.schema': schema('env("KILN_DB_PUSH_TEST_URL")'), 'db/.env': 'KILN_DB_PUSH_TEST_URL="file:./dev.db"\n' });
    const r = kiln(dir, ['db', 'push', '--schema', 'db/schema.schema']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('Pushed db/schema.schema to the SQLite database db/dev.db: created 2 tables, 2 indexes, 1 foreign key.\n');
    expect(r.status).toBe(0);
    expect(await sqliteTables(join(dir, 'db/dev.db'))).toEqual(['Post', 'User']);
  });

  test('on a database that has tables it applies the difference; data loss needs --accept-data-loss', async () => {
    const dir = tempProject({ 'schema.schema': schema('"file:./dev.db"') });
    expect(kiln(dir, ['db', 'push']).status).toBe(0);
    const again = kiln(dir, ['db', 'push']);
    expect(again.stdout).toBe('The SQLite database dev.db is already in sync with schema.schema: nothing to push.\n');
    expect(again.status).toBe(0);

    // A new column: pushed as a change.
    writeFileSync(join(dir, 'schema.schema'), schema('"file:./dev.db"').replace('  email String @unique', '  email String @unique\n  name  String?'));
    const added = kiln(dir, ['db', 'push']);
    expect(added.stderr).toBe('');
    expect(added.stdout).toBe('Pushed schema.schema to the SQLite database dev.db: 1 change.\n  AddColumn "name" to "User"\n');
    const c = await openSqliteExecutor(join(dir, 'dev.db'));
    await c.execute(`INSERT INTO "User" ("email", "name") VALUES ('a@b.c', 'Ann')`);
    await c.close();

    // Dropping it again would lose Ann's name: refused, then accepted.
    writeFileSync(join(dir, 'schema.schema'), schema('"file:./dev.db"'));
    const refused = kiln(dir, ['db', 'push']);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/^L\d+ error: Dropping column "name" of table "User" deletes its values \(1 row\)\.\nerror: Pushing the schema would lose data \(1 finding above\), so nothing was changed\. Run again with --accept-data-loss/);
    expect(refused.stderr).not.toMatch(STACK_FRAME);
    const accepted = kiln(dir, ['db', 'push', '--accept-data-loss']);
    expect(accepted.status).toBe(0);
    expect(accepted.stdout).toContain('DropColumn "name" from "User"');
    expect(kiln(dir, ['db', 'push']).stdout).toContain('already in sync');
  });

  test('a changed @@sql is pushed: the view body is compared as the database prints it', async () => {
    const withView = (limit: number) =>
      `${schema('"file:./dev.db"')}\nview Recent {\n  id Int @unique\n  @@sql("SELECT id FROM \\"Post\\" WHERE id > ${limit}")\n}\n`;
    const dir = tempProject({ 'schema.schema': withView(10) });
    expect(kiln(dir, ['db', 'push']).status).toBe(0);
    expect(kiln(dir, ['db', 'push']).stdout).toContain('already in sync');
    writeFileSync(join(dir, 'schema.schema'), withView(20));
    const pushed = kiln(dir, ['db', 'push']);
    expect(pushed.stderr).toBe('');
    expect(pushed.stdout).toBe('Pushed schema.schema to the SQLite database dev.db: 1 change.\n  ReplaceView "Recent"\n');
    const c = await openSqliteExecutor(join(dir, 'dev.db'));
    expect(await c.query("SELECT sql FROM sqlite_master WHERE name = 'Recent'")).toEqual([{ sql: 'CREATE VIEW "Recent" AS SELECT id FROM "Post" WHERE id > 20' }]);
    await c.close();
  });

  test('a variable already in the environment wins over the .env file', async () => {
    const dir = tempProject({ 'schema.schema': schema(), '.env': 'DATABASE_URL=file:./from-dotenv.db\n' });
    const r = kiln(dir, ['db', 'push'], { DATABASE_URL: 'file:./from-env.db' });
    expect(r.status).toBe(0);
    expect(existsSync(join(dir, 'from-env.db'))).toBe(true);
    expect(existsSync(join(dir, 'from-dotenv.db'))).toBe(false);
  });

  test('--url wins over the datasource; its file: path is relative to the working directory', async () => {
    const dir = tempProject({ 'db/schema.schema': schema('"file:./literal.db"') });
    const r = kiln(dir, ['db', 'push', '--schema', 'db/schema.schema', '--url', 'file:./flag.db']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('to the SQLite database flag.db:');
    expect(await sqliteTables(join(dir, 'flag.db'))).toContain('User');
    expect(existsSync(join(dir, 'db/literal.db'))).toBe(false);
  });

  test('a literal file: URL in the datasource is relative to the schema file', async () => {
    const dir = tempProject({ 'prisma/schema.prisma': schema('"file:./dev.db"') });
    const r = kiln(dir, ['db', 'push']);
    expect(r.status).toBe(0);
    expect(await sqliteTables(join(dir, 'prisma/dev.db'))).toContain('Post');
  });
});

describe('kiln db push errors', () => {
  test('a missing environment variable is named, with where kiln looked', () => {
    const dir = tempProject({ 'schema.schema': schema('env("KILN_TEST_NOWHERE_URL")') });
    const r = kiln(dir, ['db', 'push']);
    expectCleanError(r, /The environment variable KILN_TEST_NOWHERE_URL is not set\./);
    expect(r.stderr).toContain('reads its url from env("KILN_TEST_NOWHERE_URL"); kiln looked in the environment and in .env (no such file).');
    expect(r.stderr).toContain('pass --url');
  });

  test('an empty variable is reported as empty', () => {
    const dir = tempProject({ 'schema.schema': schema() });
    expectCleanError(kiln(dir, ['db', 'push'], noUrl), /The environment variable DATABASE_URL is empty\./);
  });

  test('a URL kiln cannot read', () => {
    const dir = tempProject({ 'schema.schema': schema('"sqlserver://localhost"') });
    expectCleanError(kiln(dir, ['db', 'push']), /The database URL "sqlserver:\/\/localhost" is not one kiln can connect to\. Expected file:/);
  });

  test('a URL for another database than the provider', () => {
    const dir = tempProject({ 'schema.schema': schema() });
    const r = kiln(dir, ['db', 'push', '--url', 'postgresql://me:hunter2@localhost/app']);
    expectCleanError(r, /The datasource provider is "sqlite", but the URL "postgresql:\/\/me:\*\*\*\*@localhost\/app" is a PostgreSQL URL\./);
    expect(r.stderr).not.toContain('hunter2');
  });

  test('an unreachable server', () => {
    const dir = tempProject({ 'schema.schema': schema('env("DATABASE_URL")', 'postgresql') });
    const r = kiln(dir, ['db', 'push', '--url', 'postgresql://me:hunter2@127.0.0.1:1/app']);
    expectCleanError(r, /^error: Could not connect to PostgreSQL at 127\.0\.0\.1:1\/app: connect ECONNREFUSED/);
    expect(r.stderr).not.toContain('hunter2');
  });

  test('a SQLite file in a folder that does not exist', () => {
    const dir = tempProject({ 'schema.schema': schema('"file:./missing/dir/dev.db"') });
    expectCleanError(kiln(dir, ['db', 'push']), /Could not open the SQLite database .*missing\/dir\/dev\.db/);
  });

  test('an invalid schema prints its diagnostics and creates nothing', () => {
    const dir = tempProject({ 'schema.schema': 'datasource db {\n  provider = "sqlite"\n  url = "file:./dev.db"\n}\nmodel User {\n  id Nope @id\n}\n' });
    const r = kiln(dir, ['db', 'push']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/schema\.schema:6:6 - error K\d+/);
    expect(existsSync(join(dir, 'dev.db'))).toBe(false);
  });

  test('db push --help describes its options; kiln --help lists db', () => {
    const dir = tempProject();
    const help = kiln(dir, ['db', 'push', '--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Usage: kiln db push');
    for (const w of ['--schema', '--url']) expect(help.stdout).toContain(w);
    expect(kiln(dir, ['--help']).stdout).toMatch(/^\s+db\b/m);
  });
});
