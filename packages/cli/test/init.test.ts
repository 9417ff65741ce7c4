import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { kiln, removeTempDirs, STACK_FRAME, tempProject, VALID_SCHEMA } from './run-kiln.js';

afterEach(removeTempDirs);

const URLS = {
  sqlite: 'file:./dev.db',
  postgresql: 'postgresql://postgres@127.0.0.1:5432/mydb',
  mysql: 'mysql://root@127.0.0.1:3306/mydb',
} as const;

describe('kiln init', () => {
  test.each(Object.entries(URLS))('--provider %s writes a schema that validates and a .env', (provider, url) => {
    const dir = tempProject();
    const r = kiln(dir, ['init', '--provider', provider]);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('schema.schema');

    const schema = readFileSync(join(dir, 'schema.schema'), 'utf8');
    expect(schema).toMatch(new RegExp(`datasource db \\{\\n\\s+provider = "${provider}"\\n\\s+url\\s+= env\\("DATABASE_URL"\\)`));
    expect(schema).toMatch(/generator client \{\n\s+provider = "kiln"\n\}/);
    expect(schema).toMatch(/model User \{[^}]*\bid\b[^}]*\bemail\b[^}]*\bname\b[^}]*\}/);
    expect(readFileSync(join(dir, '.env'), 'utf8')).toBe(`DATABASE_URL="${url}"\n`);

    const v = kiln(dir, ['validate']);
    expect(v.stderr).toBe('');
    expect(v.status).toBe(0);
  });

  test('the default provider is sqlite', () => {
    const dir = tempProject();
    expect(kiln(dir, ['init']).status).toBe(0);
    expect(readFileSync(join(dir, 'schema.schema'), 'utf8')).toContain('provider = "sqlite"');
    expect(readFileSync(join(dir, '.env'), 'utf8')).toBe('DATABASE_URL="file:./dev.db"\n');
  });

  test('refuses to overwrite an existing schema.schema, and touches nothing', () => {
    const dir = tempProject({ 'schema.schema': VALID_SCHEMA });
    const r = kiln(dir, ['init', '--provider', 'mysql']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('schema.schema already exists');
    expect(r.stderr).toContain('Edit it directly');
    expect(r.stderr).not.toMatch(STACK_FRAME);
    expect(readFileSync(join(dir, 'schema.schema'), 'utf8')).toBe(VALID_SCHEMA);
    expect(existsSync(join(dir, '.env'))).toBe(false);
  });

  test('refuses when another discovered schema would be shadowed', () => {
    const dir = tempProject({ 'prisma/schema.prisma': VALID_SCHEMA });
    const r = kiln(dir, ['init']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('./prisma/schema.prisma');
    expect(existsSync(join(dir, 'schema.schema'))).toBe(false);
  });

  test('appends DATABASE_URL to an existing .env that lacks it', () => {
    const dir = tempProject({ '.env': 'SECRET=abc' });
    const r = kiln(dir, ['init', '--provider', 'postgresql']);
    expect(r.status).toBe(0);
    expect(readFileSync(join(dir, '.env'), 'utf8')).toBe(`SECRET=abc\nDATABASE_URL="${URLS.postgresql}"\n`);
  });

  test('leaves an existing .env that sets DATABASE_URL unchanged', () => {
    const env = '# mine\nexport DATABASE_URL="postgresql://me@db/prod"\nOTHER=1\n';
    const dir = tempProject({ '.env': env });
    const r = kiln(dir, ['init', '--provider', 'postgresql']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('already sets DATABASE_URL');
    expect(readFileSync(join(dir, '.env'), 'utf8')).toBe(env);
  });

  test('an invalid --provider: exit 1 listing the valid ones, nothing written', () => {
    const dir = tempProject();
    const r = kiln(dir, ['init', '--provider', 'oracle']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("'oracle' is invalid");
    expect(r.stderr).toContain('sqlite, postgresql, mysql');
    expect(r.stderr).toContain('kiln init --help');
    expect(existsSync(join(dir, 'schema.schema'))).toBe(false);
    expect(existsSync(join(dir, '.env'))).toBe(false);
  });

  test('the starter schema is already formatted', () => {
    const dir = tempProject();
    expect(kiln(dir, ['init']).status).toBe(0);
    const r = kiln(dir, ['format', '--check']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});
