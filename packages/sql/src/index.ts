// @kiln/sql: an immutable SQL tree, one compiler, three dialects. Imports nothing of Kiln's.

// Nodes and their builders
export { aggregate, avg, count, max, min, sum } from './nodes/aggregate.js';
export type { AggregateFunction, AggregateNode, AggregateOptions } from './nodes/aggregate.js';
export { as } from './nodes/alias.js';
export type { AliasNode, SelectionNode } from './nodes/alias.js';
export { assign } from './nodes/assignment.js';
export type { AssignmentNode } from './nodes/assignment.js';
export { add, binary, div, eq, gt, gte, lt, lte, mul, ne, sub } from './nodes/binary.js';
export type { ArithmeticOperator, BinaryNode, BinaryOperator, ComparisonOperator } from './nodes/binary.js';
export { caseWhen, when } from './nodes/case.js';
export type { CaseNode, WhenClause } from './nodes/case.js';
export { cast } from './nodes/cast.js';
export type { CastNode, CastType } from './nodes/cast.js';
export { col } from './nodes/column-ref.js';
export type { ColumnRefNode } from './nodes/column-ref.js';
export { cte } from './nodes/cte.js';
export type { CteNode, CteOptions } from './nodes/cte.js';
export { DEFAULT } from './nodes/default.js';
export type { DefaultNode } from './nodes/default.js';
export { deleteFrom } from './nodes/delete.js';
export type { DeleteNode, DeleteSpec } from './nodes/delete.js';
export { derived } from './nodes/derived-table.js';
export type { DerivedTableNode } from './nodes/derived-table.js';
export { excluded } from './nodes/excluded.js';
export type { ExcludedNode } from './nodes/excluded.js';
export { exists } from './nodes/exists.js';
export type { ExistsNode } from './nodes/exists.js';
export type { ExpressionKind, ExpressionNode, QueryNode } from './nodes/expression.js';
export { coalesce, fn, lower } from './nodes/function-call.js';
export type { FunctionCallNode } from './nodes/function-call.js';
export { identifier } from './nodes/identifier.js';
export type { IdentifierNode } from './nodes/identifier.js';
export { inList, notInList } from './nodes/in.js';
export type { InNode } from './nodes/in.js';
export { insertInto } from './nodes/insert.js';
export type { InsertNode, InsertSpec } from './nodes/insert.js';
export { isNotNull, isNull } from './nodes/is-null.js';
export type { IsNullNode } from './nodes/is-null.js';
export { crossJoin, innerJoin, innerJoinLateral, leftJoin, leftJoinLateral } from './nodes/join.js';
export type { FromNode, JoinNode, JoinType } from './nodes/join.js';
export { jsonArray, jsonArrayAgg, jsonObject, jsonValue } from './nodes/json.js';
export type { JsonAggPage, JsonArrayAggNode, JsonArrayNode, JsonEntry, JsonObjectNode, JsonValueNode } from './nodes/json.js';
export { contains, endsWith, escapeLike, like, LIKE_ESCAPE, likePattern, startsWith } from './nodes/like.js';
export type { LikeMode, LikeNode, LikeOptions, StringFilterOptions } from './nodes/like.js';
export { FALSE, lit, NULL, TRUE } from './nodes/literal.js';
export type { LiteralNode } from './nodes/literal.js';
export { and, not, or } from './nodes/logical.js';
export type { AndNode, NotNode, OrNode } from './nodes/logical.js';
export { onConflictDoNothing, onConflictDoUpdate } from './nodes/on-conflict.js';
export type { OnConflictDoNothingNode, OnConflictDoUpdateNode, OnConflictNode } from './nodes/on-conflict.js';
export { asc, desc, orderBy } from './nodes/order-by.js';
export type { NullsOrder, OrderByNode, SortDirection } from './nodes/order-by.js';
export { param } from './nodes/param.js';
export type { ParamNode } from './nodes/param.js';
export type { RawNode } from './nodes/raw.js';
export { select } from './nodes/select.js';
export type { SelectNode, SelectSpec } from './nodes/select.js';
export { union, unionAll } from './nodes/set-operation.js';
export type { SetOperationNode, SetOperationSpec, SetOperator } from './nodes/set-operation.js';
export { star } from './nodes/star.js';
export type { StarNode } from './nodes/star.js';
export type { StatementKind, StatementNode } from './nodes/statement.js';
export { subquery } from './nodes/subquery.js';
export type { SubqueryNode } from './nodes/subquery.js';
export { schemaTable, table } from './nodes/table.js';
export type { TableNode } from './nodes/table.js';
export { tuple } from './nodes/tuple.js';
export type { TupleNode } from './nodes/tuple.js';
export { update } from './nodes/update.js';
export type { UpdateNode, UpdateSpec } from './nodes/update.js';

// Raw SQL
export { isSqlFragment, rawUnsafe, sql } from './sql-tag.js';
export type { SqlTag } from './sql-tag.js';

// Compiler
export type { Capabilities } from './compiler/capabilities.js';
export type { CompiledQuery } from './compiler/compiled-query.js';
export { SqlCompileError } from './compiler/errors.js';
export type { SqlCompileErrorCode } from './compiler/errors.js';
export { ExpressionCompiler } from './compiler/expression-compiler.js';
export { QueryCompiler } from './compiler/query-compiler.js';

// Dialects
export { BaseDialect, ISOLATION_LEVEL_SQL } from './dialects/dialect.js';
export type { Dialect, DialectName, IsolationLevel, TransactionOptions } from './dialects/dialect.js';
export { MysqlCompiler } from './dialects/mysql/mysql-compiler.js';
export type { MysqlFlavor } from './dialects/mysql/mysql-compiler.js';
export { MysqlDialect } from './dialects/mysql/mysql-dialect.js';
export type { MysqlDialectOptions } from './dialects/mysql/mysql-dialect.js';
export { PostgresCompiler } from './dialects/postgres/postgres-compiler.js';
export type { PostgresJsonType } from './dialects/postgres/postgres-compiler.js';
export { PostgresDialect } from './dialects/postgres/postgres-dialect.js';
export type { PostgresDialectOptions } from './dialects/postgres/postgres-dialect.js';
export { SqliteCompiler } from './dialects/sqlite/sqlite-compiler.js';
export { SqliteDialect } from './dialects/sqlite/sqlite-dialect.js';
export type { SqliteDialectOptions } from './dialects/sqlite/sqlite-dialect.js';
