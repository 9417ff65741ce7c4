import { aggregate as agg, and, as, count, derived, eq, gt, gte, lt, lte, ne, select, type AggregateFunction, type ExpressionNode, type SelectionNode } from '@kiln/sql';
import type { Row } from '../driver/driver.js';
import { checkDecimal, type Decoder } from '../values/codec.js';
import { compileStatement, type CompiledStatement } from './compiled.js';
import type { ModelInfo } from './model-info.js';
import { orderNodes, readOrderBy } from './order-by.js';
import { bindParams, type Path } from './param-source.js';
import { entries, isPlainObject, type PlanContext } from './plan-context.js';
import type { ExecContext } from './read-exec.js';
import { limitParam, skipParam } from './read-plan.js';
import { buildWhere } from './where.js';

type Args = Record<string, unknown>;
const OPS = { _count: 'COUNT', _sum: 'SUM', _avg: 'AVG', _min: 'MIN', _max: 'MAX' } as const satisfies Record<string, AggregateFunction>;
type Op = keyof typeof OPS;
const NUMERIC = new Set(['Int', 'BigInt', 'Float', 'Decimal']);

/** One output value: `_sum.views` is read from the column alias `_sum.views`. */
interface Output {
  op: Op;
  field: string | null; // null: `_count._all` or `_count: true`
  alias: string;
  decode: (v: unknown) => unknown;
}

export interface AggregatePlan {
  stmt: CompiledStatement;
  outputs: Output[];
  /** `_count: true` returns a number, `_count: { ... }` an object. */
  countIsNumber: boolean;
  groupFields: [string, Decoder | null][];
}

const toNumber = (v: unknown) => (v === null ? null : Number(v));

/** Decoding an aggregate: counts are numbers; sums and averages keep the field's numeric type. */
function decoderFor(model: ModelInfo, op: Op, field: string | null): (v: unknown) => unknown {
  if (op === '_count' || field === null) return (v) => Number(v ?? 0);
  const c = model.columns.get(field)!;
  const type = c.field.type;
  // Decimal sums and averages read as the column does, so they get its precision rules.
  const decimal = (v: unknown) => (v === null ? null : c.decode ? c.decode(v) : String(v));
  if (op === '_avg') return type === 'Decimal' ? decimal : toNumber;
  if (op === '_sum') {
    if (type === 'BigInt') return (v) => (v === null ? null : BigInt(v as number));
    if (type === 'Decimal') return decimal;
    return toNumber;
  }
  return (v) => (v === null || v === undefined ? null : c.decode ? c.decode(v) : v);
}

/** `op(field)`; the average of integers through the dialect, so it is a double everywhere. */
function aggregateOf(ctx: PlanContext, model: ModelInfo, op: Op, alias: string, field: string): ExpressionNode {
  const column = model.column(alias, field);
  const f = model.columns.get(field)!.field;
  if (op === '_avg' && f.kind === 'scalar' && (f.type === 'Int' || f.type === 'BigInt')) return ctx.hooks.integerAverage(column);
  return agg(OPS[op], column);
}

function readAggregates(ctx: PlanContext, model: ModelInfo, args: Args, alias: string, path: Path): { columns: SelectionNode[]; outputs: Output[]; countIsNumber: boolean } {
  const columns: SelectionNode[] = [];
  const outputs: Output[] = [];
  let countIsNumber = false;
  for (const op of Object.keys(OPS) as Op[]) {
    const spec = args[op];
    if (spec === undefined || spec === false) continue;
    if (op === '_count' && spec === true) {
      countIsNumber = true;
      columns.push(as(count(), '_count._all'));
      outputs.push({ op, field: null, alias: '_count._all', decode: decoderFor(model, op, null) });
      continue;
    }
    if (!isPlainObject(spec)) ctx.invalid(model, [...path, op], 'expected { field: true }');
    for (const [field, on] of entries(spec)) {
      if (on !== true) continue;
      const name = `${op}.${field}`;
      if (op === '_count' && field === '_all') {
        columns.push(as(count(), name));
        outputs.push({ op, field: null, alias: name, decode: decoderFor(model, op, null) });
        continue;
      }
      const c = model.columns.get(field);
      if (!c) ctx.unknownField(model, [...path, op], field, 'scalar field');
      if ((op === '_sum' || op === '_avg') && !(c.field.kind === 'scalar' && NUMERIC.has(c.field.type))) {
        ctx.invalid(model, [...path, op, field], `${op} applies to number fields`);
      }
      columns.push(as(aggregateOf(ctx, model, op, alias, field), name));
      outputs.push({ op, field, alias: name, decode: decoderFor(model, op, field) });
    }
  }
  return { columns, outputs, countIsNumber };
}

/** Rows restricted by where / orderBy / cursor / take / skip, as a derived table when paginated. */
function source(ctx: PlanContext, model: ModelInfo, args: Args, alias: string, columns: (inner: string) => SelectionNode[]) {
  const paginated = args.take !== undefined || args.skip !== undefined;
  if (!paginated) {
    const where = buildWhere(ctx, model, alias, args.where, ['where']);
    return { from: model.table(alias), where, alias };
  }
  const inner = ctx.alias();
  const where = buildWhere(ctx, model, inner, args.where, ['where']);
  // A negative take reads the last rows of the order: reverse it (which rows, not their order, matters).
  const reverse = typeof args.take === 'number' && args.take < 0;
  const order = orderNodes(readOrderBy(ctx, model, inner, args.orderBy, ['orderBy']), reverse);
  const sub = select({
    columns: columns(inner),
    from: model.table(inner),
    ...(where ? { where } : {}),
    orderBy: order,
    ...(args.take !== undefined ? { limit: limitParam(ctx, model, ['take']) } : {}),
    ...(args.skip !== undefined ? { offset: skipParam(ctx, model, ['skip']) } : {}),
  });
  return { from: derived(sub, alias), where: undefined as ExpressionNode | undefined, alias };
}

const allColumns = (model: ModelInfo) => (inner: string) => [...model.columns.keys()].map((f) => as(model.column(inner, f), model.columns.get(f)!.field.column));

export function planAggregate(ctx: PlanContext, model: ModelInfo, args: Args): AggregatePlan {
  const alias = ctx.alias();
  const src = source(ctx, model, args, alias, allColumns(model));
  const { columns, outputs, countIsNumber } = readAggregates(ctx, model, args, alias, []);
  if (columns.length === 0) ctx.invalid(model, [], 'aggregate needs at least one of _count, _sum, _avg, _min, _max');
  const node = select({ columns, from: src.from, ...(src.where ? { where: src.where } : {}) });
  return { stmt: compileStatement(ctx, node, model.hasBigInts), outputs, countIsNumber, groupFields: [] };
}

export function planCount(ctx: PlanContext, model: ModelInfo, args: Args): AggregatePlan {
  const sel = args.select;
  const countArgs: Args = { ...args, _count: sel === undefined || sel === true ? true : sel };
  delete countArgs.select;
  return planAggregate(ctx, model, countArgs);
}

export function planGroupBy(ctx: PlanContext, model: ModelInfo, args: Args): AggregatePlan {
  const by = Array.isArray(args.by) ? args.by : args.by === undefined ? [] : [args.by];
  if (by.length === 0) ctx.invalid(model, ['by'], 'groupBy needs at least one field in `by`');
  for (const f of by) if (typeof f !== 'string' || !model.columns.has(f)) ctx.unknownField(model, ['by'], String(f), 'scalar field');
  const alias = ctx.alias();
  const where = buildWhere(ctx, model, alias, args.where, ['where']);
  const { columns, outputs, countIsNumber } = readAggregates(ctx, model, args, alias, []);
  const groupCols = (by as string[]).map((f) => model.column(alias, f));
  const having = buildHaving(ctx, model, alias, args.having, ['having']);
  const order = groupOrder(ctx, model, alias, args.orderBy, by as string[]);
  if ((args.take !== undefined || args.skip !== undefined) && order.length === 0) {
    ctx.invalid(model, ['orderBy'], 'groupBy with take or skip needs orderBy');
  }
  const node = select({
    columns: [...(by as string[]).map((f) => as(model.column(alias, f), f)), ...columns],
    from: model.table(alias),
    ...(where ? { where } : {}),
    groupBy: groupCols,
    ...(having ? { having } : {}),
    orderBy: order,
    ...(args.take !== undefined ? { limit: limitParam(ctx, model, ['take']) } : {}),
    ...(args.skip !== undefined ? { offset: skipParam(ctx, model, ['skip']) } : {}),
  });
  return {
    stmt: compileStatement(ctx, node, model.hasBigInts),
    outputs,
    countIsNumber,
    groupFields: (by as string[]).map((f) => [f, model.columns.get(f)!.decode]),
  };
}

/** groupBy's orderBy: by-fields, or an aggregate `{ _count: { field: 'desc' } }`. */
function groupOrder(ctx: PlanContext, model: ModelInfo, alias: string, value: unknown, by: string[]) {
  if (value === undefined) return [];
  const list = Array.isArray(value) ? value : [value];
  const out: ReturnType<typeof orderNodes> = [];
  list.forEach((item, i) => {
    const at = Array.isArray(value) ? ['orderBy', i] : ['orderBy'];
    if (!isPlainObject(item)) ctx.invalid(model, at, 'expected { field: "asc" | "desc" }');
    for (const [k, v] of entries(item)) {
      if (Object.hasOwn(OPS, k) && isPlainObject(v)) {
        for (const [field, dir] of entries(v)) {
          if (field !== '_all' && !model.columns.has(field)) ctx.unknownField(model, [...at, k], field, 'scalar field');
          const expr = field === '_all' ? count() : aggregateOf(ctx, model, k as Op, alias, field);
          out.push(...orderNodes([{ expr, direction: dir === 'desc' ? 'desc' : 'asc', nulls: undefined, field: null }]));
        }
      } else {
        if (!by.includes(k)) ctx.invalid(model, [...at, k], 'groupBy can order only by fields in `by` or by aggregates');
        out.push(...orderNodes(readOrderBy(ctx, model, alias, { [k]: v }, at)));
      }
    }
  });
  return out;
}

/** `having`: scalar filters on by-fields, or aggregate filters `{ field: { _avg: { gt: 1 } } }`. */
function buildHaving(ctx: PlanContext, model: ModelInfo, alias: string, having: unknown, path: Path): ExpressionNode | undefined {
  if (having === undefined) return undefined;
  if (!isPlainObject(having)) ctx.invalid(model, path, 'expected an object of filters');
  const parts: ExpressionNode[] = [];
  for (const [field, filter] of entries(having)) {
    if (field === 'AND' || field === 'OR' || field === 'NOT') {
      const plain = buildWhere(ctx, model, alias, { [field]: filter }, path);
      if (plain) parts.push(plain);
      continue;
    }
    if (!model.columns.has(field)) ctx.unknownField(model, path, field, 'scalar field');
    if (isPlainObject(filter) && Object.keys(filter).some((k) => Object.hasOwn(OPS, k))) {
      for (const [op, f] of entries(filter)) {
        if (!Object.hasOwn(OPS, op)) ctx.invalid(model, [...path, field, op], 'mix aggregate filters with AND instead');
        const expr = aggregateOf(ctx, model, op as Op, alias, field);
        const p = aggregateFilter(ctx, model, expr, f, [...path, field, op]);
        if (p) parts.push(p);
      }
    } else {
      const p = buildWhere(ctx, model, alias, { [field]: filter }, path);
      if (p) parts.push(p);
    }
  }
  return parts.length === 0 ? undefined : parts.length === 1 ? parts[0] : and(...parts);
}

function aggregateFilter(ctx: PlanContext, model: ModelInfo, expr: ExpressionNode, filter: unknown, path: Path): ExpressionNode | undefined {
  if (!isPlainObject(filter)) ctx.invalid(model, path, 'expected { gt, gte, lt, lte, equals, not }');
  const parts: ExpressionNode[] = [];
  for (const [op] of entries(filter)) {
    // Bound as a number: SQLite compares an aggregate with text by type, not by value.
    const p = ctx.value(model, [...path, op], (v) => (typeof v === 'bigint' ? v : Number(checkDecimal(v))));
    switch (op) {
      case 'equals': parts.push(eq(expr, p)); break;
      case 'not': parts.push(ne(expr, p)); break;
      case 'gt': parts.push(gt(expr, p)); break;
      case 'gte': parts.push(gte(expr, p)); break;
      case 'lt': parts.push(lt(expr, p)); break;
      case 'lte': parts.push(lte(expr, p)); break;
      default: ctx.invalid(model, [...path, op], 'expected gt, gte, lt, lte, equals or not');
    }
  }
  return parts.length === 0 ? undefined : parts.length === 1 ? parts[0] : and(...parts);
}


function shapeRow(plan: AggregatePlan, row: Row): Row {
  const out: Row = {};
  for (const [f, d] of plan.groupFields) {
    const v = row[f];
    out[f] = d && v !== null && v !== undefined ? d(v) : v;
  }
  for (const o of plan.outputs) {
    const v = o.decode(row[o.alias] ?? null);
    if (o.op === '_count' && o.field === null && plan.countIsNumber) {
      out._count = v;
      continue;
    }
    const group = (out[o.op] ??= {}) as Row;
    group[o.field ?? '_all'] = v;
  }
  return out;
}

export async function runAggregate(ex: ExecContext, plan: AggregatePlan, args: unknown): Promise<Row> {
  const rows = await ex.query(plan.stmt.sql, bindParams(plan.stmt.sources, args), plan.stmt.bigints);
  return shapeRow(plan, rows[0] ?? {});
}

/** `count()` is a number; `count({ select })` is `{ _all, field... }`. */
export async function runCount(ex: ExecContext, plan: AggregatePlan, args: unknown): Promise<unknown> {
  return (await runAggregate(ex, plan, args))._count;
}

export async function runGroupBy(ex: ExecContext, plan: AggregatePlan, args: unknown): Promise<Row[]> {
  const rows = await ex.query(plan.stmt.sql, bindParams(plan.stmt.sources, args), plan.stmt.bigints);
  return rows.map((r) => shapeRow(plan, r));
}

