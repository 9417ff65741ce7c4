import type { Rng } from './prng.js';
import { UNICODE_TEXT } from './grammar-vocabulary.js';

/*
 * The declarations the schema generator (helpers/schema-grammar.ts) plans, and how they are
 * printed: random indentation, alignment, blank lines and comments, as people write them.
 */

export interface Field {
  name: string;
  type: string;
  modifier: '' | '?' | '[]';
  attributes: string[];
  doc: string[];
  trailing: string | null;
}

export interface Block {
  keyword: 'model' | 'view' | 'type';
  name: string;
  fields: Field[];
  blockAttributes: string[];
  doc: string[];
  /** The single-field id's type, which foreign keys pointing here copy. */
  idType: string | null;
}

export interface EnumDecl {
  name: string;
  values: { name: string; attributes: string[] }[];
  blockAttributes: string[];
  doc: string[];
}

/** Up to two `///` doc lines, with probability `p`. */
export function maybeDoc(r: Rng, p = 0.25): string[] {
  if (!r.chance(p)) return [];
  return Array.from({ length: r.between(1, 2) }, () => `/// ${r.pick(UNICODE_TEXT)}`);
}

export function printEnum(r: Rng, indent: string, e: EnumDecl): string {
  const lines = [...e.doc, `enum ${e.name} {`];
  for (const v of e.values) lines.push(`${indent}${[v.name, ...v.attributes].join(' ')}`);
  if (e.blockAttributes.length > 0 && r.chance(0.8)) lines.push('');
  for (const a of e.blockAttributes) lines.push(indent + a);
  lines.push('}');
  return lines.join('\n');
}

export function printBlock(r: Rng, indent: string, b: Block): string {
  const width = Math.max(0, ...b.fields.map((f) => f.name.length));
  const aligned = r.chance(0.6);
  const lines = [...b.doc, `${b.keyword} ${b.name} {`];
  for (const f of b.fields) {
    if (r.chance(0.05)) lines.push('');
    if (r.chance(0.04)) lines.push(`${indent}// ${r.pick(UNICODE_TEXT)}`);
    for (const d of f.doc) lines.push(indent + d);
    const name = aligned ? f.name.padEnd(width) : f.name;
    const parts = [name, f.type + f.modifier, ...f.attributes];
    let line = indent + parts.join(aligned ? ' ' : r.pick([' ', '  ', '\t']));
    if (f.trailing) line += ` ${f.trailing}`;
    lines.push(line);
  }
  if (b.blockAttributes.length > 0 && r.chance(0.8)) lines.push('');
  for (const a of b.blockAttributes) lines.push(indent + a);
  lines.push('}');
  return lines.join('\n');
}
