import type { ModelInfo } from './model-info.js';
import type { Path } from './param-source.js';
import { isPlainObject, type PlanContext } from './plan-context.js';

/**
 * findUnique, update, delete and upsert need `where` to name one record: at least one unique key
 * given as a value (other filters may stand beside it, as in Prisma 5).
 */
export function checkUniqueWhere(ctx: PlanContext, model: ModelInfo, where: unknown, path: Path): void {
  if (!isPlainObject(where)) ctx.invalid(model, path, 'expected an object naming a unique field');
  for (const [key, fields] of model.uniques) {
    const v = where[key];
    if (v === undefined || v === null) continue;
    if (fields.length === 1 && !isPlainObject(v)) return;
    if (fields.length > 1 && isPlainObject(v)) return;
  }
  const keys = [...model.uniques.keys()];
  ctx.invalid(model, path, keys.length ? `name a unique field or key: ${keys.join(', ')}` : `${model.name} has no unique field`);
}
