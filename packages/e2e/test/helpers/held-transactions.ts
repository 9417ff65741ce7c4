/**
 * Interactive transactions held open on purpose, to take every connection of a client's pool:
 * each reads a table (so the server lists it as a transaction), records its session, and waits
 * until `release()`.
 */
export interface HeldTransactions {
  /** The server session id of each held connection (empty on SQLite). */
  ids: number[];
  /** Lets every transaction finish (commit) and waits for them. */
  release(): Promise<void>;
}

type Client = { $transaction(fn: (tx: any) => Promise<unknown>, options?: Record<string, unknown>): Promise<unknown> };

const DEADLINE_MS = 15_000;

/**
 * Opens `n` interactive transactions at once and resolves when all of them are inside their
 * callbacks at the same time, proving the pool handed out `n` connections together. Rejects if
 * one of them fails (a pool too small gives P2024) or they are not all inside in time.
 */
export async function holdTransactions(
  db: Client,
  n: number,
  touch: (tx: any) => Promise<unknown>,
  session: ((tx: any) => Promise<number>) | null,
): Promise<HeldTransactions> {
  let open!: () => void;
  const gate = new Promise<void>((r) => (open = r));
  const ids: number[] = [];
  let inside = 0;
  let allInside!: () => void;
  const everyone = new Promise<void>((r) => (allInside = r));
  const done = Array.from({ length: n }, () =>
    db.$transaction(
      async (tx) => {
        await touch(tx);
        if (session) ids.push(await session(tx));
        if (++inside === n) allInside();
        await gate;
      },
      { timeout: 60_000, maxWait: 10_000 },
    ),
  );
  const settled = Promise.all(done);
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      everyone,
      // A failure before all are inside (e.g. P2024) rejects at once.
      settled.then(() => {
        throw new Error('the held transactions finished before all were open');
      }),
      new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`only ${inside} of ${n} transactions were open at once`)), DEADLINE_MS))),
    ]);
  } catch (e) {
    open();
    await Promise.allSettled(done);
    throw e;
  } finally {
    clearTimeout(timer);
  }
  return {
    ids,
    async release() {
      open();
      await settled;
    },
  };
}
