import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BIN, kiln, removeTempDirs, STACK_FRAME, SYNTAX_ERROR_SCHEMA, tempProject } from './run-kiln.js';

afterEach(removeTempDirs);

const BLOG = readFileSync(fileURLToPath(new URL('../../../../schema-examples/blog/schema.schema', import.meta.url)), 'utf8');
const FILES = ['enums.ts', 'models.ts', 'runtime-schema.ts', 'client.ts', 'index.ts'];

describe('kiln generate', () => {
  test('generates the blog client into generated/kiln beside the schema and reports it', () => {
    const dir = tempProject({ 'schema.schema': BLOG });
    const r = kiln(dir, ['generate']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Generated the Kiln client \(5 models, 1 enum\) in \d+ ms\.\n/);
    expect(r.stdout).toContain('  models  User, Profile, Post, Comment, Tag\n');
    expect(r.stdout).toContain('  enums   Role\n');
    expect(r.stdout).toContain('  output  generated/kiln\n');
    for (const f of FILES) expect(existsSync(join(dir, 'generated', 'kiln', f))).toBe(true);
    const client = readFileSync(join(dir, 'generated', 'kiln', 'client.ts'), 'utf8');
    expect(client).toContain('export class KilnClient extends KilnClientBase');
    expect(client).toContain('declare readonly post: $ModelDelegate<$PostPayload>;');
    // Relative SQLite paths resolve against the schema's folder.
    expect(client).toContain(`schemaDir: '${dir}'`);
  });

  test('--schema elsewhere, and the generator block output relative to the schema file', () => {
    const schema = BLOG.replace('provider = "kiln"', 'provider = "kiln"\n  output   = "../src/db"');
    const dir = tempProject({ 'prisma/app.schema': schema });
    const r = kiln(dir, ['generate', '--schema', 'prisma/app.schema']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('  output  src/db\n');
    for (const f of FILES) expect(existsSync(join(dir, 'src', 'db', f))).toBe(true);
  });

  test('a schema folder: output beside the folder\'s files', () => {
    const dir = tempProject({ 'db/a.schema': BLOG });
    const r = kiln(dir, ['generate', '-s', 'db']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('  output  db/generated/kiln\n');
    expect(existsSync(join(dir, 'db', 'generated', 'kiln', 'index.ts'))).toBe(true);
  });

  test('an invalid schema: diagnostics as kiln validate prints them, exit 1, nothing written', () => {
    const dir = tempProject({ 'schema.schema': SYNTAX_ERROR_SCHEMA });
    const r = kiln(dir, ['generate']);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('schema.schema:1:7 - error K1001');
    expect(r.stderr).toContain('The client was not generated');
    expect(r.stderr).not.toMatch(STACK_FRAME);
    expect(existsSync(join(dir, 'generated'))).toBe(false);
    // validate prints the same diagnostics
    const v = kiln(dir, ['validate']);
    expect(r.stderr.startsWith(v.stderr)).toBe(true);
  });

  test('warnings are printed and the client is generated', () => {
    const dir = tempProject({
      'schema.schema': `${BLOG}\nmodel Audit {\n  id     Int @id\n  userId Int\n\n  @@index([userId])\n  @@index([userId], map: "audit_user_idx")\n}\n`,
    });
    const r = kiln(dir, ['generate']);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/warning K\d{4}/);
    expect(r.stdout).toContain('(6 models, 1 enum)');
  });

  test('no schema found: the discovery message, exit 1', () => {
    const r = kiln(tempProject(), ['generate']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('Could not find a schema');
  });

  test('generate --help describes --schema and --watch; kiln --help lists generate', () => {
    const dir = tempProject();
    const h = kiln(dir, ['generate', '--help']);
    expect(h.status).toBe(0);
    expect(h.stdout).toContain('--schema');
    expect(h.stdout).toContain('--watch');
    expect(kiln(dir, ['--help']).stdout).toMatch(/^\s+generate\b/m);
  });

  test('--watch regenerates on every change until it is stopped', async () => {
    const dir = tempProject({ 'schema.schema': BLOG });
    const child = spawn(process.execPath, [BIN, 'generate', '--watch'], { cwd: dir, env: { ...process.env, FORCE_COLOR: '0' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const waitFor = async (pattern: RegExp, count: number): Promise<void> => {
      const deadline = Date.now() + 15_000;
      while ((stdout.match(pattern)?.length ?? 0) < count) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${pattern} x${count}\nstdout:\n${stdout}\nstderr:\n${stderr}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    try {
      await waitFor(/Watching schema\.schema for changes/g, 1);
      expect(stdout).toMatch(/Generated the Kiln client \(5 models/);

      // A new model: generated again, with it.
      writeFileSync(join(dir, 'schema.schema'), `${BLOG}\nmodel Audit {\n  id Int @id\n}\n`);
      await waitFor(/Generated the Kiln client/g, 2);
      expect(stdout).toContain('(6 models, 1 enum)');
      expect(readFileSync(join(dir, 'generated', 'kiln', 'models.ts'), 'utf8')).toContain('export type Audit = {');

      // A broken schema: the diagnostics, and the watch goes on.
      writeFileSync(join(dir, 'schema.schema'), SYNTAX_ERROR_SCHEMA);
      const deadline = Date.now() + 15_000;
      while (!stderr.includes('error K1001') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      expect(stderr).toContain('error K1001');

      // Fixed again.
      writeFileSync(join(dir, 'schema.schema'), BLOG);
      await waitFor(/Generated the Kiln client/g, 3);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  }, 30_000);
});
