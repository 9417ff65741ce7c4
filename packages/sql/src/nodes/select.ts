import type { SelectionNode } from './alias.js';
import type { CteNode } from './cte.js';
import type { ExpressionNode } from './expression.js';
import type { FromNode, JoinNode } from './join.js';
import type { OrderByNode } from './order-by.js';

/**
 * A SELECT. Every field is always present (arrays empty, optionals undefined) so that all
 * select nodes share one object shape, which keeps the compiler's property reads monomorphic.
 */
export interface SelectNode {
  readonly kind: 'Select';
  readonly with: readonly CteNode[];
  /** `true` for DISTINCT; a non-empty list for postgres `DISTINCT ON (..)` (capability `distinctOn`). */
  readonly distinct: boolean | readonly ExpressionNode[];
  readonly columns: readonly SelectionNode[];
  readonly from: FromNode | undefined;
  readonly joins: readonly JoinNode[];
  readonly where: ExpressionNode | undefined;
  readonly groupBy: readonly ExpressionNode[];
  readonly having: ExpressionNode | undefined;
  readonly orderBy: readonly OrderByNode[];
  readonly limit: ExpressionNode | undefined;
  readonly offset: ExpressionNode | undefined;
  /** `FOR UPDATE`; sqlite has no row locks and writes nothing (capability `forUpdate: false`). */
  readonly forUpdate: boolean;
}

export interface SelectSpec {
  readonly with?: readonly CteNode[];
  readonly distinct?: boolean | readonly ExpressionNode[];
  readonly columns: readonly SelectionNode[];
  readonly from?: FromNode;
  readonly joins?: readonly JoinNode[];
  readonly where?: ExpressionNode;
  readonly groupBy?: readonly ExpressionNode[];
  readonly having?: ExpressionNode;
  readonly orderBy?: readonly OrderByNode[];
  readonly limit?: ExpressionNode;
  readonly offset?: ExpressionNode;
  readonly forUpdate?: boolean;
}

const NONE: readonly never[] = Object.freeze([]);

export function select(spec: SelectSpec): SelectNode {
  return {
    kind: 'Select',
    with: spec.with ?? NONE,
    distinct: spec.distinct ?? false,
    columns: spec.columns,
    from: spec.from,
    joins: spec.joins ?? NONE,
    where: spec.where,
    groupBy: spec.groupBy ?? NONE,
    having: spec.having,
    orderBy: spec.orderBy ?? NONE,
    limit: spec.limit,
    offset: spec.offset,
    forUpdate: spec.forUpdate === true,
  };
}
