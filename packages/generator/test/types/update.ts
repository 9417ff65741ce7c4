// update, updateMany, delete, deleteMany: scalar operations and nested writes per relation kind.
import { KilnClient, type User } from '../generated/blog/index.js';
import { KilnClient as StoreClient } from '../generated/store/index.js';
import { KilnClient as PgBlogClient } from '../generated/blog-postgresql/index.js';
import { expectType, type Equal } from './assert.js';

declare const db: KilnClient;
declare const store: StoreClient;
declare const pg: PgBlogClient;

export async function scalars() {
  const u = await db.user.update({ where: { id: 1 }, data: { name: null, email: { set: 'x' }, role: 'EDITOR', updatedAt: new Date() } });
  expectType<Equal<typeof u, User>>();
  await db.post.update({ where: { slug: 's' }, data: { viewCount: { increment: 1 }, title: 'new', publishedAt: { set: null } } });
  await db.post.update({ where: { id: 1 }, data: { viewCount: { multiply: 2 } } });
  await store.productVariant.update({ where: { sku: 's' }, data: { price: { increment: '0.10' }, stock: { decrement: 1 }, weightKg: { divide: 2 } } });
  await store.customer.update({ where: { id: 'c' }, data: { preferences: { theme: 'dark' } } });
  await store.customer.update({ where: { id: 'c' }, data: { preferences: null } });
  await pg.post.update({ where: { id: 1 }, data: { keywords: { push: 'new' } } });
  await pg.post.update({ where: { id: 1 }, data: { keywords: { push: ['a', 'b'] } } });
  await pg.post.update({ where: { id: 1 }, data: { keywords: ['only'] } });
  // Foreign keys directly (unchecked) or through the relation (checked).
  await db.post.update({ where: { id: 1 }, data: { authorId: 2, editorId: null } });
  await db.post.update({ where: { id: 1 }, data: { author: { connect: { id: 2 } }, editor: { disconnect: true } } });
}

export async function nestedToOne() {
  await db.post.update({
    where: { id: 1 },
    data: {
      author: { update: { name: 'A', profile: { upsert: { create: { bio: 'b' }, update: { bio: 'b' } } } } },
      editor: { connectOrCreate: { where: { email: 'e' }, create: { email: 'e' } } },
    },
  });
  await db.post.update({ where: { id: 1 }, data: { author: { update: { where: { role: 'AUTHOR' }, data: { name: 'A' } } } } });
  await db.post.update({ where: { id: 1 }, data: { editor: { delete: true } } });
  await db.post.update({ where: { id: 1 }, data: { editor: { disconnect: { role: 'READER' } } } });
  await db.user.update({ where: { id: 1 }, data: { profile: { delete: true } } });
  await db.user.update({ where: { id: 1 }, data: { profile: { create: { bio: 'x' } } } });
}

export async function nestedLists() {
  await db.user.update({
    where: { id: 1 },
    data: {
      posts: {
        create: { slug: 's', title: 't' },
        createMany: { data: [{ slug: 'a', title: 'A' }] },
        connect: { id: 2 },
        connectOrCreate: { where: { slug: 'x' }, create: { slug: 'x', title: 'X' } },
        update: { where: { id: 3 }, data: { title: 'T', viewCount: { increment: 1 } } },
        updateMany: { where: { published: false, viewCount: { lt: 5 } }, data: { published: true } },
        upsert: [{ where: { slug: 'u' }, create: { slug: 'u', title: 'U' }, update: { title: 'U' } }],
        delete: [{ id: 4 }],
        deleteMany: { createdAt: { lt: new Date() } },
      },
      editedPosts: { set: [{ id: 1 }], disconnect: { id: 2 } },
    },
  });
  // many-to-many
  await db.post.update({ where: { id: 1 }, data: { tags: { set: [], connect: [{ name: 'orm' }], disconnect: { id: 3 } } } });
}

export async function batches() {
  const r = await db.post.updateMany({ where: { authorId: 1 }, data: { published: true, viewCount: { increment: 1 } } });
  expectType<Equal<typeof r, { count: number }>>();
  const d = await db.post.deleteMany({ where: { published: false } });
  expectType<Equal<typeof d, { count: number }>>();
  await db.post.deleteMany();
  const deleted = await db.user.delete({ where: { id: 1 }, select: { email: true } });
  expectType<Equal<typeof deleted, { email: string }>>();
}

export async function wrongUpdates() {
  // @ts-expect-error update needs a unique where
  await db.user.update({ where: { name: 'x' }, data: {} });
  // @ts-expect-error increment is for numbers
  await db.user.update({ where: { id: 1 }, data: { email: { increment: 1 } } });
  // @ts-expect-error unknown operation
  await db.post.update({ where: { id: 1 }, data: { viewCount: { add: 1 } } });
  // @ts-expect-error unknown field in data
  await db.user.update({ where: { id: 1 }, data: { nope: 1 } });
  // @ts-expect-error null only on optional fields
  await db.user.update({ where: { id: 1 }, data: { email: null } });
  // @ts-expect-error a required to-one relation cannot be disconnected
  await db.post.update({ where: { id: 1 }, data: { author: { disconnect: true } } });
  // @ts-expect-error ...nor deleted
  await db.post.update({ where: { id: 1 }, data: { author: { delete: true } } });
  // @ts-expect-error unknown field in a nested update's data
  await db.user.update({ where: { id: 1 }, data: { posts: { update: { where: { id: 1 }, data: { nope: 1 } } } } });
  // @ts-expect-error unknown field in a nested updateMany's where
  await db.user.update({ where: { id: 1 }, data: { posts: { updateMany: { where: { nope: 1 }, data: {} } } } });
  // @ts-expect-error nested updateMany filters on scalars only
  await db.user.update({ where: { id: 1 }, data: { posts: { updateMany: { where: { author: { id: 1 } }, data: {} } } } });
  // @ts-expect-error updateMany data holds scalars only
  await db.post.updateMany({ data: { author: { connect: { id: 1 } } } });
  // @ts-expect-error mixing the foreign key and its relation
  await db.post.update({ where: { id: 1 }, data: { authorId: 1, author: { connect: { id: 1 } } } });
  // @ts-expect-error push is for scalar lists
  await db.post.update({ where: { id: 1 }, data: { title: { push: 'x' } } });
  // @ts-expect-error deleteMany takes a where, not data
  await db.post.deleteMany({ data: {} });
}
