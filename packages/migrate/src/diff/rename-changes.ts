import type { Change, RenameColumn, RenameConstraint, RenameIndex, RenameTable } from '../changes/change.js';
import type { TableDiff } from './diff-table.js';
import type { TablePair } from './match-schemas.js';
import { orderRenames } from './order-renames.js';

/**
 * The RENAME changes of tables, columns, indexes and constraints, each group ordered so that no
 * rename takes a name still in use (a swap goes through a temporary name).
 */
export function renameChanges(pairs: readonly TablePair[], diffs: readonly TableDiff[]): Change[] {
  const out: Change[] = [];

  // Tables: a move to another schema first, then renames within each schema.
  const bySchema = new Map<string | null, { from: string; to: string }[]>();
  for (const p of pairs) {
    if (!p.renamed) continue;
    const from = p.from.table.name;
    const to = p.to.table.name;
    if (from.schema !== to.schema) {
      out.push({ kind: 'renameTable', from, to });
      continue;
    }
    const list = bySchema.get(from.schema) ?? [];
    list.push({ from: from.name, to: to.name });
    bySchema.set(from.schema, list);
  }
  for (const [schema, list] of bySchema) {
    const taken = pairs.flatMap((p) => [p.from.table.name, p.to.table.name]).filter((n) => n.schema === schema).map((n) => n.name);
    for (const r of orderRenames(list, taken)) out.push({ kind: 'renameTable', from: { schema, name: r.from }, to: { schema, name: r.to } } satisfies RenameTable);
  }

  // Columns, within each table (named as on the "to" side: the table rename ran first).
  for (const p of pairs) {
    const list = [...p.columns].map(([from, to]) => ({ from, to }));
    if (!list.some((r) => r.from !== r.to)) continue;
    const taken = [...p.from.table.columns.map((c) => c.name), ...p.to.table.columns.map((c) => c.name)];
    const table = p.to.table.name;
    for (const r of orderRenames(list, taken)) out.push({ kind: 'renameColumn', table, from: r.from, to: r.to } satisfies RenameColumn);
  }

  // Indexes: one namespace per schema on PostgreSQL and SQLite, so ordered across tables.
  const indexRenames = diffs.flatMap((d) => d.renameIndexes.map((c) => ({ from: c.from.name, to: c.to.name, change: c })));
  if (indexRenames.length > 0) {
    const taken = diffs.flatMap((d) => [...d.from.indexes, ...d.to.indexes].map((i) => i.name));
    for (const step of orderRenames(indexRenames, taken)) {
      const c = step.pair.change;
      // A temporary step keeps the index's definition under the temporary name.
      out.push({ kind: 'renameIndex', table: c.table, from: { ...c.from, name: step.from }, to: { ...c.to, name: step.to } } satisfies RenameIndex);
    }
  }

  // Constraints, within each table.
  for (const d of diffs) {
    if (d.renameConstraints.length === 0) continue;
    const taken = [
      ...d.from.table.checks.map((c) => c.name),
      ...d.to.table.checks.map((c) => c.name),
      ...d.from.foreignKeys.map((f) => f.name),
      ...d.to.foreignKeys.map((f) => f.name),
      ...[d.from.table.primaryKey?.name, d.to.table.primaryKey?.name].filter((n): n is string => n !== undefined),
    ];
    for (const step of orderRenames(d.renameConstraints, taken)) {
      out.push({ kind: 'renameConstraint', table: d.to.table.name, constraint: step.pair.constraint, from: step.from, to: step.to } satisfies RenameConstraint);
    }
  }
  return out;
}

