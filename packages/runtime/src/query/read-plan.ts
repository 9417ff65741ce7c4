import {
  and,
  as,
  col,
  count,
  eq,
  FALSE,
  gt,
  innerJoin,
  isNotNull,
  isNull,
  lit,
  schemaTable,
  table,
  lt,
  or,
  select,
  subquery,
  type ExpressionNode,
  type SelectionNode,
} from '@kiln/sql';
import type { RuntimeRelation } from '../runtime-schema.js';
import { checkInt, checkSkip, type Decoder, type Encoder } from '../values/codec.js';
import { compileStatement, type CompiledStatement } from './compiled.js';
import type { ModelInfo } from './model-info.js';
import { orderNodes, readOrderBy, type OrderTerm } from './order-by.js';
import { sourceParam, type Path } from './param-source.js';
import { isPlainObject, type PlanContext } from './plan-context.js';
import { readSelection, type RelationSelection, type Selection } from './selection.js';
import { buildWhere, relatedQuery } from './where.js';

export const COUNT_PREFIX = '__kiln_count_';
export const PARENT_KEY = '__kiln_parent';

/** How to finish rows of one model: decode, attach counts and relations, drop helper fields. */
export interface RowShape {
  decoders: [string, Decoder][];
  counts: string[];
  relations: RelationPlan[];
  /** Fields fetched only to join or deduplicate; removed from results. */
  hidden: string[];
}

/** A relation loaded for a whole batch of parent rows with one statement. */
export interface RelationPlan {
  name: string;
  list: boolean;
  parentKey: string;
  childKey: string;
  keyEncode: Encoder;
  stmt: CompiledStatement;
  shape: RowShape;
  /** Per-parent pagination, applied in memory after the batch is grouped. */
  takePath: Path | null;
  skipPath: Path | null;
  /** Per-parent `distinct`, applied in memory before pagination. */
  distinct: string[] | null;
}

export interface ReadPlan {
  stmt: CompiledStatement;
  shape: RowShape;
  /** Negative `take`: the query ran in reverse order; flip the rows back. */
  reverse: boolean;
  /** `distinct`: deduplicated in memory, then `skip`/`take` applied in memory too. */
  distinct: string[] | null;
  takePath: Path | null;
  skipPath: Path | null;
}

export interface ReadOptions {
  /** findFirst / findUnique: at most one row. */
  single: boolean;
}

/** Plans findMany / findFirst / findUnique for `args` at `path` (empty at top level). */
export function planRead(ctx: PlanContext, model: ModelInfo, args: Record<string, unknown>, path: Path, options: ReadOptions): ReadPlan {
  const alias = ctx.alias();
  const selection = readSelection(ctx, model, args, path);
  const take = readTake(ctx, model, args, path);
  const reverse = typeof take === 'number' && take < 0;
  const distinct = readDistinct(ctx, model, args.distinct, [...path, 'distinct']);

  let where = buildWhere(ctx, model, alias, args.where, [...path, 'where']);
  let terms = readOrderBy(ctx, model, alias, args.orderBy, [...path, 'orderBy']);
  if (args.cursor !== undefined) {
    terms = withTieBreaker(model, alias, terms);
    const c = cursorCondition(ctx, model, alias, terms, args.cursor, [...path, 'cursor'], reverse);
    where = where ? and(where, c) : c;
  }

  const hidden = new Set<string>();
  for (const f of distinct ?? []) hidden.add(f);
  const { columns, shape } = shapeFor(ctx, selection, alias, hidden);
  const inMemory = distinct !== null;
  const limit =
    // A literal: SQLite plans `LIMIT 1` better than `LIMIT ?` (measured: a third faster by primary key).
    options.single ? lit(1) : take !== undefined && !inMemory ? limitParam(ctx, model, [...path, 'take']) : undefined;
  const offset = args.skip !== undefined && !inMemory ? skipParam(ctx, model, [...path, 'skip']) : undefined;
  const node = select({
    columns,
    from: model.table(alias),
    ...(where ? { where } : {}),
    orderBy: orderNodes(terms, reverse),
    ...(limit ? { limit } : {}),
    ...(offset ? { offset } : {}),
  });
  return {
    stmt: compileStatement(ctx, node, needsBigints(selection)),
    shape,
    reverse,
    distinct,
    takePath: inMemory && take !== undefined ? [...path, 'take'] : null,
    skipPath: inMemory && args.skip !== undefined ? [...path, 'skip'] : null,
  };
}

function readDistinct(ctx: PlanContext, model: ModelInfo, v: unknown, path: Path): string[] | null {
  if (v === undefined) return null;
  const list = Array.isArray(v) ? v : [v];
  for (const f of list) if (typeof f !== 'string' || !model.columns.has(f)) ctx.invalid(model, path, `expected scalar field names of ${model.name}`);
  return list as string[];
}

/** `take` (an integer; negative: from the end), with `skip` checked beside it (a non-negative integer). */
export function readTake(ctx: PlanContext, model: ModelInfo, args: Record<string, unknown>, path: Path): number | undefined {
  const take = args.take;
  if (take !== undefined && (typeof take !== 'number' || !Number.isInteger(take))) ctx.invalid(model, [...path, 'take'], 'expected an integer');
  if (args.skip !== undefined && (typeof args.skip !== 'number' || !Number.isInteger(args.skip) || args.skip < 0)) {
    ctx.invalid(model, [...path, 'skip'], 'expected a non-negative integer');
  }
  return take as number | undefined;
}

/** The LIMIT parameter for `take` at `path`: its size, encoded as the dialect binds a LIMIT (`encodeLimit`). */
export const limitParam = (ctx: PlanContext, model: ModelInfo, path: Path) => ctx.value(model, path, (v) => ctx.hooks.encodeLimit(Math.abs(checkInt(v))));

/** The OFFSET parameter for `skip` at `path`. */
export const skipParam = (ctx: PlanContext, model: ModelInfo, path: Path) => ctx.value(model, path, (v) => ctx.hooks.encodeLimit(checkSkip(v)));

export function needsBigints(sel: Selection): boolean {
  return sel.fields.some((f) => sel.model.columns.get(f)!.bigints);
}

/** The columns to select for a selection, plus the shape that finishes its rows. */
export function shapeFor(ctx: PlanContext, sel: Selection, alias: string, extraHidden = new Set<string>()): { columns: SelectionNode[]; shape: RowShape } {
  const model = sel.model;
  const wanted = new Set(sel.fields);
  const relations = sel.relations.map((r) => planRelation(ctx, model, r));
  const hidden = new Set<string>();
  for (const f of extraHidden) if (!wanted.has(f)) hidden.add(f);
  for (const r of relations) if (!wanted.has(r.parentKey)) hidden.add(r.parentKey);
  const fields = [...wanted, ...hidden];
  const columns: SelectionNode[] = fields.map((f) => {
    const c = model.columns.get(f)!;
    const ref = col(alias, c.field.column);
    return c.field.column === f ? ref : as(ref, f);
  });
  for (const c of sel.counts) {
    const q = relatedQuery(ctx, model, alias, c.relation, [count()], (inner) => buildWhere(ctx, ctx.info.model(c.relation.type), inner, c.where, c.path));
    columns.push(as(subquery(q), COUNT_PREFIX + c.name));
  }
  const decoders: [string, Decoder][] = [];
  for (const f of fields) {
    const d = model.columns.get(f)!.decode;
    if (d) decoders.push([f, d]);
  }
  return { columns, shape: { decoders, counts: sel.counts.map((c) => c.name), relations, hidden: [...hidden] } };
}

/** One statement loading `r` for every parent of a batch: `WHERE <key> IN (<key list>)`. */
function planRelation(ctx: PlanContext, parent: ModelInfo, r: RelationSelection): RelationPlan {
  const relation: RuntimeRelation = r.relation;
  const target = ctx.info.model(relation.type);
  if (relation.localFields.length !== 1) {
    ctx.invalid(parent, r.path, 'loading a relation over a compound key is not supported yet; select the related rows with a separate query');
  }
  const alias = ctx.alias();
  const keys = sourceParam({ keys: true });
  const parentKey = relation.localFields[0]!;
  let childKey: string;
  let keyFilter: ExpressionNode;
  let joins: ReturnType<typeof relatedJoin> | null = null;
  const extraColumns: SelectionNode[] = [];
  if (relation.keyOn === 'join') {
    joins = relatedJoin(ctx, relation, target, alias);
    childKey = PARENT_KEY;
    keyFilter = ctx.hooks.inKeyList(joins.parentColumn, keys);
    extraColumns.push(as(joins.parentColumn, PARENT_KEY));
  } else {
    childKey = relation.targetFields[0]!;
    keyFilter = ctx.hooks.inKeyList(target.column(alias, childKey), keys);
  }
  const distinct = readDistinct(ctx, target, r.args.distinct, [...r.path, 'distinct']);
  const hidden = new Set<string>([...(relation.keyOn === 'join' ? [] : [childKey]), ...(distinct ?? [])]);
  const { columns, shape } = shapeFor(ctx, r.selection, alias, hidden);
  const where = buildWhere(ctx, target, alias, r.args.where, [...r.path, 'where']);
  const terms = readOrderBy(ctx, target, alias, r.args.orderBy, [...r.path, 'orderBy']);
  if (r.args.cursor !== undefined) ctx.invalid(parent, [...r.path, 'cursor'], 'cursor inside include is not supported yet; page the relation with a separate findMany');
  const node = select({
    columns: [...columns, ...extraColumns],
    from: target.table(alias),
    ...(joins ? { joins: [joins.join] } : {}),
    where: where ? and(keyFilter, where) : keyFilter,
    orderBy: orderNodes(terms),
  });
  const take = r.args.take;
  if (take !== undefined && (typeof take !== 'number' || !Number.isInteger(take))) ctx.invalid(target, [...r.path, 'take'], 'expected an integer');
  return {
    name: r.name,
    list: relation.list,
    parentKey,
    childKey,
    keyEncode: parent.columns.get(parentKey)!.encode,
    stmt: compileStatement(ctx, node, needsBigints(r.selection)),
    shape,
    takePath: take !== undefined ? [...r.path, 'take'] : null,
    skipPath: r.args.skip !== undefined ? [...r.path, 'skip'] : null,
    distinct,
  };
}

function relatedJoin(ctx: PlanContext, relation: RuntimeRelation, target: ModelInfo, alias: string) {
  const jt = relation.joinTable!;
  const j = ctx.alias();
  const parentColumn = col(j, jt.localColumn);
  const joinTable = jt.schema ? schemaTable(jt.schema, jt.name, j) : table(jt.name, j);
  return { parentColumn, join: innerJoin(joinTable, eq(col(j, jt.targetColumn), target.column(alias, relation.targetFields[0]!))) };
}

/**
 * "Comes after the cursor's value" for a nullable column, where NULLs sort first or last: a NULL
 * cursor value is followed by every non-NULL when NULLs come first, by nothing otherwise.
 */
function nullableAfter(ctx: PlanContext, t: OrderTerm, ascending: boolean, reverse: boolean, v: ExpressionNode): ExpressionNode {
  const written = t.direction;
  const nullsFirstWritten = t.nulls ? t.nulls === 'first' : ctx.hooks.nullsFirstByDefault(written);
  // Reading in reverse flips where NULLs fall too.
  const nullsFirst = reverse ? !nullsFirstWritten : nullsFirstWritten;
  const pastValue = ascending ? gt(t.expr, v) : lt(t.expr, v);
  const whenNull = nullsFirst ? isNotNull(t.expr) : FALSE;
  const whenValue = nullsFirst ? pastValue : or(pastValue, isNull(t.expr));
  return or(and(isNull(v), whenNull), and(isNotNull(v), whenValue));
}

/** Cursor pagination needs a total order: the primary key breaks ties. */
export function withTieBreaker(model: ModelInfo, alias: string, terms: OrderTerm[]): OrderTerm[] {
  const out = [...terms];
  for (const f of model.model.primaryKey) {
    if (!out.some((t) => t.field === f)) out.push({ expr: model.column(alias, f), direction: 'asc', nulls: undefined, field: f });
  }
  return out;
}

/** Rows at or after the cursor row in the query's order (before it, for a negative take). */
export function cursorCondition(ctx: PlanContext, model: ModelInfo, alias: string, terms: OrderTerm[], cursor: unknown, path: Path, reverse: boolean): ExpressionNode {
  if (!isPlainObject(cursor)) ctx.invalid(model, path, 'expected a unique filter, e.g. { id: 42 }');
  if (terms.some((t) => t.field === null)) ctx.invalid(model, path, 'cursor pagination needs orderBy on the model’s own fields');
  const valueOf = (field: string): ExpressionNode => {
    const c = ctx.alias();
    const w = buildWhere(ctx, model, c, cursor, path);
    return subquery(select({ columns: [model.column(c, field)], from: model.table(c), ...(w ? { where: w } : {}) }));
  };
  const alternatives: ExpressionNode[] = [];
  const equalities: ExpressionNode[] = [];
  for (const t of terms) {
    const ascending = (t.direction === 'asc') !== reverse;
    const nullable = model.columns.get(t.field!)!.field.optional;
    const step = nullable ? nullableAfter(ctx, t, ascending, reverse, valueOf(t.field!)) : ascending ? gt(t.expr, valueOf(t.field!)) : lt(t.expr, valueOf(t.field!));
    alternatives.push(equalities.length ? and(...equalities, step) : step);
    const v = valueOf(t.field!);
    equalities.push(nullable ? or(eq(t.expr, v), and(isNull(t.expr), isNull(valueOf(t.field!)))) : eq(t.expr, v));
  }
  alternatives.push(and(...equalities));
  return or(...alternatives);
}
