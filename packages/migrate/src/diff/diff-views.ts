import type { CreateView, DropView, ReplaceView } from '../changes/change.js';
import type { View } from '../changes/database-objects.js';
import { nameKey } from './match-schemas.js';
import type { ObjectComparer } from './object-comparer.js';

const TOKEN = /'(?:[^']|'')*'|"((?:[^"]|"")*)"|`((?:[^`]|``)*)`|\[([^\]]*)\]|([A-Za-z_\u0080-\uffff][\w$\u0080-\uffff]*)|(\S)/g;
/** Words that end a FROM list (a table reference is never one of them). */
const CLAUSE = new Set(['where', 'group', 'order', 'having', 'limit', 'union', 'except', 'intersect', 'window', 'on', 'using', 'join', 'inner', 'left', 'right', 'full', 'cross', 'natural', 'outer', 'lateral', 'select', 'offset', 'fetch', 'for', 'returning']);

/**
 * The tables and views a view's SQL reads, lower case: the names after FROM and JOIN (and after
 * the commas of a FROM list), schema-qualified or not, quoted or not. A name in a string
 * literal or a select list is not one; a subquery's FROM is.
 */
export function tablesReadBy(sql: string): Set<string> {
  type Token = { word: string | null; name: string | null; punct: string | null };
  const tokens: Token[] = [];
  for (const m of sql.matchAll(TOKEN)) {
    const quoted = m[1]?.replaceAll('""', '"') ?? m[2]?.replaceAll('``', '`') ?? m[3];
    if (quoted !== undefined) tokens.push({ word: null, name: quoted, punct: null });
    else if (m[4] !== undefined) tokens.push({ word: m[4].toLowerCase(), name: m[4], punct: null });
    else if (m[5] !== undefined) tokens.push({ word: null, name: null, punct: m[5] });
    // string literals are skipped
  }
  const out = new Set<string>();
  const isName = (t: Token | undefined) => t !== undefined && t.name !== null && (t.word === null || !CLAUSE.has(t.word));
  for (let i = 0; i < tokens.length; i++) {
    const w = tokens[i]!.word;
    if (w !== 'from' && w !== 'join') continue;
    let j = i + 1;
    for (;;) {
      if (!isName(tokens[j])) break;
      // schema.table: the last part names the object.
      let last = tokens[j]!.name!;
      while (tokens[j + 1]?.punct === '.' && isName(tokens[j + 2])) {
        last = tokens[j + 2]!.name!;
        j += 2;
      }
      out.add(last.toLowerCase());
      j++;
      // An alias, with or without AS.
      if (tokens[j]?.word === 'as') j++;
      if (isName(tokens[j]) && tokens[j + 1]?.punct !== '.') j++;
      if (w === 'from' && tokens[j]?.punct === ',') {
        j++;
        continue;
      }
      break;
    }
  }
  return out;
}

export interface ViewChanges {
  /** Dropped before the tables change, views that read others after them. */
  drops: DropView[];
  /** Created after everything else, views before the views that read them. */
  creates: (CreateView | ReplaceView)[];
}

/**
 * Views are matched by name. A view is dropped before the migration's table changes and created
 * after them when it goes away, when its body changes while it reads a changing table, or when
 * it reads (by name, in its SQL) a table that changes in a way a database may refuse while a view
 * depends on it: renamed, rebuilt, dropped, a column renamed, retyped or dropped (PostgreSQL
 * refuses to retype or drop a column a view uses; SQLite refuses to drop such a column and
 * checks every view when a table is renamed). Views that read such a view follow it. A changed
 * view that reads nothing changing is replaced in place at the end.
 */
export function diffViews(from: readonly View[], to: readonly View[], changingTables: ReadonlySet<string>, comparer: ObjectComparer): ViewChanges {
  const toByKey = new Map(to.map((v) => [nameKey(v.name), v]));
  const fromByKey = new Map(from.map((v) => [nameKey(v.name), v]));
  const fromReads = new Map(from.map((v) => [v, tablesReadBy(v.sql)]));
  const lower = (v: View) => v.name.name.toLowerCase();

  const changed = new Set<View>();
  for (const v of from) {
    const next = toByKey.get(nameKey(v.name));
    if (next === undefined || comparer.viewChanged(v, next)) changed.add(v);
  }
  // Views that must be dropped before the tables change: views that go away, and views that
  // read a changing table, a view dropped first, or a view replaced at the end.
  const early = new Set<View>([...changed].filter((v) => !toByKey.has(nameKey(v.name))));
  const changedNames = new Set([...changed].map(lower));
  for (let grew = true; grew; ) {
    grew = false;
    const gone = new Set([...early].map(lower));
    for (const v of from) {
      if (early.has(v)) continue;
      const self = lower(v);
      const reads = [...fromReads.get(v)!].filter((n) => n !== self);
      if (reads.some((n) => changingTables.has(n) || gone.has(n) || changedNames.has(n))) {
        early.add(v);
        grew = true;
      }
    }
  }

  const drops = orderByReads([...early], (v) => fromReads.get(v)!, true).map((view): DropView => ({ kind: 'dropView', view }));
  const creates: (CreateView | ReplaceView)[] = [];
  const toCreate = to.filter((v) => {
    const old = fromByKey.get(nameKey(v.name));
    return old === undefined || early.has(old) || changed.has(old);
  });
  for (const view of orderByReads(toCreate, (v) => tablesReadBy(v.sql), false)) {
    const old = fromByKey.get(nameKey(view.name));
    if (old !== undefined && !early.has(old)) creates.push({ kind: 'replaceView', from: old, to: view });
    else creates.push({ kind: 'createView', view });
  }
  return { drops, creates };
}

/** Views ordered so that a view comes after the views it reads (`readersFirst`: before them). */
function orderByReads(views: View[], reads: (v: View) => Set<string>, readersFirst: boolean): View[] {
  const byName = new Map(views.map((v) => [v.name.name.toLowerCase(), v]));
  const out: View[] = [];
  const state = new Map<View, 'visiting' | 'done'>();
  const visit = (v: View) => {
    if (state.get(v) !== undefined) return; // a cycle is not a valid set of views; keep the order
    state.set(v, 'visiting');
    for (const n of reads(v)) {
      const dep = byName.get(n);
      if (dep !== undefined && dep !== v) visit(dep);
    }
    state.set(v, 'done');
    out.push(v);
  };
  for (const v of views) visit(v);
  return readersFirst ? out.reverse() : out;
}
