// Faults, and that the client survives them.
//
// PostgreSQL and MySQL/MariaDB: an exhausted pool fails a further call with P2024 (naming the
// pool's size and the wait) instead of hanging, and works again once connections are free; a
// connection the server ends (`pg_terminate_backend`, `KILL`, from a separate administrator's
// connection) mid-query, idle in the pool or inside an interactive transaction fails the call
// with P1017 and the pool replaces it.
//
// SQLite has no pool and no server: a database locked by another connection fails a write with
// P1008 after the busy timeout, and a file that is not a database is a typed connection error.
import { runtimeSchemaFromIR } from '@kiln/generator';
import { KilnConnectionClosedError, KilnConnectionError, KilnPoolTimeoutError, KilnTimeoutError } from '@kiln/runtime';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rejectionOf } from './helpers/expect-error.js';
import { sqliteSchema } from './helpers/inline-schema.js';
import { dbFixture, provider, type DbFixture } from './helpers/db.js';
import { holdTransactions } from './helpers/held-transactions.js';
import { openServerAdmin, sessionId, type ServerAdmin } from './helpers/server-admin.js';
import { TestClient } from './helpers/sqlite-db.js';

const SCHEMA = sqliteSchema(`
model Counter {
  id    Int @id
  value Int
}

model Note {
  id   Int    @id @default(autoincrement())
  text String
  tags Tag[]
}

model Tag {
  id     Int    @id @default(autoincrement())
  name   String
  note   Note   @relation(fields: [noteId], references: [id])
  noteId Int
}
`);

const TEST_TIMEOUT = 60_000;

let f: DbFixture;
beforeAll(async () => {
  f = await dbFixture(SCHEMA);
  await f.db.m('counter').create({ data: { id: 1, value: 0 } });
});
afterAll(() => f?.close());

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

if (provider === 'sqlite') {
  describe('SQLite', () => {
    it('a write while another connection holds the write lock fails after busyTimeout with P1008, and succeeds once the lock is free', async () => {
      const other = f.client({ busyTimeout: 50 });
      try {
        let entered!: () => void;
        const inside = new Promise<void>((r) => (entered = r));
        let release!: () => void;
        const gate = new Promise<void>((r) => (release = r));
        const holder = f.db.$transaction(async (tx: any) => {
          await tx.m('counter').update({ where: { id: 1 }, data: { value: 100 } });
          entered();
          await gate;
        });
        await inside;
        const started = Date.now();
        const e = await rejectionOf(other.m('counter').update({ where: { id: 1 }, data: { value: { increment: 1 } } }));
        expect(e).toBeInstanceOf(KilnTimeoutError);
        expect(e.code).toBe('P1008');
        expect(e.message).toMatch(/locked/);
        expect(Date.now() - started).toBeLessThan(10_000);
        // An interactive transaction that cannot take the lock at BEGIN is typed the same way.
        const t = await rejectionOf(other.$transaction(async (tx: any) => tx.m('counter').findUnique({ where: { id: 1 } })));
        expect(t).toBeInstanceOf(KilnTimeoutError);
        expect(t.code).toBe('P1008');
        // Reading is not blocked, and does not see the uncommitted write.
        expect((await other.m('counter').findUnique({ where: { id: 1 } })).value).toBe(0);
        release();
        await holder;
        expect((await other.m('counter').update({ where: { id: 1 }, data: { value: { increment: 1 } } })).value).toBe(101);
      } finally {
        await other.$disconnect();
        await f.db.m('counter').update({ where: { id: 1 }, data: { value: 0 } });
      }
    });

    it('a file that is not a SQLite database fails with a typed connection error (P1001)', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'kiln-faults-'));
      const file = join(dir, 'garbage.db');
      writeFileSync(file, Buffer.alloc(8192, 0x5a));
      const c = new TestClient(runtimeSchemaFromIR(f.ir), { url: `file:${file}` });
      try {
        const e = await rejectionOf(c.m('counter').count());
        expect(e).toBeInstanceOf(KilnConnectionError);
        expect(e.code).toBe('P1001');
        expect(e.message).toMatch(/not a database/);
      } finally {
        await c.$disconnect();
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
} else {
  const SLEEP_TEXT = provider === 'postgresql' ? 'pg_sleep' : 'SLEEP';
  /** A statement that runs for 30 s unless its connection is ended. */
  const longSleep = (db: any) => (provider === 'postgresql' ? db.$queryRaw`SELECT pg_sleep(${30})` : db.$queryRaw`SELECT SLEEP(${30})`);
  /** Generous bounds proving a call did not wait for the sleep, or hang. */
  const NOT_HUNG_MS = 20_000;

  let admin: ServerAdmin;
  beforeAll(async () => {
    admin = await openServerAdmin();
  });
  afterAll(() => admin?.close());

  /** Holds `n` connections of `db` in open transactions that have read a table. */
  const hold = (db: TestClient, n: number) => holdTransactions(db, n, (tx) => tx.m('counter').findMany(), sessionId);

  /** Every connection of `db`'s pool can be held at once: none was lost to a fault. */
  async function expectWholePool(db: TestClient, max: number, gone: number[] = []): Promise<void> {
    const held = await hold(db, max);
    try {
      expect(new Set(held.ids).size).toBe(max);
      for (const id of gone) expect(held.ids).not.toContain(id);
    } finally {
      await held.release();
    }
  }

  function expectClosed(e: any): void {
    expect(e).toBeInstanceOf(KilnConnectionClosedError);
    expect(e).toBeInstanceOf(KilnConnectionError);
    expect(e.code).toBe('P1017');
    expect(e.message).toMatch(/^Server has closed the connection/);
  }

  describe('an exhausted pool', () => {
    const MAX = 3;
    const WAIT = 1000;
    let db: TestClient;
    beforeAll(() => {
      db = f.client({ pool: { max: MAX }, connectTimeout: WAIT });
    });
    afterAll(() => db?.$disconnect());

    /** Runs `call` while every connection of `db` is held in an open transaction. */
    async function whileExhausted<T>(call: () => Promise<T>): Promise<T> {
      const held = await hold(db, MAX);
      try {
        // The pool really is exhausted: MAX sessions, each inside an open transaction.
        expect(new Set(held.ids).size).toBe(MAX);
        for (const id of held.ids) expect((await admin.session(id))?.inTransaction).toBe(true);
        return await call();
      } finally {
        await held.release();
      }
    }

    async function expectPoolTimeout(call: () => PromiseLike<unknown>, timeout: number): Promise<void> {
      const started = Date.now();
      const e = await whileExhausted(() => rejectionOf(call()));
      expect(Date.now() - started).toBeLessThan(timeout + NOT_HUNG_MS);
      expect(e).toBeInstanceOf(KilnPoolTimeoutError);
      expect(e).toBeInstanceOf(KilnTimeoutError);
      expect(e.code).toBe('P2024');
      expect(e.poolSize).toBe(MAX);
      expect(e.timeout).toBe(timeout);
      expect(e.message).toContain(`Timed out fetching a new connection from the connection pool (pool size ${MAX}, waited ${timeout} ms)`);
      // Once the holders are done, calls work again.
      expect(await db.m('counter').count()).toBe(1);
    }

    it('a query fails with P2024 after connectTimeout, naming the pool size and the wait', () => expectPoolTimeout(() => db.m('counter').findMany(), WAIT), TEST_TIMEOUT);

    it('a raw query fails with P2024 too (not wrapped as a raw query error)', () => expectPoolTimeout(() => db.$queryRaw`SELECT 1 AS one`, WAIT), TEST_TIMEOUT);

    it('a nested write (its own transaction, without maxWait) fails with P2024 after connectTimeout', async () => {
      await expectPoolTimeout(() => db.m('note').create({ data: { text: 'pool', tags: { create: [{ name: 'a' }] } } }), WAIT);
      expect(await db.m('note').count({ where: { text: 'pool' } })).toBe(0);
    }, TEST_TIMEOUT);

    it('an interactive transaction fails with P2024 after its maxWait', () => expectPoolTimeout(() => db.$transaction(async (tx: any) => tx.m('counter').count(), { maxWait: 300 }), 300), TEST_TIMEOUT);

    it('a batch transaction fails with P2024 after its maxWait', () => expectPoolTimeout(() => db.$transaction([db.m('counter').count()], { maxWait: 300 }), 300), TEST_TIMEOUT);

    it('a call that finds every connection in use waits for one, and runs when a holder finishes', async () => {
      const patient = f.client({ pool: { max: MAX }, connectTimeout: 30_000 });
      try {
        const held = await hold(patient, MAX);
        let outcome: unknown = 'pending';
        const call = patient.m('counter').count().then(
          (n: number) => (outcome = n),
          (e: unknown) => (outcome = e),
        );
        await sleep(300);
        // Queued: neither run nor failed.
        expect(outcome).toBe('pending');
        await held.release();
        await call;
        expect(outcome).toBe(1);
      } finally {
        await patient.$disconnect();
      }
    }, TEST_TIMEOUT);

    it('after calls gave up waiting, every connection can be held at once again', async () => {
      await whileExhausted(async () => {
        const gaveUp = await Promise.all([db.m('counter').count(), db.$queryRaw`SELECT 1 AS one`, db.$transaction([db.m('counter').count()], { maxWait: 200 })].map((p) => rejectionOf(p)));
        for (const e of gaveUp) expect(e).toBeInstanceOf(KilnPoolTimeoutError);
      });
      // The connections that arrive for the calls that gave up go back to the pool.
      await expectWholePool(db, MAX);
      await expectWholePool(db, MAX);
    }, TEST_TIMEOUT);
  });

  describe('a connection the server ends', () => {
    it('mid-query: the query fails with P1017, and the next call runs on a new connection', async () => {
      // One connection: the next call would get the dead one if the pool kept it.
      const db = f.client({ pool: { max: 1 } });
      try {
        const id = await sessionId(db);
        const started = Date.now();
        const sleeping = rejectionOf(longSleep(db));
        await admin.waitUntilRunning(id, SLEEP_TEXT);
        await admin.kill(id);
        const e = await sleeping;
        expectClosed(e);
        expect(Date.now() - started).toBeLessThan(NOT_HUNG_MS);
        // The server ends the session (it may still be exiting when the client has the error).
        await admin.waitUntilGone(id);
        expect(await db.m('counter').count()).toBe(1);
        const next = await sessionId(db);
        expect(next).not.toBe(id);
        await expectWholePool(db, 1, [id]);
      } finally {
        await db.$disconnect();
      }
    }, TEST_TIMEOUT);

    it('idle in the pool: the next call runs on a new connection', async () => {
      const db = f.client({ pool: { max: 1 } });
      try {
        const id = await sessionId(db);
        await admin.kill(id);
        await admin.waitUntilGone(id);
        expect(await db.m('counter').findMany()).toEqual([{ id: 1, value: 0 }]);
        expect(await sessionId(db)).not.toBe(id);
      } finally {
        await db.$disconnect();
      }
    }, TEST_TIMEOUT);

    describe('inside an interactive transaction', () => {
      const MAX = 2;
      let db: TestClient;
      beforeAll(() => {
        db = f.client({ pool: { max: MAX } });
      });
      afterAll(() => db?.$disconnect());

      it('during a statement: the transaction fails with P1017, its writes are gone, and the pool recovers', async () => {
        let id = 0;
        let killed: Promise<void> | undefined;
        const started = Date.now();
        const e = await rejectionOf(
          db.$transaction(
            async (tx: any) => {
              await tx.m('note').create({ data: { text: 'killed during a statement' } });
              id = await sessionId(tx);
              killed = admin.waitUntilRunning(id, SLEEP_TEXT).then(() => admin.kill(id));
              await longSleep(tx);
            },
            { timeout: 60_000 },
          ),
        );
        await killed;
        expectClosed(e);
        expect(Date.now() - started).toBeLessThan(NOT_HUNG_MS);
        expect(await db.m('note').count({ where: { text: 'killed during a statement' } })).toBe(0);
        await expectWholePool(db, MAX, [id]);
      }, TEST_TIMEOUT);

      it('between statements: the next statement fails with P1017, and the pool recovers', async () => {
        let id = 0;
        const e = await rejectionOf(
          db.$transaction(
            async (tx: any) => {
              await tx.m('note').create({ data: { text: 'killed between statements' } });
              id = await sessionId(tx);
              await admin.kill(id);
              await admin.waitUntilGone(id);
              await tx.m('note').create({ data: { text: 'after the kill' } });
            },
            { timeout: 60_000 },
          ),
        );
        expectClosed(e);
        expect(await db.m('note').count({ where: { text: { in: ['killed between statements', 'after the kill'] } } })).toBe(0);
        await expectWholePool(db, MAX, [id]);
      }, TEST_TIMEOUT);

      it('a callback that swallows the error cannot commit: COMMIT fails with P1017', async () => {
        let id = 0;
        let inner: unknown;
        const e = await rejectionOf(
          db.$transaction(
            async (tx: any) => {
              await tx.m('note').create({ data: { text: 'never committed' } });
              id = await sessionId(tx);
              await admin.kill(id);
              await admin.waitUntilGone(id);
              inner = await rejectionOf(tx.m('counter').count());
              return 'done';
            },
            { timeout: 60_000 },
          ),
        );
        expectClosed(inner);
        expectClosed(e);
        expect(await db.m('note').count({ where: { text: 'never committed' } })).toBe(0);
        await expectWholePool(db, MAX, [id]);
      }, TEST_TIMEOUT);
    });
  });
}
