import type { ExpressionNode } from './expression.js';
import type { OrderByNode } from './order-by.js';

export interface JsonEntry {
  /** Written as a string literal: keys come from the schema (field names), never from users. */
  readonly key: string;
  readonly value: ExpressionNode;
}

/**
 * A JSON object built from key/value pairs: sqlite `json_object`, postgres
 * `jsonb_build_object` (or `json_build_object`), mysql `JSON_OBJECT`. Objects with more
 * than 50 keys are split to stay under the 100-argument limit of postgres functions and the
 * 127-argument default limit of sqlite (< 3.48); see the dialect compilers.
 */
export interface JsonObjectNode {
  readonly kind: 'JsonObject';
  readonly entries: readonly JsonEntry[];
}

/**
 * A JSON array of the values, in order: sqlite `json_array`, postgres `json_build_array` (or
 * `jsonb_build_array`), mysql `JSON_ARRAY`. Arrays longer than 100 items are split to stay under
 * the 100-argument limit of postgres functions and the 127-argument default limit of sqlite
 * (< 3.48); see the dialect compilers.
 */
export interface JsonArrayNode {
  readonly kind: 'JsonArray';
  readonly items: readonly ExpressionNode[];
}

/**
 * Aggregates `expr` over the group into a JSON array, `[]` (never NULL) for no rows:
 * sqlite `json_group_array`, postgres `COALESCE(json_agg(..), '[]')` (or `jsonb_agg`), mysql
 * `COALESCE(JSON_ARRAYAGG(..), JSON_ARRAY())`.
 *
 * `orderBy` is written inside the aggregate and needs capability `jsonAggOrderBy`
 * (postgres yes; sqlite 3.44+; MySQL no; MariaDB 10.5+ yes). Without it the compiler throws;
 * ordering a derived table instead is not reliable on MySQL (the optimizer may drop a derived
 * table's ORDER BY), so the runtime should sort the decoded array itself or load the ordered
 * relation with a separate query.
 *
 * `limit` / `offset` keep only part of the ordered group (MariaDB's
 * `JSON_ARRAYAGG(.. ORDER BY .. LIMIT n OFFSET m)`), capability `jsonAggLimit`.
 */
export interface JsonArrayAggNode {
  readonly kind: 'JsonArrayAgg';
  readonly expr: ExpressionNode;
  readonly orderBy: readonly OrderByNode[];
  readonly limit: ExpressionNode | undefined;
  readonly offset: ExpressionNode | undefined;
}

/** The part of an aggregated group to keep, inside the aggregate (capability `jsonAggLimit`). */
export interface JsonAggPage {
  readonly limit?: ExpressionNode;
  readonly offset?: ExpressionNode;
}

/**
 * Marks `expr` as already being JSON (a nested relation subquery, a Json column) so that
 * it is embedded as JSON, not as a string, when placed inside a JSON object or array.
 * sqlite wraps it in `json(..)` (a subquery drops the JSON subtype of its result); MariaDB
 * wraps it in `JSON_EXTRACT(.., '$')` for the same reason; postgres and MySQL need nothing
 * because their JSON values are typed.
 */
export interface JsonValueNode {
  readonly kind: 'JsonValue';
  readonly expr: ExpressionNode;
}

export function jsonObject(entries: readonly JsonEntry[] | Readonly<Record<string, ExpressionNode>>): JsonObjectNode {
  if (Array.isArray(entries)) return { kind: 'JsonObject', entries: entries as readonly JsonEntry[] };
  const list: JsonEntry[] = [];
  for (const key of Object.keys(entries)) list.push({ key, value: (entries as Record<string, ExpressionNode>)[key]! });
  return { kind: 'JsonObject', entries: list };
}

export function jsonArray(items: readonly ExpressionNode[]): JsonArrayNode {
  return { kind: 'JsonArray', items };
}

export function jsonArrayAgg(expr: ExpressionNode, orderBy: readonly OrderByNode[] = [], page: JsonAggPage = {}): JsonArrayAggNode {
  return { kind: 'JsonArrayAgg', expr, orderBy, limit: page.limit, offset: page.offset };
}

export function jsonValue(expr: ExpressionNode): JsonValueNode {
  return { kind: 'JsonValue', expr };
}
