import type { DeleteNode } from './delete.js';
import type { InsertNode } from './insert.js';
import type { RawNode } from './raw.js';
import type { SelectNode } from './select.js';
import type { SetOperationNode } from './set-operation.js';
import type { UpdateNode } from './update.js';

/** Everything `Dialect.compile` accepts. */
export type StatementNode = SelectNode | SetOperationNode | InsertNode | UpdateNode | DeleteNode | RawNode;

export type StatementKind = StatementNode['kind'];
