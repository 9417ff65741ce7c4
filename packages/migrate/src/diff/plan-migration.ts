import type { Provider } from '@kiln/schema';
import type { AlterEnum, Change, ValueRename } from '../changes/change.js';
import type { Column, DatabaseSchema, ForeignKey, QualifiedName, SchemaTable } from '../changes/database-objects.js';
import { tableCreation } from '../changes/plan-from-empty.js';
import { ddlRendererFor } from '../dialects/ddl-renderer-for.js';
import { applyRenames, type RenameMaps } from './apply-renames.js';
import { assemblePlan, type PlanParts } from './assemble-plan.js';
import { dropImplicitIndexes, recreateDependentForeignKeys, withoutImplicitIndexes } from './dependent-foreign-keys.js';
import { diffTable, type TableDiff } from './diff-table.js';
import { diffViews } from './diff-views.js';
import { enumChanges } from './enum-changes.js';
import { recreateEnumDependents } from './recreated-enum-dependents.js';
import { matchSchemas, nameKey } from './match-schemas.js';
import { ObjectComparer } from './object-comparer.js';
import type { RenameCandidate, RenameDecision } from './rename-decisions.js';
import { renameChanges } from './rename-changes.js';
import type { RenameWarning } from './rename-warnings.js';
import { needsRebuild, rebuildTable } from './table-rebuilds.js';

export type { RenameWarning } from './rename-warnings.js';

export interface MigrationPlan {
  /** In an order the database accepts (docs/migrate.md, "Order of the changes"). */
  changes: Change[];
  /** Drop/add pairs that look like renames, and rename decisions that could not be applied. */
  warnings: RenameWarning[];
  /** Every rename the plan makes; `invertRenames(renames)` gives the decisions of the reverse plan. */
  renames: RenameDecision[];
}

export interface PlanMigrationOptions {
  provider: Provider;
  /**
   * Renames decided already, applied before name matching and hints (e.g.
   * `invertRenames(up.renames)` for the down migration). One that matches nothing is a K8005
   * warning.
   */
  renames?: readonly RenameDecision[];
  /**
   * Decides a drop/add pair that looks like a rename and has no hint (drizzle-kit's resolver):
   * true renames, false keeps the drop and the add, without a warning. Without it, the plan
   * drops and adds and warns (K8001–K8004). It is never asked about pairs a hint or a decision
   * settles. Kiln's CLI never prompts (CI has no terminal); a caller may.
   */
  resolveRename?: (candidate: RenameCandidate) => boolean;
}

function checkSchema(schema: unknown, side: string): asserts schema is DatabaseSchema {
  const s = schema as Partial<DatabaseSchema> | null;
  if (typeof s !== 'object' || s === null || !Array.isArray(s.tables) || !Array.isArray(s.enums) || !Array.isArray(s.views)) {
    throw new TypeError(
      `planMigration: "${side}" is not a DatabaseSchema (an object with namespaces, enums, tables and views). ` +
        'Build one from an IR with databaseSchemaFromIr(ir), or read a database with inspectDatabase().',
    );
  }
}

/**
 * The changes that take a database holding `from` to one holding `to`, for `options.provider`
 * (docs/migrate.md, "Planning a migration"). Renames come from `options.renames`, then from the
 * `@renamedFrom` / `@@renamedFrom` hints of `to`, then from `options.resolveRename`; a
 * look-alike drop/add pair without any of them is planned as a drop and an add, with a warning
 * naming the hint to add. The planner never prompts and never touches a database.
 */
export function planMigration(from: DatabaseSchema, to: DatabaseSchema, options: PlanMigrationOptions): MigrationPlan {
  checkSchema(from, 'from');
  checkSchema(to, 'to');
  const renderer = ddlRendererFor(options.provider);
  const caps = renderer.capabilities;
  const comparer = new ObjectComparer(renderer, from.source === 'database' || to.source === 'database');
  const warnings: RenameWarning[] = [];
  const m = matchSchemas(
    from,
    to,
    comparer,
    {
      renames: options.renames ?? [],
      resolveRename: options.resolveRename,
      namedEnums: caps.namedEnums,
      schemaNames: from.source !== 'database' && to.source !== 'database',
      fromHints: from.source !== 'database',
    },
    warnings,
  );

  // ------------------------------------------------------------------ the renames
  const valueRenames = new Map(m.enums.map((p) => [nameKey(p.to.name), p.renamedValues]));
  const maps: RenameMaps = {
    tables: new Map([...m.tables.map((p) => [p.from.table.name, p.to.table.name] as const), ...m.droppedFirst.map((a) => [a.from.table.name, a.to] as const)].map(([f, t]) => [nameKey(f), t])),
    columns: new Map(m.tables.map((p) => [nameKey(p.from.table.name), p.columns])),
    enums: new Map([...m.enums.map((p) => [p.from.name, p.to.name] as const), ...m.asideEnums.map((a) => [a.from.name, a.to] as const)].map(([f, t]) => [nameKey(f), t])),
    inPlaceValues: caps.namedEnums ? valueRenames : new Map(),
  };
  // Where enum values live in the column type, a renamed value rewrites the rows of each column.
  const valueRenamesOf = (c: Column): ValueRename[] =>
    caps.namedEnums || c.type.kind !== 'enum' ? [] : [...(valueRenames.get(nameKey(c.type.enum)) ?? [])];

  // ------------------------------------------------------------------ tables on both sides
  const diffs = new Map<string, TableDiff>();
  for (const p of m.tables) {
    const before = withoutImplicitIndexes(applyRenames(p.from, maps), p.to, caps);
    diffs.set(nameKey(p.to.table.name), diffTable(p.from.table.name, before, p.to, comparer, caps, valueRenamesOf));
  }
  recreateDependentForeignKeys(diffs, comparer, caps);
  dropImplicitIndexes(diffs, caps);

  const parts: PlanParts = emptyParts();
  if (caps.namespaces) {
    const existing = new Set(from.namespaces ?? []);
    for (const name of to.namespaces ?? []) if (!existing.has(name)) parts.createSchemas.push({ kind: 'createSchema', name });
  }

  // ------------------------------------------------------------------ enums (named types)
  let recreated = new Set<string>();
  if (caps.namedEnums) {
    const e = enumChanges(m);
    parts.addEnumValues.push(...e.addValues);
    parts.renames.push(...e.renames);
    parts.createEnums.push(...e.createEnums);
    parts.recreateEnums.push(...e.recreateEnums);
    parts.dropEnums.push(...e.dropEnums);
    recreated = e.recreated;
    const oldNames = m.enums.filter((p) => recreated.has(nameKey(p.to.name))).map((p) => p.from.name.name);
    recreateEnumDependents(diffs.values(), recreated, oldNames);
  }
  const usesRecreated = (c: Column) => c.type.kind === 'enum' && recreated.has(nameKey(c.type.enum));

  // ------------------------------------------------------------------ SQLite rebuilds
  const rebuilt = new Set<TableDiff>();
  if (caps.limitedAlterTable) {
    const referencing = referencesByTable([...to.tables, ...[...diffs.values()].map((d) => d.from)]);
    for (const d of diffs.values()) {
      if (!needsRebuild(d)) continue;
      rebuilt.add(d);
      parts.alterTables.push(rebuildTable(d, referencing.get(nameKey(d.to.table.name)) ?? [], valueRenamesOf));
    }
  }

  // ------------------------------------------------------------------ changes inside tables
  for (const d of diffs.values()) {
    if (rebuilt.has(d)) continue;
    parts.dropForeignKeys.push(...d.dropForeignKeys);
    parts.dropIndexes.push(...d.dropIndexes);
    // Before the renames: MySQL refuses to rename or drop a column a check uses.
    parts.dropChecks.push(...d.dropChecks);
    for (const c of d.dropColumns) (usesRecreated(c.column) ? parts.earlyDrops : parts.dropColumns).push(c);
    const losesAutoincrement: Change[] = d.alterColumns.filter((a) => a.from.autoincrement && !a.to.autoincrement && !(a.to.nullable && !a.from.nullable));
    if (caps.autoincrementNeedsKey && d.dropPrimaryKey !== null) {
      // An AUTO_INCREMENT column that goes away with its key stops incrementing first.
      for (const { column } of d.dropColumns) {
        if (!column.autoincrement) continue;
        const to = { ...column, autoincrement: false };
        losesAutoincrement.push({ kind: 'alterColumn', table: d.to.table.name, from: column, to, kinds: ['autoincrement'] });
      }
    }
    const gainsAutoincrement = d.alterColumns.filter((a) => a.to.autoincrement && !a.from.autoincrement);
    const leavesRecreated = d.alterColumns.filter((a) => usesRecreated(a.from) && !usesRecreated(a.to));
    const others = d.alterColumns.filter((a) => !losesAutoincrement.includes(a as Change) && !gainsAutoincrement.includes(a) && !leavesRecreated.includes(a));
    parts.earlyDrops.push(...leavesRecreated);
    parts.alterTables.push(
      ...losesAutoincrement,
      ...(d.dropPrimaryKey === null ? [] : [d.dropPrimaryKey]),
      ...d.addColumns,
      ...others,
      ...(d.addPrimaryKey === null ? [] : [d.addPrimaryKey]),
      ...gainsAutoincrement,
      ...d.addChecks,
    );
    parts.createIndexes.push(...d.createIndexes);
    parts.addForeignKeys.push(...d.addForeignKeys);
  }
  for (const p of parts.recreateEnums) p.columns = enumColumns(p, diffs);
  parts.renames.push(...renameChanges(m.tables, [...diffs.values()].filter((d) => !rebuilt.has(d))));

  // ------------------------------------------------------------------ tables on one side
  for (const t of m.createdTables) {
    const c = tableCreation(t, caps);
    parts.createTables.push(c.createTable);
    parts.createIndexes.push(...c.createIndexes);
    parts.addForeignKeys.push(...c.addForeignKeys);
  }
  const droppedFirst = new Set(m.droppedFirst.map((a) => a.from));
  for (const t of dropOrder(m.droppedTables)) {
    if (!caps.foreignKeysInCreateTable) {
      for (const foreignKey of t.foreignKeys) {
        if (nameKey(foreignKey.referencedTable) !== nameKey(t.table.name)) parts.dropForeignKeys.push({ kind: 'dropForeignKey', table: t.table.name, foreignKey });
      }
    }
    const drop: Change = { kind: 'dropTable', table: t };
    // A table whose name a renamed one takes goes before the renames.
    if (droppedFirst.has(t)) parts.dropsBeforeRenames.push(drop);
    else (t.table.columns.some(usesRecreated) ? parts.earlyDrops : parts.dropTables).push(drop);
  }

  // ------------------------------------------------------------------ views
  const changing = new Set<string>();
  const mark = (n: QualifiedName) => changing.add(n.name.toLowerCase());
  for (const p of m.tables) {
    const d = diffs.get(nameKey(p.to.table.name))!;
    const columnRenamed = [...p.columns].some(([a, b]) => a !== b);
    const touchesRecreated = p.to.table.columns.some(usesRecreated);
    const retyped = d.alterColumns.some((a) => a.kinds.includes('type'));
    if (p.renamed || columnRenamed || rebuilt.has(d) || d.dropColumns.length > 0 || retyped || touchesRecreated) {
      mark(p.from.table.name);
      mark(p.to.table.name);
    }
  }
  for (const t of m.droppedTables) mark(t.table.name);
  const views = diffViews(from.views, to.views, changing, comparer);
  parts.dropViews.push(...views.drops);
  parts.createViews.push(...views.creates);

  return { changes: assemblePlan(parts), warnings, renames: m.decisions };
}

function emptyParts(): PlanParts {
  return {
    createSchemas: [],
    dropForeignKeys: [],
    dropViews: [],
    dropIndexes: [],
    dropChecks: [],
    dropsBeforeRenames: [],
    renames: [],
    createEnums: [],
    addEnumValues: [],
    earlyDrops: [],
    recreateEnums: [],
    createTables: [],
    alterTables: [],
    dropColumns: [],
    dropTables: [],
    createIndexes: [],
    addForeignKeys: [],
    createViews: [],
    dropEnums: [],
  };
}

/** The columns a recreated enum type converts: those of the type before and after the migration. */
function enumColumns(change: AlterEnum, diffs: ReadonlyMap<string, TableDiff>): AlterEnum['columns'] {
  const key = nameKey(change.to.name);
  const out: AlterEnum['columns'] = [];
  for (const d of diffs.values()) {
    const before = new Map(d.from.table.columns.map((c) => [c.name, c]));
    for (const column of d.to.table.columns) {
      const old = before.get(column.name);
      if (column.type.kind !== 'enum' || nameKey(column.type.enum) !== key) continue;
      if (old?.type.kind !== 'enum' || nameKey(old.type.enum) !== key) continue;
      out.push({ table: d.to.table.name, column });
    }
  }
  return out;
}

/** Every foreign key by the table it references (deduplicated by table and name). */
function referencesByTable(tables: readonly SchemaTable[]): Map<string, { table: QualifiedName; foreignKey: ForeignKey }[]> {
  const out = new Map<string, { table: QualifiedName; foreignKey: ForeignKey }[]>();
  const seen = new Set<string>();
  for (const t of tables) {
    for (const fk of t.foreignKeys) {
      const id = `${nameKey(t.table.name)}\0${fk.name}\0${fk.columns.join(',')}`;
      if (seen.has(id)) continue;
      seen.add(id);
      const key = nameKey(fk.referencedTable);
      const list = out.get(key);
      const entry = { table: t.table.name, foreignKey: fk };
      if (list === undefined) out.set(key, [entry]);
      else list.push(entry);
    }
  }
  return out;
}

/**
 * Dropped tables, those that reference others first, so that no DROP TABLE removes rows still
 * referenced (SQLite keeps its foreign keys to the end; elsewhere they are dropped first anyway).
 */
function dropOrder(tables: readonly SchemaTable[]): SchemaTable[] {
  const out: SchemaTable[] = [];
  const seen = new Set<SchemaTable>();
  const visit = (t: SchemaTable) => {
    if (seen.has(t)) return;
    seen.add(t);
    const key = nameKey(t.table.name);
    for (const other of tables) if (other !== t && other.foreignKeys.some((fk) => nameKey(fk.referencedTable) === key)) visit(other);
    out.push(t);
  };
  for (const t of tables) visit(t);
  return out;
}
