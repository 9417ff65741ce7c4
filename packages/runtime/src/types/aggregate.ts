import type { DescriptorOf, ModelPayload, ScalarKey } from './payload.js';
import type { Distinct, OrderBy, SortableKey, SortOrder, SortOrderInput } from './order-by.js';
import type { BaseType, DecimalInput, IsNullable, NumericType } from './values.js';
import type { ComparableFilter, FieldFilter, FieldFilterObject, WhereInput, WhereLogic, WhereUniqueInput } from './where.js';
import type { Enumerable, Get } from './utils.js';

type Off = false | undefined | null;

/** Non-list fields of a numeric type: `_avg` and `_sum` take these. */
export type NumericKey<P extends ModelPayload> = {
  [K in ScalarKey<P>]: DescriptorOf<P, K> extends `${string}[]` ? never : BaseType<DescriptorOf<P, K>> extends NumericType ? K : never;
}[ScalarKey<P>];

/** Non-list fields with an order: `_min` and `_max` take these (not Json, not Bytes). */
export type MinMaxKey<P extends ModelPayload> = {
  [K in ScalarKey<P>]: DescriptorOf<P, K> extends `${string}[]` ? never : BaseType<DescriptorOf<P, K>> extends 'Json' | 'Bytes' ? never : K;
}[ScalarKey<P>];

/** `_count` of aggregate/groupBy and `select` of count: `_all` (every row) or non-null values per field. */
export type CountAggregateInput<P extends ModelPayload> = { _all?: boolean } & { [K in ScalarKey<P>]?: boolean };

export interface AggregateInputs<P extends ModelPayload> {
  _count?: true | CountAggregateInput<P>;
  _avg?: { [K in NumericKey<P>]?: boolean };
  _sum?: { [K in NumericKey<P>]?: boolean };
  _min?: { [K in MinMaxKey<P>]?: boolean };
  _max?: { [K in MinMaxKey<P>]?: boolean };
}

export interface CountArgs<P extends ModelPayload> {
  where?: WhereInput<P>;
  orderBy?: OrderBy<P>;
  cursor?: WhereUniqueInput<P>;
  take?: number;
  skip?: number;
  distinct?: Distinct<P>;
  select?: true | CountAggregateInput<P>;
}

/** `count()` is a number; `count({ select: { _all: true, name: true } })` is `{ _all: number; name: number }`. */
export type CountResult<A> = Get<A, 'select'> extends infer S extends object
  ? { [K in keyof S as S[K] extends Off ? never : K]: number }
  : number;

export interface AggregateArgs<P extends ModelPayload> extends AggregateInputs<P> {
  where?: WhereInput<P>;
  orderBy?: OrderBy<P>;
  cursor?: WhereUniqueInput<P>;
  take?: number;
  skip?: number;
}

/** `_avg` is a number (a string for Decimal, exact); `_sum` keeps the field's type (Decimal: string). */
interface AvgTypes {
  Int: number;
  Float: number;
  BigInt: number;
  Decimal: string;
}
interface SumTypes {
  Int: number;
  Float: number;
  BigInt: bigint;
  Decimal: string;
}

type Selected<S> = { [K in keyof S]: S[K] extends Off ? never : K }[keyof S];

type AggregateField<P extends ModelPayload, Op, K> = Op extends '_avg'
  ? AvgTypes[BaseType<DescriptorOf<P, K>> & keyof AvgTypes] | null
  : Op extends '_sum'
    ? SumTypes[BaseType<DescriptorOf<P, K>> & keyof SumTypes] | null
    : K extends keyof P['scalars']
      ? P['scalars'][K] | null
      : never;

/**
 * The aggregates requested in `A`: `_count` (a number for `true`, else per field), `_avg`,
 * `_sum`, `_min`, `_max` (per field, `null` when there are no non-null values).
 */
export type AggregateResult<P extends ModelPayload, A> = {
  [Op in keyof A & keyof AggregateInputs<P>]: Op extends '_count'
    ? A[Op] extends true
      ? number
      : { [K in Selected<A[Op]>]: number }
    : { [K in Selected<A[Op]>]: AggregateField<P, Op, K> };
};

/** groupBy's `orderBy`: grouped fields, or aggregates of fields. */
export type GroupByOrderByInput<P extends ModelPayload> = {
  [K in SortableKey<P>]?: IsNullable<P, K> extends true ? SortOrder | SortOrderInput : SortOrder;
} & {
  _count?: { [K in ScalarKey<P>]?: SortOrder };
  _avg?: { [K in NumericKey<P>]?: SortOrder };
  _sum?: { [K in NumericKey<P>]?: SortOrder };
  _min?: { [K in MinMaxKey<P>]?: SortOrder };
  _max?: { [K in MinMaxKey<P>]?: SortOrder };
};

/** A field's filter in `having`, optionally on an aggregate of it (`{ viewCount: { _avg: { gt: 10 } } }`). */
export type HavingFieldFilter<P extends ModelPayload, K> =
  | FieldFilter<P, K>
  | (FieldFilterObject<P, K> & {
      _count?: ComparableFilter<number>;
      _min?: FieldFilter<P, K>;
      _max?: FieldFilter<P, K>;
    } & (K extends NumericKey<P> ? { _avg?: ComparableFilter<number | DecimalInput>; _sum?: FieldFilter<P, K> } : unknown));

export type HavingInput<P extends ModelPayload> = WhereLogic<HavingInput<P>> & {
  [K in ScalarKey<P>]?: HavingFieldFilter<P, K>;
};

export interface GroupByArgs<P extends ModelPayload> extends AggregateInputs<P> {
  by: Enumerable<ScalarKey<P>>;
  where?: WhereInput<P>;
  orderBy?: Enumerable<GroupByOrderByInput<P>>;
  having?: HavingInput<P>;
  take?: number;
  skip?: number;
}

type ByKey<A> = Get<A, 'by'> extends infer B ? (B extends readonly (infer K extends PropertyKey)[] ? K : B & PropertyKey) : never;

/** One group: the `by` fields' values and the requested aggregates. */
export type GroupByResult<P extends ModelPayload, A> = {
  [K in ByKey<A> | (keyof A & keyof AggregateInputs<P>)]: K extends keyof AggregateInputs<P>
    ? K extends keyof AggregateResult<P, A>
      ? AggregateResult<P, A>[K]
      : never
    : K extends keyof P['scalars']
      ? P['scalars'][K]
      : never;
};
