import type { Provider } from '@kiln/schema';
import {
  canonicalizeSchema,
  databaseSchemaFromIr,
  describeChange,
  EMPTY_SCHEMA,
  inspectDatabase,
  planMigration,
  type Change,
  type DatabaseConnection,
  type MigrationStatus,
} from '@kiln/migrate';

export interface Drift {
  /** The last applied migration the database was compared with; null: none applied (an empty database is expected). */
  against: string | null;
  /** What it would take to bring the database back to what the applied migrations describe. */
  changes: Change[];
}

/**
 * Compares the live database with the snapshot of the last applied migration: the planner's
 * changes from what the database holds to what the migrations say it should hold. None means
 * no drift. The history table is never part of it.
 */
export async function detectDrift(connection: DatabaseConnection, provider: Provider, status: MigrationStatus): Promise<Drift> {
  const applied = status.migrations.filter((s) => s.kind === 'applied');
  const last = applied[applied.length - 1]?.migration ?? null;
  // The snapshot's checks, predicates and views as the database prints them (views it cannot create compare by name).
  const expected = last === null ? EMPTY_SCHEMA : (await canonicalizeSchema(connection, provider, databaseSchemaFromIr(last.snapshot))).schema;
  const namespaces = last?.snapshot.datasource?.schemas ?? [];
  const actual = await inspectDatabase(connection, provider, { namespaces });
  const plan = planMigration(actual, expected, { provider });
  return { against: last?.name ?? null, changes: plan.changes };
}

/** The drift as lines: one per change, indented. */
export function driftLines(drift: Drift): string[] {
  return drift.changes.map((c) => `  - ${describeChange(c)}`);
}
