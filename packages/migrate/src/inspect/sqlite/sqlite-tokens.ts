import { closingQuote } from '../sql-text.js';

/**
 * A token of SQLite's SQL (https://www.sqlite.org/lang_keywords.html,
 * https://www.sqlite.org/lang_expr.html#literal_values_constants_): enough to split a CREATE
 * TABLE, CREATE INDEX or CREATE VIEW statement into its parts and keep the original text of
 * each part (`start`/`end` are offsets into the statement).
 */
export interface SqlToken {
  kind: 'word' | 'quoted' | 'string' | 'blob' | 'number' | 'punct';
  /** For `quoted`, the identifier without its quotes; for `string`, the literal's value; else the text. */
  value: string;
  start: number;
  end: number;
}

/** Splits `sql` into tokens, dropping whitespace and comments. Never throws: an unknown character is a punct token. */
export function tokenizeSql(sql: string): SqlToken[] {
  const out: SqlToken[] = [];
  let i = 0;
  const n = sql.length;
  while (i < n) {
    const ch = sql[i]!;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if (ch === '-' && sql[i + 1] === '-') {
      const end = sql.indexOf('\n', i);
      i = end === -1 ? n : end + 1;
      continue;
    }
    if (ch === '/' && sql[i + 1] === '*') {
      const end = sql.indexOf('*/', i + 2);
      i = end === -1 ? n : end + 2;
      continue;
    }
    const start = i;
    if ((ch === 'x' || ch === 'X') && sql[i + 1] === "'") {
      const end = closingQuote(sql, i + 1, "'");
      out.push({ kind: 'blob', value: sql.slice(i + 2, end - 1), start, end });
      i = end;
      continue;
    }
    if (ch === "'") {
      const end = closingQuote(sql, i, "'");
      out.push({ kind: 'string', value: sql.slice(i + 1, end - 1).replaceAll("''", "'"), start, end });
      i = end;
      continue;
    }
    if (ch === '"' || ch === '`') {
      const end = closingQuote(sql, i, ch);
      out.push({ kind: 'quoted', value: sql.slice(i + 1, end - 1).replaceAll(ch + ch, ch), start, end });
      i = end;
      continue;
    }
    if (ch === '[') {
      const close = sql.indexOf(']', i);
      const end = close === -1 ? n : close + 1;
      out.push({ kind: 'quoted', value: sql.slice(i + 1, end - 1), start, end });
      i = end;
      continue;
    }
    const num = /^(?:0x[0-9a-f]+|(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?)/i.exec(sql.slice(i, i + 64));
    if (num !== null && /[\d.]/.test(ch)) {
      out.push({ kind: 'number', value: num[0], start, end: i + num[0].length });
      i += num[0].length;
      continue;
    }
    // Identifiers and keywords: letters, digits, _, $ and any non-ASCII character.
    const word = /^[A-Za-z_\u0080-\uffff][A-Za-z0-9_$\u0080-\uffff]*/.exec(sql.slice(i, i + 1024));
    if (word !== null) {
      out.push({ kind: 'word', value: word[0], start, end: i + word[0].length });
      i += word[0].length;
      continue;
    }
    // Operators: the longest of the two-character ones, else one character.
    const op = /^(\|\||<<|>>|<=|>=|==|!=|<>|->>|->)/.exec(sql.slice(i, i + 3));
    const len = op === null ? 1 : op[0].length;
    out.push({ kind: 'punct', value: sql.slice(i, i + len), start, end: i + len });
    i += len;
  }
  return out;
}

/** Whether `token` is the keyword `word` (case-insensitive; a quoted identifier never is). */
export function isKeyword(token: SqlToken | undefined, word: string): boolean {
  return token !== undefined && token.kind === 'word' && token.value.toUpperCase() === word;
}

/** The index of the `)` matching the `(` at `open`, or the last index when unbalanced. */
export function matchingParen(tokens: readonly SqlToken[], open: number): number {
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind !== 'punct') continue;
    if (t.value === '(') depth++;
    else if (t.value === ')') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return tokens.length - 1;
}

/** Splits tokens[from, to) on top-level commas. */
export function splitOnCommas(tokens: readonly SqlToken[], from: number, to: number): SqlToken[][] {
  const parts: SqlToken[][] = [];
  let current: SqlToken[] = [];
  let depth = 0;
  for (let i = from; i < to; i++) {
    const t = tokens[i]!;
    if (t.kind === 'punct' && t.value === '(') depth++;
    if (t.kind === 'punct' && t.value === ')') depth--;
    if (depth === 0 && t.kind === 'punct' && t.value === ',') {
      parts.push(current);
      current = [];
      continue;
    }
    current.push(t);
  }
  if (current.length > 0) parts.push(current);
  return parts;
}
