/**
 * A quoted, dot-separated name (`"schema"."table"`, `"sp_1"`) for places that are neither a
 * table reference nor a column reference, mainly inside `sql` templates (`sql.id`).
 */
export interface IdentifierNode {
  readonly kind: 'Identifier';
  readonly path: readonly string[];
}

export function identifier(...path: string[]): IdentifierNode {
  if (path.length === 0) throw new TypeError('identifier() needs at least one name');
  return { kind: 'Identifier', path };
}
