import type { Change, RenameColumn, RenameConstraint, RenameEnum, RenameIndex, RenameTable, ValueRename } from '../changes/change.js';
import type { EnumType, QualifiedName } from '../changes/database-objects.js';
import type { TableDiff } from './diff-table.js';
import type { EnumPair, MovedAside, TablePair } from './match-schemas.js';
import { orderRenames } from './order-renames.js';

/**
 * The RENAME changes of tables, columns, indexes and constraints, each group ordered so that no
 * rename takes a name still in use (a swap goes through a temporary name).
 */
export function renameChanges(pairs: readonly TablePair[], diffs: readonly TableDiff[]): Change[] {
  const out: Change[] = [];

  // Tables: a move to another schema first, then renames within each schema.
  const tables = pairs.filter((p) => p.renamed).map((p) => ({ from: p.from.table.name, to: p.to.table.name }));
  const tableNames = pairs.flatMap((p) => [p.from.table.name, p.to.table.name]);
  for (const r of orderQualifiedRenames(tables, tableNames)) out.push({ kind: 'renameTable', ...r } satisfies RenameTable);

  // Columns, within each table (named as on the "to" side: the table rename ran first).
  for (const p of pairs) {
    const list = [...p.columns].map(([from, to]) => ({ from, to }));
    if (!list.some((r) => r.from !== r.to)) continue;
    const taken = [...p.from.table.columns.map((c) => c.name), ...p.to.table.columns.map((c) => c.name), ...p.columns.values()];
    const table = p.to.table.name;
    for (const r of orderRenames(list, taken)) out.push({ kind: 'renameColumn', table, from: r.from, to: r.to } satisfies RenameColumn);
  }

  // Indexes, and primary keys, whose index PostgreSQL renames with them: one namespace per
  // schema on PostgreSQL and SQLite, so ordered across tables (two tables that swap names swap
  // their keys' names too).
  type Step = { from: string; to: string; make(from: string, to: string): Change };
  const relations: Step[] = [
    ...diffs.flatMap((d) =>
      d.renameIndexes.map((c) => ({
        from: c.from.name,
        to: c.to.name,
        // A temporary step keeps the index's definition under the temporary name.
        make: (from: string, to: string) => ({ kind: 'renameIndex', table: c.table, from: { ...c.from, name: from }, to: { ...c.to, name: to } }) satisfies RenameIndex,
      })),
    ),
    ...diffs.flatMap((d) =>
      d.renameConstraints
        .filter((c) => c.constraint === 'primaryKey')
        .map((c) => ({
          from: c.from,
          to: c.to,
          make: (from: string, to: string) => ({ kind: 'renameConstraint', table: d.to.table.name, constraint: 'primaryKey', from, to }) satisfies RenameConstraint,
        })),
    ),
  ];
  if (relations.length > 0) {
    const taken = diffs.flatMap((d) => [
      ...[...d.from.indexes, ...d.to.indexes].map((i) => i.name),
      ...[d.from.table.primaryKey?.name, d.to.table.primaryKey?.name].filter((n): n is string => n !== undefined),
    ]);
    for (const step of orderRenames(relations, taken)) out.push(step.pair.make(step.from, step.to));
  }

  // Foreign keys and checks, within each table.
  for (const d of diffs) {
    const renames = d.renameConstraints.filter((c) => c.constraint !== 'primaryKey');
    if (renames.length === 0) continue;
    const taken = [
      ...d.from.table.checks.map((c) => c.name),
      ...d.to.table.checks.map((c) => c.name),
      ...d.from.foreignKeys.map((f) => f.name),
      ...d.to.foreignKeys.map((f) => f.name),
    ];
    for (const step of orderRenames(renames, taken)) {
      out.push({ kind: 'renameConstraint', table: d.to.table.name, constraint: step.pair.constraint, from: step.from, to: step.to } satisfies RenameConstraint);
    }
  }
  return out;
}

/** RENAME changes of enum types (PostgreSQL), ordered like the tables' (a swap goes through a temporary name). */
export function enumRenameChanges(pairs: readonly EnumPair[], aside: readonly MovedAside<EnumType>[]): RenameEnum[] {
  const renames = [...aside.map((a) => ({ from: a.from.name, to: a.to })), ...pairs.filter((p) => p.renamed).map((p) => ({ from: p.from.name, to: p.to.name }))];
  const names = [...pairs.flatMap((p) => [p.from.name, p.to.name]), ...aside.flatMap((a) => [a.from.name, a.to])];
  return orderQualifiedRenames(renames, names).map((r) => ({ kind: 'renameEnum', ...r }));
}

/**
 * Renames of one enum's stored values in an order the database accepts: `taken` lists every
 * value the type holds at some point, so that a temporary name is new.
 */
export function orderValueRenames(renames: readonly ValueRename[], taken: Iterable<string>): ValueRename[] {
  return orderRenames(renames, taken).map((step) => ({ from: step.from, to: step.to }));
}

/**
 * Renames of schema-qualified objects: moves to another schema first (as they are: a move and a
 * rename in one change), then the renames within each schema, ordered so that no rename takes a
 * name still in use. `names` are every name of the kind on either side.
 */
function orderQualifiedRenames(renames: readonly { from: QualifiedName; to: QualifiedName }[], names: readonly QualifiedName[]): { from: QualifiedName; to: QualifiedName }[] {
  const out: { from: QualifiedName; to: QualifiedName }[] = [];
  const bySchema = new Map<string | null, { from: string; to: string }[]>();
  for (const { from, to } of renames) {
    if (from.schema !== to.schema) {
      out.push({ from, to });
      continue;
    }
    const list = bySchema.get(from.schema) ?? [];
    list.push({ from: from.name, to: to.name });
    bySchema.set(from.schema, list);
  }
  for (const [schema, list] of bySchema) {
    const taken = names.filter((n) => n.schema === schema).map((n) => n.name);
    for (const r of orderRenames(list, taken)) out.push({ from: { schema, name: r.from }, to: { schema, name: r.to } });
  }
  return out;
}
