import type { Provider } from '@kiln/schema';
import type { DatabaseSchema } from '../../../src/index.js';
import { rows, type Scenario } from './migrate.js';
import { count, exec, fails, q } from './scenario-sql.js';

/*
 * Schema pairs of tables, columns, keys, indexes and views that the apply tests migrate up and
 * down on each database, with rows in them. Tables and columns are mapped to lower-case names so
 * that the data SQL is the same everywhere.
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


const REBUILD_V1 = `
model Account {
  id      Int      @id @default(autoincrement())
  email   String   @unique
  name    String?
  entries Entry[]

  @@index([name])
  @@map("accounts")
}

model Entry {
  id        Int     @id @default(autoincrement())
  accountId Int     @map("account_id")
  account   Account @relation(fields: [accountId], references: [id], onDelete: Cascade)

  @@map("entries")
}

model Audit {
  id   Int    @id @default(autoincrement())
  note String

  @@map("audit")
}
`;

const REBUILD_V2 = `
model Account {
  id      Int      @id @default(autoincrement())
  email   String   @unique
  name    String   @default("anonymous")
  entries Entry[]

  @@index([name])
  @@check("length(email) > 3")
  @@map("accounts")
}

model Entry {
  id        Int     @id @default(autoincrement())
  accountId Int     @map("account_id")
  account   Account @relation(fields: [accountId], references: [id], onDelete: Cascade)

  @@map("entries")
}

model Audit {
  id   Int    @id @default(autoincrement())
  note String

  @@map("audit")
}
`;

const TRIGGER = `CREATE TRIGGER "accounts_audit" AFTER INSERT ON "accounts" BEGIN INSERT INTO audit (note) VALUES ('new ' || NEW.email); END`;

const withTrigger = (schema: DatabaseSchema): DatabaseSchema => ({
  ...schema,
  source: 'database',
  tables: schema.tables.map((t) => (t.table.name.name === 'accounts' ? { ...t, triggers: [TRIGGER] } : t)),
});

/** SQLite's rebuild of a referenced table: rows, ids, the index, the cascading children and a trigger survive. */
export const sqliteRebuild: Scenario = {
  title: 'a rebuilt table keeps its rows, AUTOINCREMENT counter, indexes, the rows that reference it, and its trigger',
  providers: ['sqlite'],
  v1: REBUILD_V1,
  v2: REBUILD_V2,
  async seed(db) {
    await exec(db, TRIGGER);
    await exec(
      db,
      "INSERT INTO accounts (email, name) VALUES ('ann@example.com', 'Ann'), ('bob@example.com', NULL), ('gone@example.com', 'x')",
      "DELETE FROM accounts WHERE email = 'gone@example.com'",
      'INSERT INTO entries (account_id) VALUES (1), (1), (2)',
    );
    expect(await count(db, 'SELECT COUNT(*) FROM audit')).toBe(3);
  },
  fromV1: withTrigger,
  fromV2: withTrigger,
  async checkV2(db) {
    expect(await rows(db, 'SELECT id, email, name FROM accounts ORDER BY id')).toEqual([
      { id: 1, email: 'ann@example.com', name: 'Ann' },
      { id: 2, email: 'bob@example.com', name: 'anonymous' },
    ]);
    // The cascading children survived the rebuild of their parent.
    expect(await count(db, 'SELECT COUNT(*) FROM entries')).toBe(3);
    // The AUTOINCREMENT counter did not go back to 2: the deleted id 3 is not reused.
    await exec(db, "INSERT INTO accounts (email) VALUES ('cy@example.com')");
    expect(await count(db, "SELECT id FROM accounts WHERE email = 'cy@example.com'")).toBe(4);
    // The trigger fired.
    expect(await count(db, "SELECT COUNT(*) FROM audit WHERE note = 'new cy@example.com'")).toBe(1);
    // The unique index and the new check hold; the foreign key still cascades and is enforced.
    await fails(db, "INSERT INTO accounts (email) VALUES ('ann@example.com')");
    await fails(db, "INSERT INTO accounts (email) VALUES ('a@b')");
    await fails(db, 'INSERT INTO entries (account_id) VALUES (99)');
    await exec(db, 'DELETE FROM accounts WHERE id = 2');
    expect(await count(db, 'SELECT COUNT(*) FROM entries')).toBe(2);
  },
  async checkV1(db) {
    expect(await rows(db, 'SELECT id, email, name FROM accounts ORDER BY id')).toEqual([
      { id: 1, email: 'ann@example.com', name: 'Ann' },
      { id: 4, email: 'cy@example.com', name: 'anonymous' },
    ]);
    expect(await count(db, 'SELECT COUNT(*) FROM entries')).toBe(2);
    await exec(db, "INSERT INTO accounts (email) VALUES ('a@b')");
    expect(await count(db, "SELECT COUNT(*) FROM audit WHERE note = 'new a@b'")).toBe(1);
  },
};


const INDEXES_V1 = (provider: Provider) => `
model Doc {
  id        Int       @id
  title     String
  body      String    ${provider === 'mysql' ? '@db.Text' : ''}
  slug      String
  deletedAt DateTime?

  @@unique([slug])
  @@index([title, id])
  ${provider === 'mysql' ? '@@fulltext([body])' : '@@index([body])'}
  @@map("docs")
}
`;

const INDEXES_V2 = (provider: Provider) => `
model Doc {
  id        Int       @id
  title     String
  body      String    ${provider === 'mysql' ? '@db.Text' : ''}
  slug      String
  deletedAt DateTime?

  ${provider === 'mysql' ? '@@index([slug])' : '@@unique([slug], where: "\\"deletedAt\\" IS NULL")'}
  @@index([title(sort: Desc), id], map: "docs_title_desc")
  ${provider === 'mysql' ? '@@fulltext([body, title])' : provider === 'postgresql' ? '@@index([body], type: Hash)' : ''}
  @@map("docs")
}
`;

/** Index kinds: unique to partial unique (or plain), sort order, full-text, access method. */
export const indexes: Scenario = {
  title: 'indexes: unique to partial unique (or plain), a sort order, full-text and hash indexes',
  v1: '',
  v2: '',
  async seed(db) {
    await exec(db, "INSERT INTO docs (id, title, body, slug) VALUES (1, 'a', 'x', 'one'), (2, 'b', 'y', 'two')");
  },
  async checkV2(db, provider) {
    // The slug is unique among live rows only (PostgreSQL, SQLite), or not at all (MySQL).
    await exec(db, "UPDATE docs SET \"deletedAt\" = '2024-01-01' WHERE id = 1".replaceAll('"', provider === 'mysql' ? '`' : '"'));
    await exec(db, "INSERT INTO docs (id, title, body, slug) VALUES (3, 'c', 'z', 'one')");
    await exec(db, 'DELETE FROM docs WHERE id = 3');
    expect(await count(db, 'SELECT COUNT(*) FROM docs')).toBe(2);
  },
  async checkV1(db) {
    await fails(db, "INSERT INTO docs (id, title, body, slug) VALUES (3, 'c', 'z', 'one')");
  },
};
/** The index scenario's schemas depend on the provider. */
export const indexesFor = (provider: Provider): Scenario => ({ ...indexes, v1: INDEXES_V1(provider), v2: INDEXES_V2(provider) });

const HOSTILE_V1 = `
enum Mood {
  HAPPY @map("it's")
  SAD

  @@map("mo\\"od")
}

model Thing {
  id    Int    @id
  label String @map("la bel's")
  mood  Mood   @default(HAPPY)

  @@index([label], map: "by \\"label\\"")
  @@map("my \\"odd\\" \`table\`")
}
`;

const HOSTILE_V2 = `
enum Feeling {
  HAPPY @map("it's")
  SAD

  @@map("fe\\"el \`ing\`")
  @@renamedFrom("Mood")
}

model Item {
  id      Int     @id
  caption String  @map("cap\\"tion \`x\`; DROP TABLE y") @renamedFrom("label")
  mood    Feeling @default(HAPPY)

  @@index([caption], map: "by \\"caption\\"")
  @@map("ün \\"odd\\" \`table\` 2")
  @@renamedFrom("Thing")
}
`;

/** Renames of tables, columns, indexes and an enum whose names hold quotes, backticks, spaces, a semicolon and non-ASCII letters. */
export const hostile: Scenario = {
  title: 'hostile identifiers renamed: quotes, backticks, spaces, semicolons, unicode',
  v1: HOSTILE_V1,
  v2: HOSTILE_V2,
  async seed(db, provider) {
    await exec(db, `INSERT INTO ${q(provider, 'my "odd" `table`')} (id, ${q(provider, "la bel's")}) VALUES (1, 'one')`);
  },
  async checkV2(db, provider) {
    const t = q(provider, 'ün "odd" `table` 2');
    const c = q(provider, 'cap"tion `x`; DROP TABLE y');
    const mood = provider === 'postgresql' ? 'mood::text' : 'mood';
    expect(await rows(db, `SELECT id, ${c} AS caption, ${mood} AS mood FROM ${t}`)).toEqual([{ id: 1, caption: 'one', mood: "it's" }]);
  },
  async checkV1(db, provider) {
    const t = q(provider, 'my "odd" `table`');
    expect(await rows(db, `SELECT ${q(provider, "la bel's")} AS label FROM ${t}`)).toEqual([{ label: 'one' }]);
  },
};

