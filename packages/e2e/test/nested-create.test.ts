// Nested writes inside create: create, createMany, connect and connectOrCreate across 1:1,
// 1:n (from both sides), m:n (implicit and explicit) and self-relations.
import { dbFixture, type DbFixture } from './helpers/db.js';
import { exampleText } from './helpers/sqlite-db.js';

let blog: DbFixture;
let store: DbFixture;
beforeAll(async () => {
  blog = await dbFixture(exampleText('blog'));
  store = await dbFixture(exampleText('store'));
});
afterAll(async () => {
  await blog.close();
  await store.close();
});

const m = (name: string) => blog.db.m(name);

describe('1:n and 1:1 from the side without the key', () => {
  it('create a user with posts and a profile', async () => {
    const u = await m('user').create({
      data: {
        email: 'nc1@x.io',
        posts: { create: [{ slug: 'nc1-a', title: 'A' }, { slug: 'nc1-b', title: 'B', published: true }] },
        profile: { create: { bio: 'hello' } },
      },
      include: { posts: { orderBy: { slug: 'asc' } }, profile: true },
    });
    expect(u.posts.map((p: { slug: string; authorId: number }) => [p.slug, p.authorId])).toEqual([
      ['nc1-a', u.id],
      ['nc1-b', u.id],
    ]);
    expect(u.posts[1].published).toBe(true);
    expect(u.profile).toMatchObject({ bio: 'hello', userId: u.id });
  });

  it('create a single nested record (object instead of list)', async () => {
    const u = await m('user').create({ data: { email: 'nc2@x.io', posts: { create: { slug: 'nc2-a', title: 'A' } } }, include: { posts: true } });
    expect(u.posts).toHaveLength(1);
    expect(u.posts[0].authorId).toBe(u.id);
  });

  it('createMany under a 1:n relation', async () => {
    const u = await m('user').create({
      data: { email: 'nc3@x.io', posts: { createMany: { data: [{ slug: 'nc3-a', title: 'A' }, { slug: 'nc3-b', title: 'B', viewCount: 4 }] } } },
      include: { posts: { orderBy: { slug: 'asc' }, select: { slug: true, viewCount: true, authorId: true } } },
    });
    expect(u.posts).toEqual([
      { slug: 'nc3-a', viewCount: 0, authorId: u.id },
      { slug: 'nc3-b', viewCount: 4, authorId: u.id },
    ]);
  });

  it('connect existing records to a new parent (moving them)', async () => {
    const old = await m('user').create({ data: { email: 'nc4-old@x.io', editedPosts: { create: [] } } });
    const p = await m('post').create({ data: { slug: 'nc4-a', title: 'A', authorId: old.id, editorId: old.id } });
    const u = await m('user').create({ data: { email: 'nc4@x.io', editedPosts: { connect: [{ slug: 'nc4-a' }] } }, include: { editedPosts: true } });
    expect(u.editedPosts.map((x: { id: number }) => x.id)).toEqual([p.id]);
    expect((await m('post').findUnique({ where: { id: p.id } })).editorId).toBe(u.id);
  });

  it('connectOrCreate under a 1:n relation: connects what exists, creates what does not', async () => {
    const other = await m('user').create({ data: { email: 'nc5-other@x.io' } });
    await m('post').create({ data: { slug: 'nc5-existing', title: 'E', authorId: other.id } });
    const u = await m('user').create({
      data: {
        email: 'nc5@x.io',
        posts: {
          connectOrCreate: [
            { where: { slug: 'nc5-existing' }, create: { slug: 'nc5-existing', title: 'never' } },
            { where: { slug: 'nc5-new' }, create: { slug: 'nc5-new', title: 'New' } },
          ],
        },
      },
      include: { posts: { orderBy: { slug: 'asc' }, select: { slug: true, title: true } } },
    });
    expect(u.posts).toEqual([
      { slug: 'nc5-existing', title: 'E' },
      { slug: 'nc5-new', title: 'New' },
    ]);
  });

  it('three levels: user → posts → comments and tags', async () => {
    const commenter = await m('user').create({ data: { email: 'nc6-c@x.io' } });
    const u = await m('user').create({
      data: {
        email: 'nc6@x.io',
        posts: {
          create: {
            slug: 'nc6-a',
            title: 'A',
            comments: { create: [{ body: 'one', author: { connect: { id: commenter.id } } }] },
            tags: { create: [{ name: 'nc6-tag' }] },
          },
        },
      },
      include: { posts: { include: { comments: { include: { author: true } }, tags: true } } },
    });
    const post = u.posts[0];
    expect(post.comments.map((c: { body: string; author: { email: string } }) => [c.body, c.author.email])).toEqual([['one', 'nc6-c@x.io']]);
    expect(post.tags.map((t: { name: string }) => t.name)).toEqual(['nc6-tag']);
  });
});

describe('to-one from the side with the key', () => {
  it('create the related record', async () => {
    const p = await m('post').create({ data: { slug: 'nc7', title: 'T', author: { create: { email: 'nc7@x.io', name: 'Seven' } } }, include: { author: true } });
    expect(p.author).toMatchObject({ email: 'nc7@x.io', name: 'Seven' });
    expect(p.authorId).toBe(p.author.id);
  });

  it('connect by a unique field', async () => {
    const u = await m('user').create({ data: { email: 'nc8@x.io' } });
    const p = await m('post').create({ data: { slug: 'nc8', title: 'T', author: { connect: { email: 'nc8@x.io' } }, editor: { connect: { id: u.id } } } });
    expect(p.authorId).toBe(u.id);
    expect(p.editorId).toBe(u.id);
  });

  it('connectOrCreate connects an existing record without creating one', async () => {
    const u = await m('user').create({ data: { email: 'nc9@x.io', name: 'Nine' } });
    const before = await m('user').count();
    const p = await m('post').create({
      data: { slug: 'nc9', title: 'T', author: { connectOrCreate: { where: { email: 'nc9@x.io' }, create: { email: 'nc9@x.io', name: 'never' } } } },
      include: { author: true },
    });
    expect(p.author).toMatchObject({ id: u.id, name: 'Nine' });
    expect(await m('user').count()).toBe(before);
  });

  it('connectOrCreate creates a missing record', async () => {
    const p = await m('post').create({
      data: { slug: 'nc10', title: 'T', author: { connectOrCreate: { where: { email: 'nc10@x.io' }, create: { email: 'nc10@x.io', name: 'Ten' } } } },
      include: { author: true },
    });
    expect(p.author).toMatchObject({ email: 'nc10@x.io', name: 'Ten' });
  });

  it('a 1:1 from the key side: profile with user create', async () => {
    const pr = await m('profile').create({ data: { bio: 'b', user: { create: { email: 'nc11@x.io' } } }, include: { user: { include: { profile: true } } } });
    expect(pr.user.email).toBe('nc11@x.io');
    expect(pr.user.profile.id).toBe(pr.id);
  });

  it('a self-relation: a reply connected to its parent', async () => {
    const u = await m('user').create({ data: { email: 'nc12@x.io', posts: { create: { slug: 'nc12', title: 'T' } } }, include: { posts: true } });
    const parent = await m('comment').create({ data: { body: 'parent', post: { connect: { id: u.posts[0].id } }, author: { connect: { id: u.id } } } });
    const reply = await m('comment').create({
      data: { body: 'reply', post: { connect: { slug: 'nc12' } }, author: { connect: { email: 'nc12@x.io' } }, parent: { connect: { id: parent.id } } },
      include: { parent: true },
    });
    expect(reply.parent.body).toBe('parent');
    const withReplies = await m('comment').findUnique({ where: { id: parent.id }, include: { replies: true } });
    expect(withReplies.replies.map((r: { body: string }) => r.body)).toEqual(['reply']);
  });
});

describe('m:n', () => {
  it('implicit m:n: create and connect tags from a new post', async () => {
    await m('tag').create({ data: { name: 'nc13-old' } });
    const u = await m('user').create({ data: { email: 'nc13@x.io' } });
    const p = await m('post').create({
      data: { slug: 'nc13', title: 'T', authorId: u.id, tags: { connect: [{ name: 'nc13-old' }], create: [{ name: 'nc13-new' }] } },
      include: { tags: { orderBy: { name: 'asc' } } },
    });
    expect(p.tags.map((t: { name: string }) => t.name)).toEqual(['nc13-new', 'nc13-old']);
  });

  it('implicit m:n from the other side, with connectOrCreate', async () => {
    const u = await m('user').create({ data: { email: 'nc14@x.io', posts: { create: { slug: 'nc14-a', title: 'A' } } } });
    const t = await m('tag').create({
      data: {
        name: 'nc14',
        posts: {
          connectOrCreate: [
            { where: { slug: 'nc14-a' }, create: { slug: 'nc14-a', title: 'never', authorId: u.id } },
            { where: { slug: 'nc14-b' }, create: { slug: 'nc14-b', title: 'B', authorId: u.id } },
          ],
        },
      },
      include: { posts: { orderBy: { slug: 'asc' }, select: { slug: true, title: true } } },
    });
    expect(t.posts).toEqual([
      { slug: 'nc14-a', title: 'A' },
      { slug: 'nc14-b', title: 'B' },
    ]);
  });

  it('explicit m:n through a join model with a compound key', async () => {
    const s = store.db;
    await s.m('category').create({ data: { name: 'Shoes', slug: 'shoes' } });
    const product = await s.m('product').create({
      data: {
        name: 'Runner',
        slug: 'runner',
        categories: {
          create: [
            { position: 2, category: { connect: { slug: 'shoes' } } },
            { position: 1, category: { create: { name: 'Sale', slug: 'sale' } } },
          ],
        },
        variants: { create: [{ sku: 'RUN-42', name: '42', price: '89.90' }] },
      },
      include: { categories: { orderBy: { position: 'asc' }, include: { category: true } }, variants: true },
    });
    expect(product.categories.map((c: { position: number; category: { slug: string }; productId: number }) => [c.position, c.category.slug, c.productId])).toEqual([
      [1, 'sale', product.id],
      [2, 'shoes', product.id],
    ]);
    expect(product.variants[0]).toMatchObject({ sku: 'RUN-42', price: '89.9', currency: 'EUR', stock: 0 });
    const link = await s.m('productCategory').findUnique({ where: { productId_categoryId: { productId: product.id, categoryId: product.categories[1].categoryId } } });
    expect(link.position).toBe(2);
  });

  it('an order with line items keyed by (order, variant)', async () => {
    const s = store.db;
    const customer = await s.m('customer').create({ data: { email: 'buyer@x.io', firstName: 'B', lastName: 'Uyer' } });
    const variant = await s.m('productVariant').findUnique({ where: { sku: 'RUN-42' } });
    const order = await s.m('order').create({
      data: {
        number: 'SO-1',
        subtotal: '179.80',
        total: '179.80',
        customer: { connect: { id: customer.id } },
        lineItems: { create: [{ quantity: 2, unitPrice: '89.90', variant: { connect: { id: variant.id } } }] },
      },
      include: { lineItems: true, customer: true },
    });
    expect(order.customer.email).toBe('buyer@x.io');
    expect(order.lineItems).toEqual([{ orderId: order.id, variantId: variant.id, quantity: 2, unitPrice: '89.9', discount: '0' }]);
    expect(order.status).toBe('PENDING');
  });
});
