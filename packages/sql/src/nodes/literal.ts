/**
 * A constant written into the SQL text. Only `null`, booleans and finite numbers are allowed,
 * so a literal can never carry user text; values that come from users belong in `param()`.
 * Booleans go through the dialect's `booleanLiteral` hook (sqlite writes 1/0).
 */
export interface LiteralNode {
  readonly kind: 'Literal';
  readonly value: null | boolean | number;
}

export function lit(value: null | boolean | number): LiteralNode {
  if (typeof value === 'number' && !Number.isFinite(value)) throw new TypeError(`lit(): ${value} is not a finite number`);
  return { kind: 'Literal', value };
}

export const NULL: LiteralNode = { kind: 'Literal', value: null };
export const TRUE: LiteralNode = { kind: 'Literal', value: true };
export const FALSE: LiteralNode = { kind: 'Literal', value: false };
