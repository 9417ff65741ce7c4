import { KilnPoolTimeoutError } from '../errors/kiln-error.js';

/**
 * A pooled connection within `maxWait` ms, else KilnPoolTimeoutError (P2024) naming `poolSize`:
 * `connect` asks the pool for one; a connection that arrives after the wait gave up goes
 * straight back to the pool.
 */
export async function acquireWithin<C extends { release(): void }>(connect: () => Promise<C>, maxWait: number | undefined, poolSize: number): Promise<C> {
  if (maxWait === undefined) return connect();
  let timer: NodeJS.Timeout | undefined;
  let timedOut = false;
  const pending = connect();
  try {
    return await Promise.race([
      pending,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          timedOut = true;
          reject(new KilnPoolTimeoutError(poolSize, maxWait));
        }, maxWait);
      }),
    ]);
  } finally {
    clearTimeout(timer);
    if (timedOut) pending.then((c) => c.release(), () => undefined);
  }
}
