/**
 * The suffix of a temporary name: `_kiln_tmp`, else `_kiln_tmp2`, `_kiln_tmp3`, ... the first
 * that `isTaken` refuses. One rule for every object the planner moves aside.
 */
export function tempSuffix(isTaken: (suffix: string) => boolean): string {
  let suffix = '_kiln_tmp';
  for (let n = 2; isTaken(suffix); n++) suffix = `_kiln_tmp${n}`;
  return suffix;
}

/** A temporary name for `base` not in `used`, which it then joins. */
export function takeTempName(base: string, used: Set<string>): string {
  const name = base + tempSuffix((suffix) => used.has(base + suffix));
  used.add(name);
  return name;
}

/** One step of an ordered rename: `from` → `to`, for the rename `pair` (a temporary step has the pair it serves). */
export interface RenameStep<P> {
  from: string;
  to: string;
  pair: P;
}

/**
 * Renames within one namespace in an order the database accepts: a name is only taken once the
 * object holding it has moved away. A cycle (`a → b`, `b → a`, as when the columns A and B of a
 * join table swap) is broken by moving one object to a temporary name first. `taken` lists every
 * name in use, so that a temporary name is new.
 */
export function orderRenames<P extends { from: string; to: string }>(pairs: readonly P[], taken: Iterable<string>): RenameStep<P>[] {
  const used = new Set(taken);
  let pending = pairs.filter((p) => p.from !== p.to).map((pair) => ({ from: pair.from, to: pair.to, pair }));
  const out: RenameStep<P>[] = [];
  while (pending.length > 0) {
    const sources = new Set(pending.map((p) => p.from));
    const ready = pending.filter((p) => !sources.has(p.to));
    if (ready.length > 0) {
      out.push(...ready);
      pending = pending.filter((p) => !ready.includes(p));
      continue;
    }
    // Every target is still held by another pending source: a cycle.
    const first = pending[0]!;
    const temp = takeTempName(first.from, used);
    out.push({ from: first.from, to: temp, pair: first.pair });
    first.from = temp;
  }
  return out;
}
