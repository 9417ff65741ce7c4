import type { ExpressionNode } from './expression.js';

/** `"column" = value` in UPDATE ... SET and in an upsert's update list. */
export interface AssignmentNode {
  readonly kind: 'Assignment';
  readonly column: string;
  readonly value: ExpressionNode;
}

export function assign(column: string, value: ExpressionNode): AssignmentNode {
  return { kind: 'Assignment', column, value };
}

/** Accepts either a list of assignments or a `{ column: expression }` record. */
export function toAssignments(
  set: readonly AssignmentNode[] | Readonly<Record<string, ExpressionNode>>,
): readonly AssignmentNode[] {
  if (Array.isArray(set)) return set as readonly AssignmentNode[];
  const record = set as Readonly<Record<string, ExpressionNode>>;
  const out: AssignmentNode[] = [];
  for (const column of Object.keys(record)) out.push({ kind: 'Assignment', column, value: record[column]! });
  return out;
}
