import type { ExpressionNode } from './expression.js';

/** `a AND b AND ...`. No items compiles to `TRUE`, one item to that item alone. */
export interface AndNode {
  readonly kind: 'And';
  readonly items: readonly ExpressionNode[];
}

/** `a OR b OR ...`. No items compiles to `FALSE`, one item to that item alone. */
export interface OrNode {
  readonly kind: 'Or';
  readonly items: readonly ExpressionNode[];
}

/** `NOT (expr)`; the operand is parenthesised unless it is atomic (MySQL's NOT precedence
 * depends on the HIGH_NOT_PRECEDENCE sql_mode, so we never rely on it). */
export interface NotNode {
  readonly kind: 'Not';
  readonly expr: ExpressionNode;
}

export function and(...items: ExpressionNode[]): AndNode {
  return { kind: 'And', items };
}

export function or(...items: ExpressionNode[]): OrNode {
  return { kind: 'Or', items };
}

export function not(expr: ExpressionNode): NotNode {
  return { kind: 'Not', expr };
}
