import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEnv } from 'node:util';
import { KilnConnectionError } from '../errors/kiln-error.js';

export interface UrlDefaults {
  url?: { env: string } | { value: string };
  /** The schema's folder: `.env` is read from it, and `file:` paths are relative to it. */
  schemaDir?: string;
}

/**
 * The connection URL: the constructor's `url`, else the datasource's (a literal, or an
 * environment variable, with `.env` beside the schema loaded first without overriding what the
 * environment already has).
 */
export function resolveUrl(explicit: string | undefined, defaults: UrlDefaults): string {
  if (explicit) return explicit;
  const d = defaults.url;
  if (d && 'value' in d) return d.value;
  const name = d?.env ?? 'DATABASE_URL';
  if (process.env[name] === undefined && defaults.schemaDir) loadEnvFile(join(defaults.schemaDir, '.env'));
  const v = process.env[name];
  if (!v) {
    const where = defaults.schemaDir ? ` or in ${join(defaults.schemaDir, '.env')}` : '';
    throw new KilnConnectionError(`No database URL: set ${name} in the environment${where}, or pass { url } to the client.`);
  }
  return v;
}

function loadEnvFile(path: string): void {
  if (!existsSync(path)) return;
  const parsed = parseEnv(readFileSync(path, 'utf8')) as Record<string, string>;
  for (const [k, v] of Object.entries(parsed)) if (process.env[k] === undefined) process.env[k] = v;
}
