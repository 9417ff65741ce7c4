// Fifty interactive transactions at once on one counter, through a pool of five connections:
// with an atomic increment, and with a read-modify-write at Serializable that retries on P2034,
// the counter ends at exactly 50. On SQLite the same calls queue on its one connection.
//
// The first wave of transactions waits inside its callbacks until the whole wave is in (the pool's
// size at once), so the tests do not depend on timing to overlap: at Serializable that wave has
// read the same value before any of them writes, and all but one must be aborted and retried.
import { KilnWriteConflictError } from '@kiln/runtime';
import { sqliteSchema } from './helpers/inline-schema.js';
import { dbFixture, provider, type DbFixture } from './helpers/db.js';
import { sessionId } from './helpers/server-admin.js';
import type { TestClient } from './helpers/sqlite-db.js';

const SCHEMA = sqliteSchema(`
model Counter {
  id    Int @id
  value Int
}
`);

const CALLS = 50;
const POOL = 5;
const server = provider !== 'sqlite';
/** How many transactions run at once: the pool's size, or SQLite's one connection. */
const WIDTH = server ? POOL : 1;
const TEST_TIMEOUT = 120_000;

let f: DbFixture;
let db: TestClient;
beforeAll(async () => {
  f = await dbFixture(SCHEMA);
  // 50 transactions queue for 5 connections (and retry): a queued one may wait long. A call
  // waits for a connection at most connectTimeout, a transaction at most maxWait as well.
  db = f.client({ pool: { max: POOL }, connectTimeout: 60_000, transactionOptions: { timeout: 60_000, maxWait: 60_000 } });
  await db.m('counter').createMany({ data: [{ id: 1, value: 0 }, { id: 2, value: 0 }] });
});
afterAll(async () => {
  await db?.$disconnect();
  await f?.close();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Like Promise.all, but waits for every call to settle, so none runs on into the next test. */
async function all<T>(calls: Promise<T>[]): Promise<T[]> {
  const results = await Promise.allSettled(calls);
  for (const r of results) if (r.status === 'rejected') throw r.reason;
  return results.map((r) => (r as PromiseFulfilledResult<T>).value);
}
const counter = async (): Promise<number> => (await db.m('counter').findUnique({ where: { id: 1 } })).value;
const reset = () => db.m('counter').update({ where: { id: 1 }, data: { value: 0 } });

/**
 * The first `size` callers wait here until all of them have arrived; later callers pass at
 * once. Gives up after a deadline, so a pool that never runs `size` at once fails the test's
 * assertions instead of hanging it.
 */
class Wave {
  private arrived = 0;
  private fill!: () => void;
  private readonly timer: NodeJS.Timeout;
  readonly full: Promise<void>;
  constructor(private readonly size: number) {
    const filled = new Promise<void>((r) => (this.fill = r));
    let expire!: () => void;
    const expired = new Promise<void>((r) => (expire = r));
    this.timer = setTimeout(expire, 20_000);
    this.full = Promise.race([filled, expired]).finally(() => clearTimeout(this.timer));
  }
  arrive(): Promise<void> {
    if (++this.arrived >= this.size) this.fill();
    return this.full;
  }
}

/** Counts the callbacks running at once; `peak` is the most seen together. */
function gauge() {
  const g = {
    active: 0,
    peak: 0,
    async run<T>(fn: () => Promise<T>): Promise<T> {
      g.peak = Math.max(g.peak, ++g.active);
      try {
        return await fn();
      } finally {
        g.active--;
      }
    },
  };
  return g;
}

it(
  `${CALLS} concurrent transactions incrementing one counter atomically end at exactly ${CALLS}`,
  async () => {
    await reset();
    const wave = new Wave(WIDTH);
    const g = gauge();
    const sessions = new Set<number>();
    await all(
      Array.from({ length: CALLS }, () =>
        db.$transaction((tx: any) =>
          g.run(async () => {
            if (server) sessions.add(await sessionId(tx));
            await wave.arrive();
            await tx.m('counter').update({ where: { id: 1 }, data: { value: { increment: 1 } } });
          }),
        ),
      ),
    );
    expect(await counter()).toBe(CALLS);
    // They ran side by side, as many at once as the pool has connections and never more: the
    // rest queued for a connection.
    expect(g.peak).toBe(WIDTH);
    if (server) expect(sessions.size).toBe(POOL);
  },
  TEST_TIMEOUT,
);

/** A read-modify-write of the counter: read it, then write the value read plus one. */
function readModifyWrite(wave: Wave, g: ReturnType<typeof gauge>, options: Record<string, unknown>) {
  return db.$transaction(
    (tx: any) =>
      g.run(async () => {
        const c = await tx.m('counter').findUnique({ where: { id: 1 } });
        await wave.arrive();
        await tx.m('counter').update({ where: { id: 1 }, data: { value: c.value + 1 } });
      }),
    options,
  );
}

it(
  `${CALLS} concurrent read-modify-write transactions at Serializable, retried on P2034, end at exactly ${CALLS}`,
  async () => {
    await reset();
    const wave = new Wave(WIDTH);
    const g = gauge();
    let conflicts = 0;
    const withRetry = async () => {
      for (let attempt = 1; ; attempt++) {
        try {
          return await readModifyWrite(wave, g, { isolationLevel: 'Serializable' });
        } catch (e) {
          // Only the typed write conflict is retried; anything else fails the test.
          if (!(e instanceof KilnWriteConflictError) || attempt >= 200) throw e;
          expect(e.code).toBe('P2034');
          expect(e.message).toMatch(/^Transaction failed due to a write conflict or a deadlock\. Please retry your transaction\./);
          conflicts++;
          await sleep(Math.random() * 10);
        }
      }
    };
    await all(Array.from({ length: CALLS }, withRetry));
    expect(await counter()).toBe(CALLS);
    expect(g.peak).toBe(WIDTH);
    // The first wave read the same value before writing: the database aborted all of it but one
    // (PostgreSQL: serialization failure; MySQL: deadlock). SQLite ran them one at a time.
    if (server) expect(conflicts).toBeGreaterThanOrEqual(WIDTH - 1);
    else expect(conflicts).toBe(0);
  },
  TEST_TIMEOUT,
);

it(
  'the same read-modify-write at the default isolation level loses updates on a server (so the test above can fail)',
  async () => {
    await reset();
    const wave = new Wave(WIDTH);
    const g = gauge();
    await all(Array.from({ length: CALLS }, () => readModifyWrite(wave, g, {})));
    expect(g.peak).toBe(WIDTH);
    // READ COMMITTED (PostgreSQL) and REPEATABLE READ (MySQL) let the first wave's writes
    // overwrite each other; SQLite's one connection runs the transactions one after another.
    if (server) expect(await counter()).toBeLessThanOrEqual(CALLS - (WIDTH - 1));
    else expect(await counter()).toBe(CALLS);
  },
  TEST_TIMEOUT,
);

it(
  'two transactions locking two rows in opposite orders: on a server one is the deadlock victim (P2034) and the other commits',
  async () => {
    await db.m('counter').updateMany({ data: { value: 0 } });
    // Each holds one row, then (once both hold theirs) asks for the other's.
    const wave = new Wave(server ? 2 : 1);
    const g = gauge();
    const swap = (first: number, second: number) =>
      db.$transaction((tx: any) =>
        g.run(async () => {
          await tx.m('counter').update({ where: { id: first }, data: { value: { increment: 1 } } });
          await wave.arrive();
          await tx.m('counter').update({ where: { id: second }, data: { value: { increment: 1 } } });
        }),
      );
    const results = await Promise.allSettled([swap(1, 2), swap(2, 1)]);
    const failed = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => r.reason);
    const values = (await db.m('counter').findMany({ orderBy: { id: 'asc' } })).map((c: { value: number }) => c.value);
    if (server) {
      // PostgreSQL 40P01 deadlock_detected, MySQL 1213 ER_LOCK_DEADLOCK: one victim, rolled back whole.
      expect(failed).toHaveLength(1);
      expect(failed[0]).toBeInstanceOf(KilnWriteConflictError);
      expect(failed[0].code).toBe('P2034');
      expect(failed[0].message).toMatch(/deadlock/i);
      expect(values).toEqual([1, 1]);
      expect(g.peak).toBe(2);
    } else {
      // SQLite's one connection runs them one after the other.
      expect(failed).toEqual([]);
      expect(values).toEqual([2, 2]);
      expect(g.peak).toBe(1);
    }
  },
  TEST_TIMEOUT,
);
