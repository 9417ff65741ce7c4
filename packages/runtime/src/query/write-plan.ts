import { as, assign, col, deleteFrom, insertInto, onConflictDoNothing, update, type AssignmentNode, type ExpressionNode, type ParamNode, type SelectionNode } from '@kiln/sql';
import { compileStatement, type CompiledStatement } from './compiled.js';
import { columnValue, generatedColumns, missingRequired, splitData, updateExpression } from './data.js';
import type { ColumnInfo, ModelInfo } from './model-info.js';
import type { Path } from './param-source.js';
import type { PlanContext } from './plan-context.js';
import { insertedKeyReadBack, updateReadBack, type ReadBack } from './read-back.js';
import { shapeFor, type RowShape } from './read-plan.js';
import { readSelection } from './selection.js';
import { checkUniqueWhere } from './unique-where.js';
import { buildWhere } from './where.js';

/**
 * A single-statement write: INSERT/UPDATE/DELETE ... RETURNING. When the caller asked for
 * relations, RETURNING gives the primary key and the engine reads the record back. Where the
 * dialect has no RETURNING for the statement (its capabilities say), the statement returns
 * nothing and `readBack` says how the engine reads the record (read-back.ts).
 */
export interface WritePlan {
  stmt: CompiledStatement;
  /** Finishes RETURNING rows; `null` when the record is read back instead. */
  shape: RowShape | null;
  /** Update and delete name one record: zero rows is "not found". */
  expectOne: boolean;
  /** Set only when the statement cannot return the record. */
  readBack?: ReadBack;
}

/**
 * RETURNING for the caller's selection, or `keyFields` (default: the primary key) when relations
 * must be read back.
 */
export function returning(ctx: PlanContext, model: ModelInfo, args: Record<string, unknown>, keyFields: readonly string[] = model.model.primaryKey): { columns: SelectionNode[]; shape: RowShape | null } {
  const sel = readSelection(ctx, model, args, []);
  if (sel.relations.length === 0 && sel.counts.length === 0) {
    const { shape } = shapeFor(ctx, sel, model.model.dbName);
    return { columns: unqualified(model, sel.fields), shape };
  }
  return { columns: unqualified(model, keyFields), shape: null };
}

function unqualified(model: ModelInfo, fields: readonly string[]): SelectionNode[] {
  return fields.map((f) => {
    const column = model.columns.get(f)!.field.column;
    return column === f ? col(column) : as(col(column), f);
  });
}

/** `create` without nested writes; `null` sends the call down the nested-write path. */
export function planCreate(ctx: PlanContext, model: ModelInfo, args: Record<string, unknown>): WritePlan | null {
  const data = splitData(ctx, model, args.data ?? {}, ['data']);
  if (data.relations.length) return null;
  const { columns, values, given, generated } = insertRow(ctx, model, data.scalars, ['data']);
  if (!ctx.dialect.capabilities.returning) {
    const stmt = compileStatement(ctx, insertInto(model.target(), { columns, rows: [values] }));
    return { stmt, shape: null, expectOne: false, readBack: insertedKeyReadBack(ctx, model, args, stmt, given, generated) };
  }
  const r = returning(ctx, model, args);
  const node = insertInto(model.target(), { columns, rows: [values], returning: r.columns });
  return { stmt: compileStatement(ctx, node, r.shape !== null && bigintsFor(model, r.columns)), shape: r.shape, expectOne: false };
}

/** The one-row INSERT of create `scalars` read from `path`: given columns, then the ones the client fills. */
export function insertRow(ctx: PlanContext, model: ModelInfo, scalars: [string, unknown][], path: Path) {
  const given = new Set(scalars.map(([k]) => k));
  const missing = missingRequired(model, given);
  if (missing.length) ctx.invalid(model, [...path, missing[0]!], `required field "${missing[0]}" is missing`);
  const columns: string[] = [];
  const values: ExpressionNode[] = [];
  for (const [k] of scalars) {
    const c = model.columns.get(k)!;
    columns.push(c.field.column);
    values.push(columnValue(ctx, model, c, [...path, k]));
  }
  const generated: [ColumnInfo, ParamNode][] = [];
  for (const [c, gen] of generatedColumns(model, given)) {
    const p = ctx.generated(gen);
    generated.push([c, p]);
    columns.push(c.field.column);
    values.push(p);
  }
  return { columns, values, given: given as ReadonlySet<string>, generated };
}

/** `update` without nested writes. */
export function planUpdate(ctx: PlanContext, model: ModelInfo, args: Record<string, unknown>): WritePlan | null {
  checkUniqueWhere(ctx, model, args.where, ['where']);
  const data = splitData(ctx, model, args.data ?? {}, ['data']);
  if (data.relations.length) return null;
  const set = assignments(ctx, model, data.scalars, ['data']);
  if (set.length === 0) return null;
  const table = model.model.dbName;
  const where = buildWhere(ctx, model, table, args.where, ['where']);
  if (!ctx.dialect.capabilities.returningOnUpdate) {
    const assigned = new Set(data.scalars.map(([k]) => k));
    for (const c of model.columns.values()) if (c.field.updatedAt) assigned.add(c.field.name);
    const stmt = compileStatement(ctx, update(model.target(), { set, ...(where ? { where } : {}) }));
    return { stmt, shape: null, expectOne: true, readBack: updateReadBack(ctx, model, args, set, assigned, data.scalars) };
  }
  const r = returning(ctx, model, args);
  const node = update(model.target(), { set, ...(where ? { where } : {}), returning: r.columns });
  return { stmt: compileStatement(ctx, node, r.shape !== null && bigintsFor(model, r.columns)), shape: r.shape, expectOne: true };
}

/** `delete` whose result needs no relations (those are read before deleting). */
export function planDelete(ctx: PlanContext, model: ModelInfo, args: Record<string, unknown>): WritePlan | null {
  checkUniqueWhere(ctx, model, args.where, ['where']);
  // Without DELETE .. RETURNING the engine reads the record, then deletes it.
  if (!ctx.dialect.capabilities.returning) return null;
  const r = returning(ctx, model, args);
  if (!r.shape) return null;
  const where = buildWhere(ctx, model, model.model.dbName, args.where, ['where']);
  const node = deleteFrom(model.target(), { ...(where ? { where } : {}), returning: r.columns });
  return { stmt: compileStatement(ctx, node, bigintsFor(model, r.columns)), shape: r.shape, expectOne: true };
}

/** `updateMany`: scalars only, counted. */
export function planUpdateMany(ctx: PlanContext, model: ModelInfo, args: Record<string, unknown>): CompiledStatement | null {
  const data = splitData(ctx, model, args.data ?? {}, ['data']);
  if (data.relations.length) ctx.invalid(model, ['data', data.relations[0]![0]], 'updateMany takes scalar fields only');
  const set = assignments(ctx, model, data.scalars, ['data']);
  if (set.length === 0) return null;
  const where = buildWhere(ctx, model, model.model.dbName, args.where, ['where']);
  return compileStatement(ctx, update(model.target(), { set, ...(where ? { where } : {}) }));
}

export function planDeleteMany(ctx: PlanContext, model: ModelInfo, args: Record<string, unknown>): CompiledStatement {
  const where = buildWhere(ctx, model, model.model.dbName, args.where, ['where']);
  return compileStatement(ctx, deleteFrom(model.target(), where ? { where } : {}));
}

/**
 * One INSERT for a batch of createMany rows that share their set of keys. `rows` of the shape
 * are read from `data[i]` at `rowPaths`.
 */
export function planInsertRows(
  ctx: PlanContext,
  model: ModelInfo,
  keys: string[],
  rowPaths: Path[],
  options: { skipDuplicates: boolean; returning: SelectionNode[] | null },
): CompiledStatement {
  const given = new Set(keys);
  const generated = generatedColumns(model, given);
  const columns = [...keys.map((k) => model.columns.get(k)!.field.column), ...generated.map(([c]) => c.field.column)];
  const rows = rowPaths.map((p) => [
    ...keys.map((k) => columnValue(ctx, model, model.columns.get(k)!, [...p, k])),
    ...generated.map(([, gen]) => ctx.generated(gen)),
  ]);
  const node = insertInto(model.target(), {
    columns,
    rows,
    ...(options.skipDuplicates ? { onConflict: onConflictDoNothing() } : {}),
    ...(options.returning ? { returning: options.returning } : {}),
  });
  return compileStatement(ctx, node, options.returning !== null && bigintsFor(model, options.returning));
}

export function returningFor(ctx: PlanContext, model: ModelInfo, args: Record<string, unknown>): { columns: SelectionNode[]; shape: RowShape } {
  const r = returning(ctx, model, args);
  if (!r.shape) ctx.invalid(model, ['select'], 'createManyAndReturn cannot include relations');
  return { columns: r.columns, shape: r.shape };
}

/**
 * SET of an update: each field's new value, then `@updatedAt` fields the update does not set
 * (only when it sets something). `current` names a column's value before the update.
 */
export function assignments(
  ctx: PlanContext,
  model: ModelInfo,
  scalars: [string, unknown][],
  path: Path,
  current: (column: string) => ExpressionNode = (column) => col(column),
): AssignmentNode[] {
  const set: AssignmentNode[] = [];
  const given = new Set<string>();
  for (const [k, v] of scalars) {
    const c = model.columns.get(k)!;
    given.add(k);
    set.push(assign(c.field.column, updateExpression(ctx, model, c, v, [...path, k], current(c.field.column))));
  }
  if (set.length) {
    for (const c of model.columns.values()) {
      if (c.field.updatedAt && !given.has(c.field.name)) set.push(assign(c.field.column, ctx.generated(() => c.encode(new Date()))));
    }
  }
  return set;
}

/** RETURNING reads integers as bigint when it returns a BigInt column. */
export function bigintsFor(model: ModelInfo, columns: SelectionNode[]): boolean {
  return columns.length > 0 && model.hasBigInts;
}

