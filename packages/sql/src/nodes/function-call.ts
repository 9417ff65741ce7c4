import type { ExpressionNode } from './expression.js';

/**
 * `NAME(arg, ...)`. The name is written unquoted (function names are keywords, not
 * identifiers), so `fn()` only accepts plain names: letters, digits and `_`, optionally one
 * schema prefix (`pg_catalog.lower`). Names always come from Kiln's own code.
 */
export interface FunctionCallNode {
  readonly kind: 'FunctionCall';
  readonly name: string;
  readonly args: readonly ExpressionNode[];
}

const FUNCTION_NAME = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)?$/;

export function fn(name: string, ...args: ExpressionNode[]): FunctionCallNode {
  if (!FUNCTION_NAME.test(name)) throw new TypeError(`fn(): ${JSON.stringify(name)} is not a plain function name`);
  return { kind: 'FunctionCall', name, args };
}

/** `COALESCE(a, b, ...)`. */
export function coalesce(...args: ExpressionNode[]): FunctionCallNode {
  return { kind: 'FunctionCall', name: 'COALESCE', args };
}

/** `LOWER(x)`. */
export function lower(expr: ExpressionNode): FunctionCallNode {
  return { kind: 'FunctionCall', name: 'LOWER', args: [expr] };
}
