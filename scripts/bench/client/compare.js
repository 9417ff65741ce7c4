// Strict structural comparison of results, so a contender that is fast because it returns
// something else (strings for dates, 0/1 for booleans, missing fields, wrong rows) is caught.

/** Masks the tag that makes a contender's unique strings unique (`verify:kysely:` → `verify:*:`). */
const TAG = /^(verify|bench):[a-z0-9-]+:/;

/**
 * The first difference between `actual` and `expected` as a readable sentence, or null.
 * Dates must be Dates with the same time; numbers that are not integers may differ in the last
 * bits (an average computed in another order); everything else must be identical, including
 * the set of keys of every object.
 */
export function diff(actual, expected, what, path = 'result') {
  const found = firstDifference(actual, expected, path);
  return found === null ? null : `${what}: ${found}`;
}

function firstDifference(a, b, path) {
  if (b instanceof Date) {
    if (!(a instanceof Date)) return `${path} is ${show(a)}, expected the Date ${b.toISOString()}`;
    return a.getTime() === b.getTime() ? null : `${path} is ${show(a)}, expected ${b.toISOString()}`;
  }
  if (a instanceof Date) return `${path} is the Date ${show(a)}, expected ${show(b)}`;
  if (typeof b === 'number' && typeof a === 'number') {
    if (Object.is(a, b)) return null;
    if (!Number.isInteger(b) && Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b))) return null;
    return `${path} is ${a}, expected ${b}`;
  }
  if (Array.isArray(b)) {
    if (!Array.isArray(a)) return `${path} is ${show(a)}, expected an array of ${b.length}`;
    if (a.length !== b.length) return `${path} has ${a.length} items, expected ${b.length}`;
    for (let i = 0; i < b.length; i++) {
      const d = firstDifference(a[i], b[i], `${path}[${i}]`);
      if (d !== null) return d;
    }
    return null;
  }
  if (b !== null && typeof b === 'object') {
    if (a === null || typeof a !== 'object' || Array.isArray(a)) return `${path} is ${show(a)}, expected an object`;
    const ka = Object.keys(a).sort();
    const kb = Object.keys(b).sort();
    const missing = kb.filter((k) => !(k in a));
    const extra = ka.filter((k) => !(k in b));
    if (missing.length > 0 || extra.length > 0) {
      return `${path} has keys [${ka.join(', ')}], expected [${kb.join(', ')}]` + (missing.length ? ` (missing ${missing.join(', ')})` : '') + (extra.length ? ` (extra ${extra.join(', ')})` : '');
    }
    for (const k of kb) {
      const d = firstDifference(a[k], b[k], `${path}.${k}`);
      if (d !== null) return d;
    }
    return null;
  }
  return Object.is(a, b) ? null : `${path} is ${show(a)}, expected ${show(b)}`;
}

function show(v) {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? 'Invalid Date' : v.toISOString();
  if (typeof v === 'string') return JSON.stringify(v.length > 60 ? v.slice(0, 57) + '...' : v);
  if (typeof v === 'bigint') return `${v}n`;
  if (Array.isArray(v)) return `an array of ${v.length}`;
  if (v !== null && typeof v === 'object') return `an object {${Object.keys(v).slice(0, 6).join(', ')}}`;
  return String(v);
}

/**
 * A copy of `value` with the values that must differ between contenders replaced by a marker of
 * their type: the given keys at any depth (new ids, clock times), and the contender's tag at the
 * start of strings. The type stays visible, so a string where a Date belongs is still caught.
 */
export function mask(value, keys) {
  if (Array.isArray(value)) return value.map((v) => mask(v, keys));
  if (value instanceof Date || value === null || typeof value !== 'object') {
    return typeof value === 'string' ? value.replace(TAG, '$1:*:') : value;
  }
  const out = {};
  for (const [k, v] of Object.entries(value)) {
    out[k] = keys.includes(k) ? `<${v instanceof Date ? (Number.isNaN(v.getTime()) ? 'Invalid Date' : 'Date') : v === null ? 'null' : typeof v}>` : mask(v, keys);
  }
  return out;
}
