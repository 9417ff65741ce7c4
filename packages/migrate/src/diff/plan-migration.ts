import type { Provider } from '@kiln/schema';
import type { Change } from '../changes/change.js';
import type { DatabaseSchema } from '../changes/database-objects.js';

/** A drop/add pair that looks like a rename but has no hint: the planner drops and adds, and says which hint to write. */
export interface RenameWarning {
  code: string;
  message: string;
  /** What to add to the schema, e.g. `@renamedFrom("handle")` on `Membership.slug`. */
  hint: string;
}

export interface MigrationPlan {
  changes: Change[];
  warnings: RenameWarning[];
}

export interface PlanMigrationOptions {
  provider: Provider;
}

/** The changes that take a database holding `from` to one holding `to`. */
export function planMigration(from: DatabaseSchema, to: DatabaseSchema, options: PlanMigrationOptions): MigrationPlan {
  void from;
  void to;
  void options;
  throw new Error('planMigration is being built');
}
