import type { Row } from '../driver/driver.js';
import type { JsonSortKey } from '../dialects/runtime-dialect.js';
import type { Decoder } from '../values/codec.js';
import type { Path } from './param-source.js';
import { paginate } from './read-exec.js';

/**
 * How to read one related row, which travels as a JSON array of its values in this order:
 * the scalar fields, then `_count` (an array of the counts, when asked for), then one entry per
 * relation, then the sort keys (an array, when the rows are sorted in memory).
 */
export interface JsonRowShape {
  fields: JsonFieldShape[];
  /** Names of the counted relations; empty when `_count` was not asked for. */
  counts: string[];
  relations: JsonRelationShape[];
}

export interface JsonFieldShape {
  name: string;
  decode: Decoder | null;
}

export interface JsonRelationShape {
  name: string;
  list: boolean;
  row: JsonRowShape;
  /** The database returned the page in reverse order (a negative `take` inside the aggregate). */
  reverse: boolean;
  /** Ordering and paging done here, where the database's JSON aggregate cannot. */
  memory: MemoryPage | null;
}

export interface MemoryPage {
  /** Sort terms, in order; each reads its key from the row's trailing array. */
  order: MemorySortTerm[];
  skipPath: Path | null;
  takePath: Path | null;
}

export interface MemorySortTerm {
  compare: JsonSortKey['compare'];
  descending: boolean;
  nullsFirst: boolean;
}

/** The value of a relation as the database sent it: JSON text, or JSON the driver parsed. */
export function decodeRelation(r: JsonRelationShape, value: unknown, args: unknown): unknown {
  const v = typeof value === 'string' ? parseJson(value) : value;
  if (!r.list) return v === null || v === undefined ? null : decodeRow(r.row, v as unknown[], args);
  let rows = (v ?? []) as unknown[][];
  if (r.memory) rows = sortAndPage(rows, r.memory, r.row, args);
  const out = new Array<Row>(rows.length);
  const n = rows.length;
  for (let i = 0; i < n; i++) out[r.reverse ? n - 1 - i : i] = decodeRow(r.row, rows[i]!, args);
  return out;
}

/** One related row: a JSON array in the shape's order, as an object in the order 'query' gives. */
export function decodeRow(shape: JsonRowShape, values: unknown[], args: unknown): Row {
  const out: Row = {};
  const fields = shape.fields;
  let at = 0;
  for (; at < fields.length; at++) {
    const f = fields[at]!;
    const v = values[at];
    out[f.name] = v === null || v === undefined ? null : f.decode ? f.decode(v) : v;
  }
  if (shape.counts.length) {
    const counts = (values[at++] ?? []) as unknown[];
    const c: Record<string, number> = {};
    for (let i = 0; i < shape.counts.length; i++) c[shape.counts[i]!] = Number(counts[i] ?? 0);
    out._count = c;
  }
  for (const r of shape.relations) out[r.name] = decodeRelation(r, values[at++], args);
  return out;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (cause) {
    // A JSON aggregate cut short (MariaDB's group_concat_max_len, raised per statement by Kiln).
    throw new Error(`Kiln: a relation loaded with relationLoadStrategy 'join' came back as JSON that does not parse (${text.length} characters); load it with relationLoadStrategy 'query'`, { cause });
  }
}

/** Sorts rows by the keys in their last entry, then applies `skip` / `take` as 'query' does. */
function sortAndPage(rows: unknown[][], page: MemoryPage, shape: JsonRowShape, args: unknown): unknown[][] {
  const keyAt = shape.fields.length + (shape.counts.length ? 1 : 0) + shape.relations.length;
  const order = page.order;
  let sorted = rows;
  if (order.length) {
    sorted = [...rows].sort((a, b) => {
      const ka = a[keyAt] as unknown[];
      const kb = b[keyAt] as unknown[];
      for (let i = 0; i < order.length; i++) {
        const c = compareKeys(order[i]!, ka[i], kb[i]);
        if (c !== 0) return c;
      }
      return 0;
    });
  }
  return page.skipPath || page.takePath ? paginate(sorted, args, page.skipPath, page.takePath) : sorted;
}

function compareKeys(t: MemorySortTerm, a: unknown, b: unknown): number {
  const aNull = a === null || a === undefined;
  const bNull = b === null || b === undefined;
  if (aNull || bNull) {
    if (aNull && bNull) return 0;
    // Where NULLs go does not flip with the direction: it is said for the written direction.
    return aNull === t.nullsFirst ? -1 : 1;
  }
  let c: number;
  switch (t.compare) {
    case 'number':
      c = (a as number) < (b as number) ? -1 : (a as number) > (b as number) ? 1 : 0;
      break;
    case 'decimal':
      c = compareDecimal(String(a), String(b));
      break;
    case 'text':
      c = (a as string) < (b as string) ? -1 : (a as string) > (b as string) ? 1 : 0;
      break;
  }
  return t.descending ? -c : c;
}

/** Two exact decimal texts (`-12.50`, `20240102030405.678`) compared by value. */
export function compareDecimal(a: string, b: string): number {
  const na = a.startsWith('-');
  const nb = b.startsWith('-');
  const [ia, fa] = splitDecimal(na ? a.slice(1) : a);
  const [ib, fb] = splitDecimal(nb ? b.slice(1) : b);
  const zeroA = ia === '' && fa === '';
  const zeroB = ib === '' && fb === '';
  if (zeroA && zeroB) return 0;
  const signA = zeroA ? 0 : na ? -1 : 1;
  const signB = zeroB ? 0 : nb ? -1 : 1;
  if (signA !== signB) return signA < signB ? -1 : 1;
  let c = ia.length !== ib.length ? (ia.length < ib.length ? -1 : 1) : ia < ib ? -1 : ia > ib ? 1 : 0;
  if (c === 0) {
    const width = Math.max(fa.length, fb.length);
    const pa = fa.padEnd(width, '0');
    const pb = fb.padEnd(width, '0');
    c = pa < pb ? -1 : pa > pb ? 1 : 0;
  }
  return signA < 0 ? -c : c;
}

/** Integer digits without leading zeros, fraction digits without trailing zeros. */
function splitDecimal(s: string): [string, string] {
  const dot = s.indexOf('.');
  let int = dot < 0 ? s : s.slice(0, dot);
  let frac = dot < 0 ? '' : s.slice(dot + 1);
  let i = 0;
  while (i < int.length && int.charCodeAt(i) === 48) i++;
  int = int.slice(i);
  let j = frac.length;
  while (j > 0 && frac.charCodeAt(j - 1) === 48) j--;
  frac = frac.slice(0, j);
  return [int, frac];
}
