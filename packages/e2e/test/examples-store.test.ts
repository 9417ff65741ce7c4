// Every client method against the store example: composite keys, an explicit m:n join model,
// Decimal money, enums, uuid ids, Json, CHECK constraints and Restrict/Cascade actions.
import { KilnError, KilnForeignKeyError, KilnValidationError } from '@kiln/runtime';
import { dbFixture, type DbFixture } from './helpers/db.js';
import { exampleText } from './helpers/sqlite-db.js';

let f: DbFixture;
const m = (name: string) => f.db.m(name);

beforeAll(async () => {
  f = await dbFixture(exampleText('store'));
  await m('category').create({
    data: { name: 'Clothing', slug: 'clothing', children: { create: [{ name: 'Shirts', slug: 'shirts' }, { name: 'Hats', slug: 'hats' }] } },
  });
  const shirts = await m('category').findUniqueOrThrow({ where: { slug: 'shirts' } });
  await m('product').create({
    data: {
      name: 'Oxford shirt',
      slug: 'oxford',
      variants: { create: [{ sku: 'OX-S', name: 'S', price: '49.90', stock: 5 }, { sku: 'OX-M', name: 'M', price: '49.90', stock: 0 }] },
      categories: { create: [{ position: 1, category: { connect: { id: shirts.id } } }] },
    },
  });
  await m('customer').create({
    data: {
      email: 'cleo@example.com',
      firstName: 'Cleo',
      lastName: 'Ng',
      preferences: { newsletter: true, sizes: ['S'] },
      addresses: { create: [{ line1: '1 Main St', city: 'Oslo', postalCode: '0150', country: 'NO' }] },
    },
  });
});
afterAll(() => f.close());

describe('store', () => {
  it('creates a tree, an explicit join row and generated ids', async () => {
    const clothing = await m('category').findUnique({ where: { slug: 'clothing' }, include: { children: { orderBy: { slug: 'asc' } } } });
    expect(clothing.children.map((c: { slug: string }) => c.slug)).toEqual(['hats', 'shirts']);
    const customer = await m('customer').findUniqueOrThrow({ where: { email: 'cleo@example.com' } });
    expect(customer.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(customer.preferences).toEqual({ newsletter: true, sizes: ['S'] });
    const link = await m('productCategory').findMany({ include: { product: true, category: true } });
    expect(link).toHaveLength(1);
    expect(link[0].category.slug).toBe('shirts');
  });

  it('reads by a compound unique key and a compound primary key', async () => {
    const product = await m('product').findUniqueOrThrow({ where: { slug: 'oxford' } });
    const variant = await m('productVariant').findUnique({ where: { productId_name: { productId: product.id, name: 'S' } } });
    expect(variant).toMatchObject({ sku: 'OX-S', price: '49.9', currency: 'EUR' });
    const customer = await m('customer').findFirstOrThrow({ where: { email: { endsWith: '@example.com' } } });
    const order = await m('order').create({
      data: {
        number: 'A-1',
        subtotal: '99.80',
        total: '104.80',
        shipping: '5',
        customer: { connect: { id: customer.id } },
        lineItems: { create: [{ quantity: 2, unitPrice: '49.90', variant: { connect: { sku: 'OX-S' } } }] },
      },
      include: { lineItems: { include: { variant: { include: { product: true } } } } },
    });
    expect(order.lineItems[0].variant.product.slug).toBe('oxford');
    const item = await m('lineItem').findUniqueOrThrow({ where: { orderId_variantId: { orderId: order.id, variantId: variant.id } } });
    expect(item).toMatchObject({ quantity: 2, unitPrice: '49.9', discount: '0' });
  });

  it('updates atomically, counts, aggregates Decimal and groups by enum', async () => {
    const v = await m('productVariant').update({ where: { sku: 'OX-M' }, data: { stock: { increment: 3 } } });
    expect(v.stock).toBe(3);
    expect(await m('productVariant').count({ where: { stock: { gt: 0 } } })).toBe(2);
    const agg = await m('order').aggregate({ _sum: { total: true }, _max: { total: true }, _count: true });
    expect(agg).toEqual({ _sum: { total: '104.8' }, _max: { total: '104.8' }, _count: 1 });
    await m('order').updateMany({ where: { status: 'PENDING' }, data: { status: 'PAID', paidAt: new Date() } });
    const groups = await m('order').groupBy({ by: ['status'], _count: { _all: true } });
    expect(groups).toEqual([{ status: 'PAID', _count: { _all: 1 } }]);
  });

  it('upserts, creates many (and returns them), deletes by compound key', async () => {
    const c = await m('customer').upsert({
      where: { email: 'dan@example.com' },
      create: { email: 'dan@example.com', firstName: 'Dan', lastName: 'Ro' },
      update: { phone: '1' },
    });
    const again = await m('customer').upsert({ where: { email: 'dan@example.com' }, create: { email: 'x', firstName: 'x', lastName: 'x' }, update: { phone: '2' } });
    expect(again).toMatchObject({ id: c.id, phone: '2' });
    expect(await m('address').createMany({ data: [{ customerId: c.id, line1: 'a', city: 'b', postalCode: 'c', country: 'SE' }, { customerId: c.id, kind: 'BILLING', line1: 'd', city: 'e', postalCode: 'f', country: 'SE' }] })).toEqual({ count: 2 });
    const returned = await m('address').createManyAndReturn({ data: [{ customerId: c.id, line1: 'g', city: 'h', postalCode: 'i', country: 'DK' }], select: { country: true, kind: true } });
    expect(returned).toEqual([{ country: 'DK', kind: 'SHIPPING' }]);
    const order = await m('order').findFirstOrThrow({ include: { lineItems: true } });
    const li = order.lineItems[0];
    await m('lineItem').delete({ where: { orderId_variantId: { orderId: li.orderId, variantId: li.variantId } } });
    expect(await m('lineItem').count()).toBe(0);
    expect(await m('address').deleteMany({ where: { country: { in: ['SE', 'DK'] } } })).toEqual({ count: 3 });
  });

  it('enforces Restrict, Cascade and CHECK constraints with typed errors', async () => {
    const customer = await m('customer').findUniqueOrThrow({ where: { email: 'cleo@example.com' } });
    await expect(m('customer').delete({ where: { id: customer.id } })).rejects.toBeInstanceOf(KilnForeignKeyError);
    await expect(m('productVariant').update({ where: { sku: 'OX-S' }, data: { stock: -1 } })).rejects.toMatchObject({ code: 'P2004' });
    await expect(m('productVariant').update({ where: { sku: 'OX-S' }, data: { stock: -1 } })).rejects.toBeInstanceOf(KilnError);
    await m('product').delete({ where: { slug: 'oxford' } });
    expect(await m('productVariant').count()).toBe(0); // cascaded
    expect(await m('productCategory').count()).toBe(0);
  });

  it('rejects a non-unique where in findUnique and unknown fields with the path', async () => {
    await expect(m('order').findUnique({ where: { status: 'PAID' } })).rejects.toBeInstanceOf(KilnValidationError);
    await expect(m('order').findMany({ where: { lineItems: { some: { quantity: { gtt: 1 } } } } })).rejects.toMatchObject({ path: 'where.lineItems.some.quantity.gtt' });
  });
});
