/**
 * The structural key of a call's arguments: the same key means the same SQL, so the compiled
 * plan can be reused with new values. Values are replaced by their kind; what changes the SQL
 * (which keys are present, nulls, booleans, list lengths, sort words...) stays in. `undefined`
 * is "not given", as in Prisma. Object keys are length-prefixed, so no key (say, inside a Json
 * value) can spell out structure that is not there.
 *
 * Context is positional, never decided by a field's name (a field may be called `data` or
 * `mode`):
 * - `args`: an argument object (the call's, or a relation's inside select/include). `select`,
 *   `include` and `omit` lead to `sel`; `orderBy`, `distinct`, `by`, aggregate selections and
 *   `relationLoadStrategy` (it picks the plan) to `ord`; everything else (`where`, `data`,
 *   `cursor`, `having`, `create`, `update`...) to `val`.
 * - `sel`: a selection tree; an object under a field is that relation's arguments (`args`).
 * - `ord`: pure structure: every string is a field name or a sort word.
 * - `val`: values, except the word of a `mode` filter.
 */
type Mode = 'args' | 'sel' | 'ord' | 'val';

const TO_SEL = new Set(['select', 'include', 'omit']);
const TO_ORD = new Set(['orderBy', 'distinct', 'by', '_count', '_sum', '_avg', '_min', '_max', 'relationLoadStrategy']);

/** Longer `in` lists are bound as one list parameter, so any length shares one plan. */
export const LONG_LIST = 100;

export function shapeKey(value: unknown): string {
  return walk(value, '', 'args');
}

function childMode(mode: Mode, key: string): Mode {
  switch (mode) {
    case 'args':
      return TO_SEL.has(key) ? 'sel' : TO_ORD.has(key) ? 'ord' : 'val';
    case 'sel':
      return 'args';
    default:
      return mode;
  }
}

function walk(v: unknown, key: string, mode: Mode): string {
  switch (typeof v) {
    case 'string':
      if (mode === 'ord' || mode === 'sel') return JSON.stringify(v);
      if (mode === 'val' && key === 'mode') return v === 'insensitive' ? 'mi' : v === 'default' ? 'md' : 's';
      return 's';
    case 'number':
      // The sign of `take` decides the order (a field named take only costs a second plan).
      return key === 'take' ? (v < 0 ? 'n-' : 'n+') : 'n';
    case 'boolean':
      return v ? 't' : 'f';
    case 'bigint':
      return 'b';
    case 'undefined':
      return 'u';
    case 'object': {
      if (v === null) return 'N';
      if (Array.isArray(v)) {
        // `in` lists hold only values: their length shapes the SQL up to LONG_LIST items, past
        // which the planner passes the whole list as one parameter (see where.ts).
        if (mode === 'val' && (key === 'in' || key === 'notIn')) return v.length > LONG_LIST ? 'AL' : 'A' + v.length;
        let out = '[';
        for (let i = 0; i < v.length; i++) out += walk(v[i], key, mode) + ',';
        return out + ']';
      }
      const proto = Object.getPrototypeOf(v);
      if (proto !== Object.prototype && proto !== null) return v instanceof Date ? 'D' : 'O';
      let out = '{';
      for (const k of Object.keys(v)) {
        const child = (v as Record<string, unknown>)[k];
        if (child === undefined) continue;
        out += k.length + '#' + k + ':' + walk(child, k, childMode(mode, k)) + ',';
      }
      return out + '}';
    }
    default:
      return '?';
  }
}
