/*
 * PostgreSQL stores an expression as a parse tree and prints it back in its own words
 * (https://www.postgresql.org/docs/current/functions-info.html#FUNCTIONS-INFO-CATALOG):
 * `x IN ('a', 'b')` comes back as `x = ANY (ARRAY['a'::text, 'b'::text])` and `n > -5` as
 * `n > '-5'::integer`. The planner compares such text loosely (quotes, parentheses and casts
 * aside), which cannot see through these two; they are put back into the words a schema uses.
 */

import { closingQuote, stripOneParens, stripOuterParens } from '../sql-text.js';

const NUMERIC_CAST = /^::(?:integer|bigint|smallint|numeric(?:\(\d+,\s*\d+\))?|double precision|real)(?![\w(])/;

/** `'-5'::integer` → `-5`: a number PostgreSQL wrote as a quoted literal with a cast. */
function unquoteNumbers(sql: string): string {
  let out = '';
  let i = 0;
  while (i < sql.length) {
    const ch = sql[i]!;
    if (ch === '"') {
      const end = closingQuote(sql, i, '"');
      out += sql.slice(i, end);
      i = end;
      continue;
    }
    if (ch === "'") {
      const end = closingQuote(sql, i, "'");
      const body = sql.slice(i + 1, end - 1);
      const cast = NUMERIC_CAST.exec(sql.slice(end));
      if (/^-?\d+(\.\d+)?$/.test(body) && cast !== null) {
        out += body;
        i = end + cast[0].length;
      } else {
        out += sql.slice(i, end);
        i = end;
      }
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}

/** The offset of the `)` closing the `(` at `open`, outside quotes; -1 if none. */
function closingParen(sql: string, open: number): number {
  let depth = 0;
  let i = open;
  while (i < sql.length) {
    const ch = sql[i]!;
    if (ch === "'" || ch === '"') {
      i = closingQuote(sql, i, ch);
      continue;
    }
    if (ch === '(') depth++;
    else if (ch === ')' && --depth === 0) return i;
    i++;
  }
  return -1;
}

/**
 * `x = ANY (ARRAY[a, b])` → `x IN (a, b)` and `x <> ALL (ARRAY[a, b])` → `x NOT IN (a, b)`,
 * also with the array cast PostgreSQL adds for a varchar column (`(ARRAY[...])::text[]`).
 */
function undoArrayComparisons(sql: string): string {
  const pattern = /\s(=|<>)\s(ANY|ALL)\s\(/g;
  let out = '';
  let last = 0;
  for (let m = pattern.exec(sql); m !== null; m = pattern.exec(sql)) {
    if ((m[1] === '=') !== (m[2] === 'ANY')) continue;
    const open = m.index + m[0].length - 1;
    const close = closingParen(sql, open);
    if (close === -1) continue;
    let inner = sql.slice(open + 1, close).trim();
    // `(ARRAY[...])::text[]`
    const cast = /^\((ARRAY\[[^]*\])\)::[\w ]+\[\]$/.exec(inner);
    if (cast !== null) inner = cast[1]!;
    if (!inner.startsWith('ARRAY[') || !inner.endsWith(']')) continue;
    out += `${sql.slice(last, m.index)} ${m[1] === '=' ? 'IN' : 'NOT IN'} (${inner.slice(6, -1)})`;
    last = close + 1;
    pattern.lastIndex = last;
  }
  return out + sql.slice(last);
}

/** A CHECK expression or index predicate as pg_get_expr prints it, in the words a schema uses. */
export function postgresExpression(sql: string): string {
  return undoArrayComparisons(unquoteNumbers(sql));
}

/** A CHECK as introspection reports it: pg_get_expr's text in the schema's words, without its outer parentheses. */
export function postgresCheck(printed: string): string {
  return stripOuterParens(postgresExpression(printed));
}

/** A partial index predicate as introspection reports it: in the schema's words, one level of parentheses removed. */
export function postgresPredicate(printed: string): string {
  return stripOneParens(postgresExpression(printed));
}

/** A view's SELECT as introspection reports it: `pg_get_viewdef` indents it and ends it with `;`. */
export function postgresViewBody(printed: string): string {
  return printed.trim().replace(/;\s*$/, '');
}
