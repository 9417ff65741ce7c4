// update (by every kind of unique key, atomic number operations, set, null), updateMany,
// upsert (both branches), delete and deleteMany.
import { KilnNotFoundError, KilnUniqueConstraintError } from '@kiln/runtime';
import { rejectionOf } from './helpers/expect-error.js';
import { sqliteSchema } from './helpers/inline-schema.js';
import { dbFixture, type DbFixture } from './helpers/db.js';

const SCHEMA = sqliteSchema(`
model Account {
  id        Int      @id @default(autoincrement())
  email     String   @unique
  name      String?
  balance   Int      @default(0)
  score     Float    @default(1)
  big       BigInt   @default(0)
  updatedAt DateTime @updatedAt
}

model Membership {
  org    String
  userId Int
  role   String @default("member")

  @@id([org, userId])
}

model Seat {
  id    Int    @id @default(autoincrement())
  org   String
  email String
  label String?

  @@unique([org, email])
}
`);

let f: DbFixture;
beforeAll(async () => {
  f = await dbFixture(SCHEMA);
});
afterAll(() => f.close());

const account = () => f.db.m('account');
let n = 0;
/** A fresh account with a unique email. */
async function fresh(data: Record<string, unknown> = {}): Promise<any> {
  return account().create({ data: { email: `a${++n}@x.io`, ...data } });
}

describe('update', () => {
  it('by id returns the updated record', async () => {
    const a = await fresh({ name: 'Old' });
    const u = await account().update({ where: { id: a.id }, data: { name: 'New' } });
    expect(u).toMatchObject({ id: a.id, email: a.email, name: 'New', balance: 0 });
    expect((await account().findUnique({ where: { id: a.id } })).name).toBe('New');
  });

  it('by another unique field', async () => {
    const a = await fresh();
    const u = await account().update({ where: { email: a.email }, data: { balance: 5 } });
    expect(u.id).toBe(a.id);
    expect(u.balance).toBe(5);
  });

  it('by a compound @@id and by a compound @@unique', async () => {
    await f.db.m('membership').create({ data: { org: 'acme', userId: 1 } });
    const m = await f.db.m('membership').update({ where: { org_userId: { org: 'acme', userId: 1 } }, data: { role: 'owner' } });
    expect(m).toEqual({ org: 'acme', userId: 1, role: 'owner' });
    await f.db.m('seat').create({ data: { org: 'acme', email: 's@x.io' } });
    const s = await f.db.m('seat').update({ where: { org_email: { org: 'acme', email: 's@x.io' } }, data: { label: 'desk 4' } });
    expect(s).toMatchObject({ org: 'acme', email: 's@x.io', label: 'desk 4' });
  });

  it('a unique key plus a non-unique filter: updates only when both match', async () => {
    const a = await fresh({ balance: 10 });
    const e = await rejectionOf(account().update({ where: { id: a.id, balance: { gt: 100 } }, data: { name: 'rich' } }));
    expect(e).toBeInstanceOf(KilnNotFoundError);
    expect((await account().findUnique({ where: { id: a.id } })).name).toBeNull();
    const u = await account().update({ where: { id: a.id, balance: { lt: 100 } }, data: { name: 'modest' } });
    expect(u.name).toBe('modest');
  });

  it('a record that does not exist: P2025 naming the model', async () => {
    const e = await rejectionOf(account().update({ where: { id: 987654 }, data: { name: 'x' } }));
    expect(e).toBeInstanceOf(KilnNotFoundError);
    expect(e.code).toBe('P2025');
    expect(e.model).toBe('Account');
  });

  it('data: {} returns the record unchanged', async () => {
    const a = await fresh({ name: 'same' });
    const u = await account().update({ where: { id: a.id }, data: {} });
    expect(u).toMatchObject({ id: a.id, name: 'same' });
  });

  it('set, null and { set: null } on an optional field', async () => {
    const a = await fresh({ name: 'x' });
    expect((await account().update({ where: { id: a.id }, data: { name: { set: 'y' } } })).name).toBe('y');
    expect((await account().update({ where: { id: a.id }, data: { name: null } })).name).toBeNull();
    await account().update({ where: { id: a.id }, data: { name: 'z' } });
    expect((await account().update({ where: { id: a.id }, data: { name: { set: null } } })).name).toBeNull();
  });

  it('undefined in data leaves the field unchanged', async () => {
    const a = await fresh({ name: 'kept', balance: 3 });
    const u = await account().update({ where: { id: a.id }, data: { name: undefined, balance: 4 } });
    expect(u).toMatchObject({ name: 'kept', balance: 4 });
  });

  it('changing the primary key', async () => {
    const a = await fresh();
    const u = await account().update({ where: { id: a.id }, data: { id: 5000 } });
    expect(u.id).toBe(5000);
    expect(await account().findUnique({ where: { id: a.id } })).toBeNull();
    expect((await account().findUnique({ where: { id: 5000 } })).email).toBe(a.email);
  });

  it('a unique violation: P2002 and nothing changes', async () => {
    const a = await fresh();
    const b = await fresh();
    const e = await rejectionOf(account().update({ where: { id: b.id }, data: { email: a.email } }));
    expect(e).toBeInstanceOf(KilnUniqueConstraintError);
    expect(e.fields).toEqual(['email']);
    expect((await account().findUnique({ where: { id: b.id } })).email).toBe(b.email);
  });
});

describe('atomic number operations', () => {
  it('increment, decrement, multiply, divide on Int', async () => {
    const a = await fresh({ balance: 10 });
    const at = { where: { id: a.id } };
    expect((await account().update({ ...at, data: { balance: { increment: 5 } } })).balance).toBe(15);
    expect((await account().update({ ...at, data: { balance: { decrement: 20 } } })).balance).toBe(-5);
    expect((await account().update({ ...at, data: { balance: { multiply: -3 } } })).balance).toBe(15);
    expect((await account().update({ ...at, data: { balance: { divide: 2 } } })).balance).toBe(7);
    expect((await account().update({ ...at, data: { balance: { set: 1 } } })).balance).toBe(1);
  });

  it('Float multiply and divide', async () => {
    const a = await fresh({ score: 1.5 });
    expect((await account().update({ where: { id: a.id }, data: { score: { multiply: 3 } } })).score).toBe(4.5);
    expect((await account().update({ where: { id: a.id }, data: { score: { divide: 2 } } })).score).toBe(2.25);
    expect((await account().update({ where: { id: a.id }, data: { score: { increment: 0.25 } } })).score).toBe(2.5);
  });

  it('BigInt increment beyond 2^53 is exact', async () => {
    const a = await fresh({ big: 9007199254740993n });
    const u = await account().update({ where: { id: a.id }, data: { big: { increment: 2n } } });
    expect(u.big).toBe(9007199254740995n);
    const v = await account().update({ where: { id: a.id }, data: { big: { decrement: 9007199254740995n } } });
    expect(v.big).toBe(0n);
  });

  it('several operations in one update', async () => {
    const a = await fresh({ balance: 2, score: 2 });
    const u = await account().update({ where: { id: a.id }, data: { balance: { increment: 1 }, score: { multiply: 2 }, name: 'both' } });
    expect(u).toMatchObject({ balance: 3, score: 4, name: 'both' });
  });

  it('concurrent increments are not lost', async () => {
    const a = await fresh({ balance: 0 });
    await Promise.all(Array.from({ length: 25 }, () => account().update({ where: { id: a.id }, data: { balance: { increment: 1 } } })));
    expect((await account().findUnique({ where: { id: a.id } })).balance).toBe(25);
  });

  it('updateMany with an atomic operation', async () => {
    const a = await fresh({ balance: 1, name: 'bulk-op' });
    const b = await fresh({ balance: 2, name: 'bulk-op' });
    expect(await account().updateMany({ where: { name: 'bulk-op' }, data: { balance: { multiply: 10 } } })).toEqual({ count: 2 });
    const rows = await account().findMany({ where: { id: { in: [a.id, b.id] } }, orderBy: { id: 'asc' } });
    expect(rows.map((r: { balance: number }) => r.balance)).toEqual([10, 20]);
  });
});

describe('updateMany', () => {
  it('returns how many rows matched and changes only those', async () => {
    const a = await fresh({ name: 'um-a', balance: 1 });
    const b = await fresh({ name: 'um-b', balance: 2 });
    const c = await fresh({ name: 'um-c', balance: 3 });
    expect(await account().updateMany({ where: { name: { in: ['um-a', 'um-c'] } }, data: { balance: 0 } })).toEqual({ count: 2 });
    const rows = await account().findMany({ where: { id: { in: [a.id, b.id, c.id] } }, orderBy: { id: 'asc' }, select: { balance: true } });
    expect(rows).toEqual([{ balance: 0 }, { balance: 2 }, { balance: 0 }]);
  });

  it('no matching rows is count 0, not an error', async () => {
    expect(await account().updateMany({ where: { name: 'nobody' }, data: { balance: 1 } })).toEqual({ count: 0 });
  });

  it('a unique violation in updateMany is P2002 naming the model', async () => {
    await fresh({ name: 'uv' });
    await fresh({ name: 'uv' });
    const e = await rejectionOf(account().updateMany({ where: { name: 'uv' }, data: { email: 'same@x.io' } }));
    expect(e).toBeInstanceOf(KilnUniqueConstraintError);
    expect(e.model).toBe('Account');
    expect(await account().count({ where: { email: 'same@x.io' } })).toBe(0);
  });
});

describe('upsert', () => {
  it('creates when nothing matches', async () => {
    const before = await account().count();
    const r = await account().upsert({ where: { email: 'up@x.io' }, create: { email: 'up@x.io', name: 'created' }, update: { name: 'updated' } });
    expect(r).toMatchObject({ email: 'up@x.io', name: 'created', balance: 0 });
    expect(await account().count()).toBe(before + 1);
  });

  it('updates when the record exists', async () => {
    const before = await account().count();
    const r = await account().upsert({ where: { email: 'up@x.io' }, create: { email: 'up@x.io', name: 'created' }, update: { name: 'updated', balance: { increment: 7 } } });
    expect(r).toMatchObject({ email: 'up@x.io', name: 'updated', balance: 7 });
    expect(await account().count()).toBe(before);
  });

  it('update: {} returns the existing record unchanged', async () => {
    const r = await account().upsert({ where: { email: 'up@x.io' }, create: { email: 'up@x.io' }, update: {} });
    expect(r).toMatchObject({ email: 'up@x.io', name: 'updated', balance: 7 });
  });

  it('with a compound key, select, and both branches', async () => {
    const args = (role: string) => ({
      where: { org_userId: { org: 'up-org', userId: 9 } },
      create: { org: 'up-org', userId: 9, role },
      update: { role },
      select: { role: true },
    });
    expect(await f.db.m('membership').upsert(args('first'))).toEqual({ role: 'first' });
    expect(await f.db.m('membership').upsert(args('second'))).toEqual({ role: 'second' });
    expect(await f.db.m('membership').count({ where: { org: 'up-org' } })).toBe(1);
  });
});

describe('delete', () => {
  it('returns the deleted record', async () => {
    const a = await fresh({ name: 'gone' });
    const d = await account().delete({ where: { id: a.id } });
    expect(d).toEqual(a);
    expect(await account().findUnique({ where: { id: a.id } })).toBeNull();
  });

  it('with select', async () => {
    const a = await fresh({ name: 'gone2' });
    expect(await account().delete({ where: { email: a.email }, select: { name: true } })).toEqual({ name: 'gone2' });
  });

  it('by a compound key', async () => {
    await f.db.m('seat').create({ data: { org: 'del', email: 'd@x.io' } });
    const s = await f.db.m('seat').delete({ where: { org_email: { org: 'del', email: 'd@x.io' } } });
    expect(s).toMatchObject({ org: 'del', email: 'd@x.io' });
    expect(await f.db.m('seat').count({ where: { org: 'del' } })).toBe(0);
  });

  it('a record that does not exist: P2025 naming the model', async () => {
    const e = await rejectionOf(account().delete({ where: { id: 424242 } }));
    expect(e).toBeInstanceOf(KilnNotFoundError);
    expect(e.model).toBe('Account');
  });
});

describe('deleteMany', () => {
  it('with where returns the count and deletes only matching rows', async () => {
    await fresh({ name: 'dm' });
    await fresh({ name: 'dm' });
    const keep = await fresh({ name: 'dm-keep' });
    expect(await account().deleteMany({ where: { name: 'dm' } })).toEqual({ count: 2 });
    expect(await account().count({ where: { name: { startsWith: 'dm' } } })).toBe(1);
    expect(await account().findUnique({ where: { id: keep.id } })).not.toBeNull();
  });

  it('no matching rows is count 0', async () => {
    expect(await account().deleteMany({ where: { name: 'nobody' } })).toEqual({ count: 0 });
  });

  it('without arguments deletes every row', async () => {
    const total = await f.db.m('seat').count();
    expect(total).toBeGreaterThan(0);
    expect(await f.db.m('seat').deleteMany()).toEqual({ count: total });
    expect(await f.db.m('seat').count()).toBe(0);
  });
});
