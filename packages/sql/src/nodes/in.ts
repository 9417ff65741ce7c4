import type { ExpressionNode, QueryNode } from './expression.js';

/**
 * `expr [NOT] IN (a, b, ...)` or `expr [NOT] IN (subquery)`.
 *
 * An empty list compiles to the constant predicate `FALSE` (`TRUE` when negated), never to
 * the invalid `IN ()`. A list of `tuple()`s with a `tuple()` on the left is a row-value IN; sqlite
 * only accepts a subquery on the right of a row-value IN, so its compiler writes
 * `IN (VALUES (..), (..))` (https://www.sqlite.org/rowvalue.html#row_value_in_operator).
 *
 * Each list element is its own placeholder, so the SQL text depends on the list length: a
 * shape cache must include the length in its key.
 */
export interface InNode {
  readonly kind: 'In';
  readonly expr: ExpressionNode;
  readonly list: readonly ExpressionNode[] | QueryNode;
  readonly negated: boolean;
}

export function inList(expr: ExpressionNode, list: readonly ExpressionNode[] | QueryNode): InNode {
  return { kind: 'In', expr, list, negated: false };
}

export function notInList(expr: ExpressionNode, list: readonly ExpressionNode[] | QueryNode): InNode {
  return { kind: 'In', expr, list, negated: true };
}
