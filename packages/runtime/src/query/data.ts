import { add, div, mul, sub, type ExpressionNode, type ParamNode } from '@kiln/sql';
import { checkFloat, checkInt, ValueError } from '../values/codec.js';
import { defaultGenerator } from '../values/id-generators.js';
import type { ColumnInfo, ModelInfo } from './model-info.js';
import type { Path } from './param-source.js';
import { entries, isPlainObject, type PlanContext } from './plan-context.js';

/** `data` of a create or update, split into columns and nested relation writes. */
export interface SplitData {
  scalars: [string, unknown][];
  relations: [string, unknown][];
}

export function splitData(ctx: PlanContext, model: ModelInfo, data: unknown, path: Path): SplitData {
  if (!isPlainObject(data)) ctx.invalid(model, path, 'expected an object of field values');
  const out: SplitData = { scalars: [], relations: [] };
  for (const [key, v] of entries(data)) {
    if (model.columns.has(key)) out.scalars.push([key, v]);
    else if (model.relations.has(key)) out.relations.push([key, v]);
    else ctx.unknownField(model, path, key);
  }
  return out;
}

/** The parameter for a column's value at `path`: encoded and validated per call. */
export function columnValue(ctx: PlanContext, model: ModelInfo, c: ColumnInfo, path: Path): ParamNode {
  return ctx.value(model, path, (v) => (v === null ? nullCheck(c, v) : c.encode(v)));
}

function nullCheck(c: ColumnInfo, v: null): null {
  // A ValueError is turned into a validation error naming the model and the argument path.
  if (!c.field.optional) throw new ValueError(`${c.field.name} is required and cannot be null`);
  return v;
}

/** Columns a create fills on its own: client-generated defaults and `@updatedAt`. */
export function generatedColumns(model: ModelInfo, given: ReadonlySet<string>): [ColumnInfo, () => unknown][] {
  const out: [ColumnInfo, () => unknown][] = [];
  for (const c of model.columns.values()) {
    if (given.has(c.field.name)) continue;
    const d = c.field.default;
    if (d?.kind === 'generate') {
      const gen = defaultGenerator(d.fn, d.args);
      out.push([c, () => c.encode(gen())]);
    } else if (c.field.updatedAt) out.push([c, () => c.encode(new Date())]);
  }
  return out;
}

/** Fields a create must be given: required, no default, not `@updatedAt`, not a list. */
export function missingRequired(model: ModelInfo, given: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (const c of model.columns.values()) {
    const f = c.field;
    if (!given.has(f.name) && !f.optional && !f.list && !f.default && !f.updatedAt && f.kind !== 'unsupported') out.push(f.name);
  }
  return out;
}

const ATOMIC = new Set(['set', 'increment', 'decrement', 'multiply', 'divide']);

/** The new value of a column in an UPDATE: a value, `{ set }`, or an atomic number operation. */
export function updateExpression(ctx: PlanContext, model: ModelInfo, c: ColumnInfo, v: unknown, path: Path, current: ExpressionNode): ExpressionNode {
  if (!isPlainObject(v) || c.field.type === 'Json') return columnValue(ctx, model, c, path);
  const ops = entries(v);
  if (ops.length !== 1 || !ATOMIC.has(ops[0]![0])) ctx.invalid(model, path, 'expected a value, { set }, or one of increment, decrement, multiply, divide');
  const [op] = ops[0]!;
  if (op === 'set') return columnValue(ctx, model, c, [...path, 'set']);
  const numeric = ['Int', 'BigInt', 'Float', 'Decimal'].includes(c.field.type) && c.field.kind === 'scalar';
  if (!numeric) ctx.invalid(model, [...path, op], `${op} applies to number fields`);
  const check = c.field.type === 'Int' ? checkInt : c.field.type === 'Float' ? checkFloat : c.encode;
  const p = ctx.value(model, [...path, op], check);
  switch (op) {
    case 'increment':
      return add(current, p);
    case 'decrement':
      return sub(current, p);
    case 'multiply':
      return mul(current, p);
    default:
      return c.field.type === 'Int' || c.field.type === 'BigInt' ? ctx.hooks.integerDivide(current, p) : div(current, p);
  }
}
