// findUnique / findUniqueOrThrow / findFirst / findFirstOrThrow / findMany, including compound
// unique keys (from @@unique and @@id, default and custom names) and mapped columns.
import { KilnNotFoundError, KilnValidationError } from '@kiln/runtime';
import { rejectionOf } from './helpers/expect-error.js';
import { sqliteSchema } from './helpers/inline-schema.js';
import { dbFixture, type DbFixture } from './helpers/db.js';

const SCHEMA = sqliteSchema(`
model Tenant {
  id    Int    @id @default(autoincrement())
  slug  String @unique @map("tenant_slug")
  seats Seat[]

  @@map("tenants")
}

model Seat {
  id       Int     @id @default(autoincrement())
  tenant   Tenant  @relation(fields: [tenantId], references: [id])
  tenantId Int     @map("tenant_id")
  email    String
  code     String
  number   Int
  note     String?

  @@unique([tenantId, email])
  @@unique([code, number], name: "codeNumber")
}

model Grid {
  x     Int
  y     Int
  value String

  @@id([x, y])
}
`);

let f: DbFixture;
const t: Record<string, number> = {};
beforeAll(async () => {
  f = await dbFixture(SCHEMA);
  t.acme = (await f.db.m('tenant').create({ data: { slug: 'acme' } })).id;
  t.beta = (await f.db.m('tenant').create({ data: { slug: 'beta' } })).id;
  const seats = [
    [t.acme, 'ann@x.io', 'A', 1, 'first'],
    [t.acme, 'bob@x.io', 'A', 2, null],
    [t.beta, 'ann@x.io', 'B', 1, 'other tenant'],
  ] as const;
  for (const [tenantId, email, code, number, note] of seats) await f.db.m('seat').create({ data: { tenantId, email, code, number, note } });
  for (const [x, y] of [[0, 0], [0, 1], [1, 0]] as const) await f.db.m('grid').create({ data: { x, y, value: `${x},${y}` } });
});
afterAll(() => f.close());

const seat = () => f.db.m('seat');

describe('findUnique', () => {
  it('by id', async () => {
    const s = await seat().findUnique({ where: { id: 1 } });
    expect(s).toEqual({ id: 1, tenantId: t.acme, email: 'ann@x.io', code: 'A', number: 1, note: 'first' });
  });

  it('by a unique field on a mapped column of a mapped table', async () => {
    const tenant = await f.db.m('tenant').findUnique({ where: { slug: 'beta' } });
    expect(tenant).toEqual({ id: t.beta, slug: 'beta' });
  });

  it('by a compound @@unique with its default name a_b', async () => {
    const s = await seat().findUnique({ where: { tenantId_email: { tenantId: t.beta, email: 'ann@x.io' } } });
    expect(s.note).toBe('other tenant');
  });

  it('by a compound @@unique with a custom name', async () => {
    const s = await seat().findUnique({ where: { codeNumber: { code: 'A', number: 2 } } });
    expect(s.email).toBe('bob@x.io');
  });

  it('by a compound @@id', async () => {
    expect(await f.db.m('grid').findUnique({ where: { x_y: { x: 0, y: 1 } } })).toEqual({ x: 0, y: 1, value: '0,1' });
    expect(await f.db.m('grid').findUnique({ where: { x_y: { x: 1, y: 1 } } })).toBeNull();
  });

  it('a unique key beside other filters must match them all', async () => {
    expect(await seat().findUnique({ where: { id: 1, note: 'first' } })).not.toBeNull();
    expect(await seat().findUnique({ where: { id: 1, note: 'nope' } })).toBeNull();
    expect(await seat().findUnique({ where: { id: 2, note: null } })).not.toBeNull();
  });

  it('undefined beside the unique key is ignored', async () => {
    expect((await seat().findUnique({ where: { id: 3, email: undefined } })).email).toBe('ann@x.io');
  });

  it('a missing record is null, also with select', async () => {
    expect(await seat().findUnique({ where: { id: 999 } })).toBeNull();
    expect(await seat().findUnique({ where: { id: 999 }, select: { email: true } })).toBeNull();
    expect(await seat().findUnique({ where: { tenantId_email: { tenantId: t.acme, email: 'zed@x.io' } } })).toBeNull();
  });

  it('the same call shape with other values returns other records (plans are reused correctly)', async () => {
    const emails: string[] = [];
    for (const id of [1, 2, 3]) emails.push((await seat().findUnique({ where: { id } })).email);
    expect(emails).toEqual(['ann@x.io', 'bob@x.io', 'ann@x.io']);
  });
});

describe('findUniqueOrThrow', () => {
  it('returns the record', async () => {
    expect((await seat().findUniqueOrThrow({ where: { codeNumber: { code: 'B', number: 1 } } })).tenantId).toBe(t.beta);
  });

  it('throws P2025 naming the model when missing', async () => {
    const e = await rejectionOf(seat().findUniqueOrThrow({ where: { codeNumber: { code: 'Z', number: 9 } } }));
    expect(e).toBeInstanceOf(KilnNotFoundError);
    expect(e.model).toBe('Seat');
  });

  it('still validates the where', async () => {
    expect(await rejectionOf(seat().findUniqueOrThrow({ where: { email: 'ann@x.io' } }))).toBeInstanceOf(KilnValidationError);
  });
});

describe('findFirst / findFirstOrThrow', () => {
  it('the first match in the given order', async () => {
    expect((await seat().findFirst({ where: { email: 'ann@x.io' }, orderBy: { id: 'desc' } })).id).toBe(3);
    expect((await seat().findFirst({ where: { email: 'ann@x.io' }, orderBy: { id: 'asc' } })).id).toBe(1);
  });

  it('skip moves past matches; cursor starts from a record', async () => {
    expect((await seat().findFirst({ orderBy: { id: 'asc' }, skip: 1 })).id).toBe(2);
    expect((await seat().findFirst({ orderBy: { id: 'asc' }, cursor: { id: 2 }, skip: 1 })).id).toBe(3);
  });

  it('no match: null, or P2025 for OrThrow', async () => {
    expect(await seat().findFirst({ where: { number: 99 } })).toBeNull();
    const e = await rejectionOf(seat().findFirstOrThrow({ where: { number: 99 } }));
    expect(e).toBeInstanceOf(KilnNotFoundError);
    expect(e.code).toBe('P2025');
  });

  it('without arguments returns some record', async () => {
    expect(await seat().findFirst()).toEqual(expect.objectContaining({ id: expect.any(Number) }));
  });

  it('a relation filter with select', async () => {
    expect(await seat().findFirst({ where: { tenant: { slug: 'beta' } }, select: { email: true, tenant: { select: { slug: true } } } })).toEqual({
      email: 'ann@x.io',
      tenant: { slug: 'beta' },
    });
  });
});

describe('findMany', () => {
  it('without arguments returns every row', async () => {
    const rows = await seat().findMany();
    expect(rows.map((r: { id: number }) => r.id).sort()).toEqual([1, 2, 3]);
  });

  it('with where on a mapped foreign key column', async () => {
    const rows = await seat().findMany({ where: { tenantId: t.acme }, orderBy: { number: 'desc' }, select: { number: true } });
    expect(rows).toEqual([{ number: 2 }, { number: 1 }]);
  });

  it('no match is an empty list', async () => {
    expect(await seat().findMany({ where: { email: 'nobody' } })).toEqual([]);
  });

  it('a compound unique key works as a filter in findMany too', async () => {
    const rows = await seat().findMany({ where: { codeNumber: { code: 'A', number: 1 } }, select: { id: true } });
    expect(rows).toEqual([{ id: 1 }]);
  });

  it('results carry no helper fields', async () => {
    const [row] = await f.db.m('tenant').findMany({ where: { slug: 'acme' }, include: { seats: { orderBy: { id: 'asc' }, select: { email: true } } } });
    expect(Object.keys(row).sort()).toEqual(['id', 'seats', 'slug']);
    expect(row.seats).toEqual([{ email: 'ann@x.io' }, { email: 'bob@x.io' }]);
  });
});
