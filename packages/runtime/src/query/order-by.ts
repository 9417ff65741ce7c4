import { count, orderBy as orderNode, select, subquery, type ExpressionNode, type NullsOrder, type OrderByNode, type SortDirection } from '@kiln/sql';
import type { ModelInfo } from './model-info.js';
import type { Path } from './param-source.js';
import { entries, isPlainObject, type PlanContext } from './plan-context.js';
import { joinCondition, relatedQuery } from './where.js';

export interface OrderTerm {
  expr: ExpressionNode;
  direction: SortDirection;
  nulls: NullsOrder | undefined;
  /** The scalar field ordered by, when it is one of the model's own (cursor pagination needs it). */
  field: string | null;
}

/**
 * `orderBy`: one object or a list; each names a field with 'asc' | 'desc' | { sort, nulls },
 * a to-one relation's fields, or a list relation's `_count`.
 */
export function readOrderBy(ctx: PlanContext, model: ModelInfo, alias: string, value: unknown, path: Path): OrderTerm[] {
  if (value === undefined) return [];
  const list = Array.isArray(value) ? value : [value];
  const out: OrderTerm[] = [];
  list.forEach((item, i) => {
    const at = Array.isArray(value) ? [...path, i] : path;
    if (!isPlainObject(item)) ctx.invalid(model, at, 'expected { field: "asc" | "desc" }');
    for (const [key, dir] of entries(item)) out.push(...orderEntry(ctx, model, alias, key, dir, [...at, key]));
  });
  return out;
}

function direction(ctx: PlanContext, model: ModelInfo, v: unknown, path: Path): { direction: SortDirection; nulls: NullsOrder | undefined } {
  if (v === 'asc' || v === 'desc') return { direction: v, nulls: undefined };
  if (isPlainObject(v) && (v.sort === 'asc' || v.sort === 'desc')) {
    if (v.nulls !== undefined && v.nulls !== 'first' && v.nulls !== 'last') ctx.invalid(model, [...path, 'nulls'], 'expected "first" or "last"');
    return { direction: v.sort, nulls: v.nulls as NullsOrder | undefined };
  }
  return ctx.invalid(model, path, 'expected "asc", "desc" or { sort, nulls }');
}

function orderEntry(ctx: PlanContext, model: ModelInfo, alias: string, key: string, v: unknown, path: Path): OrderTerm[] {
  if (model.columns.has(key)) {
    const d = direction(ctx, model, v, path);
    return [{ expr: model.column(alias, key), ...d, field: key }];
  }
  const relation = model.relations.get(key);
  if (!relation) return ctx.unknownField(model, path.slice(0, -1), key);
  const target = ctx.info.model(relation.type);
  if (relation.list) {
    if (!isPlainObject(v) || v._count === undefined) ctx.invalid(model, path, 'a list relation orders by { _count: "asc" | "desc" }');
    const n = subquery(relatedQuery(ctx, model, alias, relation, [count()], () => undefined));
    return [{ expr: n, ...direction(ctx, model, v._count, [...path, '_count']), field: null }];
  }
  if (!isPlainObject(v)) ctx.invalid(model, path, 'a to-one relation orders by its fields: { relation: { field: "asc" } }');
  // Each related field as a scalar subquery: no join, so no duplicated rows and no alias clashes.
  const terms: OrderTerm[] = [];
  for (const [field, dir] of entries(v)) {
    const inner = ctx.alias();
    for (const t of orderEntry(ctx, target, inner, field, dir, [...path, field])) {
      terms.push({
        expr: subquery(select({ columns: [t.expr], from: target.table(inner), where: joinCondition(ctx, model, alias, relation, inner) })),
        direction: t.direction,
        nulls: t.nulls,
        field: null,
      });
    }
  }
  return terms;
}

export function orderNodes(terms: OrderTerm[], reverse = false): OrderByNode[] {
  return terms.map((t) =>
    orderNode(t.expr, reverse ? (t.direction === 'asc' ? 'desc' : 'asc') : t.direction, reverse && t.nulls ? (t.nulls === 'first' ? 'last' : 'first') : t.nulls),
  );
}
