// count, aggregate, groupBy.
import { KilnClient, type Role } from '../generated/blog/index.js';
import { KilnClient as StoreClient } from '../generated/store/index.js';
import { KilnClient as SaasClient } from '../generated/saas/index.js';
import { expectType, type Equal } from './assert.js';

declare const db: KilnClient;
declare const store: StoreClient;
declare const saas: SaasClient;

export async function count() {
  const n = await db.user.count();
  expectType<Equal<typeof n, number>>();
  const m = await db.user.count({ where: { role: 'ADMIN' }, take: 10 });
  expectType<Equal<typeof m, number>>();
  // With select: non-null counts per field, and _all for every row.
  const c = await db.user.count({ select: { _all: true, name: true } });
  expectType<Equal<typeof c, { _all: number; name: number }>>();
  // @ts-expect-error unknown field in count's select
  await db.user.count({ select: { nope: true } });
}

export async function aggregate() {
  const a = await db.post.aggregate({
    where: { published: true },
    _count: true,
    _avg: { viewCount: true },
    _sum: { viewCount: true },
    _min: { publishedAt: true, title: true },
    _max: { viewCount: true },
  });
  expectType<
    Equal<
      typeof a,
      {
        _count: number;
        _avg: { viewCount: number | null };
        _sum: { viewCount: number | null };
        _min: { publishedAt: Date | null; title: string | null };
        _max: { viewCount: number | null };
      }
    >
  >();
  // Decimal aggregates are exact strings; BigInt sums are bigints.
  const money = await store.order.aggregate({ _sum: { total: true }, _avg: { total: true }, _count: { _all: true, paidAt: true } });
  expectType<Equal<typeof money, { _sum: { total: string | null }; _avg: { total: string | null }; _count: { _all: number; paidAt: number } }>>();
  const usage = await saas.organizationUsage.aggregate({ _sum: { memberCount: true }, _avg: { memberCount: true } });
  expectType<Equal<typeof usage, { _sum: { memberCount: bigint | null }; _avg: { memberCount: number | null } }>>();

  // @ts-expect-error _avg of a string
  await db.post.aggregate({ _avg: { title: true } });
  // @ts-expect-error _sum of a date
  await db.post.aggregate({ _sum: { createdAt: true } });
  // @ts-expect-error unknown field
  await db.post.aggregate({ _max: { nope: true } });
  // @ts-expect-error unknown aggregate
  await db.post.aggregate({ _median: { viewCount: true } });
}

export async function groupBy() {
  const groups = await db.post.groupBy({
    by: ['authorId', 'published'],
    where: { viewCount: { gt: 0 } },
    _count: { _all: true },
    _avg: { viewCount: true },
    having: { viewCount: { _avg: { gt: 10 } }, authorId: { in: [1, 2] } },
    orderBy: [{ authorId: 'asc' }, { _count: { id: 'desc' } }],
    take: 10,
  });
  expectType<Equal<typeof groups, { authorId: number; published: boolean; _count: { _all: number }; _avg: { viewCount: number | null } }[]>>();
  const byRole = await db.user.groupBy({ by: 'role', _max: { createdAt: true } });
  expectType<Equal<typeof byRole, { role: Role; _max: { createdAt: Date | null } }[]>>();

  // @ts-expect-error by names scalar fields
  await db.post.groupBy({ by: ['author'] });
  // @ts-expect-error unknown field in having
  await db.post.groupBy({ by: ['authorId'], having: { nope: { gt: 1 } } });
  // @ts-expect-error _avg of a string in having
  await db.post.groupBy({ by: ['authorId'], having: { title: { _avg: { gt: 1 } } } });
  // @ts-expect-error unknown field inside having's AND
  await db.post.groupBy({ by: ['authorId'], having: { AND: [{ authorId: 1 }, { nope: 1 }] } });
  // @ts-expect-error by is required
  await db.post.groupBy({ _count: true });
}
