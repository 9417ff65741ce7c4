// orderBy, pagination, distinct.
import { KilnClient } from '../generated/blog/index.js';

declare const db: KilnClient;

export async function orderBy() {
  await db.post.findMany({ orderBy: { createdAt: 'desc' } });
  await db.post.findMany({ orderBy: [{ published: 'desc' }, { publishedAt: { sort: 'desc', nulls: 'last' } }, { id: 'asc' }] });
  // A to-one relation's fields, a list relation's count.
  await db.post.findMany({ orderBy: { author: { name: { sort: 'asc', nulls: 'first' } } } });
  await db.post.findMany({ orderBy: { editor: { email: 'asc' } } });
  await db.user.findMany({ orderBy: { posts: { _count: 'desc' } } });
  await db.user.findMany({ orderBy: [{ profile: { bio: 'asc' } }, { comments: { _count: 'asc' } }] });
  // Pagination.
  await db.post.findMany({ cursor: { slug: 'hello' }, skip: 1, take: 10, orderBy: { id: 'asc' } });
  await db.post.findMany({ take: -10 });
  await db.post.findMany({ distinct: 'authorId' });
  await db.post.findMany({ distinct: ['authorId', 'published'] });
}

export async function wrongOrderBy() {
  // @ts-expect-error nulls only on optional fields
  await db.post.findMany({ orderBy: { title: { sort: 'asc', nulls: 'last' } } });
  // @ts-expect-error only asc and desc
  await db.post.findMany({ orderBy: { title: 'up' } });
  // @ts-expect-error unknown field
  await db.post.findMany({ orderBy: { nope: 'asc' } });
  // @ts-expect-error unknown field of the related model
  await db.post.findMany({ orderBy: { author: { nope: 'asc' } } });
  // @ts-expect-error a to-one relation has no _count
  await db.post.findMany({ orderBy: { author: { _count: 'asc' } } });
  // @ts-expect-error a list relation sorts by _count only
  await db.user.findMany({ orderBy: { posts: { title: 'asc' } } });
  // @ts-expect-error unknown distinct field
  await db.post.findMany({ distinct: ['nope'] });
}
