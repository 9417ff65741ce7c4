import type { QueryNode } from './expression.js';

/** `"name" ("col", ...) AS (query)`. Any recursive CTE turns the clause into WITH RECURSIVE. */
export interface CteNode {
  readonly kind: 'Cte';
  readonly name: string;
  readonly columns: readonly string[] | undefined;
  readonly query: QueryNode;
  readonly recursive: boolean;
}

export interface CteOptions {
  readonly columns?: readonly string[];
  readonly recursive?: boolean;
}

export function cte(name: string, query: QueryNode, options?: CteOptions): CteNode {
  return { kind: 'Cte', name, columns: options?.columns, query, recursive: options?.recursive === true };
}
