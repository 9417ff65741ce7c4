// Batch and interactive transactions: results, atomic rollback, timeouts, isolation from
// queries outside the transaction, and lazy delegate promises.
import { KilnTransactionError, KilnUniqueConstraintError } from '@kiln/runtime';
import { rejectionOf } from './helpers/expect-error.js';
import { sqliteSchema } from './helpers/inline-schema.js';
import { provider } from './helpers/db.js';
import { directFixture, type DirectFixture } from './helpers/direct-client.js';

const SCHEMA = sqliteSchema(`
model User {
  id    Int    @id @default(autoincrement())
  email String @unique
  name  String?
  posts Post[]
}

model Post {
  id       Int    @id @default(autoincrement())
  title    String
  author   User   @relation(fields: [authorId], references: [id])
  authorId Int
}

model Counter {
  id    Int @id
  value Int
}
`);

// The generated client's shape: delegates are own properties, rebound inside a transaction.
let f: DirectFixture;
beforeAll(async () => {
  f = await directFixture(SCHEMA);
  await f.db.m('counter').create({ data: { id: 1, value: 0 } });
});
afterAll(() => f.close());

const user = () => f.db.m('user');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
let n = 0;
const email = () => `t${++n}@x.io`;

describe('batch $transaction([...])', () => {
  it('runs the calls in order and resolves to their results', async () => {
    const a = email();
    const b = email();
    const [u1, u2, count, found] = await f.db.$transaction([
      user().create({ data: { email: a } }),
      user().create({ data: { email: b, name: 'B' } }),
      user().count({ where: { email: { in: [a, b] } } }),
      user().findUnique({ where: { email: b }, select: { name: true } }),
    ]);
    expect(u1.email).toBe(a);
    expect(u2.id).toBe(u1.id + 1);
    expect(count).toBe(2);
    expect(found).toEqual({ name: 'B' });
  });

  it('rolls back every call when one fails', async () => {
    const a = email();
    const taken = email();
    await user().create({ data: { email: taken } });
    const before = await user().count();
    const e = await rejectionOf(
      f.db.$transaction([user().create({ data: { email: a } }), user().update({ where: { email: taken }, data: { name: 'changed' } }), user().create({ data: { email: taken } })]),
    );
    expect(e).toBeInstanceOf(KilnUniqueConstraintError);
    expect(await user().count()).toBe(before);
    expect(await user().findUnique({ where: { email: a } })).toBeNull();
    expect((await user().findUnique({ where: { email: taken } })).name).toBeNull();
  });

  it('a nested write in a batch rolls back with the rest', async () => {
    const a = email();
    const taken = email();
    await user().create({ data: { email: taken } });
    const e = await rejectionOf(
      f.db.$transaction([user().create({ data: { email: a, posts: { create: [{ title: 'one' }, { title: 'two' }] } } }), user().create({ data: { email: taken } })]),
    );
    expect(e).toBeInstanceOf(KilnUniqueConstraintError);
    expect(await user().count({ where: { email: a } })).toBe(0);
    expect(await f.db.m('post').count({ where: { title: { in: ['one', 'two'] } } })).toBe(0);
  });

  it('raw queries can be part of a batch', async () => {
    const a = email();
    const [changed, u] = await f.db.$transaction([f.db.$executeRaw(...f.q`INSERT INTO "User" ("email") VALUES (${a})`), user().findUnique({ where: { email: a } })]);
    expect(changed).toBe(1);
    expect(u.email).toBe(a);
  });

  it('an already awaited value is refused with P2028', async () => {
    const value = await user().count();
    const e = await rejectionOf(f.db.$transaction([value as never]));
    expect(e).toBeInstanceOf(KilnTransactionError);
    expect(e.code).toBe('P2028');
  });

  it('an empty batch resolves to an empty list', async () => {
    expect(await f.db.$transaction([])).toEqual([]);
  });
});

describe('interactive $transaction(async tx => ...)', () => {
  it('commits and resolves to the callback’s value', async () => {
    const a = email();
    const result = await f.db.$transaction(async (tx: any) => {
      const u = await tx.m('user').create({ data: { email: a } });
      await tx.m('post').create({ data: { title: 'in tx', authorId: u.id } });
      return { id: u.id, seen: await tx.m('post').count({ where: { authorId: u.id } }) };
    });
    expect(result.seen).toBe(1);
    expect(await f.db.m('post').count({ where: { authorId: result.id } })).toBe(1);
  });

  it('reads inside the transaction see its own writes', async () => {
    const a = email();
    await f.db.$transaction(async (tx: any) => {
      await tx.m('user').create({ data: { email: a, name: 'mine' } });
      expect((await tx.m('user').findUnique({ where: { email: a } })).name).toBe('mine');
    });
  });

  it('rolls back when the callback throws, rethrowing the same error', async () => {
    const a = email();
    const before = await user().count();
    const boom = new Error('boom');
    const e = await rejectionOf(
      f.db.$transaction(async (tx: any) => {
        await tx.m('user').create({ data: { email: a } });
        await tx.m('counter').update({ where: { id: 1 }, data: { value: 100 } });
        throw boom;
      }),
    );
    expect(e).toBe(boom);
    expect(await user().count()).toBe(before);
    expect((await f.db.m('counter').findUnique({ where: { id: 1 } })).value).toBe(0);
  });

  it('nested writes and createMany inside the callback roll back too', async () => {
    const a = email();
    const before = await f.db.m('post').count();
    await rejectionOf(
      f.db.$transaction(async (tx: any) => {
        const u = await tx.m('user').create({ data: { email: a, posts: { create: { title: 'nested in tx' } } } });
        await tx.m('post').createMany({ data: [{ title: 'many 1', authorId: u.id }, { title: 'many 2', authorId: u.id }] });
        await tx.m('user').update({ where: { id: u.id }, data: { posts: { create: { title: 'nested update in tx' } } } });
        expect(await tx.m('post').count({ where: { authorId: u.id } })).toBe(4);
        throw new Error('undo');
      }),
    );
    expect(await f.db.m('post').count()).toBe(before);
    expect(await user().count({ where: { email: a } })).toBe(0);
  });

  it('the transaction client refuses queries after the transaction committed', async () => {
    let saved: any;
    await f.db.$transaction(async (tx: any) => {
      saved = tx;
      await tx.m('user').count();
    });
    await expect(saved.m('user').count()).rejects.toBeInstanceOf(KilnTransactionError);
  });

  it('rolls back when a query inside fails, with the typed error', async () => {
    const taken = email();
    await user().create({ data: { email: taken } });
    const a = email();
    const e = await rejectionOf(
      f.db.$transaction(async (tx: any) => {
        await tx.m('user').create({ data: { email: a } });
        await tx.m('user').create({ data: { email: taken } });
      }),
    );
    expect(e).toBeInstanceOf(KilnUniqueConstraintError);
    expect(await user().findUnique({ where: { email: a } })).toBeNull();
  });

  it('raw queries on the transaction client run inside the transaction', async () => {
    const a = email();
    const e = await rejectionOf(
      f.db.$transaction(async (tx: any) => {
        expect(await tx.$executeRaw(...f.q`INSERT INTO "User" ("email") VALUES (${a})`)).toBe(1);
        expect(await tx.$queryRaw(...f.q`SELECT "email" FROM "User" WHERE "email" = ${a}`)).toEqual([{ email: a }]);
        expect(await tx.$queryRawUnsafe(f.sql('SELECT COUNT(*) AS n FROM "User" WHERE "email" = ?'), a)).toEqual([{ n: 1 }]);
        throw new Error('undo');
      }),
    );
    expect(e.message).toBe('undo');
    expect(await user().count({ where: { email: a } })).toBe(0);
  });

  it('times out: P2028, changes rolled back, the closed tx refuses further queries', async () => {
    const a = email();
    let txRef: any;
    let lateError: unknown = 'not run';
    let finished!: () => void;
    const callbackDone = new Promise<void>((r) => (finished = r));
    const e = await rejectionOf(
      f.db.$transaction(
        async (tx: any) => {
          txRef = tx;
          await tx.m('user').create({ data: { email: a } });
          await sleep(200);
          try {
            await tx.m('user').create({ data: { email: email() } });
            lateError = null;
          } catch (err) {
            lateError = err;
          }
          finished();
        },
        { timeout: 50 },
      ),
    );
    expect(e).toBeInstanceOf(KilnTransactionError);
    expect(e.code).toBe('P2028');
    expect(await user().findUnique({ where: { email: a } })).toBeNull();
    await callbackDone;
    expect(lateError).toBeInstanceOf(KilnTransactionError);
    await expect(txRef.m('user').count()).rejects.toBeInstanceOf(KilnTransactionError);
    // The client is usable again.
    expect(await user().count()).toBeGreaterThan(0);
  });

  it('the client-wide default timeout applies', async () => {
    const g = await directFixture(SCHEMA, { transactionOptions: { timeout: 50 } });
    try {
      const e = await rejectionOf(
        g.db.$transaction(async (tx: any) => {
          await tx.m('user').create({ data: { email: 'slow@x.io' } });
          await sleep(150);
        }),
      );
      expect(e).toBeInstanceOf(KilnTransactionError);
      expect(await g.db.m('user').count()).toBe(0);
    } finally {
      await g.close();
    }
  });

  it('a query from outside waits for the transaction and never sees its uncommitted writes', async () => {
    const a = email();
    const before = await user().count();
    let outside: Promise<number> | undefined;
    const e = await rejectionOf(
      f.db.$transaction(async (tx: any) => {
        await tx.m('user').create({ data: { email: a } });
        outside = user().count().then((c: number) => c);
        await sleep(30);
        throw new Error('undo');
      }),
    );
    expect(e.message).toBe('undo');
    expect(await outside).toBe(before);
  });

  it('a write from outside waits until the transaction commits', async () => {
    const order: string[] = [];
    let outside: Promise<unknown> | undefined;
    await f.db.$transaction(async (tx: any) => {
      await tx.m('counter').update({ where: { id: 1 }, data: { value: 10 } });
      outside = f.db
        .m('counter')
        .update({ where: { id: 1 }, data: { value: { increment: 1 } } })
        .then(() => order.push('outside'));
      await sleep(30);
      order.push('tx end');
    });
    await outside;
    expect(order).toEqual(['tx end', 'outside']);
    expect((await f.db.m('counter').findUnique({ where: { id: 1 } })).value).toBe(11);
  });

  it('concurrent read-modify-write transactions do not lose updates', async () => {
    await f.db.m('counter').update({ where: { id: 1 }, data: { value: 0 } });
    // SQLite runs one transaction at a time. PostgreSQL and MySQL run them concurrently, and at
    // their default levels (READ COMMITTED, REPEATABLE READ) a read-modify-write loses updates, as
    // with any client: at Serializable the database aborts one of two conflicting transactions
    // (a serialization failure or a deadlock), and the caller retries it.
    const serial = provider !== 'sqlite';
    const once = () =>
      f.db.$transaction(
        async (tx: any) => {
          const c = await tx.m('counter').findUnique({ where: { id: 1 } });
          await sleep(5);
          await tx.m('counter').update({ where: { id: 1 }, data: { value: c.value + 1 } });
        },
        serial ? { isolationLevel: 'Serializable', timeout: 10_000 } : {},
      );
    const withRetry = async () => {
      for (let attempt = 0; ; attempt++) {
        try {
          return await once();
        } catch (e) {
          if (!serial || attempt >= 50) throw e;
          await sleep(Math.random() * 20);
        }
      }
    };
    await Promise.all(Array.from({ length: 5 }, withRetry));
    expect((await f.db.m('counter').findUnique({ where: { id: 1 } })).value).toBe(5);
  });
});

describe('lazy promises', () => {
  it('a delegate call that is never awaited does not run', async () => {
    const a = email();
    user().create({ data: { email: a } });
    await sleep(20);
    expect(await user().findUnique({ where: { email: a } })).toBeNull();
  });

  it('it runs once when awaited, even if awaited twice', async () => {
    const a = email();
    const p = user().create({ data: { email: a } });
    await sleep(10);
    expect(await user().count({ where: { email: a } })).toBe(0);
    const first = await p;
    const second = await p;
    expect(second).toBe(first);
    expect(await user().count({ where: { email: a } })).toBe(1);
  });

  it('a raw statement that is never awaited does not run', async () => {
    const a = email();
    f.db.$executeRaw(...f.q`INSERT INTO "User" ("email") VALUES (${a})`);
    await sleep(20);
    expect(await user().count({ where: { email: a } })).toBe(0);
  });

  it('a call passed to $transaction runs there, once', async () => {
    const a = email();
    const p = user().create({ data: { email: a } });
    await f.db.$transaction([p]);
    expect(await user().count({ where: { email: a } })).toBe(1);
  });
});
