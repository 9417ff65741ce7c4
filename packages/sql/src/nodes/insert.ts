import type { SelectionNode } from './alias.js';
import type { ExpressionNode, QueryNode } from './expression.js';
import type { OnConflictNode } from './on-conflict.js';
import type { TableNode } from './table.js';

/**
 * `INSERT INTO table (columns) VALUES (..), (..)` or `INSERT INTO table (columns) query`.
 * With no columns and one empty row it is an all-defaults insert: `DEFAULT VALUES`
 * (sqlite/postgres) or `() VALUES ()` (mysql, which also allows several such rows).
 */
export interface InsertNode {
  readonly kind: 'Insert';
  readonly table: TableNode;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly ExpressionNode[])[];
  readonly select: QueryNode | undefined;
  readonly onConflict: OnConflictNode | undefined;
  /** Empty for none. Needs capability `returning`. */
  readonly returning: readonly SelectionNode[];
}

export interface InsertSpec {
  readonly columns?: readonly string[];
  readonly rows?: readonly (readonly ExpressionNode[])[];
  readonly select?: QueryNode;
  readonly onConflict?: OnConflictNode;
  readonly returning?: readonly SelectionNode[];
}

const NONE: readonly never[] = Object.freeze([]);
const ONE_EMPTY_ROW: readonly (readonly ExpressionNode[])[] = Object.freeze([NONE]);

export function insertInto(table: TableNode, spec: InsertSpec = {}): InsertNode {
  const columns = spec.columns ?? NONE;
  const rows = spec.rows ?? (spec.select === undefined ? ONE_EMPTY_ROW : NONE);
  if (spec.select !== undefined && spec.rows !== undefined) throw new TypeError('insertInto(): give rows or select, not both');
  for (const row of rows) {
    if (row.length !== columns.length) {
      throw new TypeError(`insertInto(): a row has ${row.length} values for ${columns.length} columns`);
    }
  }
  return {
    kind: 'Insert',
    table,
    columns,
    rows,
    select: spec.select,
    onConflict: spec.onConflict,
    returning: spec.returning ?? NONE,
  };
}
