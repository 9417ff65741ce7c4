import {
  and,
  col,
  eq,
  exists,
  FALSE,
  gt,
  gte,
  inList,
  isNotNull,
  isNull,
  like,
  likePattern,
  lower,
  lt,
  lte,
  ne,
  not,
  notInList,
  or,
  select,
  TRUE,
  lit,
  innerJoin,
  schemaTable,
  table,
  type ExpressionNode,
  type LikeMode,
  type SelectNode,
} from '@kiln/sql';
import type { RuntimeRelation } from '../runtime-schema.js';
import { checkString, ValueError } from '../values/codec.js';
import type { ColumnInfo, ModelInfo } from './model-info.js';
import type { Path } from './param-source.js';
import { entries, isPlainObject, type PlanContext } from './plan-context.js';
import { LONG_LIST } from './shape-key.js';

const FILTER_KEYS = new Set(['equals', 'not', 'in', 'notIn', 'lt', 'lte', 'gt', 'gte', 'contains', 'startsWith', 'endsWith', 'mode']);

/** `where` → a predicate on `alias`, or `undefined` when it filters nothing. */
export function buildWhere(ctx: PlanContext, model: ModelInfo, alias: string, where: unknown, path: Path): ExpressionNode | undefined {
  if (where === undefined) return undefined;
  if (!isPlainObject(where)) ctx.invalid(model, path, 'expected an object of filters');
  const parts: ExpressionNode[] = [];
  for (const [key, value] of entries(where)) {
    const at = [...path, key];
    if (key === 'AND' || key === 'OR' || key === 'NOT') {
      parts.push(logical(ctx, model, alias, key, value, at));
      continue;
    }
    const column = model.columns.get(key);
    if (column) {
      parts.push(fieldFilter(ctx, model, alias, column, value, at));
      continue;
    }
    const relation = model.relations.get(key);
    if (relation) {
      parts.push(relationFilter(ctx, model, alias, relation, value, at));
      continue;
    }
    const unique = model.uniques.get(key);
    if (unique && unique.length > 1) {
      // A compound unique key: `{ email_tenantId: { email, tenantId } }`.
      if (!isPlainObject(value)) ctx.invalid(model, at, `expected { ${unique.join(', ')} }`);
      for (const f of unique) {
        if (value[f] === undefined) ctx.invalid(model, [...at, f], 'missing part of the compound key');
        parts.push(fieldFilter(ctx, model, alias, model.columns.get(f)!, value[f], [...at, f]));
      }
      continue;
    }
    ctx.unknownField(model, path, key);
  }
  return parts.length === 0 ? undefined : parts.length === 1 ? parts[0] : and(...parts);
}

function logical(ctx: PlanContext, model: ModelInfo, alias: string, key: 'AND' | 'OR' | 'NOT', value: unknown, path: Path): ExpressionNode {
  const list = Array.isArray(value) ? value : [value];
  const preds: ExpressionNode[] = [];
  list.forEach((w, i) => {
    const p = buildWhere(ctx, model, alias, w, Array.isArray(value) ? [...path, i] : path);
    if (p) preds.push(p);
  });
  switch (key) {
    case 'AND':
      return preds.length ? and(...preds) : TRUE;
    case 'OR':
      // An empty OR matches nothing, as in Prisma.
      return preds.length ? or(...preds) : FALSE;
    case 'NOT':
      // Every condition in the list must be false, as in Prisma: NOT a AND NOT b.
      return preds.length ? (preds.length === 1 ? not(preds[0]!) : and(...preds.map((p) => not(p)))) : TRUE;
  }
}

/** The column as filters compare it (a cast where its type has no `=`, see filterOperand). */
function operand(ctx: PlanContext, alias: string, c: ColumnInfo): ExpressionNode {
  return ctx.hooks.filterOperand(col(alias, c.field.column), c.field);
}

function fieldFilter(ctx: PlanContext, model: ModelInfo, alias: string, c: ColumnInfo, value: unknown, path: Path): ExpressionNode {
  if (value === null) return isNull(col(alias, c.field.column));
  const column = operand(ctx, alias, c);
  if (!isPlainObject(value) || c.field.type === 'Json') {
    if (c.field.type === 'Json' && isPlainObject(value) && hasFilterKeys(value)) return filterObject(ctx, model, alias, c, value, path);
    return eq(column, ctx.value(model, path, c.encode));
  }
  return filterObject(ctx, model, alias, c, value, path);
}

function hasFilterKeys(o: Record<string, unknown>): boolean {
  for (const k of Object.keys(o)) if (FILTER_KEYS.has(k) && o[k] !== undefined) return true;
  return false;
}

function filterObject(ctx: PlanContext, model: ModelInfo, alias: string, c: ColumnInfo, filter: Record<string, unknown>, path: Path): ExpressionNode {
  const column = operand(ctx, alias, c);
  const insensitive = filter.mode === 'insensitive';
  if (filter.mode !== undefined && filter.mode !== 'insensitive' && filter.mode !== 'default') {
    ctx.invalid(model, [...path, 'mode'], 'expected "default" or "insensitive"');
  }
  const textual = c.field.type === 'String' && c.field.kind === 'scalar';
  const parts: ExpressionNode[] = [];
  const param = (key: string) => ctx.value(model, [...path, key], c.encode);
  const cmp = (key: string, build: (a: ExpressionNode, b: ExpressionNode) => ExpressionNode) => {
    if (insensitive && textual) return build(lower(column), lower(param(key)));
    return build(column, param(key));
  };
  for (const [key, v] of entries(filter)) {
    switch (key) {
      case 'mode':
        break;
      case 'equals':
        parts.push(v === null ? isNull(col(alias, c.field.column)) : cmp(key, eq));
        break;
      case 'not':
        if (v === null) parts.push(isNotNull(col(alias, c.field.column)));
        else if (isPlainObject(v) && c.field.type !== 'Json') {
          parts.push(not(filterObject(ctx, model, alias, c, { ...v, ...(insensitive && v.mode === undefined ? { mode: 'insensitive' } : {}) }, [...path, key])));
        } else {
          // Prisma's `not: x` also keeps rows where the column is NULL? No: SQL's <> drops NULLs, as Prisma does.
          parts.push(cmp(key, ne));
        }
        break;
      case 'in':
      case 'notIn': {
        if (!Array.isArray(v)) ctx.invalid(model, [...path, key], 'expected a list');
        if (v.length > LONG_LIST) {
          // One parameter for the whole list: no bound-parameter limit, one plan for any length
          // (the shape key says only "long").
          if (c.field.type === 'Bytes') ctx.invalid(model, [...path, key], `an in-list of Bytes values takes at most ${LONG_LIST} items`);
          const fold = insensitive && textual;
          const list = ctx.value(model, [...path, key], (arr) => {
            if (!Array.isArray(arr)) throw new ValueError('expected a list');
            return ctx.hooks.encodeKeyList(arr.map((x) => (fold ? String(c.encode(x)).toLowerCase() : c.encode(x))));
          });
          const member = ctx.hooks.inKeyList(fold ? lower(column) : column, list);
          parts.push(key === 'in' ? member : not(member));
          break;
        }
        const items = v.map((_, i) => {
          const p = ctx.value(model, [...path, key, i], c.encode);
          return insensitive && textual ? lower(p) : p;
        });
        const target = insensitive && textual ? lower(column) : column;
        parts.push(key === 'in' ? inList(target, items) : notInList(target, items));
        break;
      }
      case 'lt':
        parts.push(cmp(key, lt));
        break;
      case 'lte':
        parts.push(cmp(key, lte));
        break;
      case 'gt':
        parts.push(cmp(key, gt));
        break;
      case 'gte':
        parts.push(cmp(key, gte));
        break;
      case 'contains':
      case 'startsWith':
      case 'endsWith': {
        if (!textual) ctx.invalid(model, [...path, key], `${key} applies to String fields`);
        const mode = key as LikeMode;
        const nulOk = ctx.hooks.likeMatchesNul;
        const pattern = ctx.value(model, [...path, key], (x) => {
          const text = checkString(x);
          // Refused rather than silently matching everything after the NUL.
          if (!nulOk && text.includes('\0')) throw new ValueError(`${key} cannot search for a NUL character on this database; use equals or a raw query`);
          return likePattern(mode, text);
        });
        parts.push(like(column, pattern, { escape: '!', caseInsensitive: insensitive }));
        break;
      }
      default:
        ctx.invalid(model, [...path, key], `unknown filter "${key}"; use ${[...FILTER_KEYS].join(', ')}`);
    }
  }
  return parts.length === 0 ? TRUE : parts.length === 1 ? parts[0]! : and(...parts);
}

/** How rows of `relation`'s model (as `inner`) join rows of its owner (as `outer`). */
export function joinCondition(ctx: PlanContext, owner: ModelInfo, outer: string, relation: RuntimeRelation, inner: string): ExpressionNode {
  const target = ctx.info.model(relation.type);
  const parts = relation.localFields.map((lf, i) => eq(target.column(inner, relation.targetFields[i]!), owner.column(outer, lf)));
  return parts.length === 1 ? parts[0]! : and(...parts);
}

/**
 * `SELECT <columns> FROM related WHERE <joins owner> AND <extra>`, correlated with the owner's
 * alias; an m:n relation goes through its join table. The base of relation filters and counts.
 */
export function relatedQuery(
  ctx: PlanContext,
  owner: ModelInfo,
  outer: string,
  relation: RuntimeRelation,
  columns: ExpressionNode[],
  extra: (inner: string) => ExpressionNode | undefined,
): SelectNode {
  const target = ctx.info.model(relation.type);
  const inner = ctx.alias();
  const conditions: ExpressionNode[] = [];
  if (relation.keyOn === 'join') {
    const jt = relation.joinTable!;
    const j = ctx.alias();
    const joinTable = jt.schema ? schemaTable(jt.schema, jt.name, j) : table(jt.name, j);
    conditions.push(eq(col(j, jt.localColumn), owner.column(outer, relation.localFields[0]!)));
    const more = extra(inner);
    if (more) conditions.push(more);
    return select({
      columns,
      from: target.table(inner),
      joins: [innerJoin(joinTable, eq(col(j, jt.targetColumn), target.column(inner, relation.targetFields[0]!)))],
      where: conditions.length === 1 ? conditions[0] : and(...conditions),
    });
  }
  conditions.push(joinCondition(ctx, owner, outer, relation, inner));
  const more = extra(inner);
  if (more) conditions.push(more);
  return select({ columns, from: target.table(inner), where: conditions.length === 1 ? conditions[0] : and(...conditions) });
}

export function relatedExists(ctx: PlanContext, owner: ModelInfo, outer: string, relation: RuntimeRelation, extra: (inner: string) => ExpressionNode | undefined): ExpressionNode {
  return exists(relatedQuery(ctx, owner, outer, relation, [lit(1)], extra));
}

function relationFilter(ctx: PlanContext, model: ModelInfo, alias: string, relation: RuntimeRelation, value: unknown, path: Path): ExpressionNode {
  const target = ctx.info.model(relation.type);
  const sub = (w: unknown, at: Path) => (inner: string) => buildWhere(ctx, target, inner, w, at);
  if (relation.list) {
    if (!isPlainObject(value)) ctx.invalid(model, path, 'expected { some }, { every } or { none }');
    const parts: ExpressionNode[] = [];
    for (const [key, w] of entries(value)) {
      const at = [...path, key];
      if (key === 'some') parts.push(relatedExists(ctx, model, alias, relation, sub(w, at)));
      else if (key === 'none') parts.push(not(relatedExists(ctx, model, alias, relation, sub(w, at))));
      else if (key === 'every') {
        // Every related row matches: no related row fails to match.
        parts.push(not(relatedExists(ctx, model, alias, relation, (inner) => {
          const p = buildWhere(ctx, target, inner, w, at);
          return p ? not(p) : FALSE;
        })));
      } else ctx.invalid(model, at, `unknown list relation filter "${key}"; use some, every or none`);
    }
    return parts.length === 1 ? parts[0]! : and(...parts);
  }
  if (value === null) return toOneIsNull(ctx, model, alias, relation, true);
  if (!isPlainObject(value)) ctx.invalid(model, path, 'expected a filter, { is } or { isNot }');
  if (value.is !== undefined || value.isNot !== undefined) {
    const parts: ExpressionNode[] = [];
    for (const [key, w] of entries(value)) {
      const at = [...path, key];
      if (key === 'is') parts.push(w === null ? toOneIsNull(ctx, model, alias, relation, true) : relatedExists(ctx, model, alias, relation, sub(w, at)));
      else if (key === 'isNot') parts.push(w === null ? toOneIsNull(ctx, model, alias, relation, false) : not(relatedExists(ctx, model, alias, relation, sub(w, at))));
      else ctx.invalid(model, at, `unknown relation filter "${key}"; use is or isNot`);
    }
    return parts.length === 1 ? parts[0]! : and(...parts);
  }
  return relatedExists(ctx, model, alias, relation, sub(value, path));
}

/** Whether a to-one relation is absent: a NULL key when this side holds it, else no related row. */
function toOneIsNull(ctx: PlanContext, model: ModelInfo, alias: string, relation: RuntimeRelation, absent: boolean): ExpressionNode {
  if (relation.keyOn === 'local') {
    const cols = relation.localFields.map((f) => model.column(alias, f));
    const preds = cols.map((c) => (absent ? isNull(c) : isNotNull(c)));
    return preds.length === 1 ? preds[0]! : absent ? or(...preds) : and(...preds);
  }
  const e = relatedExists(ctx, model, alias, relation, () => undefined);
  return absent ? not(e) : e;
}
