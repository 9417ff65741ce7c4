import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Provider } from '@kiln/schema';
import { MigrationFolderError } from './migration-folder-error.js';

/** The file at the root of a migrations folder that names the database its SQL is written for. */
export const MIGRATION_LOCK_FILE = 'migration_lock.toml';

const PROVIDERS: readonly Provider[] = ['sqlite', 'postgresql', 'mysql'];

/** The text of migration_lock.toml for `provider`. */
export function migrationLockText(provider: Provider): string {
  return [
    '# Written by kiln: the database the migrations in this folder are written for.',
    '# Keep it in version control. To move to another database, start a new migrations folder.',
    `provider = "${provider}"`,
    '',
  ].join('\n');
}

/**
 * The provider named in `<folder>/migration_lock.toml`, or null when there is no such file.
 * Only the `provider = "..."` line is read; comments and blank lines are allowed, anything
 * else is an error (the file is kiln's, not the user's).
 */
export function readMigrationLock(folder: string): Provider | null {
  const path = join(folder, MIGRATION_LOCK_FILE);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new MigrationFolderError(`Could not read ${path}: ${(err as Error).message}`);
  }
  let provider: string | null = null;
  for (const [i, raw] of text.split(/\r?\n/).entries()) {
    const line = raw.replace(/^\uFEFF/, '').trim();
    if (line === '' || line.startsWith('#')) continue;
    const m = /^provider\s*=\s*"([^"]*)"\s*(#.*)?$/.exec(line);
    if (m === null) {
      throw new MigrationFolderError(`${path}:${i + 1}: expected provider = "sqlite", "postgresql" or "mysql", found: ${raw.trim()}`);
    }
    provider = m[1]!;
  }
  if (provider === null) throw new MigrationFolderError(`${path} names no provider; it should hold a line such as provider = "postgresql".`);
  if (!(PROVIDERS as readonly string[]).includes(provider)) {
    throw new MigrationFolderError(`${path} names the provider "${provider}"; expected "sqlite", "postgresql" or "mysql".`);
  }
  return provider as Provider;
}

export function writeMigrationLock(folder: string, provider: Provider): void {
  writeFileSync(join(folder, MIGRATION_LOCK_FILE), migrationLockText(provider));
}
