import type { Rng } from './prng.js';

/*
 * The vocabulary of the schema generator (helpers/schema-grammar.ts): names, types, values
 * and random attribute arguments, and small text utilities.
 */

export const SCALARS = ['String', 'Boolean', 'Int', 'BigInt', 'Float', 'Decimal', 'DateTime', 'Json', 'Bytes'] as const;
export type Scalar = (typeof SCALARS)[number];

export const MODEL_WORDS = ['User', 'Post', 'Order', 'Item', 'Account', 'Team', 'Tag', 'Event', 'Invoice', 'Node', 'Model', 'Type', 'Enum'];
export const ENUM_WORDS = ['Status', 'Kind', 'Role', 'Level', 'Color', 'Plan'];
export const FIELD_WORDS = [
  'title', 'name', 'email', 'count', 'createdAt', 'amount', 'price', 'status', 'kind', 'data', 'payload', 'flag',
  'score', 'code', 'label', 'slug', 'note', 'body', 'total', 'ratio', 'model', 'type', 'enum', 'view', 'id_2', 'x-y',
];
/** Plain field names: no keywords, no dashes. */
export const CLEAN_FIELD_WORDS = FIELD_WORDS.filter((w) => /^[a-z][A-Za-z0-9_]*$/.test(w) && !['model', 'type', 'enum', 'view'].includes(w));
/** Types every provider can put in an index or key. */
export const INDEXABLE = new Set(['String', 'Boolean', 'Int', 'BigInt', 'Float', 'DateTime']);
/** Types clean mode puts in a compound primary key. */
export const KEYABLE = new Set(['String', 'Int', 'BigInt', 'DateTime']);
/** List defaults in clean mode: literals only, no function calls. */
export const LIST_ITEMS: Partial<Record<Scalar, readonly string[]>> = {
  String: ['"a"', str('ü 🚀'), '""'],
  Int: ['0', '1', '-7'],
  Boolean: ['true', 'false'],
  Float: ['1.5', '0'],
};
export const VALUE_WORDS = ['ACTIVE', 'INACTIVE', 'PENDING', 'done', 'Red', 'GREEN', 'blue_ish', 'A1', 'value'];
export const UNICODE_TEXT = [
  'naïve café', 'Ünïcödé', '日本語の名前', 'Ελληνικά', 'emoji 🚀🔥', 'zero\u200bwidth', 'rtl \u202emark', 'e\u0301',
  'ß', 'Здравствуйте', '한국어', 'tab\there', '"quoted"', 'back\\slash', '', ' ', '\u00a0nbsp', '𝔘𝔫𝔦',
];
export const PROVIDERS = ['sqlite', 'postgresql', 'mysql'];
export const ACTIONS = ['Cascade', 'Restrict', 'NoAction', 'SetNull', 'SetDefault', 'Explode'];
export const NATIVE_TYPES = [
  'VarChar(255)', 'VarChar(20)', 'Text', 'Uuid', 'Timestamptz(3)', 'Timestamp(6)', 'Decimal(10, 2)', 'SmallInt', 'TinyInt',
  'Char(2)', 'Date', 'JsonB', 'DoublePrecision', 'UnsignedInt', 'LongText', 'Real', 'Integer', 'Blob', 'VarChar', 'Bit(1)',
];
export const ATTRIBUTE_NAMES = ['id', 'unique', 'default', 'map', 'relation', 'updatedAt', 'ignore', 'renamedFrom', 'db.Text', 'nope', 'index'];
export const BLOCK_ATTRIBUTE_NAMES = ['id', 'unique', 'index', 'map', 'check', 'renamedFrom', 'ignore', 'sql', 'schema', 'fulltext', 'nope'];

/** A schema string literal: quotes and backslashes escaped, newlines as `\n`. */
export function str(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}

export function lcFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

/** `base`, or `base2`, `base3`... if taken; records the result in `used`. */
export function uniqueName(base: string, used: Set<string>): string {
  let name = base;
  for (let n = 2; used.has(name); n++) name = `${base}${n}`;
  used.add(name);
  return name;
}

export function shuffle<T>(r: Rng, items: T[]): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = r.int(i + 1);
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
}

export function randomAttribute(r: Rng): string {
  return `@${r.pick(ATTRIBUTE_NAMES)}${r.chance(0.7) ? randomArgs(r, 2) : ''}`;
}

export function randomBlockAttribute(r: Rng): string {
  return `@@${r.pick(BLOCK_ATTRIBUTE_NAMES)}${r.chance(0.8) ? randomArgs(r, 2) : ''}`;
}

/** `(...)` with up to three random positional or named arguments, nested to `depth`. */
export function randomArgs(r: Rng, depth: number): string {
  const args = Array.from({ length: r.int(4) }, () => {
    const value = randomExpression(r, depth);
    return r.chance(0.3) ? `${r.pick(['name', 'map', 'fields', 'references', 'sort', 'where', 'x'])}: ${value}` : value;
  });
  return `(${args.join(', ')})`;
}

function randomExpression(r: Rng, depth: number): string {
  const leaf = () =>
    r.weighted([
      [3, () => str(r.pick(UNICODE_TEXT))],
      [2, () => r.pick(['0', '-1', '3.5', '1e-9', '007', '99999999999999999999'])],
      [2, () => r.pick(['true', 'false', 'Cascade', 'Desc', 'a.b.c', 'id', 'null'])],
    ] as const)();
  if (depth <= 0) return leaf();
  return r.weighted([
    [5, leaf],
    [2, () => `[${Array.from({ length: r.int(4) }, () => randomExpression(r, depth - 1)).join(', ')}]`],
    [2, () => `${r.pick(['now', 'env', 'raw', 'cuid', 'dbgenerated', 'f'])}${randomArgs(r, depth - 1)}`],
  ] as const)();
}
