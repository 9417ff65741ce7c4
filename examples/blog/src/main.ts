// The blog, end to end: the generated client on an SQLite file that `kiln db push` created.
// DATABASE_URL=file:./dev.db is read the way the schema's datasource says (env("DATABASE_URL")),
// and `file:` paths are relative to the schema, as in Prisma.
import { KilnClient } from '../../../schema-examples/blog/generated/kiln/index.js';

const db = new KilnClient();

const ann = await db.user.create({
  data: {
    email: 'ann@example.com',
    name: 'Ann',
    role: 'AUTHOR',
    profile: { create: { bio: 'Writes about databases.' } },
    posts: {
      create: [
        { slug: 'hello-kiln', title: 'Hello, Kiln', published: true, publishedAt: new Date(), tags: { create: [{ name: 'orm' }, { name: 'sqlite' }] } },
        { slug: 'drafts', title: 'On drafts', content: 'Not yet.' },
      ],
    },
  },
  include: { profile: true, posts: { include: { tags: true } } },
});
console.log(`created ${ann.name} <${ann.email}> with ${ann.posts.length} posts; bio: ${ann.profile?.bio}`);

const bob = await db.user.create({ data: { email: 'bob@example.com', name: 'Bob' } });
await db.comment.createMany({
  data: [
    { body: 'Nice post!', postId: ann.posts[0]!.id, authorId: bob.id },
    { body: 'Waiting for part two.', postId: ann.posts[0]!.id, authorId: bob.id },
  ],
});

const published = await db.post.findMany({
  where: { published: true, tags: { some: { name: 'orm' } } },
  orderBy: { publishedAt: 'desc' },
  select: { title: true, author: { select: { name: true } }, _count: { select: { comments: true } } },
});
for (const p of published) console.log(`published: "${p.title}" by ${p.author.name}, ${p._count.comments} comments`);

await db.post.update({ where: { slug: 'hello-kiln' }, data: { viewCount: { increment: 41 } } });
const stats = await db.post.aggregate({ _count: { _all: true }, _sum: { viewCount: true } });
console.log(`posts: ${stats._count._all}, views: ${stats._sum.viewCount}`);

const [drafts, users] = await db.$transaction([db.post.count({ where: { published: false } }), db.user.count()]);
console.log(`drafts: ${drafts}, users: ${users}`);

await db.$disconnect();
