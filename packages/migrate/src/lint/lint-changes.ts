import type { Change } from '../changes/change.js';
import type { QualifiedName } from '../changes/database-objects.js';
import { displayName, type Draft, type RuleContext } from './lint-dialect.js';
import { lintDialectFor } from './lint-dialect-for.js';
import { migrationEvents, nameKey, type LintEvent } from './lint-events.js';
import type { LintContext, LintFinding } from './lint-finding.js';
import { SHARED_RULES } from './shared-rules.js';

/**
 * Judges a migration by its typed changes, never by SQL text (Atlas's sqlcheck): what it deletes
 * (L1xxx), what fails on existing data (L2xxx), what locks tables on PostgreSQL (L3xxx) and what
 * it does to enums (L4xxx). Findings come in the order of the changes; each points at the change
 * it is about. Codes and messages are listed in docs/migrate-lint.md.
 */
export async function lintChanges(changes: readonly Change[], context: LintContext): Promise<LintFinding[]> {
  const dialect = lintDialectFor(context.provider);
  const migration = migrationEvents(changes);
  const counts = new Map<string, Promise<number>>();
  const rowCount = context.rowCount;

  const ctx: RuleContext = {
    provider: context.provider,
    dialect,
    migration,
    async rows(table) {
      if (table.before === null) return 0;
      if (rowCount === undefined) return null;
      const key = nameKey(table.before);
      let count = counts.get(key);
      if (count === undefined) {
        count = countRows(rowCount, table.before);
        counts.set(key, count);
      }
      return count;
    },
  };

  const findings: LintFinding[] = [];
  for (const event of migration.events) {
    const drafts: Draft[] = [
      ...(await (SHARED_RULES[event.kind] as (e: LintEvent, c: RuleContext) => Promise<Draft[]>)(event, ctx)),
      ...(await dialect.blocking(event, ctx)),
    ];
    for (const d of drafts) {
      findings.push({ code: d.rule.code, severity: d.severity ?? d.rule.severity, destructive: d.rule.destructive, message: d.message, change: event.change });
    }
  }
  return findings;
}

/** The caller's count, checked: a driver's COUNT(*) may come back as a string or a bigint. */
async function countRows(rowCount: (table: QualifiedName) => Promise<number>, table: QualifiedName): Promise<number> {
  const value: unknown = await rowCount(table);
  const n = typeof value === 'bigint' || typeof value === 'string' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) {
    throw new TypeError(`rowCount(${displayName(table)}) returned ${String(value)}, which is not a number of rows.`);
  }
  return n;
}
