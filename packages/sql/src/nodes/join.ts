import type { DerivedTableNode } from './derived-table.js';
import type { ExpressionNode } from './expression.js';
import type { TableNode } from './table.js';

export type FromNode = TableNode | DerivedTableNode;
export type JoinType = 'inner' | 'left' | 'cross';

/**
 * `[INNER|LEFT|CROSS] JOIN [LATERAL] from [ON on]`. A lateral join needs capability
 * `lateral` (postgres; MySQL 8.0.14+; not sqlite nor MariaDB); an inner or left join without
 * `on` is written `ON TRUE`.
 */
export interface JoinNode {
  readonly kind: 'Join';
  readonly type: JoinType;
  readonly lateral: boolean;
  readonly from: FromNode;
  readonly on: ExpressionNode | undefined;
}

export function innerJoin(from: FromNode, on?: ExpressionNode): JoinNode {
  return { kind: 'Join', type: 'inner', lateral: false, from, on };
}

export function leftJoin(from: FromNode, on?: ExpressionNode): JoinNode {
  return { kind: 'Join', type: 'left', lateral: false, from, on };
}

export function crossJoin(from: FromNode): JoinNode {
  return { kind: 'Join', type: 'cross', lateral: false, from, on: undefined };
}

/** `LEFT JOIN LATERAL (subquery) AS "alias" ON TRUE` (or with `on`). */
export function leftJoinLateral(from: DerivedTableNode, on?: ExpressionNode): JoinNode {
  return { kind: 'Join', type: 'left', lateral: true, from, on };
}

export function innerJoinLateral(from: DerivedTableNode, on?: ExpressionNode): JoinNode {
  return { kind: 'Join', type: 'inner', lateral: true, from, on };
}
