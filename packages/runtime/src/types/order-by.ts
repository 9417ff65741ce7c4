import type { ModelPayload, RelationKey, RelationOf, ScalarKey } from './payload.js';
import type { IsList, IsNullable } from './values.js';
import type { Enumerable } from './utils.js';

export type SortOrder = 'asc' | 'desc';
export type NullsOrder = 'first' | 'last';

/** On an optional field: where NULLs sort. */
export interface SortOrderInput {
  sort: SortOrder;
  nulls?: NullsOrder;
}

/** Scalar fields that can be sorted on: every field but scalar lists. */
export type SortableKey<P extends ModelPayload> = {
  [K in ScalarKey<P>]: IsList<P, K> extends true ? never : K;
}[ScalarKey<P>];

/**
 * One `orderBy` entry: scalar fields (`'asc' | 'desc'`, or `{ sort, nulls }` when optional), a
 * to-one relation's fields (`{ author: { name: 'asc' } }`), or a list relation's row count
 * (`{ posts: { _count: 'desc' } }`). Several keys in one object sort in key order; pass an array
 * to make the order explicit.
 */
export type OrderByInput<P extends ModelPayload> = {
  [K in SortableKey<P>]?: IsNullable<P, K> extends true ? SortOrder | SortOrderInput : SortOrder;
} & {
  [K in RelationKey<P>]?: RelationOf<P, K> extends { kind: 'many' }
    ? { _count?: SortOrder }
    : OrderByInput<RelationOf<P, K>['payload']>;
};

export type OrderBy<P extends ModelPayload> = Enumerable<OrderByInput<P>>;

/** `distinct`: one scalar field or several. */
export type Distinct<P extends ModelPayload> = Enumerable<ScalarKey<P>>;
