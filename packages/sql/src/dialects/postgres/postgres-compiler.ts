import type { Capabilities } from '../../compiler/capabilities.js';
import { PREC_COMPARISON } from '../../compiler/precedence.js';
import { QueryCompiler } from '../../compiler/query-compiler.js';
import type { CastType } from '../../nodes/cast.js';
import type { JsonArrayAggNode, JsonArrayNode, JsonObjectNode, JsonValueNode } from '../../nodes/json.js';
import type { LikeNode } from '../../nodes/like.js';
import type { OnConflictNode } from '../../nodes/on-conflict.js';

export type PostgresJsonType = 'jsonb' | 'json';

const CAST_TYPES: Readonly<Record<Exclude<CastType, 'json'>, string>> = {
  text: 'text',
  integer: 'integer',
  bigint: 'bigint',
  double: 'double precision',
  decimal: 'numeric',
  boolean: 'boolean',
  datetime: 'timestamp(3)',
  date: 'date',
  bytes: 'bytea',
};

/** Functions take at most 100 arguments (FUNC_MAX_ARGS): 50 key/value pairs per call. */
const JSON_PAIRS_PER_CALL = 50;
/** ...and 100 array items. */
const JSON_ITEMS_PER_CALL = 100;

export class PostgresCompiler extends QueryCompiler {
  private readonly buildObject: string;
  private readonly buildArray: string;
  private readonly agg: string;
  private readonly emptyArray: string;

  constructor(
    capabilities: Capabilities,
    private readonly jsonType: PostgresJsonType,
  ) {
    super('postgres', capabilities);
    this.buildObject = jsonType === 'jsonb' ? 'jsonb_build_object(' : 'json_build_object(';
    this.buildArray = jsonType === 'jsonb' ? 'jsonb_build_array(' : 'json_build_array(';
    this.agg = jsonType === 'jsonb' ? 'jsonb_agg(' : 'json_agg(';
    this.emptyArray = jsonType === 'jsonb' ? ", '[]'::jsonb)" : ", '[]'::json)";
  }

  override placeholder(position: number): string {
    return '$' + position;
  }

  protected override castTypeName(type: CastType): string {
    if (type === 'json') return this.jsonType;
    const name = CAST_TYPES[type];
    if (name === undefined) throw this.invalid(`unknown cast type ${JSON.stringify(type)}`);
    return name;
  }

  // DO UPDATE must name the unique index it arbitrates on; only DO NOTHING may leave it out.
  // https://www.postgresql.org/docs/current/sql-insert.html#SQL-ON-CONFLICT
  protected override onConflict(node: OnConflictNode): void {
    if (node.kind === 'OnConflictDoUpdate' && (node.target === undefined || node.target.length === 0)) {
      throw this.invalid('ON CONFLICT DO UPDATE needs a conflict target (the columns of a unique index)');
    }
    super.onConflict(node);
  }

  protected override caseInsensitiveLike(node: LikeNode): void {
    this.operand(node.expr, PREC_COMPARISON + 1);
    this.sql += node.negated ? ' NOT ILIKE ' : ' ILIKE ';
    this.operand(node.pattern, PREC_COMPARISON + 1);
    this.likeEscape(node);
  }

  // Over 50 pairs: jsonb objects concatenated with || (json has no ||, so it goes through
  // jsonb and back).
  protected override jsonObject(node: JsonObjectNode): void {
    const entries = node.entries;
    if (entries.length <= JSON_PAIRS_PER_CALL) {
      this.sql += this.buildObject;
      this.jsonPairs(entries, 0, entries.length);
      this.sql += ')';
      return;
    }
    this.sql += this.jsonType === 'jsonb' ? '(' : 'CAST((';
    for (let start = 0; start < entries.length; start += JSON_PAIRS_PER_CALL) {
      if (start > 0) this.sql += ' || ';
      this.sql += 'jsonb_build_object(';
      this.jsonPairs(entries, start, Math.min(entries.length, start + JSON_PAIRS_PER_CALL));
      this.sql += ')';
    }
    this.sql += this.jsonType === 'jsonb' ? ')' : ') AS json)';
  }

  // Over 100 items: jsonb arrays concatenated with || (json has no ||, so it goes through jsonb
  // and back).
  protected override jsonArray(node: JsonArrayNode): void {
    const items = node.items;
    if (items.length <= JSON_ITEMS_PER_CALL) {
      this.sql += this.buildArray;
      this.jsonItems(items, 0, items.length);
      this.sql += ')';
      return;
    }
    this.sql += this.jsonType === 'jsonb' ? '(' : 'CAST((';
    for (let start = 0; start < items.length; start += JSON_ITEMS_PER_CALL) {
      if (start > 0) this.sql += ' || ';
      this.sql += 'jsonb_build_array(';
      this.jsonItems(items, start, Math.min(items.length, start + JSON_ITEMS_PER_CALL));
      this.sql += ')';
    }
    this.sql += this.jsonType === 'jsonb' ? ')' : ') AS json)';
  }

  // json_agg over no rows is NULL, not [].
  protected override jsonArrayAgg(node: JsonArrayAggNode): void {
    this.sql += 'COALESCE(';
    this.sql += this.agg;
    this.expression(node.expr);
    if (node.orderBy.length > 0) {
      this.sql += ' ORDER BY ';
      this.orderByList(node.orderBy);
    }
    this.sql += ')';
    this.sql += this.emptyArray;
  }

  // Typed: a json/jsonb subquery or column embeds as JSON already. (A text column holding
  // JSON must be cast by the caller: cast(x, 'json').)
  protected override jsonValue(node: JsonValueNode): void {
    this.expression(node.expr);
  }
}
