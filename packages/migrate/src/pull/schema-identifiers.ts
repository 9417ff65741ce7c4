/*
 * Names for the blocks and fields `kiln db pull` writes. Database names may hold anything
 * (spaces, quotes, unicode); schema identifiers are `[A-Za-z][A-Za-z0-9_]*`, so a name that is
 * not one becomes the nearest identifier and the database name goes into @map / @@map.
 */

/** The pieces of a name, with accents taken off letters (`żółć` → `zolc`) and other characters as separators. */
function pieces(name: string): string[] {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ł/g, 'l')
    .replace(/Ł/g, 'L')
    .split(/[^A-Za-z0-9]+/)
    .filter((p) => p !== '');
}

const upperFirst = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
/** A piece as a word: `ORDER` → `Order`, `userId` → `UserId`. */
const word = (s: string) => (/^[A-Z0-9]+$/.test(s) ? upperFirst(s.toLowerCase()) : upperFirst(s));

/** A model, view or enum name: `line_items` → `LineItems`; PascalCase names are kept as they are. */
export function typeName(name: string, fallback: string): string {
  if (/^[A-Z][A-Za-z0-9]*$/.test(name)) return name;
  const out = pieces(name).map(word).join('');
  return startWithLetter(out, fallback);
}

/** A field name: `created_at` → `createdAt`, `ID` → `id`; camelCase names are kept as they are. */
export function fieldName(name: string, fallback: string): string {
  if (/^[a-z][A-Za-z0-9]*$/.test(name)) return name;
  const p = pieces(name);
  if (p.length === 0) return fallback;
  const first = /^[A-Z0-9]+$/.test(p[0]!) ? p[0]!.toLowerCase() : lowerFirst(p[0]!);
  return startWithLetter(first + p.slice(1).map(word).join(''), fallback, true);
}

/** An enum member: the value itself when it is an identifier, else the nearest one (`so sad` → `so_sad`). */
export function memberName(value: string, fallback: string): string {
  if (/^[A-Za-z][A-Za-z0-9_]*$/.test(value)) return value;
  return startWithLetter(pieces(value).join('_'), fallback);
}

function startWithLetter(name: string, fallback: string, lower = false): string {
  if (name === '') return fallback;
  if (/^[A-Za-z]/.test(name)) return name;
  return `${lower ? fallback.toLowerCase() : fallback}${name}`;
}

/** `post` → `posts`, `category` → `categories`, `address` → `addresses`, `items` → `items`: English plurals for list fields. */
export function plural(word: string): string {
  // Table names are often plural already: `LineItems` stays `lineItems`.
  if (/[^suiy]s$/i.test(word)) return word;
  if (/[^aeiou]y$/i.test(word)) return `${word.slice(0, -1)}ies`;
  if (/(s|x|z|ch|sh)$/i.test(word)) return `${word}es`;
  return `${word}s`;
}

export { lowerFirst, upperFirst };

/** Names handed out in one namespace, each once: a taken name gets a number (`User2`). */
export class NameRegistry {
  private readonly taken = new Set<string>();

  constructor(reserved: Iterable<string> = []) {
    for (const r of reserved) this.taken.add(r);
  }

  has(name: string): boolean {
    return this.taken.has(name);
  }

  /** `base`, or `base2`, `base3`, ... if it is taken; the name returned is taken from now on. */
  claim(base: string): string {
    let name = base;
    for (let n = 2; this.taken.has(name); n++) name = `${base}${n}`;
    this.taken.add(name);
    return name;
  }
}
