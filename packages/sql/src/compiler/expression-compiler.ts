import type { AggregateFunction } from '../nodes/aggregate.js';
import type { CastType } from '../nodes/cast.js';
import type { ExcludedNode } from '../nodes/excluded.js';
import type { ExpressionNode, QueryNode } from '../nodes/expression.js';
import type { InNode } from '../nodes/in.js';
import type { JsonArrayAggNode, JsonArrayNode, JsonEntry, JsonObjectNode, JsonValueNode } from '../nodes/json.js';
import type { LikeNode } from '../nodes/like.js';
import type { OrderByNode } from '../nodes/order-by.js';
import type { Capabilities } from './capabilities.js';
import { SqlCompileError } from './errors.js';
import { BINARY_OPERATORS, PREC_AND, PREC_ATOM, PREC_COMPARISON, PREC_OR, precedenceOf } from './precedence.js';
import { quoteIdentifierWith, quoteStringWith } from './quote.js';

/** Bound on the identifier memo, in case a caller feeds it unbounded generated names. */
const MAX_CACHED_IDENTIFIERS = 4096;

const AGGREGATES: Readonly<Record<AggregateFunction, string>> = {
  COUNT: 'COUNT(',
  SUM: 'SUM(',
  AVG: 'AVG(',
  MIN: 'MIN(',
  MAX: 'MAX(',
};

/**
 * The expression half of the compiler: output state, quoting, and one exhaustive switch over
 * expression nodes. It appends to `this.sql` in a single pass; parameters are pushed in the
 * order their placeholders are written. Methods marked HOOK are what dialects override;
 * everything else is shared and must not look at which dialect it is running for.
 */
export abstract class ExpressionCompiler {
  protected sql = '';
  protected parameters: unknown[] = [];
  private readonly quotedIdentifiers = new Map<string, string>();

  constructor(
    /** Used in error messages only. */
    readonly dialect: string,
    readonly capabilities: Capabilities,
  ) {}

  // ---------------------------------------------------------------- hooks

  /** HOOK: the quote character for identifiers (`"` by default, `` ` `` on mysql). */
  protected get identifierQuote(): string {
    return '"';
  }

  /** `name` quoted and escaped for this dialect. Throws on an empty name or a NUL. */
  quoteIdentifier(name: string): string {
    // Identifiers come from the schema, so the set is small and repeats on every query:
    // memoising the quoted form removes the scans and concatenations from the hot path.
    let quoted = this.quotedIdentifiers.get(name);
    if (quoted === undefined) {
      quoted = quoteIdentifierWith(name, this.identifierQuote);
      if (quoted === undefined) throw this.invalid(`invalid identifier ${JSON.stringify(name)} (empty or contains NUL)`);
      if (this.quotedIdentifiers.size >= MAX_CACHED_IDENTIFIERS) this.quotedIdentifiers.clear();
      this.quotedIdentifiers.set(name, quoted);
    }
    return quoted;
  }

  /** HOOK: the placeholder for the parameter at 1-based `position`. */
  placeholder(position: number): string {
    void position;
    return '?';
  }

  /** HOOK: a boolean constant. */
  protected booleanLiteral(value: boolean): string {
    return value ? 'TRUE' : 'FALSE';
  }

  /** HOOK: a string constant (JSON keys, the LIKE escape character). Never user input. */
  protected stringLiteral(value: string): string {
    const quoted = quoteStringWith(value);
    if (quoted === undefined) throw this.invalid('string literal contains NUL');
    return quoted;
  }

  /** HOOK: the dialect's spelling of a portable cast type. */
  protected abstract castTypeName(type: CastType): string;

  /** HOOK: build a JSON object from key/value pairs. */
  protected abstract jsonObject(node: JsonObjectNode): void;

  /** HOOK: build a JSON array from values, in order. */
  protected abstract jsonArray(node: JsonArrayNode): void;

  /** HOOK: aggregate into a JSON array that is `[]`, not NULL, for no rows. */
  protected abstract jsonArrayAgg(node: JsonArrayAggNode): void;

  /** HOOK: embed an expression that already holds JSON so it is not re-quoted as a string. */
  protected abstract jsonValue(node: JsonValueNode): void;

  /** HOOK: in an upsert, the value the INSERT proposed for a column. */
  protected excluded(node: ExcludedNode): void {
    this.sql += 'excluded.';
    this.identifier(node.column);
  }

  /** HOOK: case-insensitive LIKE. The portable default lowers both sides. */
  protected caseInsensitiveLike(node: LikeNode): void {
    this.sql += 'LOWER(';
    this.expression(node.expr);
    this.sql += node.negated ? ') NOT LIKE LOWER(' : ') LIKE LOWER(';
    this.expression(node.pattern);
    this.sql += ')';
    this.likeEscape(node);
  }

  /** HOOK: `expr IN (a, b)` for a non-empty list. */
  protected inList(node: InNode, list: readonly ExpressionNode[]): void {
    this.operand(node.expr, PREC_COMPARISON + 1);
    this.sql += node.negated ? ' NOT IN (' : ' IN (';
    this.list(list);
    this.sql += ')';
  }

  /** HOOK: one ORDER BY term, including NULLS FIRST/LAST. */
  protected orderByItem(node: OrderByNode): void {
    this.expression(node.expr);
    this.sql += node.direction === 'desc' ? ' DESC' : ' ASC';
    if (node.nulls !== undefined) this.sql += node.nulls === 'first' ? ' NULLS FIRST' : ' NULLS LAST';
  }

  /** Implemented by QueryCompiler: a SELECT or set operation, without parentheses. */
  protected abstract query(node: QueryNode): void;

  // ---------------------------------------------------------------- shared

  protected identifier(name: string): void {
    this.sql += this.quoteIdentifier(name);
  }

  protected param(value: unknown): void {
    this.parameters.push(value);
    this.sql += this.placeholder(this.parameters.length);
  }

  /** Compiles `node`, parenthesised when it binds more loosely than `minPrecedence`. */
  protected operand(node: ExpressionNode, minPrecedence: number): void {
    if (precedenceOf(node) < minPrecedence) {
      this.sql += '(';
      this.expression(node);
      this.sql += ')';
    } else {
      this.expression(node);
    }
  }

  protected list(nodes: readonly ExpressionNode[]): void {
    for (let i = 0; i < nodes.length; i++) {
      if (i > 0) this.sql += ', ';
      this.expression(nodes[i]!);
    }
  }

  protected orderByList(items: readonly OrderByNode[]): void {
    for (let i = 0; i < items.length; i++) {
      if (i > 0) this.sql += ', ';
      this.orderByItem(items[i]!);
    }
  }

  /** `v1, v2` for items [from, to): the argument list of JSON array builders. */
  protected jsonItems(items: readonly ExpressionNode[], from: number, to: number): void {
    for (let i = from; i < to; i++) {
      if (i > from) this.sql += ', ';
      this.expression(items[i]!);
    }
  }

  /** `'k1', v1, 'k2', v2` for entries [from, to): the argument list of JSON object builders. */
  protected jsonPairs(entries: readonly JsonEntry[], from: number, to: number): void {
    for (let i = from; i < to; i++) {
      if (i > from) this.sql += ', ';
      const entry = entries[i]!;
      this.sql += this.stringLiteral(entry.key);
      this.sql += ', ';
      this.expression(entry.value);
    }
  }

  protected likeEscape(node: LikeNode): void {
    if (node.escape !== undefined) {
      this.sql += ' ESCAPE ';
      this.sql += this.stringLiteral(node.escape);
    }
  }

  protected unsupported(what: string): SqlCompileError {
    return new SqlCompileError('UNSUPPORTED', this.dialect, what);
  }

  protected invalid(what: string): SqlCompileError {
    return new SqlCompileError('INVALID', this.dialect, what);
  }

  protected expression(node: ExpressionNode): void {
    switch (node.kind) {
      case 'ColumnRef':
        if (node.table !== undefined) {
          this.identifier(node.table);
          this.sql += '.';
        }
        this.identifier(node.column);
        return;
      case 'Star':
        if (node.table !== undefined) {
          this.identifier(node.table);
          this.sql += '.*';
        } else {
          this.sql += '*';
        }
        return;
      case 'Identifier':
        for (let i = 0; i < node.path.length; i++) {
          if (i > 0) this.sql += '.';
          this.identifier(node.path[i]!);
        }
        return;
      case 'Param':
        this.param(node.value);
        return;
      case 'Literal':
        this.literal(node.value);
        return;
      case 'Raw': {
        const { parts, values } = node;
        if (parts.length !== values.length + 1) throw this.invalid('raw fragment parts/values mismatch');
        this.sql += parts[0]!;
        for (let i = 0; i < values.length; i++) {
          this.expression(values[i]!);
          this.sql += parts[i + 1]!;
        }
        return;
      }
      case 'Binary': {
        const op = BINARY_OPERATORS[node.op];
        if (op === undefined) throw this.invalid(`unknown operator ${JSON.stringify(node.op)}`);
        this.operand(node.left, op.left);
        this.sql += op.sql;
        this.operand(node.right, op.right);
        return;
      }
      case 'IsNull':
        this.operand(node.expr, PREC_COMPARISON + 1);
        this.sql += node.negated ? ' IS NOT NULL' : ' IS NULL';
        return;
      case 'In': {
        const list = node.list;
        if (Array.isArray(list)) {
          // `x IN ()` is a syntax error everywhere; an empty set matches nothing.
          if (list.length === 0) this.sql += this.booleanLiteral(node.negated);
          else this.inList(node, list as readonly ExpressionNode[]);
        } else {
          this.operand(node.expr, PREC_COMPARISON + 1);
          this.sql += node.negated ? ' NOT IN (' : ' IN (';
          this.query(list as QueryNode);
          this.sql += ')';
        }
        return;
      }
      case 'Like':
        if (node.caseInsensitive) {
          this.caseInsensitiveLike(node);
        } else {
          this.operand(node.expr, PREC_COMPARISON + 1);
          this.sql += node.negated ? ' NOT LIKE ' : ' LIKE ';
          this.operand(node.pattern, PREC_COMPARISON + 1);
          this.likeEscape(node);
        }
        return;
      case 'And':
      case 'Or': {
        const items = node.items;
        if (items.length === 0) {
          // Prisma semantics: AND [] is true, OR [] is false.
          this.sql += this.booleanLiteral(node.kind === 'And');
          return;
        }
        if (items.length === 1) {
          // precedenceOf() reported the item's own precedence, so the caller has already
          // parenthesised it if needed.
          this.expression(items[0]!);
          return;
        }
        const min = node.kind === 'And' ? PREC_AND : PREC_OR;
        const separator = node.kind === 'And' ? ' AND ' : ' OR ';
        for (let i = 0; i < items.length; i++) {
          if (i > 0) this.sql += separator;
          this.operand(items[i]!, min);
        }
        return;
      }
      case 'Not':
        this.sql += 'NOT ';
        this.operand(node.expr, PREC_ATOM);
        return;
      case 'FunctionCall':
        this.sql += node.name;
        this.sql += '(';
        this.list(node.args);
        this.sql += ')';
        return;
      case 'Aggregate': {
        const head = AGGREGATES[node.fn];
        if (head === undefined) throw this.invalid(`unknown aggregate ${JSON.stringify(node.fn)}`);
        this.sql += head;
        if (node.distinct) this.sql += 'DISTINCT ';
        this.expression(node.arg);
        this.sql += ')';
        return;
      }
      case 'Case':
        this.sql += 'CASE';
        if (node.subject !== undefined) {
          this.sql += ' ';
          this.expression(node.subject);
        }
        if (node.whens.length === 0) throw this.invalid('CASE without WHEN');
        for (const clause of node.whens) {
          this.sql += ' WHEN ';
          this.expression(clause.when);
          this.sql += ' THEN ';
          this.expression(clause.then);
        }
        if (node.otherwise !== undefined) {
          this.sql += ' ELSE ';
          this.expression(node.otherwise);
        }
        this.sql += ' END';
        return;
      case 'Exists':
        this.sql += 'EXISTS (';
        this.query(node.query);
        this.sql += ')';
        return;
      case 'Subquery':
        this.sql += '(';
        this.query(node.query);
        this.sql += ')';
        return;
      case 'Cast':
        this.sql += 'CAST(';
        this.expression(node.expr);
        this.sql += ' AS ';
        this.sql += this.castTypeName(node.type);
        this.sql += ')';
        return;
      case 'Tuple':
        this.sql += '(';
        this.list(node.items);
        this.sql += ')';
        return;
      case 'JsonObject':
        this.jsonObject(node);
        return;
      case 'JsonArray':
        this.jsonArray(node);
        return;
      case 'JsonArrayAgg':
        if (node.orderBy.length > 0 && !this.capabilities.jsonAggOrderBy) {
          throw this.unsupported(
            'ORDER BY inside the JSON array aggregate; sort the decoded array or load the relation with its own query',
          );
        }
        if ((node.limit !== undefined || node.offset !== undefined) && !this.capabilities.jsonAggLimit) {
          throw this.unsupported('LIMIT / OFFSET inside the JSON array aggregate; page the rows in a derived table or after decoding');
        }
        this.jsonArrayAgg(node);
        return;
      case 'JsonValue':
        this.jsonValue(node);
        return;
      case 'Excluded':
        this.excluded(node);
        return;
      case 'Default':
        if (!this.capabilities.defaultInValues) throw this.unsupported('DEFAULT inside VALUES; insert rows with the same column set together');
        this.sql += 'DEFAULT';
        return;
      default:
        // `node` is `never` here: a new expression kind without a case is a compile error.
        throw this.unknownNode(node);
    }
  }

  /** For the `default` of exhaustive switches; also catches hand-built nodes from JS callers. */
  protected unknownNode(node: never): SqlCompileError {
    return this.invalid(`unknown node kind ${JSON.stringify((node as { kind?: unknown }).kind)}`);
  }

  private literal(value: null | boolean | number): void {
    if (value === null) this.sql += 'NULL';
    else if (typeof value === 'boolean') this.sql += this.booleanLiteral(value);
    else if (typeof value === 'number' && Number.isFinite(value)) this.sql += String(value);
    else throw this.invalid(`a literal must be null, a boolean or a finite number; bind ${typeof value} values with param()`);
  }
}
