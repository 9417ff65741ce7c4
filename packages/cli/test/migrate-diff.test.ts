import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { kiln, removeTempDirs, STACK_FRAME, tempProject } from './run-kiln.js';

/*
 * `kiln migrate diff --from X --to Y`: the SQL between an empty database, a schema, the last
 * migration of a folder and a live database, on stdout. It writes nothing.
 */

afterEach(removeTempDirs);

const HEAD = 'datasource db {\n  provider = "sqlite"\n  url      = env("DATABASE_URL")\n}\n\n';
const V1 = `${HEAD}model User {\n  id    Int    @id\n  email String @unique\n}\n`;
const V2 = `${HEAD}model User {\n  id    Int     @id\n  email String  @unique\n  name  String?\n}\n`;

describe('kiln migrate diff', () => {
  test('from empty to a schema: the whole schema; between two schemas: the difference; reversed: the way back', () => {
    const dir = tempProject({ 'v1.schema': V1, 'v2.schema': V2 });
    const all = kiln(dir, ['migrate', 'diff', '--from', 'empty', '--to', 'schema:v1.schema']);
    expect(all.status).toBe(0);
    expect(all.stdout).toMatch(/^-- CreateTable "User"\nCREATE TABLE "User" \(\n/);
    expect(all.stdout).toContain('CREATE UNIQUE INDEX "User_email_key" ON "User"("email");');

    const up = kiln(dir, ['migrate', 'diff', '--from', 'schema:v1.schema', '--to', 'schema:v2.schema']);
    expect(up.stdout).toBe('-- AddColumn "name" to "User"\nALTER TABLE "User" ADD COLUMN "name" TEXT;\n');
    const down = kiln(dir, ['migrate', 'diff', '--from', 'schema:v2.schema', '--to', 'schema:v1.schema']);
    expect(down.stdout).toBe('-- DropColumn "name" from "User"\nALTER TABLE "User" DROP COLUMN "name";\n');

    const same = kiln(dir, ['migrate', 'diff', '--from', 'schema:v1.schema', '--to', 'schema:v1.schema']);
    expect(same.stdout).toBe('');
    expect(same.stderr).toBe('No difference between the schema v1.schema and the schema v1.schema.\n');
    expect(same.status).toBe(0);
  });

  test('from a migrations folder and from a live database', () => {
    const dir = tempProject({ 'schema.schema': V1 });
    expect(kiln(dir, ['migrate', 'dev', '--skip-generate'], { DATABASE_URL: 'file:./dev.db' }).status).toBe(0);
    const folder = kiln(dir, ['migrate', 'diff', '--from', 'migrations:migrations', '--to', 'schema:schema.schema']);
    expect(folder.stdout).toBe('');
    expect(folder.stderr).toMatch(/^No difference between the last migration of migrations \(\d{14}_init\) and the schema schema\.schema\.\n$/);
    const live = kiln(dir, ['migrate', 'diff', '--from', 'file:./dev.db', '--to', 'empty']);
    expect(live.stdout).toBe('-- DropTable "User"\nDROP TABLE "User";\n');
    expect(live.status).toBe(0);
  });

  test('errors: an unknown form, a missing database file, sides for two databases, missing options', () => {
    const dir = tempProject({ 'v1.schema': V1, 'pg.schema': V1.replace('"sqlite"', '"postgresql"') });
    const unknown = kiln(dir, ['migrate', 'diff', '--from', 'v1.schema', '--to', 'empty']);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toBe(
      'error: --from "v1.schema" is not something kiln can compare. Use one of:\n' +
        '  empty                 an empty database\n' +
        '  schema:<path>         a schema file or folder\n' +
        '  migrations:<dir>      the schema of the last migration of a migrations folder\n' +
        '  <url>                 a live database: file:./dev.db, postgresql://..., mysql://...\n',
    );
    const missing = kiln(dir, ['migrate', 'diff', '--from', 'file:./nope.db', '--to', 'empty']);
    expect(missing.stderr).toBe('error: --from: the SQLite database nope.db does not exist.\n');
    expect(existsSync(join(dir, 'nope.db'))).toBe(false);
    const mixed = kiln(dir, ['migrate', 'diff', '--from', 'schema:v1.schema', '--to', 'schema:pg.schema']);
    expect(mixed.stderr).toBe('error: --from (the schema v1.schema) is for sqlite and --to (the schema pg.schema) for postgresql; both sides must be for the same database.\n');
    const noTo = kiln(dir, ['migrate', 'diff', '--from', 'empty']);
    expect(noTo.status).toBe(1);
    expect(noTo.stderr).toContain("error: required option '--to <source>' not specified");
    for (const r of [unknown, missing, mixed, noTo]) expect(r.stderr).not.toMatch(STACK_FRAME);
  });

  test('--help spells out the forms', () => {
    const help = kiln(tempProject(), ['migrate', 'diff', '--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Forms of --from and --to:\n  empty ');
    expect(help.stdout).toContain('schema:<path>');
    expect(help.stdout).toContain('migrations:<dir>');
    expect(help.stdout).toContain('postgresql://...');
  });
});
