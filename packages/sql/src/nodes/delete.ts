import type { SelectionNode } from './alias.js';
import type { ExpressionNode } from './expression.js';
import type { TableNode } from './table.js';

/** `DELETE FROM table [WHERE ..] [RETURNING ..]`. */
export interface DeleteNode {
  readonly kind: 'Delete';
  readonly table: TableNode;
  readonly where: ExpressionNode | undefined;
  /** Empty for none. Needs capability `returning`. */
  readonly returning: readonly SelectionNode[];
}

export interface DeleteSpec {
  readonly where?: ExpressionNode;
  readonly returning?: readonly SelectionNode[];
}

const NONE: readonly never[] = Object.freeze([]);

export function deleteFrom(table: TableNode, spec: DeleteSpec = {}): DeleteNode {
  return { kind: 'Delete', table, where: spec.where, returning: spec.returning ?? NONE };
}
