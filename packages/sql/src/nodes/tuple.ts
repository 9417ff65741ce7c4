import type { ExpressionNode } from './expression.js';

/**
 * A row value `(a, b)`. Compare two tuples for compound keyset cursors:
 * `gt(tuple(col('a'), col('b')), tuple(param(1), param(2)))` → `("a", "b") > (?, ?)`.
 * Row comparison is lexicographic and only expresses orderings where every column sorts in
 * the same direction and no column is NULL; mixed directions must be expanded into
 * `a > ? OR (a = ? AND b < ?)` by the caller.
 */
export interface TupleNode {
  readonly kind: 'Tuple';
  readonly items: readonly ExpressionNode[];
}

export function tuple(...items: ExpressionNode[]): TupleNode {
  if (items.length === 0) throw new TypeError('tuple() needs at least one item');
  return { kind: 'Tuple', items };
}
