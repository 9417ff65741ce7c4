import type { QueryNode } from './expression.js';

/** A scalar subquery used as a value: `(SELECT ...)`. */
export interface SubqueryNode {
  readonly kind: 'Subquery';
  readonly query: QueryNode;
}

export function subquery(query: QueryNode): SubqueryNode {
  return { kind: 'Subquery', query };
}
