import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { kiln, removeTempDirs, STACK_FRAME, SYNTAX_ERROR_SCHEMA, tempProject } from './run-kiln.js';

afterEach(removeTempDirs);

/** Canonical under any sensible formatter: one block, one field, two-space indent. */
const FORMATTED = 'model User {\n  id Int @id\n}\n';
/** The same schema, badly indented. */
const UNFORMATTED = 'model User {\nid    Int    @id\n}\n';

const read = (dir: string, path: string) => readFileSync(join(dir, path), 'utf8');

describe('kiln format', () => {
  test('--check on a formatted file: exit 0, nothing written', () => {
    const dir = tempProject({ 'schema.schema': FORMATTED });
    const before = statSync(join(dir, 'schema.schema')).mtimeMs;
    const r = kiln(dir, ['format', '--check']);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('The schema is formatted.\n');
    expect(read(dir, 'schema.schema')).toBe(FORMATTED);
    expect(statSync(join(dir, 'schema.schema')).mtimeMs).toBe(before);
  });

  test('format on a formatted file: exit 0, file unchanged', () => {
    const dir = tempProject({ 'schema.schema': FORMATTED });
    const r = kiln(dir, ['format']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('The schema was already formatted.\n');
    expect(read(dir, 'schema.schema')).toBe(FORMATTED);
  });

  test('format then --check passes, for every file of a folder', () => {
    const dir = tempProject({ 'db/a.schema': UNFORMATTED, 'db/b.schema': FORMATTED.replace('User', 'Post') });
    expect(kiln(dir, ['format', '--schema', 'db']).status).toBe(0);
    const r = kiln(dir, ['format', '--schema', 'db', '--check']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('All 2 schema files are formatted.\n');
  });

  test('a syntax error in --check mode: exit 1 with the diagnostic, nothing written', () => {
    const dir = tempProject({ 'schema.schema': SYNTAX_ERROR_SCHEMA });
    const r = kiln(dir, ['format', '--check']);
    expect(r.status).toBe(1);
    expect(read(dir, 'schema.schema')).toBe(SYNTAX_ERROR_SCHEMA);
    expect(r.stderr).not.toMatch(STACK_FRAME);
  });

  // These need a formatter that does its job; the tests above hold even for one that returns
  // its input unchanged.
  describe('rewriting and syntax errors', () => {
    test('a badly indented file is rewritten in place', () => {
      const dir = tempProject({ 'schema.schema': UNFORMATTED });
      const r = kiln(dir, ['format']);
      expect(r.status).toBe(0);
      expect(r.stdout).toContain('Formatted schema.schema');
      const after = read(dir, 'schema.schema');
      expect(after).not.toBe(UNFORMATTED);
      expect(after).toMatch(/^\s+id\s+Int\s+@id$/m);
    });

    test('--check on a badly indented file: exit 1 listing it, nothing written', () => {
      const dir = tempProject({ 'db/a.schema': FORMATTED, 'db/b.schema': UNFORMATTED });
      const r = kiln(dir, ['format', '--check', '--schema', 'db']);
      expect(r.status).toBe(1);
      expect(r.stderr).toContain('Would reformat db/b.schema');
      expect(r.stderr).not.toContain('db/a.schema');
      expect(r.stderr).toContain('1 file would be reformatted');
      expect(read(dir, 'db/b.schema')).toBe(UNFORMATTED);
    });

    test('a syntax error: exit 1 with the rendered diagnostic, the file untouched', () => {
      const dir = tempProject({ 'schema.schema': SYNTAX_ERROR_SCHEMA });
      const r = kiln(dir, ['format']);
      expect(r.status).toBe(1);
      expect(r.stderr).toContain('schema.schema:1:7 - error K1001');
      expect(read(dir, 'schema.schema')).toBe(SYNTAX_ERROR_SCHEMA);
    });
  });
});
