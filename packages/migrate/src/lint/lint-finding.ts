import type { Provider } from '@kiln/schema';
import type { Change } from '../changes/change.js';
import type { QualifiedName } from '../changes/database-objects.js';

export type LintSeverity = 'error' | 'warning';

/**
 * One problem the linter found in a migration. `code` is a stable code from the catalogue
 * (`LintRules`, docs/migrate-lint.md); `change` is the change it is about, the very object
 * that was passed in. `destructive` findings are the ones `--accept-data-loss` accepts: the
 * migration runs, but data is lost.
 */
export interface LintFinding {
  code: string;
  severity: LintSeverity;
  destructive: boolean;
  message: string;
  change: Change;
}

export interface LintContext {
  /** The database the changes are for: it decides the column types and the PostgreSQL lock rules. */
  provider: Provider;
  /**
   * The number of rows of a table as it is before the migration (by its name before any
   * rename in the same migration). When given, an empty table silences what only matters for
   * rows (dropping it loses nothing, a NOT NULL column needs no default), and a table with rows
   * turns "fails if the table has rows" into an error. It is called at most once per table and
   * never for a table the migration creates. Its errors propagate.
   */
  rowCount?: (table: QualifiedName) => Promise<number>;
}
