import type { Provider, SchemaIR } from '@kiln/schema';
import type { Change } from '../changes/change.js';
import { databaseSchemaFromIr } from '../changes/database-schema-from-ir.js';
import { changesFromEmpty } from '../changes/plan-from-empty.js';
import { ddlRendererFor } from '../dialects/ddl-renderer-for.js';
import { planMigration, type RenameWarning } from '../diff/plan-migration.js';
import { lintChanges } from './lint-changes.js';
import type { LintFinding } from './lint-finding.js';

/** A migration as the linter needs it: its name and the IR snapshot it leaves the database in. */
export interface MigrationSnapshot {
  name: string;
  snapshot: SchemaIR;
}

export interface LintedMigration {
  name: string;
  /** The changes from the previous snapshot to this one, as the planner plans them. */
  changes: Change[];
  /** The planner's rename warnings (a drop and an add that look like a rename without a hint). */
  warnings: RenameWarning[];
  findings: LintFinding[];
}

export interface LintMigrationsOptions {
  provider: Provider;
  /** Lint only the last `latest` migrations (each still planned from the snapshot before it). */
  latest?: number;
}

/**
 * Lints a history of migrations, oldest first. Each migration's changes are the plan from the
 * snapshot before it to its own (`planMigration`); the first migration's are the creation of its
 * snapshot in an empty database (`planFromEmpty`). No database is asked, so nothing is known
 * about rows: data-dependent rules warn that they fail if a table has rows.
 */
export async function lintMigrations(migrations: readonly MigrationSnapshot[], options: LintMigrationsOptions): Promise<LintedMigration[]> {
  const { provider } = options;
  const latest = options.latest ?? migrations.length;
  if (!Number.isInteger(latest) || latest < 0) throw new RangeError(`latest must be a whole number of migrations, not ${String(options.latest)}.`);
  const start = Math.max(0, migrations.length - latest);
  const out: LintedMigration[] = [];
  for (let i = start; i < migrations.length; i++) {
    const { name, snapshot } = migrations[i]!;
    const previous = i === 0 ? null : migrations[i - 1]!.snapshot;
    let plan: { changes: Change[]; warnings: RenameWarning[] };
    try {
      const to = databaseSchemaFromIr(snapshot);
      plan =
        previous === null
          ? { changes: changesFromEmpty(to, ddlRendererFor(provider).capabilities), warnings: [] }
          : planMigration(databaseSchemaFromIr(previous), to, { provider });
    } catch (err) {
      throw new Error(`Could not plan migration ${name} from the snapshot before it: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
    }
    out.push({ name, changes: plan.changes, warnings: plan.warnings, findings: await lintChanges(plan.changes, { provider }) });
  }
  return out;
}
