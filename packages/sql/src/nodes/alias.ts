import type { ExpressionNode } from './expression.js';

/** `expr AS "alias"` in a select list or RETURNING list. Not an expression itself. */
export interface AliasNode {
  readonly kind: 'Alias';
  readonly expr: ExpressionNode;
  readonly alias: string;
}

export function as(expr: ExpressionNode, alias: string): AliasNode {
  return { kind: 'Alias', expr, alias };
}

/** An item of a select list or RETURNING list. */
export type SelectionNode = ExpressionNode | AliasNode;
