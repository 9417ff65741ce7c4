import type { Capabilities } from '../../compiler/capabilities.js';
import { QueryCompiler } from '../../compiler/query-compiler.js';
import type { CastType } from '../../nodes/cast.js';
import type { ExcludedNode } from '../../nodes/excluded.js';
import type { ExpressionNode } from '../../nodes/expression.js';
import type { InsertNode } from '../../nodes/insert.js';
import type { JsonArrayAggNode, JsonArrayNode, JsonObjectNode, JsonValueNode } from '../../nodes/json.js';
import type { OnConflictNode } from '../../nodes/on-conflict.js';
import type { OrderByNode } from '../../nodes/order-by.js';

export type MysqlFlavor = 'mysql' | 'mariadb';

const CAST_TYPES: Readonly<Record<CastType, string>> = {
  text: 'CHAR',
  integer: 'SIGNED',
  bigint: 'SIGNED',
  double: 'DOUBLE',
  decimal: 'DECIMAL(65,30)',
  boolean: 'SIGNED',
  json: 'JSON',
  datetime: 'DATETIME(3)',
  date: 'DATE',
  bytes: 'BINARY',
};

export class MysqlCompiler extends QueryCompiler {
  constructor(
    capabilities: Capabilities,
    private readonly flavor: MysqlFlavor,
  ) {
    super('mysql', capabilities);
  }

  protected override get identifierQuote(): string {
    return '`';
  }

  // Backslash is an escape in MySQL string literals unless NO_BACKSLASH_ESCAPES is set, so a
  // literal holding one would mean different things on different servers. Literals are only
  // JSON keys and the LIKE escape character, which never need it.
  protected override stringLiteral(value: string): string {
    if (value.indexOf('\\') !== -1) throw this.invalid(`string literal ${JSON.stringify(value)} contains a backslash`);
    return super.stringLiteral(value);
  }

  protected override castTypeName(type: CastType): string {
    // MariaDB has no JSON type to cast to (JSON is an alias of LONGTEXT).
    if (type === 'json' && this.flavor === 'mariadb') throw this.unsupported('CAST to JSON on MariaDB');
    const name = CAST_TYPES[type];
    if (name === undefined) throw this.invalid(`unknown cast type ${JSON.stringify(type)}`);
    return name;
  }

  // MySQL has no NULLS FIRST/LAST and sorts NULL lowest; when the requested placement is not
  // the default for the direction, sort on `expr IS NULL` first.
  // https://dev.mysql.com/doc/refman/8.0/en/working-with-null.html
  protected override orderByItem(node: OrderByNode): void {
    const desc = node.direction === 'desc';
    if (node.nulls !== undefined && (node.nulls === 'first') === desc) {
      this.expression(node.expr);
      this.sql += node.nulls === 'first' ? ' IS NULL DESC, ' : ' IS NULL ASC, ';
    }
    this.expression(node.expr);
    this.sql += desc ? ' DESC' : ' ASC';
  }

  // OFFSET needs a LIMIT; the manual's idiom for "all rows" is the largest BIGINT UNSIGNED.
  // https://dev.mysql.com/doc/refman/8.0/en/select.html (LIMIT clause)
  protected override limitOffset(limit: ExpressionNode | undefined, offset: ExpressionNode | undefined): void {
    this.sql += ' LIMIT ';
    if (limit !== undefined) this.expression(limit);
    else this.sql += '18446744073709551615';
    if (offset !== undefined) {
      this.sql += ' OFFSET ';
      this.expression(offset);
    }
  }

  // skipDuplicates: INSERT IGNORE (https://dev.mysql.com/doc/refman/8.0/en/insert.html).
  // It also turns some other errors (truncation, invalid values) into warnings.
  protected override insertHead(node: InsertNode): void {
    this.sql += node.onConflict?.kind === 'OnConflictDoNothing' ? 'INSERT IGNORE INTO ' : 'INSERT INTO ';
  }

  // `INSERT INTO t () VALUES (), ()` inserts all-default rows.
  protected override defaultValues(count: number): void {
    this.sql += ' () VALUES ()';
    for (let i = 1; i < count; i++) this.sql += ', ()';
  }

  // ON DUPLICATE KEY UPDATE fires for any unique key; the target is not expressible.
  // https://dev.mysql.com/doc/refman/8.0/en/insert-on-duplicate.html
  protected override onConflict(node: OnConflictNode): void {
    switch (node.kind) {
      case 'OnConflictDoNothing':
        return; // written as INSERT IGNORE by insertHead
      case 'OnConflictDoUpdate':
        this.sql += ' ON DUPLICATE KEY UPDATE ';
        this.assignments(node.set);
        return;
      default:
        throw this.unknownNode(node);
    }
  }

  // VALUES(col) is deprecated since MySQL 8.0.20 in favour of a row alias, but the row alias
  // does not exist on MariaDB, and VALUES() still works on both.
  protected override excluded(node: ExcludedNode): void {
    this.sql += 'VALUES(';
    this.identifier(node.column);
    this.sql += ')';
  }

  protected override jsonObject(node: JsonObjectNode): void {
    this.sql += 'JSON_OBJECT(';
    this.jsonPairs(node.entries, 0, node.entries.length);
    this.sql += ')';
  }

  protected override jsonArray(node: JsonArrayNode): void {
    this.sql += 'JSON_ARRAY(';
    this.jsonItems(node.items, 0, node.items.length);
    this.sql += ')';
  }

  // JSON_ARRAYAGG over no rows is NULL. ORDER BY and LIMIT inside it exist on MariaDB 10.5+ only
  // (https://mariadb.com/kb/en/json_arrayagg/). MariaDB caps its result at group_concat_max_len
  // bytes (1 MB by default): the runtime raises it for the statement.
  protected override jsonArrayAgg(node: JsonArrayAggNode): void {
    this.sql += 'COALESCE(JSON_ARRAYAGG(';
    this.expression(node.expr);
    if (node.orderBy.length > 0) {
      this.sql += ' ORDER BY ';
      this.orderByList(node.orderBy);
    }
    if (node.limit !== undefined || node.offset !== undefined) this.limitOffset(node.limit, node.offset);
    this.sql += '), JSON_ARRAY())';
  }

  // MySQL keeps the JSON type through subqueries. MariaDB's JSON is text, and a subquery
  // result is embedded as an escaped string unless re-parsed with JSON_EXTRACT(.., '$').
  protected override jsonValue(node: JsonValueNode): void {
    if (this.flavor === 'mysql') {
      this.expression(node.expr);
      return;
    }
    this.sql += 'JSON_EXTRACT(';
    this.expression(node.expr);
    this.sql += ", '$')";
  }
}
