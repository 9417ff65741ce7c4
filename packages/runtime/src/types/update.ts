import type { DescriptorOf, ForeignKey, ForeignKeyOf, ModelPayload, RelationKey, RelationOf, ScalarKey } from './payload.js';
import type { BaseType, InputScalar, IsNullable, NumericType } from './values.js';
import type { ScalarWhereInput, WhereInput, WhereUniqueInput } from './where.js';
import type { ConnectOrCreateInput, CreateInput, IsManyToMany, KeyHoldingRelationKey, NestedCreateManyInput } from './create.js';
import type { Enumerable, XOR } from './utils.js';

/** `{ set }` on any field; `increment`, `decrement`, `multiply`, `divide` on numbers. */
export interface SetOperation<T> {
  set?: T;
}
export interface NumberOperations<T, N extends null = never> {
  set?: T | N;
  increment?: T;
  decrement?: T;
  multiply?: T;
  divide?: T;
}
export interface ListOperations<T> {
  set?: readonly T[];
  push?: Enumerable<T>;
}

/** The value of scalar field `K` in update data: the new value, or an operation. */
export type UpdateValue<P extends ModelPayload, K> = UpdateValueOf<
  DescriptorOf<P, K>,
  InputScalar<P, K>,
  IsNullable<P, K> extends true ? null : never
>;

type UpdateValueOf<D, T, N extends null> = D extends `${string}[]`
  ? readonly T[] | ListOperations<T>
  : BaseType<D> extends NumericType
    ? T | N | NumberOperations<T, N>
    : BaseType<D> extends 'Json'
      ? T | N // a JSON object could be mistaken for `{ set }`, so Json takes the value only
      : T | N | SetOperation<T | N>;

/** Prisma's `UpdateInput`: scalar fields except foreign keys, relations as nested writes. */
export type CheckedUpdateInput<P extends ModelPayload, W extends string = never> = {
  [K in Exclude<ScalarKey<P>, ForeignKey<P>>]?: UpdateValue<P, K>;
} & {
  [K in Exclude<RelationKey<P>, W>]?: NestedUpdateInput<RelationOf<P, K>>;
};

/** Prisma's `UncheckedUpdateInput`: every scalar, foreign keys directly, nested writes for the other relations. */
export type UncheckedUpdateInput<P extends ModelPayload, W extends string = never> = {
  [K in Exclude<ScalarKey<P>, ForeignKeyOf<P, W>>]?: UpdateValue<P, K>;
} & {
  [K in Exclude<RelationKey<P>, KeyHoldingRelationKey<P> | W>]?: NestedUpdateInput<RelationOf<P, K>>;
};

/** `data` of update and upsert's `update`. */
export type UpdateInput<P extends ModelPayload, W extends string = never> = [
  Exclude<KeyHoldingRelationKey<P>, W>,
] extends [never]
  ? UncheckedUpdateInput<P, W>
  : XOR<CheckedUpdateInput<P, W>, UncheckedUpdateInput<P, W>>;

/** `data` of updateMany (top level and nested): scalars only. */
export type UpdateManyInput<P extends ModelPayload, W extends string = never> = {
  [K in Exclude<ScalarKey<P>, ForeignKeyOf<P, W>>]?: UpdateValue<P, K>;
};

export interface NestedUpsertOne<T extends ModelPayload, Opp extends string> {
  update: UpdateInput<T, Opp>;
  create: CreateInput<T, Opp>;
  where?: WhereInput<T>;
}

/** Nested writes of a required to-one relation in update data. */
export interface NestedUpdateOne<T extends ModelPayload, Opp extends string> {
  create?: CreateInput<T, Opp>;
  connectOrCreate?: ConnectOrCreateInput<T, Opp>;
  upsert?: NestedUpsertOne<T, Opp>;
  connect?: WhereUniqueInput<T>;
  update?: XOR<{ where?: WhereInput<T>; data: UpdateInput<T, Opp> }, UpdateInput<T, Opp>>;
}

/** An optional to-one relation can also be disconnected or its row deleted (optionally only if it matches). */
export interface NestedUpdateOptionalOne<T extends ModelPayload, Opp extends string> extends NestedUpdateOne<T, Opp> {
  disconnect?: boolean | WhereInput<T>;
  delete?: boolean | WhereInput<T>;
}

/** Nested writes of a list relation in update data. */
export interface NestedUpdateMany<T extends ModelPayload, Opp extends string> {
  create?: Enumerable<CreateInput<T, Opp>>;
  connectOrCreate?: Enumerable<ConnectOrCreateInput<T, Opp>>;
  upsert?: Enumerable<{ where: WhereUniqueInput<T>; update: UpdateInput<T, Opp>; create: CreateInput<T, Opp> }>;
  set?: Enumerable<WhereUniqueInput<T>>;
  disconnect?: Enumerable<WhereUniqueInput<T>>;
  delete?: Enumerable<WhereUniqueInput<T>>;
  connect?: Enumerable<WhereUniqueInput<T>>;
  update?: Enumerable<{ where: WhereUniqueInput<T>; data: UpdateInput<T, Opp> }>;
  updateMany?: Enumerable<{ where: ScalarWhereInput<T>; data: UpdateManyInput<T, Opp> }>;
  deleteMany?: Enumerable<ScalarWhereInput<T>>;
}

export type NestedUpdateInput<R> = R extends {
  kind: infer Kind;
  payload: infer T extends ModelPayload;
  opposite: infer Opp extends string;
}
  ? Kind extends 'many'
    ? IsManyToMany<T, Opp> extends true
      ? NestedUpdateMany<T, Opp>
      : NestedUpdateMany<T, Opp> & NestedCreateManyInput<T, Opp>
    : Kind extends 'one?'
      ? NestedUpdateOptionalOne<T, Opp>
      : NestedUpdateOne<T, Opp>
  : never;
