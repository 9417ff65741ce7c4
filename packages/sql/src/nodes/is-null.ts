import type { ExpressionNode } from './expression.js';

/** `expr IS NULL` / `expr IS NOT NULL`. */
export interface IsNullNode {
  readonly kind: 'IsNull';
  readonly expr: ExpressionNode;
  readonly negated: boolean;
}

export function isNull(expr: ExpressionNode): IsNullNode {
  return { kind: 'IsNull', expr, negated: false };
}

export function isNotNull(expr: ExpressionNode): IsNullNode {
  return { kind: 'IsNull', expr, negated: true };
}
