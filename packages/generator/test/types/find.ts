// findUnique/findFirst/findMany: arguments and result types inferred from select, include, omit.
import { KilnClient, type Role, type User, type Post } from '../generated/blog/index.js';
import { expectType, type Equal } from './assert.js';

declare const db: KilnClient;

export async function defaults() {
  // No arguments: every scalar field, the model type itself.
  const users = await db.user.findMany();
  expectType<Equal<typeof users, User[]>>();
  expectType<Equal<User, { id: number; email: string; name: string | null; role: Role; createdAt: Date; updatedAt: Date }>>();

  const one = await db.user.findUnique({ where: { id: 1 } });
  expectType<Equal<typeof one, User | null>>();
  const sure = await db.user.findUniqueOrThrow({ where: { email: 'a@b.c' } });
  expectType<Equal<typeof sure, User>>();
  const first = await db.post.findFirst({ where: { published: true }, orderBy: { createdAt: 'desc' } });
  expectType<Equal<typeof first, Post | null>>();
  const firstSure = await db.post.findFirstOrThrow();
  expectType<Equal<typeof firstSure, Post>>();

  // Relations are not loaded unless asked for.
  // @ts-expect-error posts is not in the default result
  firstSure.author;
}

export async function select() {
  const users = await db.user.findMany({ select: { id: true, email: true } });
  expectType<Equal<typeof users, { id: number; email: string }[]>>();

  // An unselected field is absent from the type.
  const u = await db.user.findFirstOrThrow({ select: { id: true } });
  // @ts-expect-error email was not selected
  u.email;

  // `false` leaves a field out like leaving it unmentioned.
  const v = await db.user.findFirstOrThrow({ select: { id: true, email: false } });
  expectType<Equal<typeof v, { id: number }>>();

  // Relations in select: lists are arrays, optional to-one relations `| null`, nested to any depth.
  const deep = await db.user.findMany({
    select: {
      name: true,
      profile: true,
      posts: {
        select: { title: true, tags: { select: { name: true } }, author: { select: { email: true } } },
        where: { published: true },
        orderBy: [{ publishedAt: { sort: 'desc', nulls: 'last' } }, { title: 'asc' }],
        take: 5,
        skip: 1,
        cursor: { id: 10 },
        distinct: ['authorId'],
      },
    },
  });
  expectType<
    Equal<
      typeof deep,
      {
        name: string | null;
        profile: { id: number; bio: string | null; avatarUrl: string | null; website: string | null; userId: number } | null;
        posts: { title: string; tags: { name: string }[]; author: { email: string } }[];
      }[]
    >
  >();

  // A required to-one relation is never null.
  const post = await db.post.findFirstOrThrow({ select: { author: true, editor: { select: { name: true } } } });
  expectType<Equal<typeof post.author, User>>();
  expectType<Equal<typeof post.editor, { name: string | null } | null>>();
}

export async function include() {
  const posts = await db.post.findMany({ include: { author: true, tags: true } });
  const p = posts[0]!;
  expectType<Equal<typeof p.author, User>>();
  expectType<Equal<typeof p.tags, { id: number; name: string }[]>>();
  // Every scalar is still there.
  expectType<Equal<typeof p.title, string>>();
  // A relation not included is not.
  // @ts-expect-error comments were not included
  p.comments;

  // Nested include, with the included list's own where/orderBy/take.
  const users = await db.user.findMany({
    include: {
      posts: { include: { comments: { include: { replies: true }, where: { parentId: null }, take: 3 } }, orderBy: { viewCount: 'desc' } },
      profile: { select: { bio: true } },
    },
  });
  const reply = users[0]!.posts[0]!.comments[0]!.replies[0]!;
  expectType<Equal<typeof reply, { id: string; body: string; createdAt: Date; postId: number; authorId: number; parentId: string | null }>>();
  expectType<Equal<typeof users[0]['profile'], { bio: string | null } | null>>();
  // @ts-expect-error the included profile only has bio
  users[0]!.profile!.website;

  // include: { x: false } loads nothing.
  const none = await db.post.findFirstOrThrow({ include: { author: false } });
  expectType<Equal<typeof none, Post>>();
}

export async function count() {
  // _count: true counts every list relation.
  const u = await db.user.findFirstOrThrow({ include: { _count: true } });
  expectType<Equal<typeof u._count, { posts: number; editedPosts: number; comments: number }>>();

  // _count with select: only those, optionally filtered.
  const v = await db.user.findFirstOrThrow({ select: { id: true, _count: { select: { posts: { where: { published: true } }, comments: true } } } });
  expectType<Equal<typeof v, { id: number; _count: { posts: number; comments: number } }>>();
  // @ts-expect-error editedPosts was not counted
  v._count.editedPosts;

  // Nested _count inside an included relation.
  const w = await db.post.findFirstOrThrow({ include: { author: { include: { _count: { select: { posts: true } } } } } });
  expectType<Equal<typeof w.author._count, { posts: number }>>();

  // @ts-expect-error _count of a to-one relation
  await db.user.findMany({ select: { _count: { select: { profile: true } } } });
  // @ts-expect-error Profile has no list relation, so no _count
  await db.profile.findMany({ select: { _count: true } });
}

export async function omit() {
  const users = await db.user.findMany({ omit: { email: true, updatedAt: true } });
  expectType<Equal<typeof users, { id: number; name: string | null; role: Role; createdAt: Date }[]>>();
  // omit with include
  const u = await db.user.findFirstOrThrow({ omit: { email: true }, include: { profile: true } });
  // @ts-expect-error email was omitted
  u.email;
  expectType<Equal<typeof u.profile, { id: number; bio: string | null; avatarUrl: string | null; website: string | null; userId: number } | null>>();
  // omit inside an included relation
  const p = await db.post.findFirstOrThrow({ include: { author: { omit: { email: true } } } });
  // @ts-expect-error omitted in the nested relation
  p.author.email;
  // omit: { x: false } keeps x
  const keep = await db.user.findFirstOrThrow({ omit: { email: false } });
  expectType<Equal<typeof keep, User>>();
}

export async function wrongArguments() {
  // @ts-expect-error a relation that is not in the model (Tag is related to Post, not User)
  await db.user.findMany({ select: { tags: true } });
  // @ts-expect-error an unknown scalar in select
  await db.user.findMany({ select: { id: true, nope: true } });
  // @ts-expect-error unknown key in a nested select (depth 2)
  await db.user.findMany({ select: { posts: { select: { title: true, nope: true } } } });
  // @ts-expect-error unknown key in a nested include's select (depth 3)
  await db.user.findMany({ include: { posts: { include: { comments: { select: { body: true, nope: true } } } } } });
  // @ts-expect-error unknown key in an included list's where
  await db.user.findMany({ include: { posts: { where: { nope: 1 } } } });
  // @ts-expect-error a to-one relation takes no where/take in include
  await db.post.findMany({ include: { author: { take: 1 } } });
  // @ts-expect-error select and include together
  await db.user.findMany({ select: { id: true }, include: { posts: true } });
  // @ts-expect-error select and omit together
  await db.user.findMany({ select: { id: true }, omit: { email: true } });
  // @ts-expect-error include names relations only
  await db.user.findMany({ include: { email: true } });
  // @ts-expect-error omit names scalar fields only
  await db.user.findMany({ omit: { posts: true } });
  // @ts-expect-error an unknown top-level argument
  await db.user.findMany({ wher: { id: 1 } });
  // @ts-expect-error select values are booleans or relation arguments
  await db.user.findMany({ select: { id: 1 } });
  // @ts-expect-error take is a number
  await db.user.findMany({ take: '10' });
  // @ts-expect-error findUnique needs a where
  await db.user.findUnique({});
  // @ts-expect-error findUnique's where needs a unique field: name is not unique
  await db.user.findUnique({ where: { name: 'x' } });
  // @ts-expect-error a unique field's value, not a filter, in a WhereUniqueInput
  await db.user.findUnique({ where: { email: { contains: 'x' } } });
  // @ts-expect-error cursor is a WhereUniqueInput
  await db.user.findMany({ cursor: { name: 'x' } });
  // @ts-expect-error distinct names scalar fields
  await db.user.findMany({ distinct: ['posts'] });
  // @ts-expect-error unknown field in a counted relation's where
  await db.user.findMany({ select: { _count: { select: { posts: { where: { nope: 1 } } } } } });
  // @ts-expect-error unknown field in a nested omit
  await db.post.findMany({ include: { author: { omit: { nope: true } } } });
  // @ts-expect-error unknown field in an included list's orderBy
  await db.user.findMany({ include: { posts: { orderBy: { nope: 'asc' } } } });
  // @ts-expect-error unknown field in cursor
  await db.user.findMany({ cursor: { id: 1, nope: 1 } });
}

export async function uniqueWithFilters() {
  // Prisma 5: other filters beside the unique key.
  const u = await db.user.findUnique({ where: { email: 'a@b.c', name: { not: null }, posts: { some: { published: true } } } });
  expectType<Equal<typeof u, User | null>>();
  await db.user.findUnique({ where: { id: 1, email: 'a@b.c' } });
  // A one-to-one foreign key marked @unique is a unique key.
  await db.profile.findUnique({ where: { userId: 1 } });
}
