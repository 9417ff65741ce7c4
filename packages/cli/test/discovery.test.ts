import { kiln, removeTempDirs, STACK_FRAME, SYNTAX_ERROR_SCHEMA, tempProject, VALID_SCHEMA } from './run-kiln.js';

afterEach(removeTempDirs);

// Which schema was picked shows in the output: the chosen file is valid, the others are broken.
describe('schema discovery without --schema', () => {
  test('./schema.schema comes first', () => {
    const dir = tempProject({
      'schema.schema': VALID_SCHEMA,
      'db/schema.schema': SYNTAX_ERROR_SCHEMA,
      'prisma/schema.prisma': SYNTAX_ERROR_SCHEMA,
    });
    const r = kiln(dir, ['validate']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('The schema at schema.schema is valid.\n');
  });

  test('then ./db/schema.schema', () => {
    const dir = tempProject({ 'db/schema.schema': VALID_SCHEMA, 'prisma/schema.prisma': SYNTAX_ERROR_SCHEMA });
    const r = kiln(dir, ['validate']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('The schema at db/schema.schema is valid.\n');
  });

  test('then ./prisma/schema.prisma', () => {
    const dir = tempProject({ 'prisma/schema.prisma': SYNTAX_ERROR_SCHEMA });
    const r = kiln(dir, ['validate']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('prisma/schema.prisma:1:7 - error K1001');
  });

  test('other files are not picked up', () => {
    const dir = tempProject({ 'app.schema': VALID_SCHEMA, 'db/other.schema': VALID_SCHEMA });
    expect(kiln(dir, ['validate']).status).toBe(1);
  });

  test('no schema: exit 1 naming the three places and suggesting kiln init or --schema', () => {
    const dir = tempProject();
    for (const command of [['validate'], ['format'], ['format', '--check']]) {
      const r = kiln(dir, command);
      expect(r.status).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain('./schema.schema');
      expect(r.stderr).toContain('./db/schema.schema');
      expect(r.stderr).toContain('./prisma/schema.prisma');
      expect(r.stderr).toContain('kiln init');
      expect(r.stderr).toContain('--schema');
      expect(r.stderr).not.toMatch(STACK_FRAME);
    }
  });
});
