import { readFileSync } from 'node:fs';

/** The version of @kiln/cli, read from its package.json (build/src/ → ../../package.json). */
export function cliVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: unknown };
  return typeof pkg.version === 'string' ? pkg.version : '0.0.0';
}
