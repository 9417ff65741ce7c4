// create, createMany, createManyAndReturn, upsert: data inputs, nested writes, results.
import { KilnClient, type Post, type User } from '../generated/blog/index.js';
import { KilnClient as StoreClient } from '../generated/store/index.js';
import { KilnClient as SaasClient } from '../generated/saas/index.js';
import { KilnClient as PgBlogClient } from '../generated/blog-postgresql/index.js';
import { expectType, type Equal } from './assert.js';

declare const db: KilnClient;
declare const store: StoreClient;
declare const saas: SaasClient;
declare const pg: PgBlogClient;

export async function required() {
  // Fields with defaults, @updatedAt, optional fields and list relations may be left out.
  const u = await db.user.create({ data: { email: 'a@b.c' } });
  expectType<Equal<typeof u, User>>();
  await db.user.create({ data: { email: 'a@b.c', name: null, role: 'ADMIN', createdAt: new Date(), updatedAt: '2024-01-01T00:00:00Z' } });
  // A Post needs its author: through the relation (checked) or the foreign key (unchecked).
  const p = await db.post.create({ data: { slug: 's', title: 't', author: { connect: { id: 1 } } } });
  expectType<Equal<typeof p, Post>>();
  await db.post.create({ data: { slug: 's', title: 't', authorId: 1, editorId: null } });
  await db.post.create({ data: { slug: 's', title: 't', author: { connect: { email: 'a@b.c' } }, editor: { connect: { id: 2 } } } });
}

export async function nested() {
  // to-one: create, connect, connectOrCreate.
  await db.post.create({ data: { slug: 's', title: 't', author: { create: { email: 'new@b.c', profile: { create: { bio: 'hi' } } } } } });
  await db.post.create({ data: { slug: 's', title: 't', author: { connectOrCreate: { where: { email: 'a@b.c' }, create: { email: 'a@b.c' } } } } });
  // lists: create (one or many), createMany (one-to-many only), connect, connectOrCreate.
  await db.user.create({
    data: {
      email: 'a@b.c',
      posts: {
        create: [{ slug: 'a', title: 'A', tags: { connectOrCreate: [{ where: { name: 'orm' }, create: { name: 'orm' } }] } }],
        createMany: { data: [{ slug: 'b', title: 'B' }], skipDuplicates: true },
        connect: [{ id: 5 }, { slug: 'c' }],
      },
      comments: { create: { body: 'hi', post: { connect: { id: 1 } } } },
    },
  });
  // many-to-many: the other side's fields only.
  await db.tag.create({ data: { name: 'x', posts: { connect: { id: 1 }, create: { slug: 's', title: 't', authorId: 1 } } } });
  // Self-relation: a reply and its thread.
  await db.comment.create({
    data: { body: 'b', postId: 1, authorId: 1, parentId: 'c1', replies: { create: [{ body: 'r', postId: 1, authorId: 2 }] } },
  });
  // The result follows select/include.
  const withTags = await db.post.create({ data: { slug: 's', title: 't', authorId: 1 }, include: { tags: true } });
  expectType<Equal<typeof withTags.tags, { id: number; name: string }[]>>();
  const justId = await db.post.create({ data: { slug: 's', title: 't', authorId: 1 }, select: { id: true } });
  expectType<Equal<typeof justId, { id: number }>>();
}

export async function valueTypes() {
  // Decimal: string, number or bigint in; string out. Json: any JSON value. Float: number.
  const v = await store.productVariant.create({ data: { sku: 'S', name: 'n', price: '19.99', weightKg: 0.5, productId: 1 } });
  expectType<Equal<typeof v.price, string>>();
  expectType<Equal<typeof v.weightKg, number | null>>();
  await store.productVariant.create({ data: { sku: 'S', name: 'n', price: 19, product: { connect: { slug: 'p' } } } });
  await store.order.create({ data: { number: 'SO-1', subtotal: 10n, total: '10.00', customerId: 'c1' } });
  await store.customer.create({ data: { email: 'e', firstName: 'a', lastName: 'b', preferences: { newsletter: true, tags: ['x', 1, null] } } });
  await store.customer.create({ data: { email: 'e', firstName: 'a', lastName: 'b', preferences: null } });
  await saas.apiKey.create({ data: { name: 'k', prefix: 'p', secretHash: 'h', scopes: ['projects:read'], organizationId: 'o1' } });
  // Scalar lists.
  await pg.post.create({ data: { slug: 's', title: 't', authorId: 1, keywords: ['orm', 'sql'] } });
  await pg.post.create({ data: { slug: 's', title: 't', authorId: 1, keywords: { set: ['orm'] } } });
  // Compound-key join model, through both relations.
  await store.lineItem.create({ data: { quantity: 1, unitPrice: '9.99', order: { connect: { number: 'SO-1' } }, variant: { connect: { sku: 'S' } } } });
  await store.lineItem.create({ data: { quantity: 1, unitPrice: 9.99, orderId: 1, variantId: 2 } });
}

export async function batches() {
  const r = await db.user.createMany({ data: [{ email: 'a' }, { email: 'b', role: 'AUTHOR' }], skipDuplicates: true });
  expectType<Equal<typeof r, { count: number }>>();
  await db.post.createMany({ data: { slug: 's', title: 't', authorId: 1 } });
  const rows = await db.user.createManyAndReturn({ data: [{ email: 'a' }], select: { id: true } });
  expectType<Equal<typeof rows, { id: number }[]>>();
  const all = await db.post.createManyAndReturn({ data: [{ slug: 's', title: 't', authorId: 1 }] });
  expectType<Equal<typeof all, Post[]>>();
  const some = await db.post.createManyAndReturn({ data: [{ slug: 's', title: 't', authorId: 1 }], omit: { content: true, updatedAt: true } });
  // @ts-expect-error omitted
  some[0]!.content;
  // @ts-expect-error createManyAndReturn returns scalar fields only: no relations
  await db.post.createManyAndReturn({ data: [], select: { author: true } });
  // @ts-expect-error ...and has no include
  await db.post.createManyAndReturn({ data: [], include: { author: true } });
}

export async function upsert() {
  const u = await db.user.upsert({
    where: { email: 'a@b.c' },
    create: { email: 'a@b.c', name: 'A' },
    update: { name: 'A', posts: { updateMany: { where: { published: false }, data: { published: true } } } },
    select: { id: true, name: true },
  });
  expectType<Equal<typeof u, { id: number; name: string | null }>>();
}

export async function wrongData() {
  // @ts-expect-error email is required
  await db.user.create({ data: { name: 'x' } });
  // @ts-expect-error the author is required: neither author nor authorId given
  await db.post.create({ data: { slug: 's', title: 't' } });
  // @ts-expect-error author and authorId together mix the checked and unchecked inputs
  await db.post.create({ data: { slug: 's', title: 't', authorId: 1, author: { connect: { id: 1 } } } });
  // @ts-expect-error unknown field in data
  await db.user.create({ data: { email: 'a', nope: 1 } });
  // @ts-expect-error wrong type: email is a string
  await db.user.create({ data: { email: 1 } });
  // @ts-expect-error null only for optional fields
  await db.user.create({ data: { email: null } });
  // @ts-expect-error not a value of the enum
  await db.user.create({ data: { email: 'a', role: 'ROOT' } });
  // @ts-expect-error unknown field in a nested create (depth 2)
  await db.user.create({ data: { email: 'e', posts: { create: { slug: 's', title: 't', nope: 1 } } } });
  // @ts-expect-error unknown field two nested creates deep (depth 3)
  await db.user.create({ data: { email: 'e', posts: { create: { slug: 's', title: 't', tags: { create: { name: 'x', nope: 1 } } } } } });
  // @ts-expect-error a nested create cannot set the relation it is created through
  await db.user.create({ data: { email: 'e', posts: { create: { slug: 's', title: 't', author: { connect: { id: 1 } } } } } });
  // @ts-expect-error ...nor its foreign key
  await db.user.create({ data: { email: 'e', posts: { create: { slug: 's', title: 't', authorId: 1 } } } });
  // @ts-expect-error connect takes a unique key
  await db.post.create({ data: { slug: 's', title: 't', author: { connect: { name: 'x' } } } });
  // @ts-expect-error unknown field in connect
  await db.post.create({ data: { slug: 's', title: 't', author: { connect: { id: 1, nope: 1 } } } });
  // @ts-expect-error unknown nested operation
  await db.post.create({ data: { slug: 's', title: 't', author: { attach: { id: 1 } } } });
  // @ts-expect-error createMany is not available on a many-to-many relation
  await db.tag.create({ data: { name: 'x', posts: { createMany: { data: [] } } } });
  // @ts-expect-error a to-one relation takes one connect, not a list
  await db.post.create({ data: { slug: 's', title: 't', author: { connect: [{ id: 1 }] } } });
  // @ts-expect-error createMany data holds scalars only
  await db.user.createMany({ data: [{ email: 'a', posts: { create: [] } }] });
  // @ts-expect-error a Decimal is not a boolean
  await store.productVariant.create({ data: { sku: 'S', name: 'n', price: true, productId: 1 } });
  // @ts-expect-error a Json value is not a function
  await store.customer.create({ data: { email: 'e', firstName: 'a', lastName: 'b', preferences: () => 1 } });
  // @ts-expect-error a DateTime is a Date or an ISO string, not a number
  await db.user.create({ data: { email: 'a', createdAt: 0 } });
  // @ts-expect-error a view cannot be written
  await saas.organizationUsage.create({ data: {} });
  // @ts-expect-error unknown field in connectOrCreate's create
  await db.post.create({ data: { slug: 's', title: 't', author: { connectOrCreate: { where: { id: 1 }, create: { email: 'e', nope: 1 } } } } });
  // @ts-expect-error unknown field in upsert's update
  await db.user.upsert({ where: { id: 1 }, create: { email: 'a' }, update: { nope: 1 } });
  // @ts-expect-error upsert needs create and update
  await db.user.upsert({ where: { id: 1 }, create: { email: 'a' } });
}
