import type { Provider } from '@kiln/schema';
import { describeChange } from '../changes/change.js';
import type { RenderedChange } from '../render/render-changes.js';
import { splitStatements, SqlSplitError } from './split-statements.js';

/** The directive that runs the statement after it outside the migration's transaction. */
export const NO_TRANSACTION_DIRECTIVE = 'no-transaction';
/** The directive that runs the transaction holding the statement after it with foreign key enforcement off (SQLite). */
export const FOREIGN_KEYS_OFF_DIRECTIVE = 'foreign-keys-off';

/** Every directive a migration script may hold: what it does (for messages) and where it is allowed. */
const DIRECTIVES: Record<string, { does: string; providers: readonly Provider[] }> = {
  [NO_TRANSACTION_DIRECTIVE]: { does: "runs the next statement outside the migration's transaction", providers: ['sqlite', 'postgresql', 'mysql'] },
  // PRAGMA foreign_keys is the only switch that needs no privilege; PostgreSQL's equivalent
  // (session_replication_role) needs a superuser, and the planner never asks for it there.
  [FOREIGN_KEYS_OFF_DIRECTIVE]: { does: 'runs the transaction of the next statement with foreign key enforcement off', providers: ['sqlite'] },
};

/** One statement of a migration script, ready to run. */
export interface MigrationStep {
  /** The statement, without its final `;`. */
  sql: string;
  /** The 1-based line it starts on in the script. */
  line: number;
  /**
   * Whether it may run inside the migration's transaction. `-- kiln:no-transaction` before it
   * makes it false: PostgreSQL cannot use an enum value added in the same transaction, and
   * some statements (CREATE INDEX CONCURRENTLY, VACUUM) refuse to run in one at all.
   */
  transactional: boolean;
  /**
   * Whether the transaction it runs in must have foreign key enforcement off
   * (`-- kiln:foreign-keys-off`, SQLite): a table rebuild's DROP TABLE would otherwise fire the
   * ON DELETE actions of the tables that reference it. The rebuild checks the keys itself.
   */
  foreignKeysOff: boolean;
}

/** What to write before each change's statements in a script, besides the line naming the change and its directives. */
export interface ScriptOptions {
  /** Comment lines (without `-- `) to write under the line naming a change, before its statements. */
  notes?: (change: RenderedChange) => readonly string[];
}

/**
 * A migration script: each change under a comment naming it, its statements ending with `;`,
 * changes separated by a blank line, notes and directives as comment lines before the
 * statements they concern (`-- kiln:no-transaction` for a change rendered `transactional:
 * false`, `-- kiln:foreign-keys-off` for one rendered `foreignKeysOff`). The script reads back (`parseMigrationScript`) as exactly the
 * rendered statements: a statement whose last line ends in a comment gets its `;` on a line of
 * its own, and one that would not read back as one statement is an error here rather than in
 * a deploy.
 */
export function renderMigrationScript(rendered: readonly RenderedChange[], provider: Provider, options: ScriptOptions = {}): string {
  const blocks: string[] = [];
  for (const r of rendered) {
    if (r.sql.length === 0) continue;
    const lines = [`-- ${describeChange(r.change)}`, ...(options.notes?.(r) ?? []).map((note) => `-- ${note.replace(/\s*\n\s*/g, ' ')}`)];
    for (const statement of r.sql) {
      if (r.transactional === false) lines.push(`-- kiln:${NO_TRANSACTION_DIRECTIVE}`);
      if (r.foreignKeysOff === true) lines.push(`-- kiln:${FOREIGN_KEYS_OFF_DIRECTIVE}`);
      lines.push(terminate(statement, provider, describeChange(r.change)));
    }
    blocks.push(lines.join('\n') + '\n');
  }
  return blocks.join('\n');
}

function terminate(statement: string, provider: Provider, change: string): string {
  const sql = statement.trim();
  for (const candidate of [`${sql};`, `${sql}\n;`]) {
    let back: ReturnType<typeof splitStatements> | null;
    try {
      back = splitStatements(candidate, provider);
    } catch {
      back = null;
    }
    if (back !== null && back.length === 1 && back[0]!.sql === sql && back[0]!.directives.length === 0) return candidate;
  }
  throw new SqlSplitError(`a statement of ${change} does not read back as one statement, so it cannot be written to a migration script:\n${sql}`, 1);
}

/**
 * The statements of a migration script, in order, with their directives applied. Throws
 * SqlSplitError (with the line) for an unterminated string or comment, or an unknown directive.
 */
export function parseMigrationScript(script: string, provider: Provider): MigrationStep[] {
  return splitStatements(script, provider).map((s) => {
    for (const d of s.directives) {
      const directive = Object.hasOwn(DIRECTIVES, d) ? DIRECTIVES[d]! : undefined;
      if (directive === undefined) {
        const known = Object.entries(DIRECTIVES).map(([name, { does }]) => `"-- kiln:${name}" (${does})`).join(' and ');
        throw new SqlSplitError(`unknown directive "-- kiln:${d}"; the known ones are ${known}`, s.line);
      }
      if (!directive.providers.includes(provider)) {
        throw new SqlSplitError(`the directive "-- kiln:${d}" is for ${directive.providers.join(', ')} only, and these migrations are for ${provider}`, s.line);
      }
    }
    return {
      sql: s.sql,
      line: s.line,
      transactional: !s.directives.includes(NO_TRANSACTION_DIRECTIVE),
      foreignKeysOff: s.directives.includes(FOREIGN_KEYS_OFF_DIRECTIVE),
    };
  });
}
