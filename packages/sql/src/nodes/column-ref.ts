/** `"table"."column"`, or `"column"` when `table` is undefined. `table` is a table name or alias. */
export interface ColumnRefNode {
  readonly kind: 'ColumnRef';
  readonly table: string | undefined;
  readonly column: string;
}

/** `col('id')` → `"id"`; `col('u', 'id')` → `"u"."id"`. */
export function col(column: string): ColumnRefNode;
export function col(table: string, column: string): ColumnRefNode;
export function col(a: string, b?: string): ColumnRefNode {
  return b === undefined ? { kind: 'ColumnRef', table: undefined, column: a } : { kind: 'ColumnRef', table: a, column: b };
}
