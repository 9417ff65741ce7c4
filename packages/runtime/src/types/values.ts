import type { DescriptorOf, ModelPayload } from './payload.js';

/** A JSON value as the client returns it from a `Json` field. */
export type JsonValue = string | number | boolean | null | JsonObject | JsonArray;
export type JsonObject = { [key: string]: JsonValue };
export type JsonArray = JsonValue[];

/**
 * A JSON value as the client accepts it in a `Json` field: anything `JSON.stringify` writes
 * faithfully. A top-level `null` is not JSON here: on an optional field, `null` means SQL NULL.
 */
export type InputJsonValue = string | number | boolean | InputJsonObject | InputJsonArray | { toJSON(): unknown };
export type InputJsonObject = { readonly [key: string]: InputJsonValue | null | undefined };
export type InputJsonArray = readonly (InputJsonValue | null)[];

/**
 * A Decimal as inputs accept it. Results are strings, exact to the last digit; pass a string to
 * keep every digit on the way in too (a `number` is a binary float).
 */
export type DecimalInput = string | number | bigint;

/**
 * The value type of a scalar in inputs (data, filters, unique keys), by type name. Inputs are
 * wider than results where a lossless conversion exists: BigInt accepts `number`, DateTime an ISO
 * 8601 string, Decimal a `number` or `bigint`.
 */
export interface ScalarInputTypes {
  String: string;
  Boolean: boolean;
  Int: number;
  BigInt: bigint | number;
  Float: number;
  Decimal: DecimalInput;
  DateTime: Date | string;
  Json: InputJsonValue;
  Bytes: Uint8Array;
}

/** `Int?` → `Int`, `Int[]` → `Int`. */
export type BaseType<D> = D extends `${infer B}?` ? B : D extends `${infer B}[]` ? B : D;

/** The element type of an enum field's result type (`Role | null` or `Role[]` → `Role`). */
type EnumElement<V> = V extends readonly (infer E)[] ? E : Exclude<V, null>;

/** The input value type of one element of scalar field `K` (no null, no list). */
export type InputScalar<P extends ModelPayload, K> = InputOfBase<BaseType<DescriptorOf<P, K>>, K extends keyof P['scalars'] ? P['scalars'][K] : never>;

type InputOfBase<B, V> = B extends keyof ScalarInputTypes ? ScalarInputTypes[B] : B extends 'enum' ? EnumElement<V> : never;

/** Whether field `K` is nullable / a list, from its descriptor. */
export type IsNullable<P extends ModelPayload, K> = DescriptorOf<P, K> extends `${string}?` ? true : false;
export type IsList<P extends ModelPayload, K> = DescriptorOf<P, K> extends `${string}[]` ? true : false;

/** Numeric scalar types: these take `increment`, `decrement`, `multiply` and `divide` in updates. */
export type NumericType = 'Int' | 'BigInt' | 'Float' | 'Decimal';
