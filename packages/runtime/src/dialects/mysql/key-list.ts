/**
 * The value of a key-list parameter on MySQL, which has no array parameters. The driver expands
 * its `?` into `?, ?, ...` when the statement runs, padding the list to a power of two with its
 * last key (duplicates do not change `IN`), so one planned statement becomes at most a handful
 * of prepared statements instead of one per list length.
 */
export class KeyList {
  constructor(readonly keys: readonly unknown[]) {}
  /** Logged as the list. */
  toJSON(): readonly unknown[] {
    return this.keys;
  }
}

/**
 * A Decimal value, sent by the driver as a typed DECIMAL parameter: MySQL converts a string
 * operand of arithmetic to a double (`dec + '0.2'` is 0.30000000000000004), a DECIMAL stays exact.
 */
export class DecimalText {
  constructor(readonly text: string) {}
  toJSON(): string {
    return this.text;
  }
}

/** Smallest power of two ≥ n (n ≥ 1). */
export function paddedLength(n: number): number {
  let p = 1;
  while (p < n) p *= 2;
  return p;
}

/**
 * `sql` with the placeholders of KeyList parameters expanded, and the flat parameter list.
 * Placeholders are found by scanning outside quoted text: backquoted identifiers, '…' and "…"
 * strings and comments may contain `?` (an identifier from the schema could).
 */
export function expandKeyLists(sql: string, params: readonly unknown[], maxParameters = 65535): { sql: string; params: unknown[] } {
  // Padding never pushes a statement past the placeholder limit; a list that alone passes it
  // cannot be sent as parameters at all.
  let total = 0;
  for (const p of params) total += p instanceof KeyList ? Math.max(1, p.keys.length) : 1;
  if (total > maxParameters) {
    throw new RangeError(`This statement would bind ${total} values; MySQL binds at most ${maxParameters} per statement. Split the list (e.g. several queries with \`in\` of at most 60,000 values).`);
  }
  let spare = maxParameters - total;
  const out: unknown[] = [];
  let text = '';
  let last = 0;
  let index = 0;
  for (let i = 0; i < sql.length; i++) {
    const ch = sql[i]!;
    if (ch === '`' || ch === "'" || ch === '"') {
      // Quotes are doubled inside; MySQL's backslash escapes cannot occur in compiled text
      // (the compiler refuses backslashes in literals).
      i++;
      while (i < sql.length && !(sql[i] === ch && sql[i + 1] !== ch)) i += sql[i] === ch ? 2 : 1;
      continue;
    }
    if (ch === '-' && sql[i + 1] === '-') {
      while (i < sql.length && sql[i] !== '\n') i++;
      continue;
    }
    if (ch === '/' && sql[i + 1] === '*') {
      const end = sql.indexOf('*/', i + 2);
      i = end < 0 ? sql.length : end + 1;
      continue;
    }
    if (ch !== '?') continue;
    const p = params[index++];
    if (p instanceof KeyList) {
      const n = p.keys.length;
      if (n === 0) {
        // No keys: `x IN (NULL)` matches nothing.
        text += sql.slice(last, i) + 'NULL';
      } else {
        const size = Math.min(paddedLength(n), n + spare);
        spare -= size - n;
        text += sql.slice(last, i) + '?' + ', ?'.repeat(size - 1);
        for (let k = 0; k < size; k++) out.push(p.keys[k < n ? k : n - 1]);
      }
      last = i + 1;
    } else out.push(p);
  }
  return { sql: text + sql.slice(last), params: out };
}
