import type { ExpressionNode } from './expression.js';

export type SortDirection = 'asc' | 'desc';
export type NullsOrder = 'first' | 'last';

/**
 * One ORDER BY term. `nulls` is native on postgres and sqlite (3.30+); mysql has no
 * NULLS FIRST/LAST and its compiler emulates it with a leading `expr IS NULL` term.
 */
export interface OrderByNode {
  readonly kind: 'OrderBy';
  readonly expr: ExpressionNode;
  readonly direction: SortDirection;
  readonly nulls: NullsOrder | undefined;
}

export function orderBy(expr: ExpressionNode, direction: SortDirection = 'asc', nulls?: NullsOrder): OrderByNode {
  return { kind: 'OrderBy', expr, direction, nulls };
}

export const asc = (expr: ExpressionNode, nulls?: NullsOrder): OrderByNode => orderBy(expr, 'asc', nulls);
export const desc = (expr: ExpressionNode, nulls?: NullsOrder): OrderByNode => orderBy(expr, 'desc', nulls);
