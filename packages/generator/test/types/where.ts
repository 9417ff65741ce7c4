// where: per-type filters, null checks, AND/OR/NOT, relation filters, unique inputs.
import { KilnClient, Role } from '../generated/blog/index.js';
import { KilnClient as StoreClient } from '../generated/store/index.js';
import { KilnClient as PgBlogClient } from '../generated/blog-postgresql/index.js';

declare const db: KilnClient;
declare const store: StoreClient;
declare const pg: PgBlogClient;

export async function scalarFilters() {
  await db.user.findMany({
    where: {
      id: { in: [1, 2], notIn: [3], gt: 0, gte: 1, lt: 10, lte: 9, not: 5 },
      email: { contains: 'a', startsWith: 'b', endsWith: 'c', mode: 'insensitive' },
      name: { equals: null },
      role: { in: [Role.ADMIN, 'EDITOR'], not: { equals: 'READER' } },
      createdAt: { gte: new Date(), lt: '2030-01-01T00:00:00Z' },
    },
  });
  // Shorthand: the value itself is `equals`.
  await db.user.findMany({ where: { email: 'a@b.c', role: 'ADMIN', name: null } });
  await db.post.findMany({ where: { published: true, viewCount: 10, publishedAt: null } });
  await db.post.findMany({ where: { published: { not: true }, publishedAt: { not: null } } });
  // Readonly arrays are accepted wherever lists are.
  const ids = [1, 2, 3] as const;
  const roles: readonly Role[] = ['ADMIN'];
  await db.user.findMany({ where: { id: { in: ids }, role: { notIn: roles }, OR: [{ id: 1 }] as const } });
  // `not` takes a nested filter.
  await db.user.findMany({ where: { email: { not: { contains: 'spam' } } } });

  // Decimal filters take strings, numbers or bigints; Float is a number; Json compares with equals.
  await store.productVariant.findMany({ where: { price: { gte: '9.99', lt: 100 }, weightKg: { lt: 2.5 } } });
  await store.order.findMany({ where: { total: 12n } });
  await store.customer.findMany({ where: { preferences: { equals: { newsletter: true } } } });

  // Scalar lists (PostgreSQL).
  await pg.post.findMany({ where: { keywords: { has: 'orm', hasSome: ['a'], hasEvery: ['b'], isEmpty: false } } });
}

export async function logic() {
  await db.user.findMany({
    where: {
      AND: [{ email: { contains: 'a' } }, { name: { not: null } }],
      OR: [{ role: 'ADMIN' }, { posts: { some: { viewCount: { gt: 100 } } } }],
      NOT: { email: { endsWith: '.test' } },
    },
  });
  await db.user.findMany({ where: { AND: { id: 1 }, NOT: [{ id: 2 }, { id: 3 }] } });
}

export async function relationFilters() {
  // Lists: some, every, none.
  await db.user.findMany({ where: { posts: { some: { published: true } }, comments: { none: {} }, editedPosts: { every: { viewCount: { gt: 0 } } } } });
  // To-one: is / isNot, or the related where directly.
  await db.post.findMany({ where: { author: { is: { email: { endsWith: '@kiln.dev' } } } } });
  await db.post.findMany({ where: { author: { email: 'a@b.c' } } });
  await db.post.findMany({ where: { author: { isNot: { role: 'READER' } } } });
  // An optional to-one relation can be null.
  await db.post.findMany({ where: { editor: null } });
  await db.post.findMany({ where: { editor: { is: null } } });
  await db.post.findMany({ where: { editor: { isNot: null } } });
  // Deep: users with a post with a comment with a reply by an admin.
  await db.user.findMany({ where: { posts: { some: { comments: { some: { replies: { some: { author: { role: 'ADMIN' } } } } } } } } });
}

export async function compoundUniques() {
  await store.productVariant.findUnique({ where: { productId_name: { productId: 1, name: 'Blue / XL' } } });
  await store.lineItem.findUnique({ where: { orderId_variantId: { orderId: 1, variantId: 2 } } });
  await store.productCategory.update({ where: { productId_categoryId: { productId: 1, categoryId: 2 } }, data: { position: 3 } });
  // Beside other filters.
  await store.productVariant.findUnique({ where: { productId_name: { productId: 1, name: 'x' }, stock: { gt: 0 } } });
  // Any single unique works too.
  await store.productVariant.findUnique({ where: { sku: 'SKU-1' } });
  await store.customer.findUnique({ where: { id: 'c1' } });
}

export async function wrongFilters() {
  // @ts-expect-error unknown field at the top of where
  await db.user.findMany({ where: { email: 'a', nope: 1 } });
  // @ts-expect-error unknown operator in a field filter
  await db.user.findMany({ where: { email: { contains: 'a', like: '%a' } } });
  // @ts-expect-error unknown field inside AND
  await db.user.findMany({ where: { AND: [{ email: 'a' }, { nope: 1 }] } });
  // @ts-expect-error unknown field inside a list relation filter
  await db.user.findMany({ where: { posts: { some: { title: 'x', nope: 1 } } } });
  // @ts-expect-error unknown field inside is
  await db.post.findMany({ where: { author: { is: { email: 'x', nope: 1 } } } });
  // @ts-expect-error unknown field three relations deep
  await db.user.findMany({ where: { posts: { some: { comments: { some: { author: { nope: 1 } } } } } } });
  // @ts-expect-error is/isNot cannot be mixed with the related fields
  await db.post.findMany({ where: { author: { is: { email: 'x' }, email: 'y' } } });
  // @ts-expect-error a list relation takes some/every/none, not is
  await db.user.findMany({ where: { posts: { is: { title: 'x' } } } });
  // @ts-expect-error a to-one relation takes is/isNot, not some
  await db.post.findMany({ where: { author: { some: { email: 'x' } } } });
  // @ts-expect-error a required relation is never null
  await db.post.findMany({ where: { author: null } });
  // @ts-expect-error Int compared with a string
  await db.user.findMany({ where: { id: '1' } });
  // @ts-expect-error String compared with a number
  await db.user.findMany({ where: { email: 1 } });
  // @ts-expect-error contains is for strings
  await db.user.findMany({ where: { id: { contains: 1 } } });
  // @ts-expect-error mode is for strings
  await db.user.findMany({ where: { role: { equals: 'ADMIN', mode: 'insensitive' } } });
  // @ts-expect-error insensitive is the only other mode
  await db.user.findMany({ where: { email: { equals: 'a', mode: 'caseless' } } });
  // @ts-expect-error not a value of the enum
  await db.user.findMany({ where: { role: 'ROOT' } });
  // @ts-expect-error in takes an array
  await db.user.findMany({ where: { id: { in: 1 } } });
  // @ts-expect-error null only for optional fields
  await db.user.findMany({ where: { email: null } });
  // @ts-expect-error equals: null only for optional fields
  await db.user.findMany({ where: { createdAt: { equals: null } } });
  // @ts-expect-error booleans do not compare with gt
  await db.post.findMany({ where: { published: { gt: true } } });
  // @ts-expect-error OR takes an array
  await db.user.findMany({ where: { OR: { id: 1 } } });
  // @ts-expect-error a Json field has no shorthand: use { equals }
  await store.customer.findMany({ where: { preferences: { newsletter: true } } });
  // @ts-expect-error list filters on a list field
  await pg.post.findMany({ where: { keywords: { contains: 'x' } } });
  // @ts-expect-error a compound unique needs all its fields
  await store.lineItem.findUnique({ where: { orderId_variantId: { orderId: 1 } } });
  // @ts-expect-error an unknown field inside a compound unique
  await store.lineItem.findUnique({ where: { orderId_variantId: { orderId: 1, variantId: 2, x: 3 } } });
  // @ts-expect-error a part of a compound unique alone is not unique
  await store.lineItem.findUnique({ where: { orderId: 1 } });
}
