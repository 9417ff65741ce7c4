import type { SelectionNode } from '../nodes/alias.js';
import type { AssignmentNode } from '../nodes/assignment.js';
import type { CteNode } from '../nodes/cte.js';
import type { DeleteNode } from '../nodes/delete.js';
import type { ExpressionNode, QueryNode } from '../nodes/expression.js';
import type { InsertNode } from '../nodes/insert.js';
import type { FromNode, JoinNode } from '../nodes/join.js';
import type { OnConflictNode } from '../nodes/on-conflict.js';
import type { SelectNode } from '../nodes/select.js';
import type { SetOperationNode } from '../nodes/set-operation.js';
import type { StatementNode } from '../nodes/statement.js';
import type { TableNode } from '../nodes/table.js';
import type { UpdateNode } from '../nodes/update.js';
import type { CompiledQuery } from './compiled-query.js';
import { ExpressionCompiler } from './expression-compiler.js';

/**
 * The statement half of the compiler, and the class every dialect compiler extends. One
 * instance is reused for every compile (compiling is synchronous and resets the state).
 */
export abstract class QueryCompiler extends ExpressionCompiler {
  compile(node: StatementNode): CompiledQuery {
    this.sql = '';
    this.parameters = [];
    this.statement(node);
    return { sql: this.sql, parameters: this.parameters };
  }

  // ---------------------------------------------------------------- hooks

  /** HOOK: LIMIT/OFFSET; called when at least one of them is set. */
  protected limitOffset(limit: ExpressionNode | undefined, offset: ExpressionNode | undefined): void {
    if (limit !== undefined) {
      this.sql += ' LIMIT ';
      this.expression(limit);
    }
    if (offset !== undefined) {
      this.sql += ' OFFSET ';
      this.expression(offset);
    }
  }

  /** HOOK: the row-locking clause of `SELECT .. FOR UPDATE`. */
  protected forUpdate(): void {
    this.sql += ' FOR UPDATE';
  }

  /**
   * HOOK: a member of a UNION that has its own ORDER BY / LIMIT / OFFSET / WITH. Standard SQL
   * (postgres, mysql) parenthesises it.
   */
  protected complexSetOperand(node: SelectNode): void {
    this.sql += '(';
    this.select(node);
    this.sql += ')';
  }

  /** HOOK: the statement head up to the table name. */
  protected insertHead(node: InsertNode): void {
    void node;
    this.sql += 'INSERT INTO ';
  }

  /** HOOK: the body of an insert with no columns: `count` rows of defaults. */
  protected defaultValues(count: number): void {
    if (count !== 1) throw this.unsupported('several all-default rows in one INSERT; insert them one by one');
    this.sql += ' DEFAULT VALUES';
  }

  /** HOOK: the query of `INSERT .. SELECT`. */
  protected insertSelect(node: InsertNode, query: QueryNode): void {
    void node;
    this.query(query);
  }

  /** HOOK: the conflict clause after VALUES (sqlite/postgres syntax by default). */
  protected onConflict(node: OnConflictNode): void {
    this.sql += ' ON CONFLICT';
    if (node.target !== undefined && node.target.length > 0) {
      this.sql += ' (';
      this.identifierList(node.target);
      this.sql += ')';
    }
    switch (node.kind) {
      case 'OnConflictDoNothing':
        this.sql += ' DO NOTHING';
        return;
      case 'OnConflictDoUpdate':
        this.sql += ' DO UPDATE SET ';
        this.assignments(node.set);
        if (node.where !== undefined) {
          this.sql += ' WHERE ';
          this.expression(node.where);
        }
        return;
      default:
        throw this.unknownNode(node);
    }
  }

  // ---------------------------------------------------------------- statements

  protected statement(node: StatementNode): void {
    switch (node.kind) {
      case 'Select':
        this.select(node);
        return;
      case 'SetOperation':
        this.setOperation(node);
        return;
      case 'Insert':
        this.insert(node);
        return;
      case 'Update':
        this.update(node);
        return;
      case 'Delete':
        this.delete(node);
        return;
      case 'Raw':
        this.expression(node);
        return;
      default:
        throw this.unknownNode(node);
    }
  }

  protected override query(node: QueryNode): void {
    switch (node.kind) {
      case 'Select':
        this.select(node);
        return;
      case 'SetOperation':
        this.setOperation(node);
        return;
      default:
        throw this.unknownNode(node);
    }
  }

  protected select(node: SelectNode): void {
    if (node.with.length > 0) this.withClause(node.with);
    this.sql += 'SELECT ';
    const distinct = node.distinct;
    if (distinct === true) {
      this.sql += 'DISTINCT ';
    } else if (distinct !== false) {
      if (!this.capabilities.distinctOn) throw this.unsupported('DISTINCT ON');
      if (distinct.length === 0) throw this.invalid('DISTINCT ON needs at least one expression');
      this.sql += 'DISTINCT ON (';
      this.list(distinct);
      this.sql += ') ';
    }
    if (node.columns.length === 0) throw this.invalid('SELECT needs at least one column (use star() or lit(1))');
    this.selections(node.columns);
    if (node.from !== undefined) {
      this.sql += ' FROM ';
      this.from(node.from);
    }
    for (let i = 0; i < node.joins.length; i++) this.join(node.joins[i]!);
    if (node.where !== undefined) {
      this.sql += ' WHERE ';
      this.expression(node.where);
    }
    if (node.groupBy.length > 0) {
      this.sql += ' GROUP BY ';
      this.list(node.groupBy);
    }
    if (node.having !== undefined) {
      this.sql += ' HAVING ';
      this.expression(node.having);
    }
    if (node.orderBy.length > 0) {
      this.sql += ' ORDER BY ';
      this.orderByList(node.orderBy);
    }
    if (node.limit !== undefined || node.offset !== undefined) this.limitOffset(node.limit, node.offset);
    if (node.forUpdate) this.forUpdate();
  }

  protected setOperation(node: SetOperationNode): void {
    if (node.with.length > 0) this.withClause(node.with);
    const separator = node.op === 'UNION ALL' ? ' UNION ALL ' : ' UNION ';
    for (let i = 0; i < node.queries.length; i++) {
      if (i > 0) this.sql += separator;
      const member = node.queries[i]!;
      if (member.orderBy.length > 0 || member.limit !== undefined || member.offset !== undefined || member.with.length > 0) {
        this.complexSetOperand(member);
      } else {
        this.select(member);
      }
    }
    if (node.orderBy.length > 0) {
      this.sql += ' ORDER BY ';
      this.orderByList(node.orderBy);
    }
    if (node.limit !== undefined || node.offset !== undefined) this.limitOffset(node.limit, node.offset);
  }

  protected insert(node: InsertNode): void {
    if (node.table.alias !== undefined) throw this.invalid('INSERT does not take a table alias (mysql has none); use unqualified columns');
    this.insertHead(node);
    this.tableName(node.table);
    if (node.select !== undefined) {
      if (node.columns.length > 0) {
        this.sql += ' (';
        this.identifierList(node.columns);
        this.sql += ')';
      }
      this.sql += ' ';
      this.insertSelect(node, node.select);
    } else if (node.columns.length === 0) {
      if (node.rows.length === 0) throw this.invalid('INSERT without rows');
      this.defaultValues(node.rows.length);
    } else {
      if (node.rows.length === 0) throw this.invalid('INSERT without rows');
      this.sql += ' (';
      this.identifierList(node.columns);
      this.sql += ') VALUES ';
      const width = node.columns.length;
      for (let r = 0; r < node.rows.length; r++) {
        const row = node.rows[r]!;
        if (row.length !== width) throw this.invalid(`INSERT row ${r} has ${row.length} values for ${width} columns`);
        this.sql += r === 0 ? '(' : ', (';
        this.list(row);
        this.sql += ')';
      }
    }
    const conflict = node.onConflict;
    if (conflict !== undefined) {
      if (conflict.kind === 'OnConflictDoUpdate' && conflict.where !== undefined && !this.capabilities.upsertWhere) {
        throw this.unsupported('a WHERE on the upsert update');
      }
      this.onConflict(conflict);
    }
    if (node.returning.length > 0) {
      if (!this.capabilities.returning) throw this.unsupported('INSERT .. RETURNING; select the row afterwards');
      this.returning(node.returning);
    }
  }

  protected update(node: UpdateNode): void {
    if (node.set.length === 0) throw this.invalid('UPDATE without assignments');
    this.sql += 'UPDATE ';
    this.tableWithAlias(node.table);
    this.sql += ' SET ';
    this.assignments(node.set);
    if (node.where !== undefined) {
      this.sql += ' WHERE ';
      this.expression(node.where);
    }
    if (node.returning.length > 0) {
      if (!this.capabilities.returningOnUpdate) throw this.unsupported('UPDATE .. RETURNING; select the rows afterwards');
      this.returning(node.returning);
    }
  }

  protected delete(node: DeleteNode): void {
    this.sql += 'DELETE FROM ';
    this.tableWithAlias(node.table);
    if (node.where !== undefined) {
      this.sql += ' WHERE ';
      this.expression(node.where);
    }
    if (node.returning.length > 0) {
      if (!this.capabilities.returning) throw this.unsupported('DELETE .. RETURNING; select the rows beforehand');
      this.returning(node.returning);
    }
  }

  // ---------------------------------------------------------------- clauses

  protected withClause(ctes: readonly CteNode[]): void {
    let recursive = false;
    for (let i = 0; i < ctes.length; i++) if (ctes[i]!.recursive) recursive = true;
    this.sql += recursive ? 'WITH RECURSIVE ' : 'WITH ';
    for (let i = 0; i < ctes.length; i++) {
      const cte = ctes[i]!;
      if (i > 0) this.sql += ', ';
      this.identifier(cte.name);
      if (cte.columns !== undefined && cte.columns.length > 0) {
        this.sql += ' (';
        this.identifierList(cte.columns);
        this.sql += ')';
      }
      this.sql += ' AS (';
      this.query(cte.query);
      this.sql += ')';
    }
    this.sql += ' ';
  }

  protected selections(items: readonly SelectionNode[]): void {
    for (let i = 0; i < items.length; i++) {
      if (i > 0) this.sql += ', ';
      const item = items[i]!;
      if (item.kind === 'Alias') {
        this.expression(item.expr);
        this.sql += ' AS ';
        this.identifier(item.alias);
      } else {
        this.expression(item);
      }
    }
  }

  protected from(node: FromNode): void {
    switch (node.kind) {
      case 'Table':
        this.tableWithAlias(node);
        return;
      case 'DerivedTable':
        this.sql += '(';
        this.query(node.query);
        this.sql += ') AS ';
        this.identifier(node.alias);
        return;
      default:
        throw this.unknownNode(node);
    }
  }

  protected join(node: JoinNode): void {
    switch (node.type) {
      case 'inner':
        this.sql += ' INNER JOIN ';
        break;
      case 'left':
        this.sql += ' LEFT JOIN ';
        break;
      case 'cross':
        this.sql += ' CROSS JOIN ';
        break;
      default:
        throw this.invalid(`unknown join type ${JSON.stringify(node.type as unknown)}`);
    }
    if (node.lateral) {
      if (!this.capabilities.lateral) throw this.unsupported('LATERAL joins; use a correlated subquery instead');
      this.sql += 'LATERAL ';
    }
    this.from(node.from);
    if (node.type === 'cross') {
      if (node.on !== undefined) throw this.invalid('CROSS JOIN takes no ON condition');
      return;
    }
    this.sql += ' ON ';
    if (node.on !== undefined) this.expression(node.on);
    else this.sql += this.booleanLiteral(true);
  }

  protected tableName(node: TableNode): void {
    if (node.schema !== undefined) {
      this.identifier(node.schema);
      this.sql += '.';
    }
    this.identifier(node.name);
  }

  protected tableWithAlias(node: TableNode): void {
    this.tableName(node);
    if (node.alias !== undefined) {
      this.sql += ' AS ';
      this.identifier(node.alias);
    }
  }

  protected identifierList(names: readonly string[]): void {
    for (let i = 0; i < names.length; i++) {
      if (i > 0) this.sql += ', ';
      this.identifier(names[i]!);
    }
  }

  protected assignments(items: readonly AssignmentNode[]): void {
    for (let i = 0; i < items.length; i++) {
      if (i > 0) this.sql += ', ';
      const item = items[i]!;
      this.identifier(item.column);
      this.sql += ' = ';
      this.expression(item.value);
    }
  }

  protected returning(items: readonly SelectionNode[]): void {
    this.sql += ' RETURNING ';
    this.selections(items);
  }
}
