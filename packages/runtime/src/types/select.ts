import type { ListRelationKey, ModelPayload, RelationKey, RelationOf, ScalarKey } from './payload.js';
import type { Distinct, OrderBy } from './order-by.js';
import type { WhereInput, WhereUniqueInput } from './where.js';
import type { NonEmpty } from './utils.js';

/** `select`: scalar fields, relations (with their own arguments), and `_count` of list relations. */
export type SelectInput<P extends ModelPayload> = {
  [K in ScalarKey<P>]?: boolean;
} & {
  [K in RelationKey<P>]?: boolean | RelationArgs<RelationOf<P, K>>;
} & CountField<P>;

/** `include`: relations to load beside the scalar fields, and `_count`. A model without relations has none. */
export type IncludeInput<P extends ModelPayload> = NonEmpty<
  RelationKey<P>,
  { [K in RelationKey<P>]?: boolean | RelationArgs<RelationOf<P, K>> } & CountField<P>
>;

/** `omit`: scalar fields to leave out of the result (`{ password: true }`). */
export type OmitInput<P extends ModelPayload> = { [K in ScalarKey<P>]?: boolean };

/** `_count` in select/include, only on models with list relations. */
type CountField<P extends ModelPayload> = [ListRelationKey<P>] extends [never]
  ? unknown
  : { _count?: boolean | { select: CountSelectInput<P> } };

/** `_count: { select: { posts: true, comments: { where: { ... } } } }` */
export type CountSelectInput<P extends ModelPayload> = {
  [K in ListRelationKey<P>]?: boolean | { where?: WhereInput<RelationOf<P, K>['payload']> };
};

/** The result-shaping arguments: select, or include and/or omit. */
export interface ShapeArgs<P extends ModelPayload> {
  select?: SelectInput<P> | null;
  include?: IncludeInput<P> | null;
  omit?: OmitInput<P> | null;
}

/** The arguments of a to-one relation in select/include. */
export interface ToOneArgs<P extends ModelPayload> extends ShapeArgs<P> {}

/** The arguments of a list relation in select/include: a findMany of its own. */
export interface ToManyArgs<P extends ModelPayload> extends ShapeArgs<P> {
  where?: WhereInput<P>;
  orderBy?: OrderBy<P>;
  cursor?: WhereUniqueInput<P>;
  take?: number;
  skip?: number;
  distinct?: Distinct<P>;
}

export type RelationArgs<R> = R extends { kind: 'many'; payload: infer T extends ModelPayload }
  ? ToManyArgs<T>
  : R extends { payload: infer T extends ModelPayload }
    ? ToOneArgs<T>
    : never;
