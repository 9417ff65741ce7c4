import { ANSI, kiln, removeTempDirs, SYNTAX_ERROR_SCHEMA, tempProject, VALID_SCHEMA } from './run-kiln.js';

afterEach(removeTempDirs);

// spawnSync's pipes are never TTYs, so these run kiln non-interactively.
describe('colour', () => {
  test('non-TTY output has no ANSI escapes', () => {
    const bad = tempProject({ 'schema.schema': SYNTAX_ERROR_SCHEMA });
    const good = tempProject({ 'schema.schema': VALID_SCHEMA });
    const outputs = [kiln(bad, ['validate']), kiln(good, ['validate']), kiln(good, ['nope']), kiln(good, ['init'])];
    for (const r of outputs) {
      expect(r.stdout).not.toMatch(ANSI);
      expect(r.stderr).not.toMatch(ANSI);
    }
  });

  test('FORCE_COLOR turns colour on without a TTY', () => {
    const bad = tempProject({ 'schema.schema': SYNTAX_ERROR_SCHEMA });
    const r = kiln(bad, ['validate'], { FORCE_COLOR: '1' });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(ANSI);
    expect(kiln(bad, ['nope'], { FORCE_COLOR: '1' }).stderr).toMatch(ANSI);
  });

  test('NO_COLOR wins over FORCE_COLOR, and FORCE_COLOR=0 turns colour off', () => {
    const bad = tempProject({ 'schema.schema': SYNTAX_ERROR_SCHEMA });
    for (const env of <Record<string, string>[]>[{ NO_COLOR: '1' }, { NO_COLOR: '1', FORCE_COLOR: '1' }, { FORCE_COLOR: '0' }]) {
      const r = kiln(bad, ['validate'], env);
      expect(r.status).toBe(1);
      expect(r.stderr).toContain('schema.schema:1:7 - error K1001');
      expect(r.stderr).not.toMatch(ANSI);
    }
  });
});
