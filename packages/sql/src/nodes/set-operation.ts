import type { CteNode } from './cte.js';
import type { ExpressionNode } from './expression.js';
import type { OrderByNode } from './order-by.js';
import type { SelectNode } from './select.js';

export type SetOperator = 'UNION' | 'UNION ALL';

/**
 * `q1 UNION [ALL] q2 ...` with an optional ORDER BY / LIMIT / OFFSET for the whole result.
 * A member with its own ORDER BY, LIMIT, OFFSET or WITH is parenthesised on postgres and
 * mysql; sqlite forbids parentheses there and gets `SELECT * FROM (member)` instead.
 */
export interface SetOperationNode {
  readonly kind: 'SetOperation';
  readonly op: SetOperator;
  readonly with: readonly CteNode[];
  readonly queries: readonly SelectNode[];
  readonly orderBy: readonly OrderByNode[];
  readonly limit: ExpressionNode | undefined;
  readonly offset: ExpressionNode | undefined;
}

export interface SetOperationSpec {
  readonly with?: readonly CteNode[];
  readonly orderBy?: readonly OrderByNode[];
  readonly limit?: ExpressionNode;
  readonly offset?: ExpressionNode;
}

const NONE: readonly never[] = Object.freeze([]);

function setOperation(op: SetOperator, queries: readonly SelectNode[], spec?: SetOperationSpec): SetOperationNode {
  if (queries.length < 2) throw new TypeError(`${op} needs at least two queries`);
  return {
    kind: 'SetOperation',
    op,
    with: spec?.with ?? NONE,
    queries,
    orderBy: spec?.orderBy ?? NONE,
    limit: spec?.limit,
    offset: spec?.offset,
  };
}

export const union = (queries: readonly SelectNode[], spec?: SetOperationSpec): SetOperationNode => setOperation('UNION', queries, spec);
export const unionAll = (queries: readonly SelectNode[], spec?: SetOperationSpec): SetOperationNode =>
  setOperation('UNION ALL', queries, spec);
