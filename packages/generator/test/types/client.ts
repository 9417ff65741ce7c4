// The client class: delegates named after models, enums as values, lazy promises, transactions.
import { KilnClient, Role, type $UserPayload, type User } from '../generated/blog/index.js';
import { KilnClient as SaasClient } from '../generated/saas/index.js';
import type { Args, KilnPromise, ModelDelegate, GetResult, WhereInput } from '@kiln/runtime';
import { expectType, type Equal } from './assert.js';

export async function construct() {
  const db = new KilnClient();
  const withUrl = new KilnClient({ url: 'file:./test.db', log: ['query'] });
  await withUrl.$connect();

  // One delegate per model, the name lower-camel-cased.
  expectType<Equal<typeof db.user, ModelDelegate<$UserPayload>>>();
  db.profile satisfies object;
  db.post satisfies object;
  db.comment satisfies object;
  db.tag satisfies object;
  // @ts-expect-error no such model
  db.users;
  // @ts-expect-error delegates are read-only
  db.user = db.user;

  // Calls return lazy promises of the result.
  const pending = db.user.findMany({ select: { email: true } });
  expectType<Equal<typeof pending, KilnPromise<{ email: string }[]>>>();

  // Batch transactions keep each call's result type.
  const [users, n] = await db.$transaction([db.user.findMany(), db.post.count()]);
  expectType<Equal<typeof users, User[]>>();
  expectType<Equal<typeof n, number>>();

  // Interactive transactions get the same delegates.
  const made = await db.$transaction(async (tx) => {
    const u = await tx.user.create({ data: { email: 'a@b.c' }, select: { id: true } });
    return u.id;
  });
  expectType<Equal<typeof made, number>>();

  // Enums are values and types.
  const role: Role = Role.ADMIN;
  expectType<Equal<Role, 'READER' | 'AUTHOR' | 'EDITOR' | 'ADMIN'>>();
  await db.user.findMany({ where: { role } });
  await db.$disconnect();
}

export async function views() {
  const saas = new SaasClient();
  const usage = await saas.organizationUsage.findMany({ where: { memberCount: { gt: 10 } }, orderBy: { projectCount: 'desc' } });
  expectType<Equal<typeof usage, { organizationId: string; name: string; memberCount: bigint; projectCount: bigint }[]>>();
  await saas.organizationUsage.findUnique({ where: { organizationId: 'o1' } });
  // BigInt inputs also take numbers.
  await saas.organizationUsage.count({ where: { memberCount: 5 } });
  // @ts-expect-error a view has no update
  await saas.organizationUsage.update({ where: { organizationId: 'o' }, data: {} });
  // @ts-expect-error a view has no delete
  await saas.organizationUsage.deleteMany();
}

/** The generic types are usable by name, e.g. for helpers that build arguments. */
export async function reuse() {
  const db = new KilnClient();
  const args: Args<$UserPayload, 'create'> = { data: { email: 'a@b.c' } };
  const created = await db.user.create(args);
  expectType<Equal<typeof created, User>>();
  // @ts-expect-error the method's arguments, checked
  const bad: Args<$UserPayload, 'findMany'> = { where: { nope: 1 } };
  void bad;
  const onlyAdmins: WhereInput<$UserPayload> = { role: 'ADMIN', posts: { some: { published: true } } };
  type UserWithPosts = GetResult<$UserPayload, { include: { posts: true } }>;
  const shape = (u: UserWithPosts) => u.posts.map((p) => p.title);
  return { onlyAdmins, shape };
}
