/**
 * The structural key of a call's arguments: the same key means the same SQL, so the compiled
 * plan can be reused with new values. Values are replaced by their kind; what changes the SQL
 * (which keys are present, nulls, booleans, list lengths, the words in `orderBy`, `select`,
 * `mode`...) stays in. `undefined` is "not given", as in Prisma.
 *
 * Under `select`, `include`, `omit`, `orderBy`, `distinct` and `by` every string is structure
 * (field names, sort directions); under `where`, `data`, `cursor`, `having`, `take` and `skip`
 * strings are values again.
 */
const STRUCTURE_KEYS = new Set(['select', 'include', 'omit', 'orderBy', 'distinct', 'by']);
const VALUE_KEYS = new Set(['where', 'data', 'cursor', 'having', 'take', 'skip', 'create', 'update']);
const WORD_KEYS = new Set(['mode', 'sort', 'nulls']);

/** Longer `in` lists are bound as one list parameter, so any length shares one plan. */
export const LONG_LIST = 100;

export function shapeKey(value: unknown): string {
  return walk(value, '', false);
}

function walk(v: unknown, key: string, structural: boolean): string {
  switch (typeof v) {
    case 'string':
      return structural || WORD_KEYS.has(key) ? JSON.stringify(v) : 's';
    case 'number':
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
        // `in` lists hold only values: their length shapes the SQL, up to the point where the
        // planner passes the whole list as one parameter (see LONG_LIST in where.ts).
        if ((key === 'in' || key === 'notIn') && !structural) return v.length > LONG_LIST ? 'AL' : 'A' + v.length;
        let out = '[';
        for (let i = 0; i < v.length; i++) out += walk(v[i], key, structural) + ',';
        return out + ']';
      }
      const proto = Object.getPrototypeOf(v);
      if (proto !== Object.prototype && proto !== null) return v instanceof Date ? 'D' : 'O';
      let out = '{';
      for (const k in v as Record<string, unknown>) {
        const child = (v as Record<string, unknown>)[k];
        if (child === undefined) continue;
        const nextStructural = STRUCTURE_KEYS.has(k) ? true : VALUE_KEYS.has(k) ? false : structural;
        out += k + ':' + walk(child, k, nextStructural) + ',';
      }
      return out + '}';
    }
    default:
      return '?';
  }
}
