import type { ValueRename } from '../changes/change.js';
import type { Column, DatabaseSchema, EnumType, QualifiedName, SchemaTable } from '../changes/database-objects.js';
import { qualifiedNameKey as nameKey } from '../changes/qualified-name-key.js';
import { matchByName } from './match-by-name.js';
import { tempSuffix } from './order-renames.js';
import type { ObjectComparer } from './object-comparer.js';
import type { RenameCandidate, RenameDecision } from './rename-decisions.js';
import {
  columnLooksRenamed,
  enumLooksRenamed,
  enumValueLooksRenamed,
  hintSwapNotApplied,
  renameNotApplied,
  tableLooksRenamed,
  type RenameWarning,
} from './rename-warnings.js';

/** A map key for a qualified name (re-exported under the name the diff uses). */
export { nameKey };

export interface EnumPair {
  from: EnumType;
  to: EnumType;
  renamed: boolean;
  /** Stored values renamed (old → new), added and removed, by the value matching. */
  renamedValues: ValueRename[];
  added: string[];
  removed: string[];
}

export interface TablePair {
  /** As on the "from" side. */
  from: SchemaTable;
  to: SchemaTable;
  renamed: boolean;
  /**
   * Old column name → new, for every column that stays (renamed or not), and for a dropped
   * column whose name a renamed one takes: → a temporary name, which it is dropped under.
   */
  columns: Map<string, string>;
}

/** A dropped object whose name a renamed one takes: it moves aside to a temporary name first, and is dropped under it. */
export interface MovedAside<T> {
  from: T;
  to: QualifiedName;
}

export interface SchemaMatching {
  enums: EnumPair[];
  droppedEnums: EnumType[];
  createdEnums: EnumType[];
  tables: TablePair[];
  droppedTables: SchemaTable[];
  createdTables: SchemaTable[];
  /**
   * Dropped tables whose names renamed ones take (`a` → `b` while another `b` goes): dropped
   * before the renames, since their indexes hold names the renamed table's take too. `to` is a
   * name no table has, which foreign keys that referenced them are seen to reference after the
   * renames (they no longer reference the table of that name).
   */
  droppedFirst: MovedAside<SchemaTable>[];
  /** Dropped enum types whose names renamed ones take: moved aside before the renames, dropped at the end. */
  asideEnums: MovedAside<EnumType>[];
  decisions: RenameDecision[];
}

export interface MatchOptions {
  renames: readonly RenameDecision[];
  resolveRename?: (candidate: RenameCandidate) => boolean;
  /** Whether enum types exist in the database (a renamed one is worth a warning). */
  namedEnums: boolean;
  /**
   * Whether both sides come from schemas, so that model, field and enum names identify objects
   * (an introspected side names them after the database's objects).
   */
  schemaNames: boolean;
  /**
   * Whether the "from" side comes from a schema, whose rename hints tell a hint that already
   * ran (it was there before) from a new one. A database keeps no hints.
   */
  fromHints: boolean;
}

/**
 * Pairs the enums, tables and columns of the two sides: by the decisions passed in, by rename
 * hints (before names, so a hint wins over a newcomer that took the old name), by schema
 * object and by name, and for implicit m:n join tables by the tables they join. Drop/add pairs that
 * look like renames are resolved by `resolveRename`, or reported as warnings. Returns the
 * decisions made, for `invertRenames`.
 */
export function matchSchemas(
  from: DatabaseSchema,
  to: DatabaseSchema,
  comparer: ObjectComparer,
  options: MatchOptions,
  warnings: RenameWarning[],
): SchemaMatching {
  const decisions: RenameDecision[] = [];
  const given = <K extends RenameDecision['kind']>(kind: K) => options.renames.filter((d): d is Extract<RenameDecision, { kind: K }> => d.kind === kind);
  const missed = (d: RenameDecision) => (): void => void warnings.push(renameNotApplied(d));
  const resolve = options.resolveRename;
  const names = (list: readonly string[]) => list.map((n) => JSON.stringify(n)).join(' and ');

  // ------------------------------------------------------------------ enums
  const enumMatch = matchByName(from.enums, to.enums, {
    fromKey: (e) => nameKey(e.name),
    toKey: (e) => nameKey(e.name),
    decisions: given('enum').map((d) => ({ from: nameKey(d.from), to: nameKey(d.to), missed: missed(d) })),
    identity: options.schemaNames ? { from: enumIdentity, to: enumIdentity } : undefined,
    hint: (e) => e.renamedFrom ?? null,
    hintKeys: (e) => (e.origin.kind === 'enum' ? [e.origin.enum, e.name.name] : [e.name.name]),
    fromHint: options.fromHints ? (e) => e.renamedFrom ?? null : undefined,
    warnSwap: (pairs) => warnings.push(hintSwapNotApplied(`enums ${names(pairs.map((p) => p.to.name.name))}`)),
    lookAlike: options.namedEnums ? { from: (e) => JSON.stringify(e.values), to: (e) => JSON.stringify(e.values) } : undefined,
    resolve: resolve === undefined ? undefined : (f, t) => resolve({ kind: 'enum', from: f, to: t }),
    warn: (f, t) => warnings.push(enumLooksRenamed(f, t)),
  });
  const enums = enumMatch.pairs.map(({ from: f, to: t, renamed }): EnumPair => {
    if (renamed) decisions.push({ kind: 'enum', from: f.name, to: t.name });
    const valueDecisions = given('enumValue').filter((d) => nameKey(d.enum) === nameKey(t.name));
    const indexOf = (e: EnumType) => new Map(e.values.map((v, i) => [v, i]));
    const fromIndex = indexOf(f);
    const toIndex = indexOf(t);
    const member = (e: EnumType, index: Map<string, number>, v: string) => e.members?.[index.get(v) ?? -1]?.name ?? v;
    const values = matchByName(f.values, t.values, {
      fromKey: (v) => v,
      toKey: (v) => v,
      decisions: valueDecisions.map((d) => ({ from: d.from, to: d.to, missed: missed(d) })),
      hint: (v) => t.members?.[toIndex.get(v) ?? -1]?.renamedFrom ?? null,
      hintKeys: (v) => {
        const m = f.members?.[fromIndex.get(v) ?? -1]?.name;
        return m === undefined || m === v ? [v] : [m, v];
      },
      fromHint: options.fromHints ? (v) => f.members?.[fromIndex.get(v) ?? -1]?.renamedFrom ?? null : undefined,
      warnSwap: (pairs) => warnings.push(hintSwapNotApplied(`values ${names(pairs.map((p) => p.to))} of enum ${JSON.stringify(t.name.name)}`)),
      lookAlike: { from: () => '', to: () => '' },
      resolve: resolve === undefined ? undefined : (fv, tv) => resolve({ kind: 'enumValue', enum: t.name, from: fv, to: tv }),
      warn: (fv, tv) => warnings.push(enumValueLooksRenamed(t, fv, member(f, fromIndex, fv), tv, member(t, toIndex, tv))),
    });
    const renamedValues = values.pairs.filter((p) => p.renamed).map((p) => ({ from: p.from, to: p.to }));
    for (const r of renamedValues) decisions.push({ kind: 'enumValue', enum: t.name, from: r.from, to: r.to });
    return { from: f, to: t, renamed, renamedValues, added: values.added, removed: values.dropped };
  });

  // ------------------------------------------------------------------ tables
  const tableSignature = (t: SchemaTable): string | null =>
    t.table.origin.kind === 'joinTable'
      ? null
      : JSON.stringify(t.table.columns.map((c) => `${c.name}\0${comparer.typeKey(c)}`).sort());
  const tableMatch = matchByName(from.tables, to.tables, {
    fromKey: (t) => nameKey(t.table.name),
    toKey: (t) => nameKey(t.table.name),
    decisions: given('table').map((d) => ({ from: nameKey(d.from), to: nameKey(d.to), missed: missed(d) })),
    identity: options.schemaNames ? { from: tableIdentity, to: tableIdentity } : undefined,
    hint: (t) => t.table.renamedFrom ?? null,
    hintKeys: (t) => (t.table.origin.kind === 'model' ? [t.table.origin.model, t.table.name.name] : [t.table.name.name]),
    fromHint: options.fromHints ? (t) => t.table.renamedFrom ?? null : undefined,
    warnSwap: (pairs) => warnings.push(hintSwapNotApplied(`tables ${names(pairs.map((p) => p.to.table.name.name))}`)),
    lookAlike: { from: tableSignature, to: tableSignature },
    resolve: resolve === undefined ? undefined : (f, t) => resolve({ kind: 'table', from: f, to: t }),
    warn: (f, t) => warnings.push(tableLooksRenamed(f, t)),
  });
  const tablePairs = tableMatch.pairs.map((p) => ({ ...p, swapJoinColumns: false }));
  const renamedTo = new Map<string, QualifiedName>();
  for (const p of tablePairs) renamedTo.set(nameKey(p.from.table.name), p.to.table.name);
  const joins = pairJoinTables(tableMatch.dropped, tableMatch.added, renamedTo);
  tablePairs.push(...joins.pairs.map((p) => ({ from: p.from, to: p.to, renamed: true, swapJoinColumns: p.swap })));
  const droppedTables = tableMatch.dropped.filter((t) => !joins.pairs.some((p) => p.from === t));
  const createdTables = tableMatch.added.filter((t) => !joins.pairs.some((p) => p.to === t));

  // ------------------------------------------------------------------ columns
  const tables = tablePairs.map(({ from: f, to: t, renamed, swapJoinColumns }): TablePair => {
    if (renamed) decisions.push({ kind: 'table', from: f.table.name, to: t.table.name });
    const columnDecisions = given('column')
      .filter((d) => nameKey(d.table) === nameKey(t.table.name))
      .map((d) => ({ from: d.from, to: d.to, missed: missed(d) }));
    if (swapJoinColumns) {
      const [a, b] = f.table.columns;
      if (a !== undefined && b !== undefined) columnDecisions.push({ from: a.name, to: b.name, missed: () => undefined }, { from: b.name, to: a.name, missed: () => undefined });
    }
    const match = matchByName<Column, Column>(f.table.columns, t.table.columns, {
      fromKey: (c) => c.name,
      toKey: (c) => c.name,
      decisions: columnDecisions,
      identity: options.schemaNames ? { from: (c) => c.field ?? null, to: (c) => c.field ?? null } : undefined,
      hint: (c) => c.renamedFrom ?? null,
      hintKeys: (c) => (c.field === undefined || c.field === c.name ? [c.name] : [c.field, c.name]),
      fromHint: options.fromHints ? (c) => c.renamedFrom ?? null : undefined,
      warnSwap: (pairs) => warnings.push(hintSwapNotApplied(`columns ${names(pairs.map((p) => p.to.name))} of table ${JSON.stringify(t.table.name.name)}`)),
      lookAlike: { from: (c) => comparer.typeKey(c), to: (c) => comparer.typeKey(c) },
      resolve: resolve === undefined ? undefined : (fc, tc) => resolve({ kind: 'column', table: t.table.name, from: fc, to: tc }),
      warn: (fc, tc, others) => warnings.push(columnLooksRenamed(t, fc, tc, others)),
    });
    const columns = new Map<string, string>();
    for (const p of match.pairs) {
      columns.set(p.from.name, p.to.name);
      if (p.from.name !== p.to.name) decisions.push({ kind: 'column', table: t.table.name, from: p.from.name, to: p.to.name });
    }
    const used = new Set([...f.table.columns, ...t.table.columns].map((c) => c.name));
    for (const { from: c, to } of moveAside(match.dropped, match.pairs, (c) => c.name, (c, suffix) => ({ key: c.name + suffix, name: c.name + suffix }), used)) {
      columns.set(c.name, to);
    }
    return { from: f, to: t, renamed, columns };
  });

  const qualifiedAside = <T>(dropped: readonly T[], pairs: readonly { from: T; to: T }[], created: readonly T[], name: (x: T) => QualifiedName): MovedAside<T>[] => {
    const key = (x: T) => nameKey(name(x));
    const used = new Set([...dropped, ...created, ...pairs.flatMap((p) => [p.from, p.to])].map(key));
    return moveAside(dropped, pairs, key, (x, suffix) => {
      const temp = { schema: name(x).schema, name: name(x).name + suffix };
      return { key: nameKey(temp), name: temp };
    }, used);
  };

  return {
    enums,
    droppedEnums: enumMatch.dropped,
    createdEnums: enumMatch.added,
    tables,
    droppedTables,
    createdTables,
    droppedFirst: qualifiedAside(droppedTables, tablePairs, createdTables, (t) => t.table.name),
    asideEnums: qualifiedAside(enumMatch.dropped, enumMatch.pairs, enumMatch.added, (e) => e.name),
    decisions,
  };
}

/**
 * The dropped objects whose names a renamed object takes, each with a temporary name
 * (`<name>_kiln_tmp`) whose key is not in `used` (which it joins). They move aside in the
 * renames (or, tables, are dropped before them), so the rename finds its name free. A down
 * migration needs this: the reverse of "rename `name` to `fullName` and add a new `name`"
 * renames `fullName` back to `name` while the newer `name` goes.
 */
function moveAside<T, N>(
  dropped: readonly T[],
  pairs: readonly { from: T; to: T }[],
  key: (x: T) => string,
  temp: (x: T, suffix: string) => { key: string; name: N },
  used: Set<string>,
): { from: T; to: N }[] {
  const targets = new Set(pairs.filter((p) => key(p.from) !== key(p.to)).map((p) => key(p.to)));
  const out: { from: T; to: N }[] = [];
  for (const f of dropped) {
    if (!targets.has(key(f))) continue;
    const candidate = temp(f, tempSuffix((suffix) => used.has(temp(f, suffix).key)));
    used.add(candidate.key);
    out.push({ from: f, to: candidate.name });
  }
  return out;
}

/** A table's model (or join table's relation), when the side comes from a schema. */
function tableIdentity(t: SchemaTable): string | null {
  const o = t.table.origin;
  return o.kind === 'model' ? `model\0${o.model}` : o.kind === 'joinTable' ? `join\0${o.relation}` : null;
}

function enumIdentity(e: EnumType): string | null {
  return e.origin.kind === 'enum' ? e.origin.enum : null;
}

/**
 * Implicit m:n join tables have no hints: their name follows the relation's, which follows the
 * models' names. A dropped and a created join table that join the same two tables (after the
 * renames of the migration) are one table renamed; when the models' alphabetical order flipped,
 * columns A and B swap too.
 */
function pairJoinTables(
  dropped: readonly SchemaTable[],
  created: readonly SchemaTable[],
  renamedTo: ReadonlyMap<string, QualifiedName>,
): { pairs: { from: SchemaTable; to: SchemaTable; swap: boolean }[] } {
  const isJoin = (t: SchemaTable) => t.table.origin.kind === 'joinTable' && t.table.columns.length === 2 && t.foreignKeys.length === 2;
  const joined = (t: SchemaTable, map: boolean): [string, string] | null => {
    const [a, b] = t.table.columns;
    const ref = (column: string) => {
      const fk = t.foreignKeys.find((f) => f.columns.length === 1 && f.columns[0] === column);
      if (fk === undefined) return null;
      return nameKey(map ? (renamedTo.get(nameKey(fk.referencedTable)) ?? fk.referencedTable) : fk.referencedTable);
    };
    const ra = ref(a!.name);
    const rb = ref(b!.name);
    return ra === null || rb === null ? null : [ra, rb];
  };
  const pairs: { from: SchemaTable; to: SchemaTable; swap: boolean }[] = [];
  const taken = new Set<SchemaTable>();
  for (const t of created) {
    if (!isJoin(t)) continue;
    const target = joined(t, false);
    if (target === null) continue;
    for (const f of dropped) {
      if (taken.has(f) || !isJoin(f)) continue;
      const source = joined(f, true);
      if (source === null) continue;
      if (source[0] === target[0] && source[1] === target[1]) {
        pairs.push({ from: f, to: t, swap: false });
      } else if (source[0] === target[1] && source[1] === target[0]) {
        pairs.push({ from: f, to: t, swap: true });
      } else continue;
      taken.add(f);
      break;
    }
  }
  return { pairs };
}
