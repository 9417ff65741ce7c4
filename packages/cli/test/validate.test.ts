import { kiln, removeTempDirs, STACK_FRAME, SYNTAX_ERROR_SCHEMA, tempProject, VALID_SCHEMA } from './run-kiln.js';

afterEach(removeTempDirs);

describe('kiln validate', () => {
  test('a valid schema: exit 0 and one success line on stdout', () => {
    const dir = tempProject({ 'schema.schema': VALID_SCHEMA });
    const r = kiln(dir, ['validate']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('The schema at schema.schema is valid.\n');
    expect(r.stderr).toBe('');
  });

  test('a syntax error: exit 1, rendered diagnostic with file:line:col and code frame on stderr', () => {
    const dir = tempProject({ 'schema.schema': SYNTAX_ERROR_SCHEMA });
    const r = kiln(dir, ['validate']);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('schema.schema:1:7 - error K1001');
    expect(r.stderr).toMatch(/error K\d{4}/);
    expect(r.stderr).toContain('1 model {');
    expect(r.stderr).toMatch(/Found \d+ errors?\./);
    expect(r.stderr).not.toMatch(STACK_FRAME);
  });

  test('warnings: exit 0, rendered on stderr, the success line on stdout', () => {
    const dir = tempProject({
      // The second index repeats the first: a warning, not an error.
      'schema.schema': `${VALID_SCHEMA}
model Post {
  id       Int @id
  authorId Int

  @@index([authorId])
  @@index([authorId], map: "post_author_idx")
}
`,
    });
    const r = kiln(dir, ['validate']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('The schema at schema.schema is valid.\n');
    expect(r.stderr).toMatch(/^schema\.schema:\d+:\d+ - warning K\d{4}: /m);
    expect(r.stderr).toContain('Found 1 warning.');
  });

  test('a semantic error (unknown model): exit 1 with the diagnostic', () => {
    const dir = tempProject({ 'schema.schema': `${VALID_SCHEMA}\nmodel Post {\n  id     Int @id\n  author Usr\n}\n` });
    const r = kiln(dir, ['validate']);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/schema\.schema:13:10 - error K\d{4}: .*"Usr"/);
  });

  test('--schema points at a file anywhere', () => {
    const dir = tempProject({ 'config/app.prisma': VALID_SCHEMA });
    const r = kiln(dir, ['validate', '--schema', 'config/app.prisma']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('The schema at config/app.prisma is valid.\n');
  });

  test('--schema with a folder merges its files and reports each by its own path', () => {
    const dir = tempProject({
      'db/a-datasource.schema': 'datasource db {\n  provider = "sqlite"\n  url      = env("DATABASE_URL")\n}\n',
      'db/models/user.schema': 'model User {\n  id Int @id\n}\n',
      'db/notes.txt': 'not a schema {',
    });
    const ok = kiln(dir, ['validate', '--schema', 'db']);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toBe('The schema at db (2 files) is valid.\n');

    const broken = tempProject({
      'db/a.schema': VALID_SCHEMA,
      'db/b.schema': '\nmodel {\n',
    });
    const r = kiln(broken, ['validate', '-s', 'db']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('db/b.schema:2:7 - error K1001');
    expect(r.stderr).not.toContain('db/a.schema:');
  });

  test('a --schema path that does not exist: clear message, exit 1, no stack trace', () => {
    const dir = tempProject();
    const r = kiln(dir, ['validate', '--schema', 'missing.schema']);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('error: No schema at "missing.schema": that path does not exist.\n');
  });

  test('a --schema folder without schema files: clear message, exit 1', () => {
    const dir = tempProject({ 'empty/readme.md': '# nothing' });
    const r = kiln(dir, ['validate', '--schema', 'empty']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('"empty" contains no .schema or .prisma files');
    expect(r.stderr).not.toMatch(STACK_FRAME);
  });
});
