import type { ExpressionNode } from './nodes/expression.js';
import type { IdentifierNode } from './nodes/identifier.js';
import type { RawNode } from './nodes/raw.js';

// Fragments the tag will splice in as SQL. A WeakSet, not a `kind` check: a user value that
// happens to look like `{ kind: 'Raw', parts: [...] }` (parsed JSON, say) must stay a
// parameter, so membership is granted only by the functions below.
const fragments = new WeakSet<object>();

function fragment(parts: readonly string[], values: readonly ExpressionNode[]): RawNode {
  const node: RawNode = { kind: 'Raw', parts, values };
  fragments.add(node);
  return node;
}

/** True for fragments made by `sql`, `sql.join`, `sql.id`, `sql.expr` and `rawUnsafe`. */
export function isSqlFragment(value: unknown): value is RawNode {
  return typeof value === 'object' && value !== null && fragments.has(value);
}

function toExpression(value: unknown): ExpressionNode {
  return isSqlFragment(value) ? value : { kind: 'Param', value };
}

export interface SqlTag {
  /**
   * A parameterized raw fragment: the template text is SQL, every `${value}` is a bound
   * parameter, except fragments made by this tag (`sql`, `sql.join`, `sql.id`, `sql.expr`,
   * `rawUnsafe`), which are spliced in. Write no placeholders by hand: the dialect numbers them.
   */
  (strings: TemplateStringsArray, ...values: unknown[]): RawNode;
  /** `a, b, c` (or with another separator fragment); values become parameters. */
  join(values: readonly unknown[], separator?: RawNode): RawNode;
  /** A quoted identifier path: `sql.id('public', 'User')` → `"public"."User"`. */
  id(...path: string[]): RawNode;
  /** Splices a tree expression into a template: sql`${sql.expr(col('u', 'id'))} + 1`. */
  expr(node: ExpressionNode): RawNode;
}

const COMMA = fragment([', '], []);

function sqlTag(strings: TemplateStringsArray, ...values: unknown[]): RawNode {
  // A template strings array always carries `raw`; a plain string[] passed by mistake does not.
  if (!Array.isArray(strings) || !Array.isArray((strings as { raw?: unknown }).raw)) {
    throw new TypeError('sql must be used as a tagged template: sql`...`; use rawUnsafe() for trusted text');
  }
  const nodes: ExpressionNode[] = new Array(values.length);
  for (let i = 0; i < values.length; i++) nodes[i] = toExpression(values[i]);
  return fragment(strings.slice(), nodes);
}

export const sql: SqlTag = Object.assign(sqlTag, {
  join(values: readonly unknown[], separator: RawNode = COMMA): RawNode {
    if (!isSqlFragment(separator)) throw new TypeError('sql.join(): the separator must be a sql`` fragment');
    if (values.length === 0) return fragment([''], []);
    const parts: string[] = [''];
    const nodes: ExpressionNode[] = [];
    for (let i = 0; i < values.length; i++) {
      if (i > 0) {
        nodes.push(separator);
        parts.push('');
      }
      nodes.push(toExpression(values[i]));
      parts.push('');
    }
    return fragment(parts, nodes);
  },
  id(...path: string[]): RawNode {
    if (path.length === 0) throw new TypeError('sql.id() needs at least one name');
    const node: IdentifierNode = { kind: 'Identifier', path };
    return fragment(['', ''], [node]);
  },
  expr(node: ExpressionNode): RawNode {
    return fragment(['', ''], [node]);
  },
});

/**
 * Trusted SQL text written verbatim, with no parameters. Never pass user input: this is the
 * one unparameterized path, and its name says so.
 */
export function rawUnsafe(text: string): RawNode {
  return fragment([text], []);
}
