import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Provider } from '@kiln/schema';
import { MigrationFolderError } from './migration-folder-error.js';
import { readMigrationLock, writeMigrationLock } from './migration-lock.js';
import { migrationSlug, migrationTimestamp } from './migration-name.js';
import { DOWN_FILE, MIGRATION_FILE, SNAPSHOT_FILE } from './read-migrations-folder.js';

/** The files of a new migration. */
export interface MigrationFiles {
  /** migration.sql. */
  script: string;
  /** down.sql; null writes none (the reverse could not be planned). */
  down: string | null;
  /** snapshot.json: the serialized IR (`serializeIR`). */
  snapshot: string;
}

export interface WriteMigrationOptions {
  /** The name part; made directory-safe with `migrationSlug`. */
  name: string;
  provider: Provider;
  /** The name of the folder's last migration, so the new one sorts after it. */
  latest?: string;
  /** Default: the current time. */
  now?: Date;
}

/**
 * Writes a new migration directory `<YYYYMMDDHHMMSS>_<name>/` into `folder` (created when
 * missing, with its migration_lock.toml) and returns the directory's name. The files are
 * written into a hidden directory first and renamed into place, so an interrupted write never
 * leaves a migration without its snapshot behind (readers skip hidden entries).
 */
export function writeMigration(folder: string, files: MigrationFiles, options: WriteMigrationOptions): string {
  mkdirSync(folder, { recursive: true });
  const lock = readMigrationLock(folder);
  if (lock === null) writeMigrationLock(folder, options.provider);
  else if (lock !== options.provider) {
    throw new MigrationFolderError(`The migrations in ${folder} are written for ${lock}, not ${options.provider}.`);
  }
  const name = `${migrationTimestamp(options.now ?? new Date(), options.latest)}_${migrationSlug(options.name)}`;
  const target = join(folder, name);
  if (existsSync(target)) throw new MigrationFolderError(`${target} already exists.`);
  const staging = join(folder, `.${name}.tmp`);
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging);
  try {
    writeFileSync(join(staging, MIGRATION_FILE), files.script);
    if (files.down !== null) writeFileSync(join(staging, DOWN_FILE), files.down);
    writeFileSync(join(staging, SNAPSHOT_FILE), files.snapshot);
    renameSync(staging, target);
  } catch (err) {
    rmSync(staging, { recursive: true, force: true });
    throw err;
  }
  return name;
}
