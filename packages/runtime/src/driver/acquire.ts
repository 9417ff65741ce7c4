import { KilnTimeoutError } from '../errors/kiln-error.js';

/**
 * A pooled connection within `maxWait` ms: `connect` asks the pool for one; a connection that
 * arrives after the wait gave up goes straight back to the pool.
 */
export async function acquireWithin<C extends { release(): void }>(connect: () => Promise<C>, maxWait: number | undefined): Promise<C> {
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
          reject(new KilnTimeoutError(`No free database connection within maxWait (${maxWait} ms).`));
        }, maxWait);
      }),
    ]);
  } finally {
    clearTimeout(timer);
    if (timedOut) pending.then((c) => c.release(), () => undefined);
  }
}
