import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The built binary, as users run it: compiled tests live in build/test/, the binary in build/src/. */
export const BIN = fileURLToPath(new URL('../src/bin.js', import.meta.url));
export const PACKAGE_JSON = fileURLToPath(new URL('../../package.json', import.meta.url));

export interface KilnResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

// eslint-disable-next-line no-control-regex
export const ANSI = /\u001b\[/;

/**
 * Runs `node bin.js ...args` in `cwd`. The colour variables of the test runner's own
 * environment are removed (jest workers set FORCE_COLOR), so a test sets exactly the ones it
 * is about. spawnSync's pipes are not TTYs, so output is non-interactive.
 */
export function kiln(cwd: string, args: string[], env: Record<string, string> = {}): KilnResult {
  const base = { ...process.env };
  delete base.FORCE_COLOR;
  delete base.NO_COLOR;
  delete base.KILN_DEBUG;
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, env: { ...base, ...env }, encoding: 'utf8' });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const made: string[] = [];

/** A fresh temp directory holding `files` (path → text); removed by `removeTempDirs`. */
export function tempProject(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'kiln-cli-'));
  made.push(dir);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

export function removeTempDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** A schema that parses; the analyzer may still be a placeholder, so nothing here depends on it. */
export const VALID_SCHEMA = `datasource db {
  provider = "sqlite"
  url      = env("DATABASE_URL")
}

model User {
  id    Int    @id
  email String @unique
}
`;

/** `model {` lacks the model's name: a K1001 syntax error at 1:7, whatever the analyzer does. */
export const SYNTAX_ERROR_SCHEMA = 'model {\n';

/** No stack trace: no "    at fn (file:line)" frames. */
export const STACK_FRAME = /^\s+at .+:\d+/m;
