import type { Provider } from '@kiln/schema';
import { describeChange, type Change } from '../changes/change.js';
import { ddlRendererFor } from '../dialects/ddl-renderer-for.js';

/** A change beside the statements that carry it out (Atlas keeps the two together too). */
export interface RenderedChange {
  change: Change;
  /** Statements without a trailing `;`, to be run in order. */
  sql: string[];
}

/** Renders each change for `provider`, keeping every change beside its SQL. */
export function renderChanges(changes: readonly Change[], provider: Provider): RenderedChange[] {
  const renderer = ddlRendererFor(provider);
  return changes.map((change) => ({ change, sql: renderer.render(change) }));
}

/**
 * The plan as one SQL script, as a migration file will hold it: each change under a comment
 * naming it, statements ending with `;`, changes separated by a blank line.
 */
export function renderScript(rendered: readonly RenderedChange[]): string {
  return rendered
    .filter((r) => r.sql.length > 0)
    .map((r) => `-- ${describeChange(r.change)}\n${r.sql.map((s) => `${s};`).join('\n')}\n`)
    .join('\n');
}
