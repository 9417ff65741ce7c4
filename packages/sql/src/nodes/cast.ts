import type { ExpressionNode } from './expression.js';

/**
 * Portable type names for `CAST(x AS type)`; each dialect maps them to its own spelling
 * (`castTypeName` hook), e.g. 'double' is `double precision` on postgres, `DOUBLE` on mysql
 * and `REAL` on sqlite.
 */
export type CastType = 'text' | 'integer' | 'bigint' | 'double' | 'decimal' | 'boolean' | 'json' | 'datetime' | 'date' | 'bytes';

export interface CastNode {
  readonly kind: 'Cast';
  readonly expr: ExpressionNode;
  readonly type: CastType;
}

export function cast(expr: ExpressionNode, type: CastType): CastNode {
  return { kind: 'Cast', expr, type };
}
