import type { QueryNode } from './expression.js';

/** `EXISTS (subquery)`; wrap in `not()` for NOT EXISTS. */
export interface ExistsNode {
  readonly kind: 'Exists';
  readonly query: QueryNode;
}

export function exists(query: QueryNode): ExistsNode {
  return { kind: 'Exists', query };
}
