// TEMPORARY until the runtime exports KilnPromise; not exported from types/index.ts.
export interface KilnPromise<T> extends Promise<T> {}
