import type * as A from '../ast/nodes.js';

/**
 * Canonical text of expressions, arguments, attributes and type references. Literals keep the
 * text the user wrote (`raw` for strings, `text` for numbers) so no escape or digit changes;
 * only the spacing between tokens is normalized.
 */
export function printExpression(e: A.Expression): string {
  switch (e.kind) {
    case 'string':
      return e.raw;
    case 'number':
      return e.text;
    case 'path':
      return e.text;
    case 'array':
      return `[${e.items.map(printExpression).join(', ')}]`;
    case 'call':
      return `${e.callee.text}(${printArguments(e.args)})`;
  }
}

/** `a, name: b`: positional and named arguments, in the order written. */
export function printArguments(args: readonly A.Argument[]): string {
  return args.map((a) => (a.name ? `${a.name.text}: ${printExpression(a.value)}` : printExpression(a.value))).join(', ');
}

/** `null` arguments mean no parentheses were written; `[]` means `()` was, and it is kept. */
function printArgumentList(args: readonly A.Argument[] | null): string {
  return args === null ? '' : `(${printArguments(args)})`;
}

/** `@id`, `@default(now())`, `@db.VarChar(255)`. */
export function printAttribute(a: A.Attribute): string {
  return `@${a.name.text}${printArgumentList(a.args)}`;
}

/** `@@index([a, b], name: "x")`. */
export function printBlockAttribute(a: A.BlockAttribute): string {
  return `@@${a.name.text}${printArgumentList(a.args)}`;
}

/** `String`, `Int?`, `Post[]`, `Unsupported("circle")?`. `[]?` is kept as written for the analyzer to reject. */
export function printTypeRef(t: A.TypeRef): string {
  const base = t.unsupported ? `${t.name.text}(${t.unsupported.raw})` : t.name.text;
  return `${base}${t.list ? '[]' : ''}${t.optional ? '?' : ''}`;
}
