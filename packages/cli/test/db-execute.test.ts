import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openSqliteExecutor } from '@kiln/migrate';
import { kiln, removeTempDirs, STACK_FRAME, tempProject } from './run-kiln.js';

/*
 * `kiln db execute --file f`: the statements of an SQL file, split the way the database reads
 * them, run in one transaction on SQLite (and PostgreSQL); the URL from --url, the datasource
 * or DATABASE_URL.
 */

afterEach(removeTempDirs);

const SCHEMA = 'datasource db {\n  provider = "sqlite"\n  url      = env("DATABASE_URL")\n}\n\nmodel A {\n  id Int @id\n}\n';

async function rows(file: string, sql: string): Promise<Record<string, unknown>[]> {
  const c = await openSqliteExecutor(file);
  try {
    return await c.query(sql);
  } finally {
    await c.close();
  }
}

describe('kiln db execute', () => {
  test('runs every statement of the file, semicolons in strings and triggers included', async () => {
    const dir = tempProject({
      'schema.schema': SCHEMA,
      'setup.sql':
        "-- set up; with a comment\nCREATE TABLE t (x TEXT);\nCREATE TABLE log (x TEXT);\n" +
        'CREATE TRIGGER t_log AFTER INSERT ON t BEGIN\n  INSERT INTO log VALUES (NEW.x || \';\');\nEND;\n' +
        "INSERT INTO t VALUES ('a;b');\n",
    });
    const r = kiln(dir, ['db', 'execute', '--file', 'setup.sql'], { DATABASE_URL: 'file:./dev.db' });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('Executed 4 statements of setup.sql on the SQLite database dev.db.\n');
    expect(await rows(join(dir, 'dev.db'), 'SELECT x FROM log')).toEqual([{ x: 'a;b;' }]);
  });

  test('a failing statement rolls the file back and names the line', async () => {
    const dir = tempProject({ 'schema.schema': SCHEMA, 'bad.sql': 'CREATE TABLE t (x INT);\n\nINSERT INTO nowhere VALUES (1);\n' });
    const r = kiln(dir, ['db', 'execute', '--file', 'bad.sql', '--url', 'file:./flag.db']);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('error: statement 2 of 2 (bad.sql line 3) failed: no such table: nowhere\n  in: INSERT INTO nowhere VALUES (1)\nNothing was applied.\n');
    expect(await rows(join(dir, 'flag.db'), "SELECT name FROM sqlite_master WHERE type = 'table'")).toEqual([]);
  });

  test('without a schema, --url or DATABASE_URL; errors for a missing file, an unreadable script, no URL', () => {
    const dir = tempProject({ 'one.sql': 'SELECT 1;', 'broken.sql': "SELECT 1;\nSELECT 'x;\n" });
    expect(kiln(dir, ['db', 'execute', '--file', 'one.sql'], { DATABASE_URL: 'file:./x.db' }).stdout).toBe('Executed 1 statement of one.sql on the SQLite database x.db.\n');
    const missing = kiln(dir, ['db', 'execute', '--file', 'nope.sql', '--url', 'file:./x.db']);
    expect(missing.stderr).toBe('error: Could not read nope.sql: no such file.\n');
    const broken = kiln(dir, ['db', 'execute', '--file', 'broken.sql', '--url', 'file:./x.db']);
    expect(broken.stderr).toBe("error: broken.sql:2: a string opened with ' is never closed.\n");
    const noUrl = kiln(dir, ['db', 'execute', '--file', 'one.sql'], { DATABASE_URL: '' });
    expect(noUrl.stderr).toMatch(/^error: The environment variable DATABASE_URL is empty\. There is no schema to read a datasource url from; kiln looked in the environment and in \.env \(no such file\)\.\nSet DATABASE_URL/);
    for (const r of [missing, broken, noUrl]) {
      expect(r.status).toBe(1);
      expect(r.stderr).not.toMatch(STACK_FRAME);
    }
    const noFile = kiln(dir, ['db', 'execute']);
    expect(noFile.stderr).toContain("error: required option '-f, --file <path>' not specified");
    writeFileSync(join(dir, 'empty.sql'), '-- nothing\n');
    expect(kiln(dir, ['db', 'execute', '--file', 'empty.sql', '--url', 'file:./x.db']).stdout).toBe('empty.sql holds no statements: nothing was executed.\n');
  });
});
