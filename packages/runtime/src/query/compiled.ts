import type { StatementNode } from '@kiln/sql';
import type { PlanContext } from './plan-context.js';

/** One statement of a plan: its SQL, where each parameter comes from, and how to read rows. */
export interface CompiledStatement {
  sql: string;
  sources: readonly unknown[];
  bigints: boolean;
}

export function compileStatement(ctx: PlanContext, node: StatementNode, bigints = false): CompiledStatement {
  const compiled = ctx.dialect.compile(node);
  return { sql: compiled.sql, sources: compiled.parameters, bigints };
}
