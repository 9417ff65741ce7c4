import type { SelectionNode } from './alias.js';
import { toAssignments, type AssignmentNode } from './assignment.js';
import type { ExpressionNode } from './expression.js';
import type { TableNode } from './table.js';

/**
 * `UPDATE table SET .. [WHERE ..] [RETURNING ..]`. Note that MySQL evaluates assignments
 * left to right and later ones see earlier new values (`SET a = a + 1, b = a` gives b the
 * new a); postgres and sqlite use the old row for every assignment.
 */
export interface UpdateNode {
  readonly kind: 'Update';
  readonly table: TableNode;
  readonly set: readonly AssignmentNode[];
  readonly where: ExpressionNode | undefined;
  /** Empty for none. Needs capability `returningOnUpdate`. */
  readonly returning: readonly SelectionNode[];
}

export interface UpdateSpec {
  readonly set: readonly AssignmentNode[] | Readonly<Record<string, ExpressionNode>>;
  readonly where?: ExpressionNode;
  readonly returning?: readonly SelectionNode[];
}

const NONE: readonly never[] = Object.freeze([]);

export function update(table: TableNode, spec: UpdateSpec): UpdateNode {
  const set = toAssignments(spec.set);
  if (set.length === 0) throw new TypeError('update() needs at least one assignment');
  return { kind: 'Update', table, set, where: spec.where, returning: spec.returning ?? NONE };
}
