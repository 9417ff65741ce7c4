import type { Column } from '../changes/database-objects.js';
import type { TableDiff } from './diff-table.js';
import { nameKey } from './match-schemas.js';

/** Quoted identifiers, string literals (skipped) and bare words of an SQL expression. */
const TOKEN = /'(?:[^']|'')*'|"((?:[^"]|"")*)"|([A-Za-z_\u0080-\uffff][\w$\u0080-\uffff]*)/g;

/** The identifiers an expression names, lower case (a bare word is folded; quoted ones compare loosely too). */
function identifiers(sql: string): Set<string> {
  const out = new Set<string>();
  for (const m of sql.matchAll(TOKEN)) {
    const name = m[1]?.replaceAll('""', '"') ?? m[2];
    if (name !== undefined) out.add(name.toLowerCase());
  }
  return out;
}

/**
 * Checks and partial indexes that compare a column of a recreated enum type (PostgreSQL, a type
 * that loses values) with a literal are dropped before the type is recreated and added again
 * after, as views that read such a column are.
 *
 * The recreation converts each column with `SET DATA TYPE "E_new"`, and PostgreSQL then
 * re-parses the column's CHECK constraints and partial index predicates from their stored text,
 * where a literal is of the old type: `operator does not exist: "E_new" = "E"`, and the
 * migration could never run. What names the column or the type is treated so; a false
 * positive only costs a check validated again or an index rebuilt. A check or index renamed in
 * the same migration is dropped under its old name and added under its new one instead.
 *
 * `recreated` holds the recreated types (`nameKey`, as on the "to" side); `oldTypeNames` their
 * names before the migration, which an expression read from a database may use in a cast.
 */
export function recreateEnumDependents(diffs: Iterable<TableDiff>, recreated: ReadonlySet<string>, oldTypeNames: readonly string[]): void {
  if (recreated.size === 0) return;
  const isRecreated = (c: Column | undefined) => c !== undefined && c.type.kind === 'enum' && recreated.has(nameKey(c.type.enum));
  for (const d of diffs) {
    const before = new Map(d.from.table.columns.map((c) => [c.name, c]));
    const converted = d.to.table.columns.filter((c) => isRecreated(c) && isRecreated(before.get(c.name)));
    if (converted.length === 0) continue;
    const words = new Set([...converted.map((c) => c.name), ...oldTypeNames].map((n) => n.toLowerCase()));
    for (const c of converted) if (c.type.kind === 'enum') words.add(c.type.enum.name.toLowerCase());
    const mentions = (...sql: (string | null)[]) => sql.some((s) => s !== null && [...identifiers(s)].some((w) => words.has(w)));

    const droppedChecks = new Set(d.dropChecks.map((c) => c.check.name));
    const addedChecks = new Set(d.addChecks.map((c) => c.check.name));
    for (const check of d.to.table.checks) {
      if (addedChecks.has(check.name)) continue;
      const rename = d.renameConstraints.find((r) => r.constraint === 'check' && r.to === check.name);
      const old = d.from.table.checks.find((c) => c.name === (rename?.from ?? check.name));
      if (old === undefined || droppedChecks.has(old.name) || !mentions(old.expression, check.expression)) continue;
      d.dropChecks.push({ kind: 'dropCheck', table: d.oldName, check: old });
      d.addChecks.push({ kind: 'addCheck', table: d.to.table.name, check });
      if (rename !== undefined) d.renameConstraints.splice(d.renameConstraints.indexOf(rename), 1);
    }

    const droppedIndexes = new Set(d.dropIndexes.map((c) => c.index.name));
    const createdIndexes = new Set(d.createIndexes.map((c) => c.index.name));
    for (const index of d.to.indexes) {
      if (createdIndexes.has(index.name)) continue;
      const rename = d.renameIndexes.find((r) => r.to.name === index.name);
      const old = rename?.from ?? d.from.indexes.find((i) => i.name === index.name);
      if (old === undefined || droppedIndexes.has(old.name) || !mentions(old.where, index.where)) continue;
      d.dropIndexes.push({ kind: 'dropIndex', table: d.oldName, index: old });
      d.createIndexes.push({ kind: 'createIndex', table: d.to.table.name, index });
      if (rename !== undefined) d.renameIndexes.splice(d.renameIndexes.indexOf(rename), 1);
    }
  }
}
