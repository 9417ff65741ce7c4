import type { RuntimeRelation } from '../runtime-schema.js';
import type { ModelInfo } from './model-info.js';
import type { Path } from './param-source.js';
import { entries, isPlainObject, type PlanContext } from './plan-context.js';

/** A relation to load beside the rows, with its own arguments and selection. */
export interface RelationSelection {
  name: string;
  relation: RuntimeRelation;
  /** The relation's own arguments (`where`, `orderBy`, `take`, `skip`, `cursor`...), and their path. */
  args: Record<string, unknown>;
  path: Path;
  selection: Selection;
}

export interface CountSelection {
  name: string;
  relation: RuntimeRelation;
  where: unknown;
  path: Path;
}

/** What to return for one model: scalar fields, relations and `_count`. */
export interface Selection {
  model: ModelInfo;
  fields: string[];
  relations: RelationSelection[];
  counts: CountSelection[];
}

/**
 * Reads `select` / `include` / `omit` (never both select and include at one level, as in
 * Prisma). Relations in `select` behave like `include`; `true` means default arguments.
 */
export function readSelection(ctx: PlanContext, model: ModelInfo, args: Record<string, unknown> | undefined, path: Path): Selection {
  const sel = args?.select;
  const inc = args?.include;
  const omit = args?.omit;
  if (sel !== undefined && inc !== undefined) ctx.invalid(model, path, 'use either `select` or `include`, not both');
  if (sel !== undefined && omit !== undefined) ctx.invalid(model, path, 'use either `select` or `omit`, not both');
  const out: Selection = { model, fields: [], relations: [], counts: [] };

  if (sel !== undefined && sel !== null) {
    if (!isPlainObject(sel)) ctx.invalid(model, [...path, 'select'], 'expected an object of fields');
    for (const [key, v] of entries(sel)) readEntry(ctx, model, out, key, v, [...path, 'select'], true);
    return out;
  }
  const omitted = new Set<string>();
  if (omit !== undefined && omit !== null) {
    if (!isPlainObject(omit)) ctx.invalid(model, [...path, 'omit'], 'expected an object of fields');
    for (const [key, v] of entries(omit)) {
      if (!model.columns.has(key)) ctx.unknownField(model, [...path, 'omit'], key, 'scalar field');
      if (v === true) omitted.add(key);
    }
  }
  for (const f of model.defaultFields) if (!omitted.has(f)) out.fields.push(f);
  if (inc !== undefined && inc !== null) {
    if (!isPlainObject(inc)) ctx.invalid(model, [...path, 'include'], 'expected an object of relations');
    for (const [key, v] of entries(inc)) {
      if (model.columns.has(key)) ctx.invalid(model, [...path, 'include', key], 'scalar fields are always included; use select to choose them');
      readEntry(ctx, model, out, key, v, [...path, 'include'], false);
    }
  }
  return out;
}

function readEntry(ctx: PlanContext, model: ModelInfo, out: Selection, key: string, v: unknown, path: Path, inSelect: boolean): void {
  const at = [...path, key];
  if (key === '_count') {
    if (v === false) return;
    readCounts(ctx, model, out, v, at);
    return;
  }
  if (inSelect && model.columns.has(key)) {
    if (typeof v !== 'boolean') ctx.invalid(model, at, 'expected true or false');
    if (v) out.fields.push(key);
    return;
  }
  const relation = model.relations.get(key);
  if (!relation) return ctx.unknownField(model, path, key, inSelect ? 'field' : 'relation');
  if (v === false) return;
  if (v !== true && !isPlainObject(v)) ctx.invalid(model, at, 'expected true, false or an object of arguments');
  const args = v === true ? {} : v;
  const target = ctx.info.model(relation.type);
  if (!relation.list) {
    for (const k of ['where', 'orderBy', 'take', 'skip', 'cursor', 'distinct']) {
      if (args[k] !== undefined) ctx.invalid(model, [...at, k], `"${k}" applies only to list relations`);
    }
  }
  out.relations.push({ name: key, relation, args, path: at, selection: readSelection(ctx, target, args, at) });
}

function readCounts(ctx: PlanContext, model: ModelInfo, out: Selection, v: unknown, path: Path): void {
  const listRelations = [...model.relations.values()].filter((r) => r.list);
  if (v === true) {
    for (const r of listRelations) out.counts.push({ name: r.name, relation: r, where: undefined, path });
    return;
  }
  if (!isPlainObject(v) || !isPlainObject(v.select)) ctx.invalid(model, path, 'expected true or { select: { relation: true } }');
  for (const [key, c] of entries(v.select)) {
    const relation = model.relations.get(key);
    if (!relation || !relation.list) ctx.unknownField(model, [...path, 'select'], key, 'list relation');
    if (c === false) continue;
    if (c !== true && !(isPlainObject(c) && (c.where === undefined || isPlainObject(c.where)))) {
      ctx.invalid(model, [...path, 'select', key], 'expected true or { where }');
    }
    out.counts.push({ name: key, relation, where: c === true ? undefined : c.where, path: [...path, 'select', key, 'where'] });
  }
}
