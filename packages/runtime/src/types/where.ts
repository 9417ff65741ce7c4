import type { AnyRelation, DescriptorOf, ModelPayload, RelationKey, RelationOf, ScalarKey } from './payload.js';
import type { DecimalInput, InputJsonValue, InputScalar } from './values.js';
import type { Enumerable } from './utils.js';

/** `insensitive`: case-insensitive string comparison (ILIKE on PostgreSQL; see docs/client-types.md). */
export type QueryMode = 'default' | 'insensitive';

/** Filters of a String field. `N` is `null` on an optional field, where `equals: null` means IS NULL. */
export interface StringFilter<N extends null = never> {
  equals?: string | N;
  in?: readonly string[];
  notIn?: readonly string[];
  lt?: string;
  lte?: string;
  gt?: string;
  gte?: string;
  contains?: string;
  startsWith?: string;
  endsWith?: string;
  mode?: QueryMode;
  not?: string | N | StringFilter<N>;
}

/** Filters of an Int, Float, BigInt, Decimal or DateTime field, over its input type `T`. */
export interface ComparableFilter<T, N extends null = never> {
  equals?: T | N;
  in?: readonly T[];
  notIn?: readonly T[];
  lt?: T;
  lte?: T;
  gt?: T;
  gte?: T;
  not?: T | N | ComparableFilter<T, N>;
}

export interface BoolFilter<N extends null = never> {
  equals?: boolean | N;
  not?: boolean | N | BoolFilter<N>;
}

export interface EnumFilter<E, N extends null = never> {
  equals?: E | N;
  in?: readonly E[];
  notIn?: readonly E[];
  not?: E | N | EnumFilter<E, N>;
}

/** A Json field compares as a whole (no shorthand: `{ equals: value }`). */
export interface JsonFilter<N extends null = never> {
  equals?: InputJsonValue | N;
  not?: InputJsonValue | N;
}

export interface BytesFilter<N extends null = never> {
  equals?: Uint8Array | N;
  in?: readonly Uint8Array[];
  notIn?: readonly Uint8Array[];
  not?: Uint8Array | N | BytesFilter<N>;
}

/** Filters of a scalar list (`String[]`, PostgreSQL). */
export interface ScalarListFilter<T> {
  equals?: readonly T[] | null;
  has?: T | null;
  hasEvery?: readonly T[];
  hasSome?: readonly T[];
  isEmpty?: boolean;
}

/** The filter object of each scalar type, over the field's input type `T`. */
export interface FilterTypes<T, N extends null> {
  String: StringFilter<N>;
  Boolean: BoolFilter<N>;
  Int: ComparableFilter<number, N>;
  Float: ComparableFilter<number, N>;
  BigInt: ComparableFilter<bigint | number, N>;
  Decimal: ComparableFilter<DecimalInput, N>;
  DateTime: ComparableFilter<Date | string, N>;
  Json: JsonFilter<N>;
  Bytes: BytesFilter<N>;
  enum: EnumFilter<T, N>;
}

/** What `where` accepts for one field: its filter, or the value itself (`{ email: 'a@b.c' }`). */
export type FieldFilter<P extends ModelPayload, K> = FilterOf<DescriptorOf<P, K>, InputScalar<P, K>>;

/** The filter object alone, without the value shorthand (groupBy `having` adds aggregates to it). */
export type FieldFilterObject<P extends ModelPayload, K> = FilterObjectOf<DescriptorOf<P, K>, InputScalar<P, K>>;

type FilterObjectOf<D, T> = D extends `${string}[]`
  ? ScalarListFilter<T>
  : D extends `${infer B extends keyof FilterTypes<T, null>}?`
    ? FilterTypes<T, null>[B]
    : D extends keyof FilterTypes<T, never>
      ? FilterTypes<T, never>[D]
      : never;

type FilterOf<D, T> = D extends `${string}[]`
  ? ScalarListFilter<T>
  : D extends `${infer B extends keyof FilterTypes<T, null>}?`
    ? FilterTypes<T, null>[B] | Shorthand<B, T> | null
    : D extends keyof FilterTypes<T, never>
      ? FilterTypes<T, never>[D] | Shorthand<D, T>
      : never;

/** A Json value could be mistaken for a filter object, so Json has no shorthand. */
type Shorthand<B, T> = B extends 'Json' ? never : T;

/** AND, OR and NOT, as Prisma takes them. */
export interface WhereLogic<W> {
  AND?: Enumerable<W>;
  OR?: readonly W[];
  NOT?: Enumerable<W>;
}

/** `where` of findMany, updateMany, deleteMany, count...: scalar filters, relation filters, AND/OR/NOT. */
export type WhereInput<P extends ModelPayload> = WhereLogic<WhereInput<P>> & {
  [K in ScalarKey<P>]?: FieldFilter<P, K>;
} & {
  [K in RelationKey<P>]?: RelationFilter<RelationOf<P, K>>;
};

/** `where` of nested `updateMany`/`deleteMany`: scalar filters only, as in Prisma's `ScalarWhereInput`. */
export type ScalarWhereInput<P extends ModelPayload> = WhereLogic<ScalarWhereInput<P>> & {
  [K in ScalarKey<P>]?: FieldFilter<P, K>;
};

/** A list relation matches when `some`, `every` or `none` of the related rows do. */
export interface ListRelationFilter<T extends ModelPayload> {
  some?: WhereInput<T>;
  every?: WhereInput<T>;
  none?: WhereInput<T>;
}

/** `is`/`isNot` (with `null` for an optional relation), or the related row's where directly. */
export type ToOneRelationFilter<T extends ModelPayload, N extends null = never> =
  | ({ is?: WhereInput<T> | N; isNot?: WhereInput<T> | N } & { [K in keyof WhereInput<T>]?: never })
  | (WhereInput<T> & { is?: never; isNot?: never });

export type RelationFilter<R extends AnyRelation> = R['kind'] extends 'many'
  ? ListRelationFilter<R['payload']>
  : R['kind'] extends 'one?'
    ? ToOneRelationFilter<R['payload'], null> | null
    : ToOneRelationFilter<R['payload']>;

/**
 * `where` of findUnique, update, delete, upsert and `cursor`: at least one unique key (a field
 * `{ email }` or a compound `{ email_tenantId: { email, tenantId } }`), and, as Prisma 5 allows,
 * any other filters beside it. `never` for a model without a unique key.
 */
export type WhereUniqueInput<P extends ModelPayload> = UniqueKeys<P> & WhereInput<P>;

type UniqueKeys<P extends ModelPayload> = {
  [K in keyof P['uniques']]: { [k in K]: UniqueValue<P, k> } & {
    [k in Exclude<keyof P['uniques'], K>]?: UniqueValue<P, k>;
  };
}[keyof P['uniques']];

/** A single-field unique takes the value; a compound one an object of its fields' values. */
export type UniqueValue<P extends ModelPayload, K extends keyof P['uniques']> = [P['uniques'][K]] extends [K]
  ? InputScalar<P, K>
  : { [F in P['uniques'][K] & string]: InputScalar<P, F> };
