import { analyzeSchema, serializeIR, type Provider } from '@kiln/schema';
import { ANSI, kiln, removeTempDirs, STACK_FRAME, tempProject } from './run-kiln.js';

/*
 * `kiln migrate lint` run as users run it: the built binary in a subprocess, over migrations
 * folders written here (migration_lock.toml, and per migration a migration.sql and the
 * snapshot.json of its schema). Each migration's changes are planned from the snapshot before it.
 */

afterEach(removeTempDirs);

/** Each kiln run is a node process; a test that runs several must not hit jest's 5 s default on a busy machine. */
const SLOW = 60_000;

const datasource = (provider: Provider) => `datasource db {\n  provider = "${provider}"\n  url      = env("DATABASE_URL")\n}\n`;

function snapshot(provider: Provider, body: string): string {
  const result = analyzeSchema([{ path: 'schema.schema', text: datasource(provider) + body }]);
  if (result.ir === null) throw new Error(`test schema does not analyze: ${JSON.stringify(result.diagnostics)}`);
  return serializeIR(result.ir);
}

/** The files of a project whose migrations folder (at `dir`) holds one migration per schema body, in order. */
function migrations(provider: Provider, bodies: string[], dir = 'migrations'): Record<string, string> {
  const files: Record<string, string> = { [`${dir}/migration_lock.toml`]: `provider = "${provider}"\n` };
  bodies.forEach((body, i) => {
    const name = `2024010${i + 1}000000_step${i + 1}`;
    files[`${dir}/${name}/migration.sql`] = '-- written by the planner\n';
    files[`${dir}/${name}/snapshot.json`] = snapshot(provider, body);
  });
  return files;
}

const V1 = `model User {
  id    Int     @id
  email String
  bio   String?
}
`;
/** Drops bio (L1003 on every database, L1004 on SQLite's rebuild if needed) and adds a required column (L2001). */
const V2 = `model User {
  id    Int    @id
  email String
  age   Int
}
`;
/** Only an index on an existing table: a warning on PostgreSQL (L3001), nothing elsewhere. */
const V1_INDEXED = `model User {
  id    Int     @id
  email String
  bio   String?

  @@index([email])
}
`;

function expectCleanError(r: { status: number | null; stderr: string }, message: RegExp): void {
  expect(r.status).toBe(1);
  expect(r.stderr).toMatch(/^error: /);
  expect(r.stderr).toMatch(message);
  expect(r.stderr).not.toMatch(STACK_FRAME);
}

describe.each(['sqlite', 'postgresql', 'mysql'] as Provider[])('on %s', (provider) => {
  test('prints each finding as <migration>: <code> <severity>: <message> and exits 1 on an error', () => {
    const dir = tempProject({ 'schema.schema': datasource(provider) + V2, ...migrations(provider, [V1, V2]) });
    const r = kiln(dir, ['migrate', 'lint']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toContain('migrations/20240102000000_step2: L2001 warning: Adding required column "age" to table "User" without a default fails if the table has rows. Give it a default, or add it optional, fill it, then make it required.');
    expect(lines.some((l) => /^migrations\/20240102000000_step2: L100[34] error: (Dropping column "bio" of table "User"|Rebuilding table "User" drops column "bio")/.test(l))).toBe(true);
    // The first migration creates everything: nothing to say about it.
    expect(lines.some((l) => l.startsWith('migrations/20240101000000_step1:'))).toBe(false);
    expect(lines.at(-1)).toBe('Linted 2 migrations: 1 error, 1 warning.');
    expect(r.stdout).not.toMatch(ANSI);
  }, SLOW);

  test('exits 0 when nothing is an error', () => {
    const dir = tempProject({ 'schema.schema': datasource(provider) + V1_INDEXED, ...migrations(provider, [V1, V1_INDEXED]) });
    const r = kiln(dir, ['migrate', 'lint']);
    expect(r.status).toBe(0);
    if (provider === 'postgresql') {
      expect(r.stdout).toContain('migrations/20240102000000_step2: L3001 warning: Creating index "User_email_idx" on column "email" of table "User"');
      expect(r.stdout).toMatch(/Linted 2 migrations: 0 errors, 1 warning\.\n$/);
    } else {
      expect(r.stdout).toBe('Linted 2 migrations: no problems found.\n');
    }
  }, SLOW);
});

test('--latest n lints only the last n migrations, each still planned from the one before', () => {
  const dir = tempProject({ 'schema.schema': datasource('postgresql') + V1_INDEXED, ...migrations('postgresql', [V1, V2, V1_INDEXED]) });
  const all = kiln(dir, ['migrate', 'lint']);
  expect(all.stdout).toContain('migrations/20240102000000_step2: L1003 error');
  expect(all.status).toBe(1);
  const latest = kiln(dir, ['migrate', 'lint', '--latest', '1']);
  expect(latest.stdout).not.toContain('step2');
  // step3 goes from V2 back to V1 plus an index: age is dropped, bio added.
  expect(latest.stdout).toContain('migrations/20240103000000_step3: L1003 error: Dropping column "age" of table "User" deletes its values.');
  expect(latest.stdout).toMatch(/^Linted 1 migration: /m);
  expect(kiln(dir, ['migrate', 'lint', '--latest', '10']).stdout).toMatch(/^Linted 3 migrations: /m);
}, SLOW);

test('--latest must be a whole number of 1 or more', () => {
  const dir = tempProject({ 'schema.schema': datasource('sqlite') + V1, ...migrations('sqlite', [V1]) });
  for (const bad of ['0', 'abc', '-1', '1.5']) {
    const r = kiln(dir, ['migrate', 'lint', '--latest', bad]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('expected a whole number of migrations, 1 or more');
    expect(r.stderr).not.toMatch(STACK_FRAME);
  }
}, SLOW);

test('--accept-data-loss prints destructive findings but does not fail on them', () => {
  const dir = tempProject({ 'schema.schema': datasource('mysql') + V2, ...migrations('mysql', [V1, V2]) });
  const r = kiln(dir, ['migrate', 'lint', '--accept-data-loss']);
  expect(r.status).toBe(0);
  expect(r.stdout).toContain('L1003 error: Dropping column "bio" of table "User"');
  expect(r.stdout).toMatch(/Linted 2 migrations: 0 errors, 1 warning, 1 accepted by --accept-data-loss\.\n$/);
}, SLOW);

test('the migrations folder: beside --schema, or --migrations', () => {
  const nested = tempProject({ 'db/app.schema': datasource('postgresql') + V2, ...migrations('postgresql', [V1, V2], 'db/migrations') });
  const viaSchema = kiln(nested, ['migrate', 'lint', '--schema', 'db/app.schema']);
  expect(viaSchema.stdout).toContain('db/migrations/20240102000000_step2: L1003 error');
  const viaFlag = kiln(nested, ['migrate', 'lint', '--migrations', 'db/migrations']);
  expect(viaFlag.stdout).toBe(viaSchema.stdout);
  // Without a schema, --migrations alone is enough: the provider comes from migration_lock.toml.
  const bare = tempProject(migrations('sqlite', [V1, V2]));
  expect(kiln(bare, ['migrate', 'lint', '--migrations', 'migrations']).stdout).toContain('migrations/20240102000000_step2: L');
}, SLOW);

test('colour only when asked for (FORCE_COLOR) or on a TTY', () => {
  const dir = tempProject({ 'schema.schema': datasource('sqlite') + V2, ...migrations('sqlite', [V1, V2]) });
  expect(kiln(dir, ['migrate', 'lint']).stdout).not.toMatch(ANSI);
  const colored = kiln(dir, ['migrate', 'lint'], { FORCE_COLOR: '1' });
  expect(colored.stdout).toMatch(ANSI);
  expect(colored.stdout).toContain('\u001b[31m\u001b[1mL100');
}, SLOW);

test('hostile names are quoted in messages and linted like any other', () => {
  const from = 'model Odd {\n  id Int @id\n  v  String @map("va\\"l`ue ü")\n\n  @@map("we\\"ird `täble")\n}\n';
  const to = 'model Odd {\n  id Int @id\n\n  @@map("we\\"ird `täble")\n}\n';
  const dir = tempProject({ 'schema.schema': datasource('postgresql') + to, ...migrations('postgresql', [from, to]) });
  const r = kiln(dir, ['migrate', 'lint']);
  expect(r.status).toBe(1);
  expect(r.stdout).toContain('L1003 error: Dropping column "va\\"l`ue ü" of table "we\\"ird `täble" deletes its values.');
}, SLOW);

describe('a folder kiln cannot lint is one clear error', () => {
  test('no migrations folder', () => {
    const dir = tempProject({ 'schema.schema': datasource('sqlite') + V1 });
    expectCleanError(kiln(dir, ['migrate', 'lint']), /There is no migrations folder at migrations\. Create the first migration with `kiln migrate dev`, or pass --migrations <dir>\./);
  }, SLOW);

  test('no schema and no --migrations', () => {
    const dir = tempProject(migrations('sqlite', [V1]));
    expectCleanError(kiln(dir, ['migrate', 'lint']), /^error: Pass --migrations <dir> or --schema <path>: kiln found no schema to find the migrations folder beside\.\n$/);
    expectCleanError(kiln(dir, ['migrate', 'lint', '--schema', 'nope.schema']), /No schema at "nope\.schema"/);
  }, SLOW);

  test('an empty migrations folder has nothing to lint', () => {
    const dir = tempProject({ 'schema.schema': datasource('sqlite') + V1, 'migrations/.keep': '' });
    const r = kiln(dir, ['migrate', 'lint']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('No migrations to lint in migrations.\n');
  }, SLOW);

  test('a snapshot that is not JSON', () => {
    const files = migrations('sqlite', [V1, V2]);
    files['migrations/20240102000000_step2/snapshot.json'] = '{ "version": 1,';
    const dir = tempProject({ 'schema.schema': datasource('sqlite') + V2, ...files });
    expectCleanError(kiln(dir, ['migrate', 'lint']), /20240102000000_step2\/snapshot\.json is not valid JSON/);
  }, SLOW);

  test('a migration without its snapshot', () => {
    const files = migrations('sqlite', [V1, V2]);
    delete files['migrations/20240102000000_step2/snapshot.json'];
    const dir = tempProject({ 'schema.schema': datasource('sqlite') + V2, ...files });
    expectCleanError(kiln(dir, ['migrate', 'lint']), /snapshot\.json is missing/);
  }, SLOW);

  test('no migration_lock.toml', () => {
    const files = migrations('sqlite', [V1]);
    delete files['migrations/migration_lock.toml'];
    const dir = tempProject({ 'schema.schema': datasource('sqlite') + V1, ...files });
    expectCleanError(kiln(dir, ['migrate', 'lint']), /migration_lock\.toml is missing/);
  }, SLOW);
});
