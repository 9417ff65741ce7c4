/**
 * Wraps `name` in `quote` and doubles any `quote` inside it: the one identifier escaping
 * rule shared by sqlite/postgres (`"`) and mysql (`` ` ``). NUL cannot be represented in an
 * identifier on any of them, and an empty name is always a bug, so both are refused.
 */
export function quoteIdentifierWith(name: string, quote: string): string | undefined {
  if (name.length === 0 || name.indexOf('\0') !== -1) return undefined;
  if (name.indexOf(quote) === -1) return quote + name + quote;
  return quote + name.replaceAll(quote, quote + quote) + quote;
}

/** `'text'` with `'` doubled, or undefined when the text holds a NUL. */
export function quoteStringWith(text: string): string | undefined {
  if (text.indexOf('\0') !== -1) return undefined;
  if (text.indexOf("'") === -1) return "'" + text + "'";
  return "'" + text.replaceAll("'", "''") + "'";
}
