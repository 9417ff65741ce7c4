import type { Migration, MigrationsFolder } from '../folder/read-migrations-folder.js';
import type { HistoryRow } from './migration-history.js';

/** Where one migration of the folder stands in a database. */
export type MigrationState =
  /** Finished; `edited` when migration.sql no longer has the checksum it was applied with. */
  | { kind: 'applied'; migration: Migration; row: HistoryRow; edited: boolean }
  /** Never run, or rolled back (`row` then says when). */
  | { kind: 'pending'; migration: Migration; row: HistoryRow | null }
  /** An attempt failed with an error (`row.logs`); deploys stop here until it is resolved. */
  | { kind: 'failed'; migration: Migration; row: HistoryRow }
  /**
   * An attempt stopped without recording an error (the process was killed, the connection
   * dropped) after `row.appliedSteps` statements; the next deploy resumes it there.
   */
  | { kind: 'interrupted'; migration: Migration; row: HistoryRow };

export interface MigrationStatus {
  /** Every migration of the folder, in order. */
  migrations: MigrationState[];
  /** Rows for migrations that are not in the folder (applied, failed or interrupted; rolled-back ones are left out). */
  missing: HistoryRow[];
}

/** Which migrations of `folder` a database with history `rows` has applied, and which not. */
export function migrationStatus(folder: MigrationsFolder, rows: readonly HistoryRow[]): MigrationStatus {
  const byName = new Map(rows.map((r) => [r.name, r]));
  const migrations = folder.migrations.map((migration): MigrationState => {
    const row = byName.get(migration.name);
    if (row === undefined) return { kind: 'pending', migration, row: null };
    if (row.rolledBackAt !== null) return { kind: 'pending', migration, row };
    if (row.finishedAt !== null) return { kind: 'applied', migration, row, edited: row.checksum !== migration.checksum };
    return row.logs !== null ? { kind: 'failed', migration, row } : { kind: 'interrupted', migration, row };
  });
  const names = new Set(folder.migrations.map((m) => m.name));
  const missing = rows.filter((r) => !names.has(r.name) && r.rolledBackAt === null);
  return { migrations, missing };
}
