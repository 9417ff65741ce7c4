import type { Rng } from './prng.js';

/*
 * Mutations of schema text for the fuzz test: the kinds of damage a half-typed or badly merged
 * file has. Positions are UTF-16 indexes, so a cut may split a surrogate pair; that is
 * deliberate (the lexer and the spans must cope with lone surrogates too).
 */

/** Tokens inserted at random: punctuation, keywords, and characters lexers often trip on. */
export const MUTATION_TOKENS: readonly string[] = [
  '{', '}', '(', ')', '[', ']', '@', '@@', '"', ',', ':', '=', '?', '.', '\\',
  'model', 'enum', 'view', 'type', 'datasource', 'generator', 'model X {', 'enum E {', '}\n',
  '@id', '@unique', '@default(', '@relation(', '@@index([', '@@unique([', 'fields: [', 'references: [id]',
  'Int', 'String?', 'DateTime[]', '[]', 'Unsupported(', 'env(', 'now()', '-', '1e999', '0x1F',
  '\n', '\n\n', '\r\n', '\r', '\t', '\0', '\u00a0', '\ufeff', '\u2028', '\ud800', '\udc00',
  '🚀', '👩‍👩‍👧', 'é', '日本', '//', '///', '/* */', '"unterminated', '"\\"', '"\\u00e9"',
];

export type MutationKind = 'delete' | 'duplicate' | 'swap' | 'insert' | 'truncate' | 'replace' | 'repeat';

const KINDS: readonly (readonly [number, MutationKind])[] = [
  [4, 'delete'],
  [3, 'duplicate'],
  [2, 'swap'],
  [6, 'insert'],
  [1, 'truncate'],
  [3, 'replace'],
  [1, 'repeat'],
];

/** A random range `[start, end)` of `text`, mostly short. */
function range(r: Rng, text: string): [number, number] {
  const start = r.int(text.length + 1);
  const max = r.chance(0.8) ? 12 : Math.max(1, Math.floor(text.length / 3));
  return [start, Math.min(text.length, start + r.between(1, max))];
}

/** One mutation of `text`. */
export function mutateOnce(r: Rng, text: string): string {
  const kind = r.weighted(KINDS);
  switch (kind) {
    case 'delete': {
      const [a, b] = range(r, text);
      return text.slice(0, a) + text.slice(b);
    }
    case 'duplicate': {
      const [a, b] = range(r, text);
      const at = r.int(text.length + 1);
      return text.slice(0, at) + text.slice(a, b) + text.slice(at);
    }
    case 'swap': {
      const [a, b] = range(r, text);
      const [c, d] = range(r, text);
      if (b <= c) return text.slice(0, a) + text.slice(c, d) + text.slice(b, c) + text.slice(a, b) + text.slice(d);
      if (d <= a) return text.slice(0, c) + text.slice(a, b) + text.slice(d, a) + text.slice(c, d) + text.slice(b);
      return text.slice(0, a) + text.slice(b);
    }
    case 'insert': {
      const at = r.int(text.length + 1);
      return text.slice(0, at) + r.pick(MUTATION_TOKENS) + text.slice(at);
    }
    case 'truncate':
      return text.slice(0, r.int(text.length + 1));
    case 'replace': {
      const at = r.int(Math.max(1, text.length));
      const ch = r.chance(0.5) ? String.fromCharCode(r.between(0, 127)) : r.pick(MUTATION_TOKENS);
      return text.slice(0, at) + ch + text.slice(at + 1);
    }
    case 'repeat': {
      // Many of one token in a row: deep nesting, long runs of newlines or quotes.
      const at = r.int(text.length + 1);
      return text.slice(0, at) + r.pick(MUTATION_TOKENS).repeat(r.between(2, 60)) + text.slice(at);
    }
  }
}

/** Between 1 and `max` mutations of `text`. */
export function mutate(r: Rng, text: string, max = 5): string {
  let out = text;
  for (let n = r.between(1, max); n > 0; n--) out = mutateOnce(r, out);
  return out;
}
