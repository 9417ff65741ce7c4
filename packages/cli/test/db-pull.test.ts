import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeSchema } from '@kiln/schema';
import { openPostgresExecutor, openSqliteExecutor } from '@kiln/migrate';
import { kiln, removeTempDirs, STACK_FRAME, tempProject } from './run-kiln.js';

/*
 * `kiln db pull` run as users run it: the built binary in a subprocess. Most tests read SQLite
 * files in a temp folder; one reads a PostgreSQL schema. The URL comes from --url, the
 * datasource, or DATABASE_URL (environment or .env); every failure is one clear message and
 * exit code 1, never a stack trace.
 */

afterEach(removeTempDirs);

const TABLES = [
  `CREATE TABLE "users" ("id" INTEGER PRIMARY KEY AUTOINCREMENT, "email" TEXT NOT NULL UNIQUE, "role" TEXT NOT NULL DEFAULT 'reader' CHECK ("role" IN ('reader', 'admin')))`,
  `CREATE TABLE "posts" ("id" INTEGER NOT NULL PRIMARY KEY, "author_id" INTEGER NOT NULL REFERENCES "users" ("id"), "title" TEXT NOT NULL)`,
];

/** A SQLite file at `path` holding `statements`. */
async function sqliteDatabase(path: string, statements: readonly string[] = TABLES): Promise<void> {
  const c = await openSqliteExecutor(path);
  try {
    for (const sql of statements) await c.execute(sql);
  } finally {
    await c.close();
  }
}

const PULLED = `datasource db {
  provider = "sqlite"
  url      = env("DATABASE_URL")
}

generator client {
  provider = "kiln"
}

model Posts {
  id       Int    @id
  authorId Int    @map("author_id")
  title    String
  author   Users  @relation(fields: [authorId], references: [id], onDelete: NoAction, onUpdate: NoAction)

  @@map("posts")
}

model Users {
  id    Int     @id @default(autoincrement())
  email String  @unique
  role  Role    @default(reader)
  posts Posts[]

  @@map("users")
}

enum Role {
  reader
  admin
}
`;

/** The environment of the test runner without a DATABASE_URL of its own. */
const noUrl = { DATABASE_URL: '' };

function expectCleanError(r: { status: number | null; stderr: string; stdout: string }, message: RegExp): void {
  expect(r.status).toBe(1);
  expect(r.stderr).toMatch(/^error: /m);
  expect(r.stderr).toMatch(message);
  expect(r.stderr).not.toMatch(STACK_FRAME);
  expect(r.stdout).toBe('');
}

const existingSchema = (models = '') => `// Our app.
datasource main {
  provider = "sqlite"
  url      = env("APP_DB")
}

generator client {
  provider = "kiln"
  output   = "./client"
}
${models}`;

describe('kiln db pull on SQLite', () => {
  test('writes ./schema.schema from --url when there is no schema yet, and it validates', async () => {
    const dir = tempProject();
    await sqliteDatabase(join(dir, 'app.db'));
    const r = kiln(dir, ['db', 'pull', '--url', 'file:./app.db'], noUrl);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('Pulled 2 models, 1 enum from the SQLite database app.db into schema.schema.\n');
    expect(r.status).toBe(0);
    const text = readFileSync(join(dir, 'schema.schema'), 'utf8');
    expect(text).toBe(PULLED);
    expect(analyzeSchema([{ path: 'schema.schema', text }]).diagnostics).toEqual([]);
    expect(kiln(dir, ['validate']).status).toBe(0);
  });

  test('reads DATABASE_URL from a .env file when no schema says otherwise', async () => {
    const dir = tempProject({ '.env': 'DATABASE_URL="file:./dev.db"\n' });
    await sqliteDatabase(join(dir, 'dev.db'));
    const r = kiln(dir, ['db', 'pull'], { DATABASE_URL: undefined as unknown as string });
    expect(r.status).toBe(0);
    expect(readFileSync(join(dir, 'schema.schema'), 'utf8')).toBe(PULLED);
  });

  test('keeps the datasource and generator of an existing schema without models, and reads its url', async () => {
    const dir = tempProject({ 'db/schema.schema': existingSchema(), 'db/.env': 'APP_DB=file:./app.db\n' });
    await sqliteDatabase(join(dir, 'db/app.db'));
    const r = kiln(dir, ['db', 'pull', '--schema', 'db/schema.schema']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('Pulled 2 models, 1 enum from the SQLite database db/app.db into db/schema.schema.\n');
    const text = readFileSync(join(dir, 'db/schema.schema'), 'utf8');
    expect(text.startsWith('// Our app.\ndatasource main {\n  provider = "sqlite"\n  url      = env("APP_DB")\n}\n\ngenerator client {\n  provider = "kiln"\n  output   = "./client"\n}\n\nmodel Posts {')).toBe(true);
    expect(text).toContain('enum Role {');
  });

  test('refuses to replace a schema that has models, unless --force; --print writes nothing', async () => {
    const before = existingSchema('\nmodel Old {\n  id Int @id\n}\n');
    const dir = tempProject({ 'schema.schema': before });
    await sqliteDatabase(join(dir, 'app.db'));
    const env = { APP_DB: 'file:./app.db' };

    const refused = kiln(dir, ['db', 'pull'], env);
    expectCleanError(refused, /The schema schema\.schema already describes model Old\. `kiln db pull` would replace it with what the database holds: pass --force/);
    expect(readFileSync(join(dir, 'schema.schema'), 'utf8')).toBe(before);

    const printed = kiln(dir, ['db', 'pull', '--print'], env);
    expect(printed.status).toBe(0);
    expect(printed.stderr).toBe('');
    expect(printed.stdout).toContain('datasource main {');
    expect(printed.stdout).toContain('model Users {');
    expect(printed.stdout).not.toContain('model Old');
    expect(readFileSync(join(dir, 'schema.schema'), 'utf8')).toBe(before);

    const forced = kiln(dir, ['db', 'pull', '--force'], env);
    expect(forced.status).toBe(0);
    expect(readFileSync(join(dir, 'schema.schema'), 'utf8')).toBe(printed.stdout);
  });

  test('warnings about what the schema cannot say go to stderr', async () => {
    const dir = tempProject();
    await sqliteDatabase(join(dir, 'app.db'), [
      'CREATE TABLE "a" ("id" INTEGER PRIMARY KEY, "code" TEXT)',
      'CREATE TABLE "b" ("id" INTEGER PRIMARY KEY, "a_code" TEXT REFERENCES "a" ("code"))',
    ]);
    const r = kiln(dir, ['db', 'pull', '--url', 'file:./app.db', '--print']);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('warning: B: the foreign key "b_a_code_fkey" references columns of A that are not its primary key or a unique index; the relation is left out\n');
    expect(r.stdout).toContain('model B {');
  });
});

describe('kiln db pull errors', () => {
  test('no URL anywhere: says where kiln looked', () => {
    const dir = tempProject();
    const r = kiln(dir, ['db', 'pull'], noUrl);
    expectCleanError(r, /The environment variable DATABASE_URL is empty\. No --url was given; kiln looked in the environment and in \.env \(no such file\)\./);
    expect(existsSync(join(dir, 'schema.schema'))).toBe(false);
  });

  test('the datasource names a variable that is not set', () => {
    const dir = tempProject({ 'schema.schema': existingSchema() });
    expectCleanError(kiln(dir, ['db', 'pull']), /The environment variable APP_DB is not set\. The datasource "main" in schema\.schema reads its url from env\("APP_DB"\)/);
  });

  test('a SQLite file that does not exist is not created', () => {
    const dir = tempProject();
    expectCleanError(kiln(dir, ['db', 'pull', '--url', 'file:./nope.db']), /The SQLite database nope\.db does not exist\./);
    expect(existsSync(join(dir, 'nope.db'))).toBe(false);
  });

  test('an empty database', async () => {
    const dir = tempProject();
    await sqliteDatabase(join(dir, 'empty.db'), []);
    expectCleanError(kiln(dir, ['db', 'pull', '--url', 'file:./empty.db']), /The SQLite database empty\.db is empty: it has no tables, views or enums to pull\./);
    expect(existsSync(join(dir, 'schema.schema'))).toBe(false);
  });

  test('a URL of another database than the datasource provider, and one kiln cannot read', () => {
    const dir = tempProject({ 'schema.schema': existingSchema() });
    const r = kiln(dir, ['db', 'pull', '--url', 'postgresql://me:hunter2@localhost/app']);
    expectCleanError(r, /The datasource provider is "sqlite", but the URL "postgresql:\/\/me:\*\*\*\*@localhost\/app" is a PostgreSQL URL\./);
    expect(r.stderr).not.toContain('hunter2');
    expectCleanError(kiln(tempProject(), ['db', 'pull', '--url', 'sqlserver://localhost']), /is not one kiln can connect to/);
  });

  test('an unreachable server', () => {
    const r = kiln(tempProject(), ['db', 'pull', '--url', 'postgresql://me:hunter2@127.0.0.1:1/app']);
    expectCleanError(r, /^error: Could not connect to PostgreSQL at 127\.0\.0\.1:1\/app: connect ECONNREFUSED/);
    expect(r.stderr).not.toContain('hunter2');
  });

  test('a folder as --schema, and a schema with syntax errors', () => {
    const dir = tempProject({ 'broken.schema': 'model {\n' });
    mkdirSync(join(dir, 'db'));
    expectCleanError(kiln(dir, ['db', 'pull', '--schema', 'db', '--url', 'file:./x.db']), /"db" is a folder\. `kiln db pull` writes one schema file/);
    const broken = kiln(dir, ['db', 'pull', '--schema', 'broken.schema', '--url', 'file:./x.db']);
    expect(broken.status).toBe(1);
    expect(broken.stderr).toMatch(/broken\.schema:1:7 - error K1001/);
    expect(broken.stderr).toContain('error: The schema broken.schema has syntax errors');
  });

  test('db pull --help describes its options', () => {
    const help = kiln(tempProject(), ['db', 'pull', '--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Usage: kiln db pull');
    for (const w of ['--schema', '--url', '--print', '--force']) expect(help.stdout).toContain(w);
  });
});

const POSTGRES_URL = process.env.KILN_TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';
const postgres = await openPostgresExecutor(POSTGRES_URL, { connectTimeoutMs: 3000 }).catch(() => null);
await postgres?.close();

(postgres === null ? describe.skip : describe)('kiln db pull on PostgreSQL', () => {
  test('reads the schema named by ?schema= in the URL', async () => {
    const schema = `kiln_cli_pull_${randomBytes(4).toString('hex')}`;
    const admin = await openPostgresExecutor(POSTGRES_URL);
    try {
      await admin.execute(`CREATE SCHEMA "${schema}"`);
      await admin.execute(`CREATE TYPE "${schema}"."mood" AS ENUM ('ok', 'meh')`);
      await admin.execute(`CREATE TABLE "${schema}"."notes" ("id" serial PRIMARY KEY, "body" varchar(200) NOT NULL, "mood" "${schema}"."mood")`);
      const url = new URL(POSTGRES_URL);
      url.searchParams.set('schema', schema);
      const r = kiln(tempProject(), ['db', 'pull', '--print', '--url', url.toString()]);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expect(r.stdout).toContain('  provider = "postgresql"\n');
      expect(r.stdout).toContain('model Notes {\n  id   Int    @id @default(autoincrement())\n  body String @db.VarChar(200)\n  mood Mood?\n\n  @@map("notes")\n}');
      expect(r.stdout).toContain('enum Mood {\n  ok\n  meh\n\n  @@map("mood")\n}');
    } finally {
      await admin.execute(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await admin.close();
    }
  });
});
