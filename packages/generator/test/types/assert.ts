/** `true` when `X` and `Y` are the same type (not merely mutually assignable). */
export type Equal<X, Y> = (<T>() => T extends X ? 1 : 2) extends <T>() => T extends Y ? 1 : 2 ? true : false;

/** Compiles only when `T` is `true`: `expectType<Equal<typeof x, number>>()`. */
export function expectType<T extends true>(): void {}

/** Compiles only when `value`'s type is exactly `T`. */
export function exact<T>(value: T): <U>(check: Equal<T, U> extends true ? U : never) => void {
  void value;
  return () => {};
}

/** `await`-free access to a delegate call's result type. */
export type ResultOf<T> = T extends PromiseLike<infer R> ? R : never;
