import type { Queryable } from '../driver/queryable.js';

/** What a batch `$transaction([...])` needs to run a call itself, on the transaction's connection. */
export interface PendingCall {
  run(conn: Queryable): Promise<unknown>;
}

/**
 * A lazy promise, as Prisma Client's: nothing runs until it is awaited (or `.then` is called),
 * or until it is passed to `$transaction([...])`, which runs the batch in one transaction.
 */
export class KilnPromise<T> implements Promise<T> {
  readonly [Symbol.toStringTag] = 'KilnPromise';
  private started: Promise<T> | undefined;

  constructor(
    private readonly execute: () => Promise<T>,
    /** Set for client calls (delegates and raw SQL), so `$transaction([...])` can run them on its connection. */
    readonly call?: PendingCall,
  ) {}

  private start(): Promise<T> {
    return (this.started ??= this.execute());
  }

  then<R1 = T, R2 = never>(onfulfilled?: ((value: T) => R1 | PromiseLike<R1>) | null, onrejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null): Promise<R1 | R2> {
    return this.start().then(onfulfilled, onrejected);
  }

  catch<R = never>(onrejected?: ((reason: unknown) => R | PromiseLike<R>) | null): Promise<T | R> {
    return this.start().catch(onrejected);
  }

  finally(onfinally?: (() => void) | null): Promise<T> {
    return this.start().finally(onfinally);
  }
}
