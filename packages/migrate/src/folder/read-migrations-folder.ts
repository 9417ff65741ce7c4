import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { IR_VERSION, type Provider, type SchemaIR } from '@kiln/schema';
import { migrationChecksum } from './migration-checksum.js';
import { MigrationFolderError } from './migration-folder-error.js';
import { MIGRATION_LOCK_FILE, readMigrationLock } from './migration-lock.js';
import { parseMigrationScript, type MigrationStep } from './migration-script.js';
import { SqlSplitError } from './split-statements.js';

export const MIGRATION_FILE = 'migration.sql';
export const DOWN_FILE = 'down.sql';
export const SNAPSHOT_FILE = 'snapshot.json';

/** `20240131120000_add_users`: a UTC timestamp, `_`, a name. */
export const MIGRATION_NAME = /^(\d{14})_([\p{L}\p{N}_-]+)$/u;

/** The longest directory name the history table's `name` column (VARCHAR(191)) holds. */
const MAX_NAME_LENGTH = 191;

/** A script of a migration, split into the statements a deploy runs. */
export interface MigrationScript {
  /** The file's text, as read. */
  text: string;
  steps: MigrationStep[];
}

/** One migration directory. */
export interface Migration {
  /** The directory's name, e.g. `20240131120000_add_users`; migrations run in the order of their names. */
  name: string;
  /** Absolute path of the directory. */
  path: string;
  /** migration.sql. */
  script: MigrationScript;
  /** SHA-256 of migration.sql (see `migrationChecksum`), recorded in the history table when applied. */
  checksum: string;
  /** down.sql, the reverse migration, when the directory has one. */
  down: MigrationScript | null;
  /** snapshot.json: the schema IR the database holds once this migration is applied. */
  snapshot: SchemaIR;
}

export interface MigrationsFolder {
  /** Absolute path. */
  path: string;
  /** Whether the folder exists; a folder that does not is read as empty. */
  exists: boolean;
  /** The provider named in migration_lock.toml; null when the folder has no migrations and no lock file. */
  provider: Provider | null;
  /** In the order they run (by name). */
  migrations: Migration[];
}

export interface ReadFolderOptions {
  /** The schema's provider: a lock file naming another one is an error. */
  provider?: Provider;
}

/**
 * Reads and checks a migrations folder: `migration_lock.toml` at its root and one directory per
 * migration (`<YYYYMMDDHHMMSS>_<name>/` with `migration.sql`, `snapshot.json` and optionally
 * `down.sql`). Files at the root other than the lock file, and hidden entries, are ignored.
 * Anything kiln cannot use is a MigrationFolderError naming the file and saying what to do.
 */
export function readMigrationsFolder(path: string, options: ReadFolderOptions = {}): MigrationsFolder {
  if (!existsSync(path)) return { path, exists: false, provider: null, migrations: [] };
  if (!statSync(path).isDirectory()) throw new MigrationFolderError(`${path} is a file, not a migrations folder.`);

  const lock = readMigrationLock(path);
  if (lock !== null && options.provider !== undefined && lock !== options.provider) {
    throw new MigrationFolderError(
      `The migrations in ${path} are written for ${lock} (${MIGRATION_LOCK_FILE}), but the schema's datasource provider is ${options.provider}. ` +
        `Migration SQL is written for one database: to move to ${options.provider}, start a new migrations folder ` +
        `(move ${path} away, or pass --migrations <dir>) and create a first migration with \`kiln migrate dev\`.`,
    );
  }

  const dirs = readdirSync(path, { withFileTypes: true })
    .filter((e) => !e.name.startsWith('.'))
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  for (const name of dirs) {
    if (name.length > MAX_NAME_LENGTH) {
      throw new MigrationFolderError(`${join(path, name)}: a migration's name is at most ${MAX_NAME_LENGTH} characters (the history table's key); shorten it.`);
    }
    if (!MIGRATION_NAME.test(name)) {
      throw new MigrationFolderError(
        `${join(path, name)} is not a migration directory: its name should be a UTC timestamp and a name, such as 20240131120000_add_users. ` +
          'Rename it, or move it out of the migrations folder.',
      );
    }
  }
  if (dirs.length > 0 && lock === null) {
    throw new MigrationFolderError(
      `${join(path, MIGRATION_LOCK_FILE)} is missing. It names the database the migrations are written for; ` +
        'restore it from version control (it holds a line such as provider = "postgresql").',
    );
  }
  const provider = lock ?? options.provider ?? null;
  const migrations = dirs.map((name) => readMigration(join(path, name), name, provider as Provider));
  return { path, exists: true, provider: lock, migrations };
}

function readMigration(dir: string, name: string, provider: Provider): Migration {
  const scriptText = readText(join(dir, MIGRATION_FILE));
  if (scriptText === null) {
    throw new MigrationFolderError(`${join(dir, MIGRATION_FILE)} is missing. Every migration directory needs its migration.sql; restore it, or remove the directory if the migration was never applied anywhere.`);
  }
  const downText = readText(join(dir, DOWN_FILE));
  const snapshotText = readText(join(dir, SNAPSHOT_FILE));
  if (snapshotText === null) {
    throw new MigrationFolderError(
      `${join(dir, SNAPSHOT_FILE)} is missing. It records the schema this migration leads to, which kiln plans the next migration from; restore it from version control.`,
    );
  }
  return {
    name,
    path: dir,
    script: { text: scriptText, steps: parseScript(join(dir, MIGRATION_FILE), scriptText, provider) },
    checksum: migrationChecksum(scriptText),
    down: downText === null ? null : { text: downText, steps: parseScript(join(dir, DOWN_FILE), downText, provider) },
    snapshot: parseSnapshot(join(dir, SNAPSHOT_FILE), snapshotText, provider),
  };
}

function readText(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new MigrationFolderError(`Could not read ${file}: ${(err as Error).message}`);
  }
}

function parseScript(file: string, text: string, provider: Provider): MigrationStep[] {
  try {
    return parseMigrationScript(text, provider);
  } catch (err) {
    if (err instanceof SqlSplitError) throw new MigrationFolderError(`${file}:${err.line}: ${err.reason}.`);
    throw err;
  }
}

function parseSnapshot(file: string, text: string, provider: Provider): SchemaIR {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new MigrationFolderError(`${file} is not valid JSON (${(err as Error).message}); restore it from version control.`);
  }
  const ir = value as Partial<SchemaIR> | null;
  if (typeof ir !== 'object' || ir === null || !Array.isArray(ir.models) || !Array.isArray(ir.enums) || !Array.isArray(ir.views) || !Array.isArray(ir.relations)) {
    throw new MigrationFolderError(`${file} is not a kiln schema snapshot; restore it from version control.`);
  }
  if (ir.version !== IR_VERSION) {
    throw new MigrationFolderError(
      `${file} is a snapshot of version ${JSON.stringify(ir.version)}, and this kiln reads version ${IR_VERSION}. ` +
        'Use the kiln version that wrote it, or a newer kiln.',
    );
  }
  const snapshotProvider = ir.datasource?.provider;
  if (snapshotProvider !== undefined && snapshotProvider !== provider) {
    throw new MigrationFolderError(`${file} is a snapshot of a ${snapshotProvider} schema, but the migrations are written for ${provider} (${MIGRATION_LOCK_FILE}).`);
  }
  return ir as SchemaIR;
}
