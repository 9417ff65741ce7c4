import { toAssignments, type AssignmentNode } from './assignment.js';
import type { ExpressionNode } from './expression.js';

/**
 * Skip rows that violate a unique constraint. sqlite/postgres: `ON CONFLICT [(target)] DO
 * NOTHING`; mysql: `INSERT IGNORE` (which also downgrades some other errors to warnings,
 * e.g. truncation; the target is ignored).
 */
export interface OnConflictDoNothingNode {
  readonly kind: 'OnConflictDoNothing';
  readonly target: readonly string[] | undefined;
}

/**
 * Upsert. sqlite/postgres: `ON CONFLICT (target) DO UPDATE SET .. [WHERE ..]`; mysql:
 * `ON DUPLICATE KEY UPDATE ..`, which fires for a conflict on ANY unique key (capability
 * `upsertTarget: false`) and has no WHERE (capability `upsertWhere: false`).
 *
 * Refer to the existing row with the table name, `col('Stat', 'hits')` (postgres rejects an
 * unqualified column there as ambiguous, and INSERT takes no alias because mysql has none),
 * and to the proposed row with `excluded('hits')`.
 */
export interface OnConflictDoUpdateNode {
  readonly kind: 'OnConflictDoUpdate';
  readonly target: readonly string[] | undefined;
  readonly set: readonly AssignmentNode[];
  readonly where: ExpressionNode | undefined;
}

export type OnConflictNode = OnConflictDoNothingNode | OnConflictDoUpdateNode;

export function onConflictDoNothing(target?: readonly string[]): OnConflictDoNothingNode {
  return { kind: 'OnConflictDoNothing', target };
}

export function onConflictDoUpdate(
  target: readonly string[] | undefined,
  set: readonly AssignmentNode[] | Readonly<Record<string, ExpressionNode>>,
  where?: ExpressionNode,
): OnConflictDoUpdateNode {
  const assignments = toAssignments(set);
  if (assignments.length === 0) throw new TypeError('onConflictDoUpdate() needs at least one assignment');
  return { kind: 'OnConflictDoUpdate', target, set: assignments, where };
}
