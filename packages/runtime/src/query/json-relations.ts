import {
  and,
  as,
  col,
  count,
  derived,
  eq,
  innerJoin,
  jsonArray,
  jsonArrayAgg,
  jsonValue,
  leftJoinLateral,
  lit,
  schemaTable,
  select,
  subquery,
  table,
  type ExpressionNode,
  type FromNode,
  type JoinNode,
  type SelectionNode,
  type SelectNode,
} from '@kiln/sql';
import type { RuntimeRelation } from '../runtime-schema.js';
import type { Decoder } from '../values/codec.js';
import { compileStatement, type CompiledStatement } from './compiled.js';
import type { JsonRelationShape, JsonRowShape, MemorySortTerm } from './json-decode.js';
import { termColumns } from './json-order.js';
import type { ModelInfo } from './model-info.js';
import { orderNodes, readOrderBy, type OrderTerm } from './order-by.js';
import type { Path } from './param-source.js';
import type { PlanContext } from './plan-context.js';
import { COUNT_PREFIX, cursorCondition, limitParam, needsBigints, readTake, skipParam, withTieBreaker } from './read-plan.js';
import { readSelection, type RelationSelection, type Selection } from './selection.js';
import { buildWhere, joinCondition, relatedQuery } from './where.js';

/**
 * `relationLoadStrategy: 'join'`: one statement returns the rows with their relations, each
 * relation as JSON built by the database (PostgreSQL: `LEFT JOIN LATERAL (SELECT
 * COALESCE(json_agg(..), '[]') ..)`; SQLite, MySQL, MariaDB: correlated subqueries with
 * json_group_array / JSON_ARRAYAGG). A related row is a JSON array of its values (json-decode.ts
 * reads it); a paginated call pages its rows in a derived table before any relation is built.
 */
export interface JoinedReadPlan {
  readonly joined: true;
  stmt: CompiledStatement;
  top: TopShape;
  /** A negative `take` without an order: the rows came in reverse; flip them back. */
  reverse: boolean;
}

/** The top-level row: plain columns, `_count` columns, and one JSON column per relation. */
export interface TopShape {
  fields: { name: string; decode: Decoder | null }[];
  counts: string[];
  relations: JsonRelationShape[];
}

export interface JoinedReadOptions {
  /** findFirst / findUnique: at most one row. */
  single: boolean;
  /** findUnique: `where` names at most one row, so nothing is paged. */
  unique: boolean;
}

/** The join strategy cannot serve this call; the reason is logged and 'query' serves it. */
class Fallback extends Error {}

/**
 * The one-statement plan of a find call; `null` when it loads no relation (the plain read is one
 * statement already); or why it falls back to one query per relation: the database cannot (an
 * old server), `distinct` (deduplicated in memory), or an order MySQL cannot sort in memory (a
 * Json field).
 */
export function planJoinedRead(ctx: PlanContext, model: ModelInfo, args: Record<string, unknown>, options: JoinedReadOptions): JoinedReadPlan | string | null {
  const why = ctx.hooks.jsonRelations.unsupported(ctx.dialect);
  if (why !== null) return why;
  if (args.distinct !== undefined) return '`distinct` is applied in memory';
  const selection = readSelection(ctx, model, args, []);
  // Without relations both strategies are the same single statement.
  if (selection.relations.length === 0) return null;
  try {
    return planTop(ctx, model, args, selection, options);
  } catch (e) {
    if (e instanceof Fallback) return e.message;
    throw e;
  }
}

function planTop(ctx: PlanContext, model: ModelInfo, args: Record<string, unknown>, sel: Selection, options: JoinedReadOptions): JoinedReadPlan {
  const t = ctx.alias();
  const take = readTake(ctx, model, args, []);
  const reverse = typeof take === 'number' && take < 0;
  let where = buildWhere(ctx, model, t, args.where, ['where']);
  let terms = readOrderBy(ctx, model, t, args.orderBy, ['orderBy']);
  if (args.cursor !== undefined) {
    terms = withTieBreaker(model, t, terms);
    const c = cursorCondition(ctx, model, t, terms, args.cursor, ['cursor'], reverse);
    where = where ? and(where, c) : c;
  }
  // A literal: SQLite plans `LIMIT 1` better than `LIMIT ?` (read-plan.ts).
  const limit = options.single ? lit(1) : take !== undefined ? limitParam(ctx, model, ['take']) : undefined;
  const offset = args.skip !== undefined ? skipParam(ctx, model, ['skip']) : undefined;
  const paged = (limit !== undefined || offset !== undefined) && !options.unique;

  let from: FromNode = model.table(t);
  let rowAlias = t;
  let outer: Pick<SelectNode, 'where' | 'orderBy' | 'limit' | 'offset'> = { where, orderBy: orderNodes(terms, reverse), limit, offset };
  let flip = reverse;
  if (paged) {
    // The page of parents first, in a derived table: relations are built for its rows only.
    const p = ctx.alias();
    const inner = pageColumns(model, sel, t, terms);
    from = derived(select({ columns: inner.columns, from, ...(where ? { where } : {}), orderBy: orderNodes(terms, reverse), ...(limit ? { limit } : {}), ...(offset ? { offset } : {}) }), p);
    rowAlias = p;
    // Sorted again outside, in the written direction: a negative take comes back in order.
    outer = { where: undefined, orderBy: orderNodes(inner.order(p)), limit: undefined, offset: undefined };
    flip = reverse && terms.length === 0;
  }

  const columns: SelectionNode[] = [];
  const joins: JoinNode[] = [];
  const fields: TopShape['fields'] = [];
  for (const f of sel.fields) {
    const c = model.columns.get(f)!;
    columns.push(c.field.column === f ? model.column(rowAlias, f) : as(model.column(rowAlias, f), f));
    fields.push({ name: f, decode: c.decode });
  }
  for (const c of sel.counts) columns.push(as(countOf(ctx, model, rowAlias, c.relation, c.where, c.path), COUNT_PREFIX + c.name));
  const relations: JsonRelationShape[] = [];
  for (const r of sel.relations) {
    const built = relationValue(ctx, model, rowAlias, r);
    columns.push(as(built.value, r.name));
    joins.push(...built.joins);
    relations.push(built.shape);
  }
  const node = select({
    columns,
    from,
    joins,
    ...(outer.where ? { where: outer.where } : {}),
    orderBy: outer.orderBy,
    ...(outer.limit ? { limit: outer.limit } : {}),
    ...(outer.offset ? { offset: outer.offset } : {}),
  });
  const stmt = compileStatement(ctx, node, needsBigints(sel));
  const prefix = ctx.hooks.jsonRelations.statementPrefix(ctx.dialect);
  return {
    joined: true,
    stmt: prefix ? { ...stmt, sql: prefix + stmt.sql } : stmt,
    top: { fields, counts: sel.counts.map((c) => c.name), relations },
    reverse: flip,
  };
}

/**
 * The value of relation `r` for the row `ownerAlias` of `owner`: a scalar subquery, or on
 * PostgreSQL the column of a `LEFT JOIN LATERAL` added to the owner's FROM.
 */
function relationValue(ctx: PlanContext, owner: ModelInfo, ownerAlias: string, r: RelationSelection): { value: ExpressionNode; joins: JoinNode[]; shape: JsonRelationShape } {
  const { value, query, shape } = r.relation.list ? listQuery(ctx, owner, ownerAlias, r) : toOneQuery(ctx, owner, ownerAlias, r);
  if (ctx.hooks.jsonRelations.lateral) {
    const a = ctx.alias();
    return { value: col(a, 'v'), joins: [leftJoinLateral(derived({ ...query, columns: [as(value, 'v')] }, a))], shape };
  }
  return { value: subquery({ ...query, columns: [value] }), joins: [], shape };
}

/** A relation's query without its one column, that column (`value`), and how to decode it. */
interface RelationQuery {
  value: ExpressionNode;
  query: Omit<SelectNode, 'columns'>;
  shape: JsonRelationShape;
}

/** `SELECT json_array(..) FROM target WHERE <joins owner> LIMIT 1`: NULL when there is none. */
function toOneQuery(ctx: PlanContext, owner: ModelInfo, ownerAlias: string, r: RelationSelection): RelationQuery {
  const target = ctx.info.model(r.relation.type);
  const t = ctx.alias();
  const source = relatedSource(ctx, owner, ownerAlias, r.relation, target, t);
  const row = jsonRow(ctx, target, r.selection, t);
  const query = select({ columns: [], from: target.table(t), joins: [...source.joins, ...row.joins], where: source.condition, limit: lit(1) });
  return { value: jsonArray(row.items), query, shape: { name: r.name, list: false, row: row.shape, reverse: false, memory: null } };
}

/**
 * `SELECT COALESCE(json_agg(json_array(..) ORDER BY ..), '[]') FROM target WHERE <joins
 * owner> AND <where>`. Paging: in a derived table where a subquery in FROM may see the owner
 * (PostgreSQL, SQLite), inside the aggregate where it takes LIMIT (MariaDB), else in memory
 * after sorting by keys the rows carry (MySQL), which also sorts where the aggregate cannot.
 */
function listQuery(ctx: PlanContext, owner: ModelInfo, ownerAlias: string, r: RelationSelection): RelationQuery {
  const hooks = ctx.hooks.jsonRelations;
  const caps = ctx.dialect.capabilities;
  const target = ctx.info.model(r.relation.type);
  if (r.args.distinct !== undefined) throw new Fallback('`distinct` inside a relation is applied in memory');
  const t = ctx.alias();
  const source = relatedSource(ctx, owner, ownerAlias, r.relation, target, t);
  const take = readTake(ctx, target, r.args, r.path);
  const skip = r.args.skip;
  const reverse = typeof take === 'number' && take < 0;
  let where = buildWhere(ctx, target, t, r.args.where, [...r.path, 'where']);
  let terms = readOrderBy(ctx, target, t, r.args.orderBy, [...r.path, 'orderBy']);
  const written = terms.length;
  if (r.args.cursor !== undefined) {
    terms = withTieBreaker(target, t, terms);
    const c = cursorCondition(ctx, target, t, terms, r.args.cursor, [...r.path, 'cursor'], reverse);
    where = where ? and(where, c) : c;
  } else if (reverse && terms.length === 0) {
    // "The last n" needs an order: the primary key's.
    terms = withTieBreaker(target, t, terms);
  }
  const condition = where ? and(source.condition, where) : source.condition;
  const paged = take !== undefined || skip !== undefined;
  const limit = take !== undefined ? limitParam(ctx, target, [...r.path, 'take']) : undefined;
  const offset = skip !== undefined ? skipParam(ctx, target, [...r.path, 'skip']) : undefined;
  const paging = !paged ? 'none' : hooks.correlatedDerivedTables ? 'derived' : caps.jsonAggLimit ? 'aggregate' : 'memory';

  let from: FromNode = target.table(t);
  let joins = source.joins;
  let rowWhere: ExpressionNode | undefined = condition;
  let rowAlias = t;
  let order: OrderTerm[] = terms;
  if (paging === 'derived') {
    const l = ctx.alias();
    const inner = pageColumns(target, r.selection, t, terms);
    from = derived(
      select({ columns: inner.columns, from, joins, where: condition, orderBy: orderNodes(terms, reverse), ...(limit ? { limit } : {}), ...(offset ? { offset } : {}) }),
      l,
    );
    joins = [];
    rowWhere = undefined;
    rowAlias = l;
    order = inner.order(l);
  }
  const row = jsonRow(ctx, target, r.selection, rowAlias);
  const items = [...row.items];
  let memory: JsonRelationShape['memory'] = null;
  const sortInMemory = !caps.jsonAggOrderBy && order.length > 0;
  if (sortInMemory || paging === 'memory') {
    const columns = termColumns(ctx, target, written ? r.args.orderBy : undefined, order);
    const sort: MemorySortTerm[] = [];
    const keys: ExpressionNode[] = [];
    order.forEach((term, i) => {
      const key = hooks.sortKey(term.expr, columns[i] ?? null);
      if (!key) throw new Fallback(`${target.name} cannot be sorted in memory by ${term.field ?? 'this order'}`);
      keys.push(key.expr);
      sort.push({ compare: key.compare, descending: term.direction === 'desc', nullsFirst: term.nulls ? term.nulls === 'first' : ctx.hooks.nullsFirstByDefault(term.direction) });
    });
    if (keys.length) items.push(jsonArray(keys));
    memory = {
      order: sort,
      skipPath: paging === 'memory' && skip !== undefined ? [...r.path, 'skip'] : null,
      takePath: paging === 'memory' && take !== undefined ? [...r.path, 'take'] : null,
    };
  }
  // Inside the aggregate, a negative take reads from the end: reversed, then flipped back.
  const inAggregate = paging === 'aggregate';
  const agg = jsonArrayAgg(jsonArray(items), caps.jsonAggOrderBy ? orderNodes(order, inAggregate && reverse) : [], inAggregate ? { ...(limit ? { limit } : {}), ...(offset ? { offset } : {}) } : {});
  const query = select({ columns: [], from, joins: [...joins, ...row.joins], ...(rowWhere ? { where: rowWhere } : {}) });
  return { value: agg, query, shape: { name: r.name, list: true, row: row.shape, reverse: inAggregate && reverse, memory } };
}

/** A related row as a JSON array: its fields, `_count`, then its relations, in the selection's order. */
function jsonRow(ctx: PlanContext, model: ModelInfo, sel: Selection, alias: string): { items: ExpressionNode[]; joins: JoinNode[]; shape: JsonRowShape } {
  const hooks = ctx.hooks.jsonRelations;
  const items: ExpressionNode[] = [];
  const joins: JoinNode[] = [];
  const shape: JsonRowShape = { fields: [], counts: [], relations: [] };
  for (const f of sel.fields) {
    const field = model.columns.get(f)!.field;
    const enumValues = field.kind === 'enum' ? ctx.info.schema.enums[field.type] : undefined;
    const v = hooks.field(model.column(alias, f), field, enumValues);
    items.push(v.expr);
    shape.fields.push({ name: f, decode: v.decode });
  }
  if (sel.counts.length) {
    items.push(jsonArray(sel.counts.map((c) => countOf(ctx, model, alias, c.relation, c.where, c.path))));
    shape.counts = sel.counts.map((c) => c.name);
  }
  for (const r of sel.relations) {
    const built = relationValue(ctx, model, alias, r);
    // Embedded as JSON, not as the text of JSON (SQLite's json(), MariaDB's JSON_EXTRACT).
    items.push(jsonValue(built.value));
    joins.push(...built.joins);
    shape.relations.push(built.shape);
  }
  return { items, joins, shape };
}

function countOf(ctx: PlanContext, model: ModelInfo, alias: string, relation: RuntimeRelation, where: unknown, path: Path): ExpressionNode {
  const target = ctx.info.model(relation.type);
  return subquery(relatedQuery(ctx, model, alias, relation, [count()], (inner) => buildWhere(ctx, target, inner, where, path)));
}

/** FROM the related table (through the join table for m:n) and how its rows join the owner's. */
function relatedSource(ctx: PlanContext, owner: ModelInfo, ownerAlias: string, relation: RuntimeRelation, target: ModelInfo, t: string): { joins: JoinNode[]; condition: ExpressionNode } {
  if (relation.keyOn !== 'join') return { joins: [], condition: joinCondition(ctx, owner, ownerAlias, relation, t) };
  const jt = relation.joinTable!;
  const j = ctx.alias();
  const joinTable = jt.schema ? schemaTable(jt.schema, jt.name, j) : table(jt.name, j);
  return {
    joins: [innerJoin(joinTable, eq(col(j, jt.targetColumn), target.column(t, relation.targetFields[0]!)))],
    condition: eq(col(j, jt.localColumn), owner.column(ownerAlias, relation.localFields[0]!)),
  };
}

/**
 * The columns of a derived table holding a page of `model`'s rows: every column the row's
 * fields, relations, counts and order need, under its own name (so `model.column(alias, f)`
 * reads it outside too), and order terms that are not columns as `__kiln_o<i>`.
 */
function pageColumns(model: ModelInfo, sel: Selection, alias: string, terms: OrderTerm[]): { columns: SelectionNode[]; order: (outer: string) => OrderTerm[] } {
  const needed = new Set<string>(sel.fields);
  for (const r of sel.relations) for (const f of r.relation.localFields) needed.add(f);
  for (const c of sel.counts) for (const f of c.relation.localFields) needed.add(f);
  for (const term of terms) if (term.field !== null) needed.add(term.field);
  const columns: SelectionNode[] = [...needed].map((f) => model.column(alias, f));
  terms.forEach((term, i) => {
    if (term.field === null) columns.push(as(term.expr, `__kiln_o${i}`));
  });
  return {
    columns,
    order: (outer) => terms.map((term, i) => ({ ...term, expr: term.field !== null ? model.column(outer, term.field) : col(outer, `__kiln_o${i}`) })),
  };
}

