import type { Provider } from '@kiln/schema';
import { rows, type Scenario } from './migrate.js';
import { count, exec, fails, q } from './scenario-sql.js';

/*
 * Schema pairs of renamed tables and columns, keys and join tables that the apply tests migrate
 * up and down on each database, with rows in them. Tables and columns are mapped to lower-case
 * names so that the data SQL is the same everywhere.
 */

const RENAMES_V1 = `
enum Role {
  USER
  ADMIN
  GUEST
}

model User {
  id     Int    @id @default(autoincrement())
  email  String @unique
  handle String
  role   Role   @default(USER)
  age    Int?
  posts  Post[]

  @@map("users")
}

model Post {
  id       Int    @id @default(autoincrement())
  title    String
  author   User   @relation(fields: [authorId], references: [id])
  authorId Int    @map("author_id")

  @@index([title])
  @@map("posts")
}

view UserCount {
  n Int @unique

  @@sql("SELECT COUNT(*) AS n FROM users")
  @@map("user_count")
}
`;

const RENAMES_V2 = `
enum Role {
  USER
  ADMINISTRATOR @renamedFrom("ADMIN") @map("administrator")
  OWNER
  GUEST
}

model Person {
  id    Int       @id @default(autoincrement())
  email String    @unique
  slug  String    @renamedFrom("handle")
  role  Role      @default(USER)
  age   BigInt    @default(0)
  bio   String?
  posts Article[]

  @@map("people")
  @@renamedFrom("User")
}

model Article {
  id       Int    @id @default(autoincrement())
  title    String
  author   Person @relation(fields: [authorId], references: [id], onDelete: Cascade)
  authorId Int    @map("author_id")

  @@index([title])
  @@map("articles")
  @@renamedFrom("Post")
}

view UserCount {
  n Int @unique

  @@sql("SELECT COUNT(*) AS n FROM people")
  @@map("user_count")
}
`;

/** Renamed model, field and enum value (hints); a new enum value; a column retyped and made required; a foreign key action changed; a view over the renamed table. */
export const renames: Scenario = {
  title: 'renames with hints keep the rows; a column is retyped and made required; a view follows',
  v1: RENAMES_V1,
  v2: RENAMES_V2,
  async seed(db) {
    await exec(
      db,
      "INSERT INTO users (email, handle, role, age) VALUES ('ann@example.com', 'ann', 'ADMIN', 30), ('bob@example.com', 'bob', 'USER', 41)",
      "INSERT INTO posts (title, author_id) VALUES ('hello', 1), ('again', 1), ('bobs', 2)",
    );
  },
  async checkV2(db) {
    expect(await rows(db, 'SELECT email, slug, role, age, bio FROM people ORDER BY id')).toEqual([
      { email: 'ann@example.com', slug: 'ann', role: 'administrator', age: 30, bio: null },
      { email: 'bob@example.com', slug: 'bob', role: 'USER', age: 41, bio: null },
    ]);
    expect(await count(db, 'SELECT COUNT(*) FROM articles')).toBe(3);
    expect(await count(db, 'SELECT n FROM user_count')).toBe(2);
    await exec(db, "INSERT INTO people (email, slug, role) VALUES ('cy@example.com', 'cy', 'administrator')");
    // ON DELETE CASCADE now: deleting Ann deletes her two posts.
    await exec(db, "DELETE FROM people WHERE email = 'ann@example.com'");
    expect(await count(db, 'SELECT COUNT(*) FROM articles')).toBe(1);
  },
  async checkV1(db) {
    expect(await rows(db, 'SELECT email, handle, role FROM users ORDER BY id')).toEqual([
      { email: 'bob@example.com', handle: 'bob', role: 'USER' },
      { email: 'cy@example.com', handle: 'cy', role: 'ADMIN' },
    ]);
    expect(await count(db, 'SELECT n FROM user_count')).toBe(2);
    // ON DELETE RESTRICT again.
    await fails(db, "DELETE FROM users WHERE email = 'bob@example.com'");
  },
};

const KEYS_V1 = `
model Category {
  id       Int       @id
  name     String
  products Product[]

  @@map("categories")
}

model Product {
  code       String   @id
  sku        String
  price      Int      @default(0)
  legacy     String?
  categoryId Int      @map("category_id")
  category   Category @relation(fields: [categoryId], references: [id])

  @@index([sku], map: "product_sku")
  @@index([price])
  @@check("price >= 0")
  @@map("products")
}

model Old {
  id Int @id

  @@map("old")
}
`;

const KEYS_V2 = `
model Category {
  id       BigInt    @id
  name     String    @unique
  products Product[]

  @@map("categories")
}

model Product {
  id         Int      @id @default(autoincrement())
  code       String   @unique
  sku        String
  price      Int      @default(10)
  categoryId BigInt   @map("category_id")
  category   Category @relation(fields: [categoryId], references: [id], onDelete: Cascade)

  @@index([sku], map: "products_sku_idx")
  @@check("price >= 1", name: "products_price_positive")
  @@map("products")
}

model Fresh {
  id    Int    @id
  label String @default("x")

  @@map("fresh")
}
`;

/** Keys, indexes, checks, a retyped referenced key, dropped and created tables. */
export const keys: Scenario = {
  title: 'primary key, retyped foreign key columns, renamed index (no hint), checks, dropped and created tables',
  v1: KEYS_V1,
  v2: KEYS_V2,
  async seed(db) {
    await exec(
      db,
      "INSERT INTO categories (id, name) VALUES (1, 'tools'), (2, 'toys')",
      "INSERT INTO products (code, sku, price, legacy, category_id) VALUES ('p1', 's1', 5, 'x', 1), ('p2', 's2', 7, NULL, 2)",
      'INSERT INTO old (id) VALUES (1)',
    );
  },
  async checkV2(db) {
    expect(await rows(db, 'SELECT code, sku, price, category_id FROM products ORDER BY code')).toEqual([
      { code: 'p1', sku: 's1', price: 5, category_id: 1 },
      { code: 'p2', sku: 's2', price: 7, category_id: 2 },
    ]);
    expect(await count(db, 'SELECT COUNT(DISTINCT id) FROM products')).toBe(2);
    await fails(db, "INSERT INTO products (code, sku, price, category_id) VALUES ('p3', 's3', 0, 1)");
    await exec(db, "INSERT INTO products (code, sku, category_id) VALUES ('p3', 's3', 1)");
    await exec(db, 'DELETE FROM categories WHERE id = 2');
    expect(await count(db, 'SELECT COUNT(*) FROM products')).toBe(2);
    await exec(db, "INSERT INTO fresh (id) VALUES (1)");
  },
  async checkV1(db) {
    expect(await rows(db, 'SELECT code, sku, price, legacy, category_id FROM products ORDER BY code')).toEqual([
      { code: 'p1', sku: 's1', price: 5, legacy: null, category_id: 1 },
      { code: 'p3', sku: 's3', price: 10, legacy: null, category_id: 1 },
    ]);
    await exec(db, "INSERT INTO products (code, sku, price, category_id) VALUES ('p4', 's4', 0, 1)");
  },
};

const JOIN_V1 = `
model Post {
  id   Int   @id
  tags Tag[]

  @@map("posts")
}

model Tag {
  id    Int    @id
  posts Post[]

  @@map("tags")
}
`;

const JOIN_V2 = `
model Zebra {
  id   Int   @id
  tags Tag[]

  @@map("posts")
  @@renamedFrom("Post")
}

model Tag {
  id      Int     @id
  zebras  Zebra[]

  @@map("tags")
}
`;

/** An implicit m:n join table renamed with its model, its columns A and B swapped. */
export const joinTable: Scenario = {
  title: 'an implicit m:n join table follows its model rename, and its columns A and B swap',
  v1: JOIN_V1,
  v2: JOIN_V2,
  async seed(db, provider) {
    const t = provider === 'mysql' ? '`_PostToTag`' : '"_PostToTag"';
    await exec(db, 'INSERT INTO posts (id) VALUES (1), (2)', 'INSERT INTO tags (id) VALUES (10), (20)', `INSERT INTO ${t} (${q(provider, 'A')}, ${q(provider, 'B')}) VALUES (1, 10), (2, 10), (2, 20)`);
  },
  async checkV2(db, provider) {
    // Tag < Zebra: A is now the tag, B the zebra (the old post).
    const t = provider === 'mysql' ? '`_TagToZebra`' : '"_TagToZebra"';
    expect(await rows(db, `SELECT ${q(provider, 'A')} AS tag, ${q(provider, 'B')} AS zebra FROM ${t} ORDER BY 2, 1`)).toEqual([
      { tag: 10, zebra: 1 },
      { tag: 10, zebra: 2 },
      { tag: 20, zebra: 2 },
    ]);
  },
  async checkV1(db, provider) {
    const t = provider === 'mysql' ? '`_PostToTag`' : '"_PostToTag"';
    expect(await rows(db, `SELECT ${q(provider, 'A')} AS post, ${q(provider, 'B')} AS tag FROM ${t} ORDER BY 1, 2`)).toEqual([
      { post: 1, tag: 10 },
      { post: 2, tag: 10 },
      { post: 2, tag: 20 },
    ]);
  },
};
