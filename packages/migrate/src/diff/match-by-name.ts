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
  /**
   * The hint a "from" object carried, when that side comes from a schema (the previous
   * migration's): a hint already there was applied by that migration, so the same hint on the
   * "to" side is stale. Absent when the "from" side was read from a database, which keeps no
   * hints; then a cycle of hints (a swap) cannot be told from one that already ran.
   */
  fromHint?(f: F): string | null;
  /** Hints that swap names, not followed because the "from" side keeps no hints (`fromHint` absent). */
  warnSwap?(pairs: readonly { from: F; to: T }[]): void;
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
 * Pairs two lists: first the decisions, then the rename hints that name an existing object,
 * then the same schema object (by model, field or enum name, which may now have another
 * database name), then equal keys, then look-alikes (resolved, or warned about). Linear in the
 * sizes of the lists (hints aside, which are few).
 *
 * A hint runs before the pairing by name, so that it wins over a newcomer that took the old
 * name (`Article @@renamedFrom("Post")` beside a new `Post`), but only for an object that has
 * no partner of its own (by schema name or by database name): an object that still pairs with
 * itself is one whose rename already ran, and its hint is stale. Its own partner may be taken
 * by another hint (`b @renamedFrom("a")`, `c @renamedFrom("b")`); a cycle of such hints is a
 * swap, followed only where the "from" side tells a new hint from an old one (`fromHint`).
 */
export function matchByName<F, T>(from: readonly F[], to: readonly T[], spec: MatchSpec<F, T>): MatchResult<F, T> {
  const pairOf = new Map<T, { from: F; renamed: boolean }>();
  const usedFrom = new Set<F>();
  const fromByKey = new Map<string, F>();
  for (const f of from) if (!fromByKey.has(spec.fromKey(f))) fromByKey.set(spec.fromKey(f), f);
  const pair = (f: F, t: T, renamed: boolean) => {
    pairOf.set(t, { from: f, renamed });
    usedFrom.add(f);
  };
  const toByKey = new Map<string, T>();
  for (const t of to) if (!toByKey.has(spec.toKey(t))) toByKey.set(spec.toKey(t), t);

  for (const d of spec.decisions) {
    const f = fromByKey.get(d.from);
    const t = toByKey.get(d.to);
    if (f === undefined || t === undefined || usedFrom.has(f) || pairOf.has(t)) d.missed();
    else pair(f, t, d.from !== d.to);
  }

  if (spec.hint !== undefined && spec.hintKeys !== undefined && pairOf.size < to.length) {
    const own = ownPartners(from, to, spec, usedFrom, pairOf, fromByKey);
    for (const [t, f] of hintClaims(from, to, spec, usedFrom, pairOf, own)) pair(f, t, spec.fromKey(f) !== spec.toKey(t));
  }

  for (const [t, f] of ownPartners(from, to, spec, usedFrom, pairOf, fromByKey)) pair(f, t, spec.fromKey(f) !== spec.toKey(t));

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

/**
 * Each unpaired "to" object's own partner among the unused "from" objects: the same schema
 * object (`identity`) first, then the same key. In the order of the "to" side.
 */
function ownPartners<F, T>(
  from: readonly F[],
  to: readonly T[],
  spec: MatchSpec<F, T>,
  usedFrom: ReadonlySet<F>,
  pairOf: ReadonlyMap<T, unknown>,
  fromByKey: ReadonlyMap<string, F>,
): Map<T, F> {
  const own = new Map<T, F>();
  const taken = new Set<F>();
  if (spec.identity !== undefined) {
    const byIdentity = new Map<string, F>();
    for (const f of from) {
      const id = usedFrom.has(f) ? null : spec.identity.from(f);
      if (id !== null && !byIdentity.has(id)) byIdentity.set(id, f);
    }
    for (const t of to) {
      if (pairOf.has(t)) continue;
      const id = spec.identity.to(t);
      const f = id === null ? undefined : byIdentity.get(id);
      if (f !== undefined && !taken.has(f)) {
        own.set(t, f);
        taken.add(f);
      }
    }
  }
  for (const t of to) {
    if (pairOf.has(t) || own.has(t)) continue;
    const f = fromByKey.get(spec.toKey(t));
    if (f !== undefined && !usedFrom.has(f) && !taken.has(f)) {
      own.set(t, f);
      taken.add(f);
    }
  }
  return own;
}

/**
 * The pairs that rename hints make, given each object's own partner (`own`). A hint is stale,
 * and ignored, when it names nothing on the "from" side, names the object's own partner, or was
 * already on the "from" side (`fromHint`: that migration applied it). An object without a
 * partner of its own claims what its hint names, even if a newcomer would pair with it by name;
 * an object whose own partner another hint claimed is free to follow its own hint in turn (a
 * chain of renames). What remains are objects that pair with themselves; where their hints form
 * a cycle (`a @renamedFrom("b")`, `b @renamedFrom("a")`), the cycle is a swap.
 */
function hintClaims<F, T>(
  from: readonly F[],
  to: readonly T[],
  spec: MatchSpec<F, T>,
  usedFrom: ReadonlySet<F>,
  pairOf: ReadonlyMap<T, unknown>,
  own: ReadonlyMap<T, F>,
): Map<T, F> {
  const claims = new Map<T, F>();
  const applied = new Set<string>();
  if (spec.fromHint !== undefined) {
    for (const f of from) {
      const h = spec.fromHint(f);
      if (h !== null && h !== '') applied.add(h);
    }
  }
  let byHint: Map<string, F> | null = null;
  const target = new Map<T, F>();
  for (const t of to) {
    if (pairOf.has(t)) continue;
    const hint = spec.hint!(t);
    if (hint === null || hint === '' || applied.has(hint)) continue;
    if (byHint === null) {
      // The best candidate per key: a schema name (rank 0) before a database name.
      const ranked = new Map<string, { f: F; rank: number }>();
      for (const f of from) {
        if (usedFrom.has(f)) continue;
        for (const [rank, key] of spec.hintKeys!(f).entries()) {
          const best = ranked.get(key);
          if (best === undefined || rank < best.rank) ranked.set(key, { f, rank });
        }
      }
      byHint = new Map([...ranked].map(([k, v]) => [k, v.f]));
    }
    const f = byHint.get(hint);
    if (f !== undefined && f !== own.get(t)) target.set(t, f);
  }
  if (target.size === 0) return claims;

  const ownerOf = new Map<F, T>();
  for (const [t, f] of own) ownerOf.set(f, t);
  const claimed = new Set<F>();
  const claim = (t: T, f: F) => {
    claims.set(t, f);
    claimed.add(f);
  };
  const queue = [...target.keys()];
  while (queue.length > 0) {
    const t = queue.shift()!;
    const f = target.get(t)!;
    if (claims.has(t) || claimed.has(f)) continue;
    const mine = own.get(t);
    if (mine !== undefined && !claimed.has(mine)) continue;
    claim(t, f);
    // The object that would have paired with `f` by name is now free to follow its own hint.
    const displaced = ownerOf.get(f);
    if (displaced !== undefined && target.has(displaced) && !claims.has(displaced)) queue.push(displaced);
  }

  // Swaps: every member pairs with itself, and its hint names the next member's partner.
  const seen = new Set<T>();
  for (const start of target.keys()) {
    if (claims.has(start) || seen.has(start)) continue;
    const cycle: T[] = [];
    let t: T | undefined = start;
    while (t !== undefined && !cycle.includes(t)) {
      const f = target.get(t);
      if (f === undefined || claims.has(t) || claimed.has(f) || seen.has(t)) break;
      cycle.push(t);
      t = ownerOf.get(f);
    }
    if (t !== start) continue;
    for (const member of cycle) seen.add(member);
    if (spec.fromHint === undefined) spec.warnSwap?.(cycle.map((member) => ({ from: target.get(member)!, to: member })));
    else for (const member of cycle) claim(member, target.get(member)!);
  }
  return claims;
}
