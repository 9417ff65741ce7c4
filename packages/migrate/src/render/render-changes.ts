import type { Provider } from '@kiln/schema';
import { describeChange, type Change } from '../changes/change.js';
import { ddlRendererFor } from '../dialects/ddl-renderer-for.js';

/**
 * A change beside the statements that carry it out (Atlas keeps the two together too), and
 * what the deployer must know to run them. Both flags are absent in the common case.
 */
export interface RenderedChange {
  change: Change;
  /** Statements without a trailing `;`, to be run in order. */
  sql: string[];
  /**
   * `false`: run these statements outside the migration's transaction: commit what came
   * before, run them on their own (autocommit), then open a new transaction for what follows.
   * Set for PostgreSQL's `ALTER TYPE ... ADD VALUE`, whose new value cannot be used in the
   * transaction that adds it (https://www.postgresql.org/docs/current/sql-altertype.html), so a
   * later statement of the same transaction using it would fail.
   */
  transactional?: false;
  /**
   * `true`: run the migration's transaction with foreign key enforcement off: `PRAGMA
   * foreign_keys = OFF` before BEGIN (the pragma is a no-op inside a transaction:
   * https://www.sqlite.org/pragma.html#pragma_foreign_keys) and `PRAGMA foreign_keys = ON`
   * after COMMIT or ROLLBACK. Set for a SQLite table rebuild, whose DROP TABLE would otherwise
   * fire the ON DELETE actions of the tables that reference it. The rebuild checks the foreign
   * keys itself before it ends (`pragma_foreign_key_check`), and fails if this was ignored
   * while an action could fire.
   */
  foreignKeysOff?: true;
}

/** Renders each change for `provider`, keeping every change beside its SQL. */
export function renderChanges(changes: readonly Change[], provider: Provider): RenderedChange[] {
  const renderer = ddlRendererFor(provider);
  return changes.map((change) => {
    const rendered: RenderedChange = { change, sql: renderer.render(change) };
    if (!renderer.isTransactional(change)) rendered.transactional = false;
    if (renderer.needsForeignKeysOff(change)) rendered.foreignKeysOff = true;
    return rendered;
  });
}

/**
 * The plan as one SQL script, as a migration file will hold it: each change under a comment
 * naming it, statements ending with `;`, changes separated by a blank line. A change that must
 * run outside the transaction, or with foreign keys off, says so in its comment.
 */
export function renderScript(rendered: readonly RenderedChange[]): string {
  return rendered
    .filter((r) => r.sql.length > 0)
    .map((r) => {
      const notes = [r.transactional === false ? 'outside the transaction' : '', r.foreignKeysOff === true ? 'foreign keys off' : '']
        .filter((n) => n !== '')
        .join(', ');
      return `-- ${describeChange(r.change)}${notes === '' ? '' : ` (${notes})`}\n${r.sql.map((s) => `${s};`).join('\n')}\n`;
    })
    .join('\n');
}
