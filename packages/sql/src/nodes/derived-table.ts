import type { QueryNode } from './expression.js';

/** `(subquery) AS "alias"` in FROM or JOIN. The alias is required (mysql and postgres < 16). */
export interface DerivedTableNode {
  readonly kind: 'DerivedTable';
  readonly query: QueryNode;
  readonly alias: string;
}

export function derived(query: QueryNode, alias: string): DerivedTableNode {
  return { kind: 'DerivedTable', query, alias };
}
