import type { RuntimeColumn } from '../runtime-schema.js';
import type { ModelInfo } from './model-info.js';
import type { OrderTerm } from './order-by.js';
import { entries, isPlainObject, type PlanContext } from './plan-context.js';

/**
 * The column each ORDER BY term sorts by (`null` for a relation's `_count`), in the order
 * `readOrderBy` returns the terms, for terms it already accepted. Sorting in memory needs the
 * type of what is sorted; a term on a to-one relation's field names only its subquery.
 */
export function termColumns(ctx: PlanContext, model: ModelInfo, orderBy: unknown, terms: readonly OrderTerm[]): (RuntimeColumn | null)[] {
  const written: (RuntimeColumn | null)[] = [];
  if (orderBy !== undefined) for (const item of Array.isArray(orderBy) ? orderBy : [orderBy]) collect(ctx, model, item, written);
  // Terms past the written ones are primary-key tie-breakers: own fields.
  return terms.map((t, i) => (t.field !== null ? model.columns.get(t.field)!.field : (written[i] ?? null)));
}

function collect(ctx: PlanContext, model: ModelInfo, item: unknown, out: (RuntimeColumn | null)[]): void {
  if (!isPlainObject(item)) return;
  for (const [key, v] of entries(item)) {
    const column = model.columns.get(key);
    if (column) {
      out.push(column.field);
      continue;
    }
    const relation = model.relations.get(key);
    if (!relation) continue;
    if (relation.list) out.push(null);
    else collect(ctx, ctx.info.model(relation.type), v, out);
  }
}
