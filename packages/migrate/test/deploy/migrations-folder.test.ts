import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { serializeIR } from '@kiln/schema';
import {
  migrationChecksum,
  MigrationFolderError,
  migrationNameFromChanges,
  migrationSlug,
  migrationTimestamp,
  planFromEmpty,
  readMigrationsFolder,
  writeMigration,
  type Change,
} from '../../src/index.js';
import { datasource, irOf } from '../helpers/examples.js';
import { makeFolder, removeFolders } from './helpers/fixtures.js';

/*
 * The migrations folder: `<timestamp>_<name>/{migration.sql,down.sql,snapshot.json}` and
 * migration_lock.toml. Reading it checks everything a deploy relies on, and every problem is
 * one message naming the file and what to do.
 */

afterEach(removeFolders);

const M1 = '20240101000000_init';

function expectFolderError(dir: string, message: RegExp, provider: 'sqlite' | 'postgresql' = 'sqlite'): void {
  let err: unknown = null;
  try {
    readMigrationsFolder(dir, { provider });
  } catch (e) {
    err = e;
  }
  expect(err).toBeInstanceOf(MigrationFolderError);
  expect((err as Error).message).toMatch(message);
}

describe('readMigrationsFolder', () => {
  test('reads migrations in name order with their scripts, checksums and snapshots', () => {
    const dir = makeFolder('sqlite', [
      { name: '20240102000000_second', sql: 'CREATE TABLE b (id INT);\n' },
      { name: M1, sql: 'CREATE TABLE a (id INT);\nINSERT INTO a VALUES (1);\n', down: 'DROP TABLE a;\n' },
    ]);
    mkdirSync(join(dir, '.hidden'));
    writeFileSync(join(dir, 'README.md'), 'notes');
    const folder = readMigrationsFolder(dir, { provider: 'sqlite' });
    expect(folder).toMatchObject({ path: dir, exists: true, provider: 'sqlite' });
    expect(folder.migrations.map((m) => m.name)).toEqual([M1, '20240102000000_second']);
    const [first] = folder.migrations;
    expect(first!.script.steps.map((s) => s.sql)).toEqual(['CREATE TABLE a (id INT)', 'INSERT INTO a VALUES (1)']);
    expect(first!.down!.steps.map((s) => s.sql)).toEqual(['DROP TABLE a']);
    expect(folder.migrations[1]!.down).toBeNull();
    expect(first!.checksum).toBe(migrationChecksum('CREATE TABLE a (id INT);\nINSERT INTO a VALUES (1);\n'));
    expect(first!.snapshot.datasource?.provider).toBe('sqlite');
  });

  test('a folder that does not exist reads as empty', () => {
    expect(readMigrationsFolder('/nonexistent/kiln/migrations')).toEqual({ path: '/nonexistent/kiln/migrations', exists: false, provider: null, migrations: [] });
  });

  test('a provider other than the lock file\'s is a clear error', () => {
    const dir = makeFolder('sqlite', [{ name: M1, sql: 'SELECT 1;' }]);
    expectFolderError(dir, /written for sqlite \(migration_lock\.toml\), but the schema's datasource provider is postgresql\. .*start a new migrations folder/, 'postgresql');
  });

  test.each<[string, (dir: string) => void, RegExp]>([
    ['a directory that is not a migration', (d) => mkdirSync(join(d, 'tmp')), /tmp is not a migration directory: its name should be a UTC timestamp and a name, such as 20240131120000_add_users/],
    ['a name too long for the history table', (d) => mkdirSync(join(d, `20240101000000_${'x'.repeat(180)}`)), /a migration's name is at most 191 characters/],
    ['a missing lock file', (d) => rmSync(join(d, 'migration_lock.toml')), /migration_lock\.toml is missing\. .*restore it from version control/],
    ['a lock file for no known database', (d) => writeFileSync(join(d, 'migration_lock.toml'), 'provider = "oracle"\n'), /names the provider "oracle"; expected "sqlite", "postgresql" or "mysql"/],
    ['a lock file kiln cannot read', (d) => writeFileSync(join(d, 'migration_lock.toml'), '[section]\n'), /migration_lock\.toml:1: expected provider = /],
    ['a missing migration.sql', (d) => rmSync(join(d, M1, 'migration.sql')), /init\/migration\.sql is missing/],
    ['a missing snapshot', (d) => rmSync(join(d, M1, 'snapshot.json')), /init\/snapshot\.json is missing\. It records the schema this migration leads to/],
    ['a snapshot that is not JSON', (d) => writeFileSync(join(d, M1, 'snapshot.json'), '{'), /snapshot\.json is not valid JSON/],
    ['a snapshot of another IR version', (d) => writeFileSync(join(d, M1, 'snapshot.json'), JSON.stringify({ ...irOf(datasource('sqlite')), version: 99 })), /is a snapshot of version 99, and this kiln reads version 1/],
    ['a snapshot of another provider', (d) => writeFileSync(join(d, M1, 'snapshot.json'), serializeIR(irOf(datasource('mysql')))), /is a snapshot of a mysql schema, but the migrations are written for sqlite/],
    ['a script with an unterminated string', (d) => writeFileSync(join(d, M1, 'migration.sql'), "SELECT 1;\nSELECT 'oops;\n"), /init\/migration\.sql:2: a string opened with ' is never closed\./],
    ['a down.sql with an unknown directive', (d) => writeFileSync(join(d, M1, 'down.sql'), '-- kiln:nope\nSELECT 1;'), /init\/down\.sql:2: unknown directive "-- kiln:nope"/],
  ])('%s', (_what, damage, message) => {
    const dir = makeFolder('sqlite', [{ name: M1, sql: 'SELECT 1;', down: 'SELECT 2;' }]);
    damage(dir);
    expectFolderError(dir, message);
  });
});

describe('writeMigration', () => {
  const snapshot = serializeIR(irOf(datasource('postgresql')));

  test('creates the folder, its lock file and the migration directory', () => {
    const dir = join(makeFolder('postgresql', []), 'nested', 'migrations');
    const name = writeMigration(dir, { script: 'CREATE TABLE a (id INT);\n', down: 'DROP TABLE a;\n', snapshot }, { name: 'Add Users!', provider: 'postgresql', now: new Date('2024-03-05T06:07:08.900Z') });
    expect(name).toBe('20240305060708_add_users');
    expect(readFileSync(join(dir, 'migration_lock.toml'), 'utf8')).toContain('provider = "postgresql"');
    expect(readdirSync(join(dir, name)).sort()).toEqual(['down.sql', 'migration.sql', 'snapshot.json']);
    expect(readdirSync(dir).sort()).toEqual([name, 'migration_lock.toml']);
    const folder = readMigrationsFolder(dir, { provider: 'postgresql' });
    expect(folder.migrations.map((m) => [m.name, m.script.steps.length, m.down?.steps.length])).toEqual([[name, 1, 1]]);

    // Made in the same second, or with a clock behind: still after the last one.
    const second = writeMigration(dir, { script: '', down: null, snapshot }, { name: 'next', provider: 'postgresql', latest: name, now: new Date('2024-03-05T06:07:08.100Z') });
    expect(second).toBe('20240305060709_next');
    expect(readdirSync(join(dir, second)).sort()).toEqual(['migration.sql', 'snapshot.json']);
  });

  test('refuses a folder locked to another database', () => {
    const dir = makeFolder('sqlite', []);
    expect(() => writeMigration(dir, { script: '', down: null, snapshot }, { name: 'x', provider: 'postgresql' })).toThrow(/written for sqlite, not postgresql/);
  });
});

describe('names, timestamps and checksums', () => {
  test('migrationTimestamp is UTC and later than the latest migration', () => {
    expect(migrationTimestamp(new Date('2024-12-31T23:59:59Z'))).toBe('20241231235959');
    expect(migrationTimestamp(new Date('2024-12-31T23:59:59Z'), '20241231235959_x')).toBe('20250101000000');
    expect(migrationTimestamp(new Date('2020-01-01T00:00:00Z'), '20241231235959_x')).toBe('20250101000000');
    expect(migrationTimestamp(new Date('2025-01-01T00:00:00Z'), '20241231235959_x')).toBe('20250101000000');
  });

  test('migrationSlug keeps lower case ASCII words', () => {
    expect(migrationSlug('Add Users')).toBe('add_users');
    expect(migrationSlug('addUserEmail')).toBe('add_user_email');
    expect(migrationSlug('Crème brûlée; DROP TABLE "x"')).toBe('creme_brulee_drop_table_x');
    expect(migrationSlug('名前')).toBe('migration');
    expect(migrationSlug('a'.repeat(100))).toHaveLength(60);
  });

  test('migrationNameFromChanges', () => {
    const ir = irOf(`${datasource('postgresql')}\nmodel User {\n  id Int @id\n  posts Post[]\n}\nmodel Post {\n  id Int @id\n  user User @relation(fields: [userId], references: [id])\n  userId Int\n}\nmodel Tag {\n  id Int @id\n}\n`);
    const changes = planFromEmpty(ir);
    expect(migrationNameFromChanges(changes, true)).toBe('init');
    expect(migrationNameFromChanges(changes, false)).toBe('create_user_create_post_and_more');
    expect(migrationNameFromChanges(changes.slice(0, 1), false)).toBe('create_user');
    const drop: Change = { kind: 'dropColumn', table: { schema: null, name: 'User' }, column: { name: 'nickName', type: { kind: 'scalar', scalar: 'String', nativeType: null, list: false }, nullable: true, default: null, autoincrement: false } };
    expect(migrationNameFromChanges([drop], false)).toBe('drop_user_nick_name');
  });

  test('a checksum ignores line endings and a byte-order mark, and nothing else', () => {
    const lf = 'CREATE TABLE a (id INT);\nSELECT 1;\n';
    expect(migrationChecksum(lf)).toMatch(/^[0-9a-f]{64}$/);
    expect(migrationChecksum(lf.replace(/\n/g, '\r\n'))).toBe(migrationChecksum(lf));
    expect(migrationChecksum(`\uFEFF${lf}`)).toBe(migrationChecksum(lf));
    expect(migrationChecksum(lf.replace('1', '2'))).not.toBe(migrationChecksum(lf));
    expect(migrationChecksum(`${lf} `)).not.toBe(migrationChecksum(lf));
  });
});
