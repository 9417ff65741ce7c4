import type { Provider, SchemaIR } from '@kiln/schema';
import {
  canonicalizeSchema,
  databaseSchemaFromIr,
  describeChange,
  EMPTY_SCHEMA,
  inspectDatabase,
  planMigration,
  type Change,
  type DatabaseConnection,
  type MigrationPlan,
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
  const { plan } = await planFromDatabase(connection, provider, last?.snapshot ?? null);
  return { against: last?.name ?? null, changes: plan.changes };
}

/**
 * The plan from what the live database holds to what `ir` asks for (null: an empty database).
 * The IR's checks, predicates and views are first printed by the database itself, so they
 * compare with what it holds; `canonicalWarnings` names the views it could not create.
 */
export async function planFromDatabase(
  connection: DatabaseConnection,
  provider: Provider,
  ir: SchemaIR | null,
): Promise<{ plan: MigrationPlan; canonicalWarnings: string[] }> {
  const canonical = ir === null ? { schema: EMPTY_SCHEMA, warnings: [] } : await canonicalizeSchema(connection, provider, databaseSchemaFromIr(ir));
  const actual = await inspectDatabase(connection, provider, { namespaces: ir?.datasource?.schemas ?? [] });
  return { plan: planMigration(actual, canonical.schema, { provider }), canonicalWarnings: canonical.warnings };
}

/** The drift as lines: one per change, indented. */
export function driftLines(drift: Drift): string[] {
  return drift.changes.map((c) => `  - ${describeChange(c)}`);
}
