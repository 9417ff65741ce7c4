/**
 * A bound parameter. The compiler writes a placeholder (`?` or `$n`) and appends `value` to
 * `parameters` untouched (same reference): this is the only way a value reaches the SQL.
 * Because the value never influences the SQL text, trees that differ only in parameter
 * values compile to identical SQL.
 */
export interface ParamNode {
  readonly kind: 'Param';
  readonly value: unknown;
}

export function param(value: unknown): ParamNode {
  return { kind: 'Param', value };
}
