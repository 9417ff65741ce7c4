import { serializeIR, type Provider, type SchemaIR } from '@kiln/schema';
import type { Change } from '../changes/change.js';
import type { DatabaseSchema } from '../changes/database-objects.js';
import { databaseSchemaFromIr } from '../changes/database-schema-from-ir.js';
import { planMigration, type RenameWarning } from '../diff/plan-migration.js';
import { invertRenames } from '../diff/rename-decisions.js';
import { lintChanges } from '../lint/lint-changes.js';
import { DdlRenderError } from '../render/ddl-render-error.js';
import { renderChanges } from '../render/render-changes.js';
import { renderMigrationScript } from './migration-script.js';

/** The comment before each statement of down.sql that cannot give back the data it removes. */
export const DATA_LOSS_NOTE = 'kiln: data loss:';

/** The data-loss notes a down.sql carries (the `-- kiln: data loss: …` comments), their text only. */
export function dataLossNotes(downText: string): string[] {
  const marker = `-- ${DATA_LOSS_NOTE}`;
  const out: string[] = [];
  for (const raw of downText.split(/\r?\n/)) {
    const line = raw.trim();
    if (line.startsWith(marker)) out.push(line.slice(marker.length).trim());
  }
  return out;
}

/** The files of the next migration, planned but not written. */
export interface PreparedMigration {
  /** The changes from the previous snapshot to the schema, in order. */
  changes: Change[];
  /** The planner's rename warnings (a drop and an add that look like a rename without a hint). */
  warnings: RenameWarning[];
  /** migration.sql. */
  script: string;
  /** down.sql: the reverse plan, the statements of each change that cannot restore data under a `-- kiln: data loss:` comment; null when it cannot be rendered. */
  down: string | null;
  /** Why there is no down.sql. */
  downProblem: string | null;
  /** snapshot.json: the schema's IR. */
  snapshot: string;
}

/** A database with nothing in it: the "from" of a first migration. */
export const EMPTY_SCHEMA: DatabaseSchema = { namespaces: [], enums: [], tables: [], views: [] };

/**
 * Plans the migration from `previous` (the last migration's snapshot; null for the first) to
 * `next`, and renders its files. The up script renders or throws (DdlRenderError); the down
 * script is the reverse plan with the up plan's renames inverted, so it renames back rather
 * than dropping, and each of its statements that loses data (as the linter sees it) is preceded
 * by a `-- kiln: data loss: <why>` comment. A reverse plan the dialect cannot render leaves
 * down.sql out, with the reason.
 */
export async function prepareMigration(previous: SchemaIR | null, next: SchemaIR, options: { provider: Provider }): Promise<PreparedMigration> {
  const { provider } = options;
  const from = previous === null ? EMPTY_SCHEMA : databaseSchemaFromIr(previous);
  const to = databaseSchemaFromIr(next);
  const plan = planMigration(from, to, { provider });
  const script = renderMigrationScript(renderChanges(plan.changes, provider), provider);

  let down: string | null = null;
  let downProblem: string | null = null;
  try {
    const reverse = planMigration(to, from, { provider, renames: invertRenames(plan.renames) });
    const findings = await lintChanges(reverse.changes, { provider });
    const notes = new Map<Change, string[]>();
    for (const f of findings) {
      if (!f.destructive) continue;
      notes.set(f.change, [...(notes.get(f.change) ?? []), `${DATA_LOSS_NOTE} ${f.message}`]);
    }
    down = renderMigrationScript(renderChanges(reverse.changes, provider), provider, { notes: (r) => notes.get(r.change) ?? [] });
  } catch (err) {
    if (!(err instanceof DdlRenderError)) throw err;
    downProblem = err.message;
  }
  return { changes: plan.changes, warnings: plan.warnings, script, down, downProblem, snapshot: serializeIR(next) };
}
