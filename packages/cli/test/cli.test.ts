import { readFileSync } from 'node:fs';
import { run, createColors, type CliContext } from '../src/index.js';
import { kiln, PACKAGE_JSON, removeTempDirs, STACK_FRAME, tempProject, VALID_SCHEMA } from './run-kiln.js';

afterEach(removeTempDirs);

describe('the kiln program', () => {
  test('--version and -v print the package version', () => {
    const { version } = JSON.parse(readFileSync(PACKAGE_JSON, 'utf8')) as { version: string };
    const dir = tempProject();
    for (const flag of ['--version', '-v']) {
      const r = kiln(dir, [flag]);
      expect(r.status).toBe(0);
      expect(r.stdout).toBe(`${version}\n`);
    }
  });

  test('--help lists every command', () => {
    const r = kiln(tempProject(), ['--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Usage: kiln');
    for (const command of ['validate', 'format', 'init']) expect(r.stdout).toMatch(new RegExp(`^\\s+${command}\\b`, 'm'));
  });

  test.each([
    ['validate', ['--schema']],
    ['format', ['--schema', '--check']],
    ['init', ['--provider', 'sqlite', 'postgresql', 'mysql']],
  ])('%s --help (and help %s) describe its options', (command, words) => {
    const dir = tempProject();
    for (const args of [[command, '--help'], ['help', command]]) {
      const r = kiln(dir, args);
      expect(r.status).toBe(0);
      expect(r.stdout).toContain(`Usage: kiln ${command}`);
      for (const w of words) expect(r.stdout).toContain(w);
    }
  });

  test('--help does not run the command', () => {
    const dir = tempProject();
    expect(kiln(dir, ['init', '--help']).status).toBe(0);
    expect(kiln(dir, ['validate', '--help']).status).toBe(0);
  });

  test('an unknown command: commander error, a suggestion and a hint, exit 1', () => {
    const r = kiln(tempProject(), ['valdate']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("error: unknown command 'valdate'");
    expect(r.stderr).toContain('Did you mean validate?');
    expect(r.stderr).toContain('kiln --help');
    expect(r.stderr).not.toMatch(STACK_FRAME);
  });

  test('an unknown option: commander error and a hint naming the command help, exit 1', () => {
    const dir = tempProject({ 'schema.schema': VALID_SCHEMA });
    const r = kiln(dir, ['format', '--chek']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("error: unknown option '--chek'");
    expect(r.stderr).toContain('Did you mean --check?');
    expect(r.stderr).toContain('kiln format --help');
  });

  test('an option without its value, and a stray argument, are errors', () => {
    const dir = tempProject({ 'schema.schema': VALID_SCHEMA });
    const missing = kiln(dir, ['validate', '--schema']);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain("option '-s, --schema <path>' argument missing");
    const extra = kiln(dir, ['validate', 'schema.schema']);
    expect(extra.status).toBe(1);
    expect(extra.stderr).toContain('too many arguments');
  });

  test('no command: usage on stderr, exit 1', () => {
    const r = kiln(tempProject(), []);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('Usage: kiln');
  });
});

describe('run() in-process', () => {
  function capture(cwd: string, env: NodeJS.ProcessEnv = {}) {
    const out: string[] = [];
    const err: string[] = [];
    const ctx: CliContext = {
      cwd,
      env,
      stdout: { write: (s) => void out.push(s), colors: createColors(false) },
      stderr: { write: (s) => void err.push(s), colors: createColors(false) },
    };
    return { ctx, out, err };
  }

  test('returns the exit code and writes to the given streams', async () => {
    const dir = tempProject({ 'schema.schema': VALID_SCHEMA });
    const { ctx, out, err } = capture(dir);
    expect(await run(['validate'], ctx)).toBe(0);
    expect(out.join('')).toBe('The schema at schema.schema is valid.\n');
    expect(err.join('')).toBe('');
  });

  test('an unexpected internal error: a short message, no stack trace, exit 2', async () => {
    const dir = tempProject({ 'schema.schema': VALID_SCHEMA });
    const { ctx, err } = capture(dir);
    ctx.stdout.write = () => {
      throw new Error('boom');
    };
    expect(await run(['validate'], ctx)).toBe(2);
    const text = err.join('');
    expect(text).toContain('unexpected internal error: boom');
    expect(text).toContain('KILN_DEBUG=1');
    expect(text).not.toMatch(STACK_FRAME);
  });

  test('KILN_DEBUG prints the stack of an internal error', async () => {
    const dir = tempProject({ 'schema.schema': VALID_SCHEMA });
    const { ctx, err } = capture(dir, { KILN_DEBUG: '1' });
    ctx.stdout.write = () => {
      throw new Error('boom');
    };
    expect(await run(['validate'], ctx)).toBe(2);
    expect(err.join('')).toMatch(STACK_FRAME);
  });
});
