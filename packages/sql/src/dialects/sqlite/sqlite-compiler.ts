import type { Capabilities } from '../../compiler/capabilities.js';
import { PREC_COMPARISON } from '../../compiler/precedence.js';
import { QueryCompiler } from '../../compiler/query-compiler.js';
import type { CastType } from '../../nodes/cast.js';
import type { ExpressionNode, QueryNode } from '../../nodes/expression.js';
import type { InNode } from '../../nodes/in.js';
import type { InsertNode } from '../../nodes/insert.js';
import type { JsonArrayAggNode, JsonArrayNode, JsonObjectNode, JsonValueNode } from '../../nodes/json.js';
import type { LiteralNode } from '../../nodes/literal.js';
import type { SelectNode } from '../../nodes/select.js';

const CAST_TYPES: Readonly<Record<CastType, string | undefined>> = {
  text: 'TEXT',
  integer: 'INTEGER',
  bigint: 'INTEGER',
  double: 'REAL',
  decimal: 'NUMERIC',
  boolean: 'INTEGER',
  json: 'TEXT',
  // SQLite has no date type (https://www.sqlite.org/datatype3.html#date_and_time_datatype):
  // the right cast depends on how the runtime stores dates, so it must say 'text' or 'integer'.
  datetime: undefined,
  date: undefined,
  bytes: 'BLOB',
};

/**
 * Pairs per json_object()/json_insert() call. SQLITE_MAX_FUNCTION_ARG defaults to 127 before
 * 3.48 (https://www.sqlite.org/limits.html#max_function_arg), so 50 pairs (100 arguments,
 * 101 for json_insert) is safe on every build.
 */
const JSON_PAIRS_PER_CALL = 50;
/** Items of the first json_array() call (100 arguments). */
const JSON_ITEMS_FIRST_CALL = 100;

const TRUE_LITERAL: LiteralNode = { kind: 'Literal', value: true };

export class SqliteCompiler extends QueryCompiler {
  constructor(capabilities: Capabilities) {
    super('sqlite', capabilities);
  }

  // 1/0 work on every SQLite version (TRUE/FALSE keywords arrived in 3.23) and are what
  // boolean columns hold.
  protected override booleanLiteral(value: boolean): string {
    return value ? '1' : '0';
  }

  protected override castTypeName(type: CastType): string {
    const name = CAST_TYPES[type];
    if (name === undefined) throw this.unsupported(`CAST to ${type}: SQLite has no date type; cast to 'text' or 'integer'`);
    return name;
  }

  // LIMIT is mandatory before OFFSET; -1 means "no limit" (https://www.sqlite.org/lang_select.html#limitoffset).
  protected override limitOffset(limit: ExpressionNode | undefined, offset: ExpressionNode | undefined): void {
    this.sql += ' LIMIT ';
    if (limit !== undefined) this.expression(limit);
    else this.sql += '-1';
    if (offset !== undefined) {
      this.sql += ' OFFSET ';
      this.expression(offset);
    }
  }

  // SQLite has no row locks: a write transaction locks the database, so the clause is
  // dropped (capability forUpdate: false; use BEGIN IMMEDIATE for read-then-write).
  protected override forUpdate(): void {}

  // A compound SELECT member may not be parenthesised nor carry ORDER BY/LIMIT
  // (https://www.sqlite.org/lang_select.html#compound_select_statements): wrap it instead.
  protected override complexSetOperand(node: SelectNode): void {
    this.sql += 'SELECT * FROM (';
    this.select(node);
    this.sql += ')';
  }

  // The RHS of a row-value IN must be a subquery (https://www.sqlite.org/rowvalue.html):
  // `(a, b) IN (VALUES (?, ?), (?, ?))`.
  protected override inList(node: InNode, list: readonly ExpressionNode[]): void {
    if (list[0]!.kind !== 'Tuple') {
      super.inList(node, list);
      return;
    }
    this.operand(node.expr, PREC_COMPARISON + 1);
    this.sql += node.negated ? ' NOT IN (VALUES ' : ' IN (VALUES ';
    this.list(list);
    this.sql += ')';
  }

  // "INSERT .. SELECT .. ON CONFLICT" is ambiguous to SQLite's parser unless the SELECT has
  // a WHERE clause (https://www.sqlite.org/lang_upsert.html#parsing_ambiguity).
  protected override insertSelect(node: InsertNode, query: QueryNode): void {
    if (node.onConflict !== undefined && query.kind === 'Select' && query.where === undefined) {
      this.select({ ...query, where: TRUE_LITERAL });
    } else {
      this.query(query);
    }
  }

  // json_object() for the first 50 pairs, then json_insert(.., '$."key"', value, ..) per
  // further 50. json_insert, unlike json_patch, keeps keys whose value is NULL.
  protected override jsonObject(node: JsonObjectNode): void {
    const entries = node.entries;
    const calls = Math.max(1, Math.ceil(entries.length / JSON_PAIRS_PER_CALL));
    for (let c = 1; c < calls; c++) this.sql += 'json_insert(';
    this.sql += 'json_object(';
    this.jsonPairs(entries, 0, Math.min(entries.length, JSON_PAIRS_PER_CALL));
    this.sql += ')';
    for (let c = 1; c < calls; c++) {
      const end = Math.min(entries.length, (c + 1) * JSON_PAIRS_PER_CALL);
      for (let i = c * JSON_PAIRS_PER_CALL; i < end; i++) {
        const entry = entries[i]!;
        // A quoted path label cannot contain a double quote (https://www.sqlite.org/json1.html#path_arguments).
        if (entry.key.indexOf('"') !== -1) throw this.invalid(`JSON key ${JSON.stringify(entry.key)} cannot be written as a path`);
        this.sql += ', ';
        this.sql += this.stringLiteral('$."' + entry.key + '"');
        this.sql += ', ';
        this.expression(entry.value);
      }
      this.sql += ')';
    }
  }

  // json_array() for the first 100 items, then json_insert(.., '$[#]', value, ..) per further
  // 50, which appends (https://www.sqlite.org/json1.html#jins).
  protected override jsonArray(node: JsonArrayNode): void {
    const items = node.items;
    const first = Math.min(items.length, JSON_ITEMS_FIRST_CALL);
    const calls = items.length <= first ? 0 : Math.ceil((items.length - first) / JSON_PAIRS_PER_CALL);
    for (let c = 0; c < calls; c++) this.sql += 'json_insert(';
    this.sql += 'json_array(';
    this.jsonItems(items, 0, first);
    this.sql += ')';
    for (let c = 0; c < calls; c++) {
      const start = first + c * JSON_PAIRS_PER_CALL;
      const end = Math.min(items.length, start + JSON_PAIRS_PER_CALL);
      for (let i = start; i < end; i++) {
        this.sql += ", '$[#]', ";
        this.expression(items[i]!);
      }
      this.sql += ')';
    }
  }

  // json_group_array() returns '[]' for no rows. ORDER BY inside aggregates needs 3.44+.
  protected override jsonArrayAgg(node: JsonArrayAggNode): void {
    this.sql += 'json_group_array(';
    this.expression(node.expr);
    if (node.orderBy.length > 0) {
      this.sql += ' ORDER BY ';
      this.orderByList(node.orderBy);
    }
    this.sql += ')';
  }

  // A value coming out of a subquery or a TEXT column has lost the JSON subtype, so
  // json_object would embed it as a string: json() restores it.
  protected override jsonValue(node: JsonValueNode): void {
    this.sql += 'json(';
    this.expression(node.expr);
    this.sql += ')';
  }
}
