import type { Provider } from '@kiln/schema';
import type { Column, QualifiedName } from '../changes/database-objects.js';
import type { LintEvent, MigrationEvents, TableRef } from './lint-events.js';
import type { LintSeverity } from './lint-finding.js';
import type { LintRule } from './lint-rules.js';
import type { TypeFacts } from './type-facts.js';

/** A finding before it is tied to its change: the rule, its message, and a severity when it differs from the rule's. */
export interface Draft {
  // The rule's message arguments are already applied.
  rule: LintRule<never[]>;
  message: string;
  severity?: LintSeverity;
}

export function draft<A extends unknown[]>(rule: LintRule<A>, ...args: A): Draft {
  return { rule: rule as unknown as LintRule<never[]>, message: rule.message(...args) };
}

/** What a rule may ask about the migration it judges. */
export interface RuleContext {
  provider: Provider;
  dialect: LintDialect;
  migration: MigrationEvents;
  /** Rows of the table before the migration: 0 for a table the migration creates, null when unknown. */
  rows(table: TableRef): Promise<number | null>;
}

/** Rows the rule must care about: unknown (null) or some. An empty or new table has nothing to lose, to fail on or to lock. */
export async function hasRows(table: TableRef, ctx: RuleContext): Promise<boolean> {
  return (await ctx.rows(table)) !== 0;
}

/** `"User"` or `"auth"."User"`: a table, view or enum name in a message. */
export function displayName(name: QualifiedName): string {
  return name.schema === null ? JSON.stringify(name.name) : `${JSON.stringify(name.schema)}.${JSON.stringify(name.name)}`;
}

/**
 * What the linter must know per database, as hooks on a shared base (like the DDL renderers):
 * the type each dialect gives a column, and the rules that hold only on one database (the
 * PostgreSQL lock rules, L3xxx). Shared rules never ask which database they judge.
 */
export abstract class LintDialect {
  abstract readonly provider: Provider;

  /** HOOK: the column's type as this database stores it (the renderer's spelling, with what fits in it). */
  abstract columnFacts(column: Column): TypeFacts;

  /** HOOK: findings about the locks a change holds on this database. None by default. */
  blocking(event: LintEvent, ctx: RuleContext): Promise<Draft[]> {
    void event;
    void ctx;
    return Promise.resolve([]);
  }
}
