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

/** PostgreSQL type names of more than one word, as they may follow a `::` cast. */
const MULTI_WORD_TYPE = /^::\s*(?:(?:character|bit)\s+varying|double\s+precision|(?:timestamp|time)(?:\s*\(\s*\d+\s*\))?\s+with(?:out)?\s+time\s+zone)/i;
/** A one-word cast target, with arguments and array brackets: `::text`, `::numeric(10,2)`, `::"Role"[]`. */
const CAST = /^::\s*(?:[a-z_][\w.$]*|"(?:[^"]|"")*")(?:\s*\(\s*[\d\s,]*\))?(?:\s*\[\s*\])*/i;

/**
 * An expression (a default, a CHECK, a partial index predicate) in a loose canonical form, for
 * comparing a schema's text with what a database reports back: outside string literals, lower
 * case, with whitespace, identifier quotes, parentheses and `::type` casts removed. String
 * literals keep their content and case. `now()` and `CURRENT_TIMESTAMP` are the same.
 *
 * This is deliberately lossy (`(a + b) * c` and `a + b * c` compare equal); it is only used when
 * one side was read from a database, where the alternative is a change on every run.
 */
export function canonicalExpression(sql: string): string {
  let out = '';
  for (const p of pieces(sql)) {
    if (p.kind === 'string') {
      out += `'${p.text.replaceAll("'", "''")}'`;
      continue;
    }
    if (p.kind === 'identifier') {
      out += p.text.toLowerCase();
      continue;
    }
    let text = p.text;
    let rest = '';
    while (text.length > 0) {
      if (text.startsWith('::')) {
        const m = MULTI_WORD_TYPE.exec(text) ?? CAST.exec(text);
        if (m !== null) {
          text = text.slice(m[0].length);
          continue;
        }
      }
      rest += text[0];
      text = text.slice(1);
    }
    out += rest.toLowerCase().replace(/[\s()]+/g, '');
  }
  // A cast directly after a quoted identifier or string was split from it; remove what is left.
  return out
    .replace(/::[a-z_][\w.$]*(\[\])*/g, '')
    .replace(/\bnow\b(?!\w)/g, 'current_timestamp')
    .replace(/\bcurrent_timestamp\d*\b/g, 'current_timestamp');
}

/**
 * A decimal literal without its sign noise: `0.50` → `0.5`, `+1` → `1`, `1.0e2` stays as
 * written. Used to compare number defaults (MySQL reports `0.000000` for a DECIMAL default 0).
 */
export function canonicalNumber(text: string): string {
  const m = /^\s*([+-]?)0*(\d*)(?:\.(\d*?)0*)?\s*$/.exec(text);
  if (m === null) return text.trim().toLowerCase();
  const int = m[2] === '' ? '0' : m[2]!;
  const frac = m[3] ?? '';
  const sign = m[1] === '-' && (int !== '0' || frac !== '') ? '-' : '';
  return `${sign}${int}${frac === '' ? '' : `.${frac}`}`;
}
