import type { SchemaSource } from '../../src/index.js';
import { mutate } from './mutate.js';
import { caseSeed, Rng } from './prng.js';
import { generateSchema } from './schema-grammar.js';

/*
 * The inputs of the fuzz test. Each case is rebuilt from the run's seed and its own index
 * alone, so a failing case can be rerun by index (FUZZ_CASE) without running the others.
 */

export type CaseKind = 'grammar' | 'example-mutation' | 'grammar-mutation';

export interface FuzzCase {
  index: number;
  kind: CaseKind;
  /** For grammar cases: whether the generator kept to the rules. */
  clean: boolean;
  sources: SchemaSource[];
}

/** Indexes are global: group `k` owns [k * GROUP_SIZE, (k + 1) * GROUP_SIZE). */
const GROUP_SIZE = 100_000;
const KINDS: readonly CaseKind[] = ['grammar', 'example-mutation', 'grammar-mutation'];

export class FuzzCases {
  constructor(
    readonly seed: number,
    /** Texts of the example schemas, for the example mutations. */
    private readonly examples: readonly SchemaSource[],
  ) {
    if (examples.length === 0) throw new Error('FuzzCases: no example schemas to mutate');
  }

  /** The indexes of the first `count` cases of a kind. */
  indexes(kind: CaseKind, count: number): number[] {
    const first = KINDS.indexOf(kind) * GROUP_SIZE;
    return Array.from({ length: Math.min(count, GROUP_SIZE) }, (_, i) => first + i);
  }

  kindOf(index: number): CaseKind | undefined {
    return Number.isInteger(index) && index >= 0 ? KINDS[Math.floor(index / GROUP_SIZE)] : undefined;
  }

  /** Rebuilds case `index`. */
  make(index: number): FuzzCase {
    const kind = this.kindOf(index);
    if (kind === undefined) throw new Error(`There is no fuzz case ${index}.`);
    const r = new Rng(caseSeed(this.seed, index));
    const name = `fuzz-${index}`;
    switch (kind) {
      case 'grammar': {
        const clean = r.chance(0.5);
        return { index, kind, clean, sources: maybeSplit(r, generateSchema(r, clean), name) };
      }
      case 'example-mutation': {
        const base = r.pick(this.examples);
        return { index, kind, clean: false, sources: maybeSplit(r, mutate(r, examplePiece(r, base.text), 5), name) };
      }
      case 'grammar-mutation': {
        const text = generateSchema(r, r.chance(0.5));
        return { index, kind, clean: false, sources: maybeSplit(r, mutate(r, text, 4), name) };
      }
    }
  }
}

/**
 * A piece of an example: usually a run of one to three blocks (with the comment lines above
 * them), often behind the example's datasource, sometimes the whole file. Whole examples are
 * large, and what a mutation breaks is mostly local, so pieces give more cases per second.
 */
function examplePiece(r: Rng, text: string): string {
  if (r.chance(0.1)) return text;
  const starts = [...text.matchAll(/^(?:model|enum|view|type|datasource|generator)\s/gm)].map((m) => {
    let at = m.index;
    for (;;) {
      if (at === 0) return at;
      const prev = text.lastIndexOf('\n', at - 2) + 1;
      if (!text.startsWith('//', prev)) return at;
      at = prev;
    }
  });
  if (starts.length < 2) return text;
  const first = r.int(starts.length);
  const piece = text.slice(starts[first], starts[first + r.between(1, 3)] ?? text.length);
  return first > 0 && r.chance(0.7) ? text.slice(starts[0], starts[1]) + piece : piece;
}

/** Sometimes splits a schema into two files at a line break, to exercise multi-file spans. */
function maybeSplit(r: Rng, text: string, name: string): SchemaSource[] {
  if (!r.chance(0.1)) return [{ path: `${name}.schema`, text }];
  const breaks = [...text.matchAll(/\n/g)].map((m) => m.index + 1);
  if (breaks.length === 0) return [{ path: `${name}.schema`, text }];
  const at = r.pick(breaks);
  return [
    { path: `${name}/a.schema`, text: text.slice(0, at) },
    { path: `${name}/b.schema`, text: text.slice(at) },
  ];
}
