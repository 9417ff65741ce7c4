/*
 * Small helpers for the SQL text catalogs hand back: predicates and CHECK expressions wrapped in
 * parentheses, numbers with trailing zeros, quoted literals.
 */

/** Whether `(` at 0 closes at the very end, so the parentheses wrap the whole text. */
function wrapped(text: string): boolean {
  if (!text.startsWith('(') || !text.endsWith(')')) return false;
  let depth = 0;
  let quote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quote !== null) {
      if (ch === quote) {
        // A doubled quote stays inside the literal or identifier.
        if (text[i + 1] === quote) i++;
        else quote = null;
      }
      continue;
    }
    if (ch === "'" || ch === '"' || ch === '`') quote = ch;
    else if (ch === '(') depth++;
    else if (ch === ')') {
      depth--;
      if (depth === 0 && i < text.length - 1) return false;
    }
  }
  return depth === 0;
}

/** `((a > 0))` → `a > 0`: the parentheses a catalog puts around a whole expression. */
export function stripOuterParens(text: string): string {
  let t = text.trim();
  while (wrapped(t)) t = t.slice(1, -1).trim();
  return t;
}

/** `(a > 0)` → `a > 0`, one level only. */
export function stripOneParens(text: string): string {
  const t = text.trim();
  return wrapped(t) ? t.slice(1, -1).trim() : t;
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

export function isNumberText(text: string): boolean {
  return NUMBER.test(text.trim());
}

/**
 * A number literal as written, without the padding a catalog adds: no `+`, no trailing
 * fractional zeros (MariaDB writes a DECIMAL(65,30) default of 12.345 as
 * `12.345000000000000000000000000000`). An exponent stays as written, so `db pull` writes the
 * literal the author wrote; the planner compares numbers by value (render/sql-text.ts
 * `canonicalNumber`).
 */
export function trimNumberLiteral(text: string): string {
  let t = text.trim().replace(/^\+/, '');
  if (/[eE]/.test(t)) return t;
  if (t.startsWith('.')) t = `0${t}`;
  if (t.startsWith('-.')) t = `-0${t.slice(1)}`;
  if (t.includes('.')) t = t.replace(/0+$/, '').replace(/\.$/, '');
  return t === '-0' ? '0' : t;
}

/**
 * The offset just past the quote closing the one at `open` in `sql`, with doubled quotes
 * inside (`'it''s'`, `"a""b"`); the end of `sql` when it never closes.
 */
export function closingQuote(sql: string, open: number, quote: string): number {
  let i = open + 1;
  while (i < sql.length) {
    if (sql[i] === quote) {
      if (sql[i + 1] === quote) {
        i += 2;
        continue;
      }
      return i + 1;
    }
    i++;
  }
  return sql.length;
}

/** `'it''s'` → `it's`: a standard SQL string literal (quotes doubled). Null when `text` is not one. */
export function unquoteStandardString(text: string): string | null {
  const m = /^'((?:[^']|'')*)'$/s.exec(text);
  return m === null ? null : m[1]!.replaceAll("''", "'");
}
