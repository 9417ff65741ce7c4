import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'dotenv';
import { isFsError, UserError } from './errors.js';

/*
 * `.env` files are read with dotenv (https://github.com/motdotla/dotenv): the format's de facto
 * standard (quotes, multi-line values, `export` prefixes, comments), tiny, with no dependencies
 * and long maintained. Only its parser is used: kiln never writes into process.env, it merges
 * the files into its own copy of the environment.
 */

export interface LoadedEnv {
  /** The process environment with the files' variables added where not already set. */
  env: Record<string, string | undefined>;
  /** Every `.env` path looked at, in order, and whether it existed. */
  files: { path: string; found: boolean }[];
}

/**
 * Reads `.env` in each folder of `dirs` (duplicates skipped). A variable already in `base`
 * wins over the files, and an earlier file wins over a later one, so a deployment's real
 * environment is never overridden by a developer's file.
 */
export function loadEnvFiles(dirs: readonly string[], base: Readonly<Record<string, string | undefined>>): LoadedEnv {
  const env: Record<string, string | undefined> = { ...base };
  const files: LoadedEnv['files'] = [];
  for (const dir of [...new Set(dirs)]) {
    const path = join(dir, '.env');
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (err) {
      if (isFsError(err) && (err.code === 'ENOENT' || err.code === 'ENOTDIR')) {
        files.push({ path, found: false });
        continue;
      }
      throw isFsError(err) ? new UserError(`Could not read ${path}: ${err.message}`) : err;
    }
    files.push({ path, found: true });
    for (const [name, value] of Object.entries(parse(text))) if (env[name] === undefined) env[name] = value;
  }
  return { env, files };
}
