import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { kiln, removeTempDirs, STACK_FRAME, tempProject } from './run-kiln.js';

/*
 * `kiln db seed`: runs package.json's "kiln": { "seed": ... } (or --command) in a shell, with
 * the .env files loaded and --url passed as the datasource's variable.
 */

afterEach(removeTempDirs);

const SCHEMA = 'datasource db {\n  provider = "sqlite"\n  url      = env("APP_DB")\n}\n\nmodel A {\n  id Int @id\n}\n';
/** Writes the URL the seed sees into seen.txt. */
const SEED = `node -e "require('fs').writeFileSync('seen.txt', String(process.env.APP_DB))"`;

describe('kiln db seed', () => {
  test("runs package.json's kiln.seed with the .env beside the schema loaded", () => {
    const dir = tempProject({ 'schema.schema': SCHEMA, '.env': 'APP_DB=file:./from-env.db\n', 'package.json': JSON.stringify({ kiln: { seed: SEED } }) });
    const r = kiln(dir, ['db', 'seed']);
    expect(r.stderr).toBe(`Running the seed command: ${SEED}\n`);
    expect(r.stdout).toBe(`Seeded the database with \`${SEED}\`.\n`);
    expect(r.status).toBe(0);
    expect(readFileSync(join(dir, 'seen.txt'), 'utf8')).toBe('file:./from-env.db');
  });

  test('--command and --url (set as the datasource variable) win', () => {
    const dir = tempProject({ 'schema.schema': SCHEMA, 'package.json': JSON.stringify({ kiln: { seed: 'exit 3' } }) });
    const r = kiln(dir, ['db', 'seed', '--command', SEED, '--url', 'file:./flag.db']);
    expect(r.status).toBe(0);
    expect(readFileSync(join(dir, 'seen.txt'), 'utf8')).toBe('file:./flag.db');
  });

  test("the seed's output is shown; a failing seed is exit 1 with its code", () => {
    const dir = tempProject({ 'package.json': JSON.stringify({ kiln: { seed: 'echo planted && echo oops >&2 && exit 3' } }) });
    const r = kiln(dir, ['db', 'seed']);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('planted\n');
    expect(r.stderr).toContain('oops\n');
    expect(r.stderr).toContain('error: The seed command `echo planted && echo oops >&2 && exit 3` exited with code 3. Fix it and run `kiln db seed` again.\n');
    expect(r.stderr).not.toMatch(STACK_FRAME);
  });

  test('no seed command, or a malformed one, is a clear error', () => {
    const none = kiln(tempProject({ 'package.json': '{}' }), ['db', 'seed']);
    expect(none.status).toBe(1);
    expect(none.stderr).toMatch(/^error: There is no seed command\. Add one to .*package\.json:\n {2}"kiln": \{ "seed": "node seed\.js" \}\nor pass --command "<command>"\.\n$/);
    const bad = kiln(tempProject({ 'package.json': JSON.stringify({ kiln: { seed: 42 } }) }), ['db', 'seed']);
    expect(bad.stderr).toMatch(/^error: "kiln\.seed" in .*package\.json must be a command/);
    const dir = tempProject();
    expect(kiln(dir, ['db', 'seed', '--command', '']).stderr).toMatch(/^error: --command is empty/);
    expect(existsSync(join(dir, 'seen.txt'))).toBe(false);
  });
});
