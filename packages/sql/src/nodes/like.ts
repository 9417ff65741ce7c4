import type { ExpressionNode } from './expression.js';
import type { ParamNode } from './param.js';

/**
 * `expr [NOT] LIKE pattern [ESCAPE 'c']`, or its case-insensitive form, which is a dialect
 * hook: postgres `ILIKE`, sqlite and mysql `LOWER(expr) LIKE LOWER(pattern)`.
 */
export interface LikeNode {
  readonly kind: 'Like';
  readonly expr: ExpressionNode;
  readonly pattern: ExpressionNode;
  /** A single character other than `'` and `\`, written as a string literal. */
  readonly escape: string | undefined;
  readonly caseInsensitive: boolean;
  readonly negated: boolean;
}

/**
 * The escape character Kiln uses. Not `\`: MySQL string literals treat backslash as an
 * escape unless NO_BACKSLASH_ESCAPES is set, so `ESCAPE '\'` cannot be written portably,
 * while `ESCAPE '!'` means the same thing on every database.
 */
export const LIKE_ESCAPE = '!';

export interface LikeOptions {
  readonly escape?: string;
  readonly caseInsensitive?: boolean;
  readonly negated?: boolean;
}

export function like(expr: ExpressionNode, pattern: ExpressionNode, options?: LikeOptions): LikeNode {
  const escape = options?.escape;
  if (escape !== undefined && (escape.length !== 1 || escape === "'" || escape === '\\' || escape === '\0')) {
    throw new TypeError(`like(): escape must be one character other than ', \\ and NUL, got ${JSON.stringify(escape)}`);
  }
  return {
    kind: 'Like',
    expr,
    pattern,
    escape,
    caseInsensitive: options?.caseInsensitive === true,
    negated: options?.negated === true,
  };
}

/** Escapes `%`, `_` and the escape character itself so `value` matches literally. */
export function escapeLike(value: string, escape: string = LIKE_ESCAPE): string {
  // Fast path: most user strings contain none of the three characters.
  if (value.indexOf('%') === -1 && value.indexOf('_') === -1 && value.indexOf(escape) === -1) return value;
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (c === '%' || c === '_' || c === escape) out += escape;
    out += c;
  }
  return out;
}

export type LikeMode = 'contains' | 'startsWith' | 'endsWith';

/**
 * The pattern parameter value for a Prisma-style string filter, escaped with `LIKE_ESCAPE`.
 * Exposed separately so a runtime that caches compiled SQL can rebuild only the parameter.
 */
export function likePattern(mode: LikeMode, value: string): string {
  const escaped = escapeLike(value, LIKE_ESCAPE);
  switch (mode) {
    case 'contains':
      return `%${escaped}%`;
    case 'startsWith':
      return `${escaped}%`;
    case 'endsWith':
      return `%${escaped}`;
  }
}

export interface StringFilterOptions {
  readonly caseInsensitive?: boolean;
  readonly negated?: boolean;
}

function stringFilter(mode: LikeMode, expr: ExpressionNode, value: string, options?: StringFilterOptions): LikeNode {
  const pattern: ParamNode = { kind: 'Param', value: likePattern(mode, value) };
  return {
    kind: 'Like',
    expr,
    pattern,
    escape: LIKE_ESCAPE,
    caseInsensitive: options?.caseInsensitive === true,
    negated: options?.negated === true,
  };
}

/** `expr LIKE '%value%' ESCAPE '!'` with `value` escaped and bound. */
export const contains = (expr: ExpressionNode, value: string, options?: StringFilterOptions): LikeNode =>
  stringFilter('contains', expr, value, options);
export const startsWith = (expr: ExpressionNode, value: string, options?: StringFilterOptions): LikeNode =>
  stringFilter('startsWith', expr, value, options);
export const endsWith = (expr: ExpressionNode, value: string, options?: StringFilterOptions): LikeNode =>
  stringFilter('endsWith', expr, value, options);
