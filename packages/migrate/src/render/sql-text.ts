/**
 * Canonical spellings of SQL text, so that the diff can tell "the same thing, written another
 * way" from a real change. A database rewrites what it is given: PostgreSQL stores
 * `score >= 0` as `(score >= (0)::double precision)`, MariaDB reports `int(11)` for `INTEGER`,
 * MySQL wraps expression defaults in parentheses. These functions only ever make two texts
 * more alike; they are used where the docs say so (docs/migrate.md, "How the planner compares").
 */

/** One lexical piece of SQL: a quoted string, a quoted identifier, or anything else. */
interface Piece {
  kind: 'string' | 'identifier' | 'other';
  text: string;
}

/** Splits SQL into string literals (`'...'`, with `''` inside), quoted identifiers (`"..."`, `` `...` ``) and the rest. */
function pieces(sql: string): Piece[] {
  const out: Piece[] = [];
  let other = '';
  let i = 0;
  while (i < sql.length) {
    const ch = sql[i]!;
    if (ch === "'" || ch === '"' || ch === '`') {
      if (other !== '') out.push({ kind: 'other', text: other });
      other = '';
      let j = i + 1;
      let body = '';
      while (j < sql.length) {
        if (sql[j] === ch) {
          if (sql[j + 1] === ch) {
            body += ch;
            j += 2;
            continue;
          }
          break;
        }
        // MySQL and PostgreSQL E'' strings escape with a backslash; keep the pair together.
        if (ch === "'" && sql[j] === '\\' && j + 1 < sql.length) {
          body += sql[j + 1];
          j += 2;
          continue;
        }
        body += sql[j];
        j++;
      }
      out.push({ kind: ch === "'" ? 'string' : 'identifier', text: body });
      i = j + 1;
      continue;
    }
    other += ch;
    i++;
  }
  if (other !== '') out.push({ kind: 'other', text: other });
  return out;
}

/**
 * A column type in one spelling: lower case outside quotes, no space inside parentheses and
 * brackets or around commas, single spaces elsewhere. Quoted names (a PostgreSQL enum type) and
 * enum values keep their case.
 */
export function canonicalTypeText(sql: string): string {
  return pieces(sql)
    .map((p) => {
      if (p.kind === 'string') return `'${p.text.replaceAll("'", "''")}'`;
      if (p.kind === 'identifier') return `"${p.text.replaceAll('"', '""')}"`;
      return p.text.toLowerCase().replace(/\s+/g, ' ');
    })
    .join('')
    .replace(/\s*([(,[])\s*/g, '$1')
    .replace(/\s*([)\]])/g, '$1')
    .trim();
}

/** A token of an expression, for `canonicalExpression`. */
interface Token {
  kind: 'string' | 'identifier' | 'word' | 'number' | 'operator' | 'cast' | 'punct';
  /** A string's or quoted identifier's content (quotes undone); else the text. */
  text: string;
}

/** Characters of PostgreSQL operators (https://www.postgresql.org/docs/current/sql-syntax-lexical.html#SQL-SYNTAX-OPERATORS). */
const OPERATOR = /^[+\-*/<>=~!@#%^&|?]+/;
const WORD = /^[A-Za-z_\u0080-\uffff][\w$\u0080-\uffff]*/;
const NUMBER = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/;

/** Splits an expression into tokens; pieces() has already taken the quoted parts out. */
function tokens(sql: string): Token[] {
  const out: Token[] = [];
  for (const p of pieces(sql)) {
    if (p.kind !== 'other') {
      out.push({ kind: p.kind, text: p.text });
      continue;
    }
    let rest = p.text;
    while (rest.length > 0) {
      const space = /^\s+/.exec(rest);
      if (space !== null) {
        rest = rest.slice(space[0].length);
        continue;
      }
      let m: RegExpExecArray | null;
      let kind: Token['kind'];
      if (rest.startsWith('::')) [m, kind] = [/^::/.exec(rest), 'cast'];
      else if ((m = NUMBER.exec(rest)) !== null) kind = 'number';
      else if ((m = WORD.exec(rest)) !== null) kind = 'word';
      else if ((m = OPERATOR.exec(rest)) !== null) kind = 'operator';
      else [m, kind] = [/^[^]/.exec(rest), 'punct'];
      out.push({ kind, text: m![0] });
      rest = rest.slice(m![0].length);
    }
  }
  return out;
}

const isWord = (t: Token | undefined, ...words: string[]) => t !== undefined && t.kind === 'word' && words.includes(t.text.toLowerCase());
const isPunct = (t: Token | undefined, text: string) => t !== undefined && t.kind === 'punct' && t.text === text;
const isName = (t: Token | undefined) => t !== undefined && (t.kind === 'word' || t.kind === 'identifier');

/** The index just past the bracket closing the one at `open` (`(`/`)` or `[`/`]`). */
function pastClosing(list: readonly Token[], open: number): number {
  const [o, c] = list[open]!.text === '(' ? ['(', ')'] : ['[', ']'];
  let depth = 0;
  for (let i = open; i < list.length; i++) {
    if (isPunct(list[i], o)) depth++;
    else if (isPunct(list[i], c) && --depth === 0) return i + 1;
  }
  return list.length;
}

/**
 * Without `::type` casts: a type name, schema-qualified or not, quoted or not (`::other."Status"`),
 * of several words (`double precision`, `character varying`, `timestamp(3) without time zone`),
 * with arguments and array brackets (`::numeric(10,2)`, `::text[]`).
 */
function withoutCasts(list: readonly Token[]): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < list.length) {
    const t = list[i]!;
    if (t.kind !== 'cast' || !isName(list[i + 1])) {
      out.push(t);
      i++;
      continue;
    }
    i += 2;
    while (isPunct(list[i], '.') && isName(list[i + 1])) i += 2;
    const last = list[i - 1]!;
    if (isWord(last, 'double') && isWord(list[i], 'precision')) i++;
    if (isWord(last, 'character', 'char', 'bit', 'national') && isWord(list[i], 'varying')) i++;
    if (isPunct(list[i], '(')) i = pastClosing(list, i);
    if (isWord(list[i], 'with', 'without') && isWord(list[i + 1], 'time') && isWord(list[i + 2], 'zone')) i += 3;
    while (isPunct(list[i], '[') && isPunct(list[i + 1], ']')) i += 2;
  }
  return out;
}

/** Where the operand that ends just before `end` starts: a name (qualified), a literal, a bracketed group or a call. */
function operandStart(list: readonly Token[], end: number): number {
  let i = end - 1;
  const t = list[i];
  if (t === undefined) return -1;
  if (isPunct(t, ')') || isPunct(t, ']')) {
    const [o, c] = t.text === ')' ? ['(', ')'] : ['[', ']'];
    let depth = 0;
    for (; i >= 0; i--) {
      if (isPunct(list[i], c)) depth++;
      else if (isPunct(list[i], o) && --depth === 0) break;
    }
    if (i < 0) return -1;
    // A function call: the name before the parenthesis belongs to the operand.
    if (isName(list[i - 1]) && !isWord(list[i - 1], 'and', 'or', 'not', 'between')) i--;
  } else if (t.kind === 'punct' || t.kind === 'operator' || t.kind === 'cast') {
    return -1;
  }
  while (isPunct(list[i - 1], '.') && isName(list[i - 2])) i -= 2;
  return i;
}

/** Where the operand that starts at `start` ends (exclusive): before AND, OR, a comma or a closing bracket at its depth. */
function operandEnd(list: readonly Token[], start: number): number {
  let depth = 0;
  for (let i = start; i < list.length; i++) {
    const t = list[i]!;
    if (isPunct(t, '(') || isPunct(t, '[')) depth++;
    else if (isPunct(t, ')') || isPunct(t, ']')) {
      if (depth === 0) return i;
      depth--;
    } else if (depth === 0 && (isWord(t, 'and', 'or') || isPunct(t, ','))) return i;
  }
  return list.length;
}

const token = (kind: Token['kind'], text: string): Token => ({ kind, text });

/**
 * `x BETWEEN a AND b` as `x >= a AND x <= b`, and `x NOT BETWEEN a AND b` as `x < a OR x > b`:
 * the words PostgreSQL prints them in (`((x >= a) AND (x <= b))`). BETWEEN SYMMETRIC is kept.
 */
function expandBetween(list: readonly Token[]): Token[] {
  let out = [...list];
  for (let i = 0; i < out.length; i++) {
    if (!isWord(out[i], 'between') || isWord(out[i + 1], 'symmetric', 'asymmetric')) continue;
    const negated = isWord(out[i - 1], 'not');
    const left = operandStart(out, negated ? i - 1 : i);
    if (left < 0) continue;
    const lowEnd = operandEnd(out, i + 1);
    if (!isWord(out[lowEnd], 'and')) continue;
    const highEnd = operandEnd(out, lowEnd + 1);
    const x = out.slice(left, negated ? i - 1 : i);
    const low = out.slice(i + 1, lowEnd);
    const high = out.slice(lowEnd + 1, highEnd);
    if (x.length === 0 || low.length === 0 || high.length === 0) continue;
    const [lowOp, join, highOp] = negated ? ['<', 'or', '>'] : ['>=', 'and', '<='];
    const expanded = [
      token('punct', '('),
      ...x,
      token('operator', lowOp),
      ...low,
      token('word', join),
      ...x,
      token('operator', highOp),
      ...high,
      token('punct', ')'),
    ];
    out = [...out.slice(0, left), ...expanded, ...out.slice(highEnd)];
    i = left + expanded.length - 1;
  }
  return out;
}

/**
 * The operators PostgreSQL prints for pattern matching, in the words a schema uses
 * (https://www.postgresql.org/docs/current/functions-matching.html#FUNCTIONS-LIKE): `~~` is
 * LIKE, `~~*` ILIKE, with `!` for NOT; and `!=`, which PostgreSQL and MariaDB print as `<>`.
 */
const OPERATOR_WORDS: Readonly<Record<string, string>> = { '!~~*': 'not ilike', '~~*': 'ilike', '!~~': 'not like', '~~': 'like', '!=': '<>' };

/** `'2020-01-01'`, `'2020-01-01T10:00'` and `'2020-01-01 10:00:00.500'` as PostgreSQL prints a timestamp: `'2020-01-01 10:00:00.5'`. */
function canonicalDateText(text: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?$/.exec(text);
  if (m === null) return text;
  const fraction = (m[5] ?? '').replace(/0+$/, '');
  return `${m[1]} ${m[2] ?? '00'}:${m[3] ?? '00'}:${m[4] ?? '00'}${fraction === '' ? '' : `.${fraction}`}`;
}

/**
 * An expression (a default, a CHECK, a partial index predicate) in a loose canonical form, for
 * comparing a schema's text with what a database reports back: outside string literals, lower
 * case, with whitespace, identifier quotes, parentheses and `::type` casts (qualified ones too)
 * removed. PostgreSQL's words are undone: `~~`/`~~*` (with `!`) are LIKE/ILIKE (NOT), `!=` is
 * `<>`, BETWEEN is the two comparisons it stands for, a date or timestamp literal is spelled as
 * PostgreSQL prints it. String literals otherwise keep their content and case. `now()` and
 * `CURRENT_TIMESTAMP` are the same.
 *
 * This is deliberately lossy (`(a + b) * c` and `a + b * c` compare equal); it is only used when
 * one side was read from a database, where the alternative is a change on every run.
 */
export function canonicalExpression(sql: string): string {
  let out = '';
  for (const t of expandBetween(withoutCasts(tokens(sql)))) {
    switch (t.kind) {
      case 'string':
        out += `'${canonicalDateText(t.text).replaceAll("'", "''")}'`;
        break;
      case 'identifier':
        out += t.text.toLowerCase();
        break;
      case 'operator':
        out += t.text.replace(/!~~\*|~~\*|!~~|~~|!=/g, (op) => OPERATOR_WORDS[op]!).replace(/\s+/g, '');
        break;
      case 'punct':
        if (t.text !== '(' && t.text !== ')') out += t.text;
        break;
      default:
        out += t.text.toLowerCase();
    }
  }
  return out.replace(/\bnow\b(?!\w)/g, 'current_timestamp').replace(/\bcurrent_timestamp\d*\b/g, 'current_timestamp');
}

/**
 * A number by its value, in one spelling: `0.50` → `0.5`, `+1` → `1`, `1e10` →
 * `10000000000`, `2.5E-3` → `0.0025` (a value past 100 digits either side of the point is
 * written `1.5e300`). Used to compare number defaults: a database stores the value and reports
 * it in its own words (MySQL `0.000000` for a DECIMAL default 0, PostgreSQL `10000000000` for
 * 1e10). Text that is not a number comes back trimmed and in lower case.
 */
export function canonicalNumber(text: string): string {
  const m = /^\s*([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?\s*$/.exec(text);
  if (m === null || (m[2] === '' && (m[3] ?? '') === '')) return text.trim().toLowerCase();
  const all = m[2]! + (m[3] ?? '');
  const lead = /^0*/.exec(all)![0].length;
  const digits = all.slice(lead).replace(/0+$/, '');
  if (digits === '') return '0';
  // Where the decimal point falls in `digits`: 0 is just before the first one.
  const point = m[2]!.length - lead + Number(m[4] ?? 0);
  const sign = m[1] === '-' ? '-' : '';
  if (point > 100 || point < -100) return `${sign}${digits[0]}${digits.length > 1 ? `.${digits.slice(1)}` : ''}e${point - 1}`;
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${'0'.repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}
