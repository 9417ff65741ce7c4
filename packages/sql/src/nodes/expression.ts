// The unions that tie the node files together. Each node lives in its own small file with
// its builder; this file only names the sets so that the compiler can switch exhaustively.
import type { AggregateNode } from './aggregate.js';
import type { BinaryNode } from './binary.js';
import type { CaseNode } from './case.js';
import type { CastNode } from './cast.js';
import type { ColumnRefNode } from './column-ref.js';
import type { DefaultNode } from './default.js';
import type { ExcludedNode } from './excluded.js';
import type { ExistsNode } from './exists.js';
import type { FunctionCallNode } from './function-call.js';
import type { IdentifierNode } from './identifier.js';
import type { InNode } from './in.js';
import type { IsNullNode } from './is-null.js';
import type { JsonArrayAggNode, JsonArrayNode, JsonObjectNode, JsonValueNode } from './json.js';
import type { LikeNode } from './like.js';
import type { LiteralNode } from './literal.js';
import type { AndNode, NotNode, OrNode } from './logical.js';
import type { ParamNode } from './param.js';
import type { RawNode } from './raw.js';
import type { SelectNode } from './select.js';
import type { SetOperationNode } from './set-operation.js';
import type { StarNode } from './star.js';
import type { SubqueryNode } from './subquery.js';
import type { TupleNode } from './tuple.js';

/** Every node that can stand where SQL expects a value or a predicate. */
export type ExpressionNode =
  | ColumnRefNode
  | StarNode
  | IdentifierNode
  | ParamNode
  | LiteralNode
  | RawNode
  | BinaryNode
  | IsNullNode
  | InNode
  | LikeNode
  | AndNode
  | OrNode
  | NotNode
  | FunctionCallNode
  | AggregateNode
  | CaseNode
  | ExistsNode
  | SubqueryNode
  | CastNode
  | TupleNode
  | JsonObjectNode
  | JsonArrayNode
  | JsonArrayAggNode
  | JsonValueNode
  | ExcludedNode
  | DefaultNode;

export type ExpressionKind = ExpressionNode['kind'];

/** A query that yields rows: usable as a statement, a subquery, a derived table or a CTE body. */
export type QueryNode = SelectNode | SetOperationNode;
