import type { ForeignKey, ForeignKeyOf, ModelPayload, RelationKey, RelationOf, ScalarKey } from './payload.js';
import type { InputScalar, IsList, IsNullable } from './values.js';
import type { WhereUniqueInput } from './where.js';
import type { Enumerable, XOR } from './utils.js';

/** The value of scalar field `K` in create data. */
export type CreateValue<P extends ModelPayload, K> = IsList<P, K> extends true
  ? readonly InputScalar<P, K>[] | { set: readonly InputScalar<P, K>[] }
  : IsNullable<P, K> extends true
    ? InputScalar<P, K> | null
    : InputScalar<P, K>;

/** Relations whose foreign key this model holds (to-one). */
export type KeyHoldingRelationKey<P extends ModelPayload> = {
  [K in RelationKey<P>]: [RelationOf<P, K>['fk']] extends [never] ? never : K;
}[RelationKey<P>];

/** Relations that create data must give: required to-one relations. */
type RequiredRelationKey<P extends ModelPayload> = {
  [K in RelationKey<P>]: RelationOf<P, K> extends { kind: 'one' } ? K : never;
}[RelationKey<P>];

type RequiredScalar<P extends ModelPayload, Leave> = Exclude<ScalarKey<P>, P['createOptional'] | Leave>;
type OptionalScalar<P extends ModelPayload, Leave> = Exclude<Extract<ScalarKey<P>, P['createOptional']>, Leave>;

/**
 * Prisma's `CreateInput`: scalar fields except foreign keys, and relations as nested writes
 * (`author: { connect: { id: 1 } }`). `W` is the relation being written through, left out of a
 * nested create (`PostCreateWithoutAuthorInput`).
 */
export type CheckedCreateInput<P extends ModelPayload, W extends string = never> = {
  [K in RequiredScalar<P, ForeignKey<P>>]: CreateValue<P, K>;
} & {
  [K in OptionalScalar<P, ForeignKey<P>>]?: CreateValue<P, K>;
} & {
  [K in Exclude<RequiredRelationKey<P>, W>]: NestedCreateInput<RelationOf<P, K>>;
} & {
  [K in Exclude<RelationKey<P>, RequiredRelationKey<P> | W>]?: NestedCreateInput<RelationOf<P, K>>;
};

/**
 * Prisma's `UncheckedCreateInput`: every scalar field, foreign keys given directly
 * (`authorId: 1`), and nested writes only for relations whose key is on the other side.
 */
export type UncheckedCreateInput<P extends ModelPayload, W extends string = never> = {
  [K in RequiredScalar<P, ForeignKeyOf<P, W>>]: CreateValue<P, K>;
} & {
  [K in OptionalScalar<P, ForeignKeyOf<P, W>>]?: CreateValue<P, K>;
} & {
  [K in Exclude<RelationKey<P>, KeyHoldingRelationKey<P> | W>]?: NestedCreateInput<RelationOf<P, K>>;
};

/**
 * `data` of create: the checked or the unchecked input, not a mix. Without key-holding
 * relations (other than `W`) the two are the same type.
 */
export type CreateInput<P extends ModelPayload, W extends string = never> = [
  Exclude<KeyHoldingRelationKey<P>, W>,
] extends [never]
  ? UncheckedCreateInput<P, W>
  : XOR<CheckedCreateInput<P, W>, UncheckedCreateInput<P, W>>;

/** `data` of createMany (top level and nested): scalars only, foreign keys given directly. */
export type CreateManyInput<P extends ModelPayload, W extends string = never> = {
  [K in RequiredScalar<P, ForeignKeyOf<P, W>>]: CreateValue<P, K>;
} & {
  [K in OptionalScalar<P, ForeignKeyOf<P, W>>]?: CreateValue<P, K>;
};

export interface ConnectOrCreateInput<T extends ModelPayload, Opp extends string> {
  where: WhereUniqueInput<T>;
  create: CreateInput<T, Opp>;
}

/** Nested writes of a to-one relation in create data. */
export interface NestedCreateOne<T extends ModelPayload, Opp extends string> {
  create?: CreateInput<T, Opp>;
  connectOrCreate?: ConnectOrCreateInput<T, Opp>;
  connect?: WhereUniqueInput<T>;
}

/** Nested writes of a list relation in create data. */
export interface NestedCreateMany<T extends ModelPayload, Opp extends string> {
  create?: Enumerable<CreateInput<T, Opp>>;
  connectOrCreate?: Enumerable<ConnectOrCreateInput<T, Opp>>;
  connect?: Enumerable<WhereUniqueInput<T>>;
}

/** `createMany` inside a one-to-many list (not many-to-many, as in Prisma). */
export interface NestedCreateManyInput<T extends ModelPayload, Opp extends string> {
  createMany?: { data: Enumerable<CreateManyInput<T, Opp>>; skipDuplicates?: boolean };
}

/** Whether the opposite of a list relation is a list too: an implicit many-to-many. */
export type IsManyToMany<T extends ModelPayload, Opp> = RelationOf<T, Opp> extends { kind: 'many' } ? true : false;

export type NestedCreateInput<R> = R extends {
  kind: infer Kind;
  payload: infer T extends ModelPayload;
  opposite: infer Opp extends string;
}
  ? Kind extends 'many'
    ? IsManyToMany<T, Opp> extends true
      ? NestedCreateMany<T, Opp>
      : NestedCreateMany<T, Opp> & NestedCreateManyInput<T, Opp>
    : NestedCreateOne<T, Opp>
  : never;
