/** How to pair the objects of one kind (tables, columns, enums, enum values) of the two sides. */
export interface MatchSpec<F, T> {
  fromKey(f: F): string;
  toKey(t: T): string;
  /** Renames decided already (`options.renames`), by key. `missed` is called for one that pairs nothing. */
  decisions: readonly { from: string; to: string; missed(): void }[];
  /**
   * What the schema calls the object (a model, a field, an enum), or null when it is not known
   * (a database read by introspection). The same schema name under another database name is the
   * same object: its @@map, @map or @@schema changed.
   */
  identity?: { from(f: F): string | null; to(t: T): string | null };
  /** The rename hint of a "to" object (`@renamedFrom`), or null. */
  hint?(t: T): string | null;
  /** What a hint may name on the "from" side, best first (a model name, then a table name). */
  hintKeys?(f: F): readonly string[];
  /** A key that a renamed object keeps (the column's type, the table's columns): equal keys look like a rename. */
  lookAlike?: { from(f: F): string | null; to(t: T): string | null };
  /** Decides a look-alike pair without a hint; true renames. */
  resolve?(f: F, t: T): boolean;
  /** A look-alike pair stays a drop and an add: say which hint would make it a rename. `others`: other candidates. */
  warn?(f: F, t: T, others: number): void;
}

export interface MatchResult<F, T> {
  /** In the order of the "to" side. `renamed`: paired by a decision, a hint or the resolver rather than by key. */
  pairs: { from: F; to: T; renamed: boolean }[];
  /** In the order of the "from" side. */
  dropped: F[];
  added: T[];
}

/**
 * Pairs two lists: first the decisions, then the same schema object (by model, field or enum
 * name, which may now have another database name), then equal keys, then rename hints, then
 * look-alikes (resolved, or warned about). A hint only applies to objects that have no partner by key, so a
 * hint left in the schema after its migration ran is ignored. Linear in the sizes of the lists.
 */
export function matchByName<F, T>(from: readonly F[], to: readonly T[], spec: MatchSpec<F, T>): MatchResult<F, T> {
  const pairOf = new Map<T, { from: F; renamed: boolean }>();
  const usedFrom = new Set<F>();
  const fromByKey = new Map<string, F>();
  for (const f of from) if (!fromByKey.has(spec.fromKey(f))) fromByKey.set(spec.fromKey(f), f);
  const toByKey = new Map<string, T>();
  for (const t of to) if (!toByKey.has(spec.toKey(t))) toByKey.set(spec.toKey(t), t);
  const pair = (f: F, t: T, renamed: boolean) => {
    pairOf.set(t, { from: f, renamed });
    usedFrom.add(f);
  };

  for (const d of spec.decisions) {
    const f = fromByKey.get(d.from);
    const t = toByKey.get(d.to);
    if (f === undefined || t === undefined || usedFrom.has(f) || pairOf.has(t)) d.missed();
    else pair(f, t, d.from !== d.to);
  }

  if (spec.identity !== undefined && pairOf.size < to.length) {
    const byIdentity = new Map<string, F>();
    for (const f of from) {
      const id = usedFrom.has(f) ? null : spec.identity.from(f);
      if (id !== null && !byIdentity.has(id)) byIdentity.set(id, f);
    }
    for (const t of to) {
      if (pairOf.has(t)) continue;
      const id = spec.identity.to(t);
      const f = id === null ? undefined : byIdentity.get(id);
      if (f !== undefined && !usedFrom.has(f)) pair(f, t, spec.fromKey(f) !== spec.toKey(t));
    }
  }

  for (const t of to) {
    if (pairOf.has(t)) continue;
    const f = fromByKey.get(spec.toKey(t));
    if (f !== undefined && !usedFrom.has(f)) pair(f, t, false);
  }

  if (spec.hint !== undefined && spec.hintKeys !== undefined) {
    let byHint: Map<string, { f: F; rank: number }[]> | null = null;
    for (const t of to) {
      if (pairOf.has(t)) continue;
      const hint = spec.hint(t);
      if (hint === null || hint === '') continue;
      if (byHint === null) {
        byHint = new Map();
        for (const f of from) {
          if (usedFrom.has(f)) continue;
          for (const [rank, key] of spec.hintKeys(f).entries()) {
            const list = byHint.get(key) ?? [];
            list.push({ f, rank });
            byHint.set(key, list);
          }
        }
      }
      const best = (byHint.get(hint) ?? []).filter((c) => !usedFrom.has(c.f)).sort((a, b) => a.rank - b.rank)[0];
      if (best !== undefined) pair(best.f, t, true);
    }
  }

  if (spec.lookAlike !== undefined) {
    const unmatchedTo = to.filter((t) => !pairOf.has(t));
    if (unmatchedTo.length > 0 && from.length > usedFrom.size) {
      const bySignature = new Map<string, F[]>();
      for (const f of from) {
        if (usedFrom.has(f)) continue;
        const sig = spec.lookAlike.from(f);
        if (sig === null) continue;
        const list = bySignature.get(sig);
        if (list === undefined) bySignature.set(sig, [f]);
        else list.push(f);
      }
      for (const t of unmatchedTo) {
        const sig = spec.lookAlike.to(t);
        if (sig === null) continue;
        const candidates = (bySignature.get(sig) ?? []).filter((f) => !usedFrom.has(f));
        if (candidates.length === 0) continue;
        if (spec.resolve !== undefined) {
          const chosen = candidates.find((f) => spec.resolve!(f, t));
          if (chosen !== undefined) pair(chosen, t, true);
        } else {
          spec.warn?.(candidates[0]!, t, candidates.length - 1);
        }
      }
    }
  }

  const pairs: MatchResult<F, T>['pairs'] = [];
  const added: T[] = [];
  for (const t of to) {
    const p = pairOf.get(t);
    if (p === undefined) added.push(t);
    else pairs.push({ from: p.from, to: t, renamed: p.renamed });
  }
  return { pairs, dropped: from.filter((f) => !usedFrom.has(f)), added };
}
