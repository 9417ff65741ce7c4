import type { ExpressionNode } from './expression.js';

/**
 * A SQL fragment: `parts[0] values[0] parts[1] ... parts[n]`. The `parts` are written
 * verbatim, the `values` are compiled as expressions (usually `Param`s). Build one with the
 * `sql` tagged template (parts come from the template literal, every interpolation becomes a
 * parameter) or, for trusted text only, with `rawUnsafe`.
 */
export interface RawNode {
  readonly kind: 'Raw';
  readonly parts: readonly string[];
  readonly values: readonly ExpressionNode[];
}
