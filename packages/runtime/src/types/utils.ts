/** One or several: Prisma accepts a single object wherever a list of them is natural. Lists may be readonly. */
export type Enumerable<T> = T | readonly T[];

/** `{ [k in keys of T not in U]?: never }`: used to make two input shapes mutually exclusive. */
export type Without<T, U> = { [K in Exclude<keyof T, keyof U>]?: never };

/**
 * Exactly one of two input shapes (Prisma's `XOR`): a checked create input (`author: { connect }`)
 * or an unchecked one (`authorId: 1`), never a mix: each side's own keys are `never` in the other.
 */
export type XOR<T, U> = (Without<T, U> & U) | (Without<U, T> & T);

/**
 * The parameter type of a method whose result depends on its arguments (Prisma's
 * `SelectSubset`). `A` is inferred from the argument; mapping over `keyof A` makes an unknown
 * top-level key `never`. Deeper unknown keys make `A` fail its constraint, so TypeScript falls
 * back to the constraint and reports the excess property where it is written. `include` or
 * `omit` beside `select` is an error on their value.
 */
export type Exact<A, Args> = {
  [K in keyof A]: K extends keyof Args
    ? K extends 'include' | 'omit'
      ? Get<A, 'select'> extends object
        ? Conflict<K>
        : A[K]
      : A[K]
    : never;
};

type Conflict<K> = K extends 'include'
  ? 'Please either choose `select` or `include`, not both.'
  : 'Please either choose `select` or `omit`, not both.';

/**
 * `T[K]`, or `undefined` when `T` has no key `K`. Inferred arguments keep the object literal
 * types the user wrote, which are "fresh": `{ select: S; where: W } extends { select: infer S }`
 * is false because of the excess `where`. Reading keys with `Get` instead of matching object
 * patterns avoids that.
 */
export type Get<T, K extends PropertyKey> = K extends keyof T ? T[K] : undefined;

/** A mapped type over `K` that is an error to use when `K` is empty (a model without relations has no `include`). */
export type NonEmpty<K, T> = [K] extends [never] ? never : T;
