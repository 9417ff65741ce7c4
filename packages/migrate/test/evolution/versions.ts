import type { Provider } from '@kiln/schema';
import type { DatabaseConnection } from '../../src/index.js';

/*
 * Twelve versions of one schema, each a step a real team takes, that together exercise every
 * kind of change the planner makes: tables, columns, keys, indexes, foreign keys, checks, enums,
 * views and an implicit m:n join table are created, altered, renamed and dropped.
 *
 * Tables and columns are mapped to lower-case names so that the data checks and the view bodies
 * are the same SQL on every database. Hooks get `q`, the dialect's identifier quoting, for the
 * one name that is not (the join table `_ArticleToTag`).
 */

export interface StepContext {
  db: DatabaseConnection;
  provider: Provider;
  q: (name: string) => string;
}

export interface Version {
  /** What the step changes, for test names. */
  title: string;
  /** The models, enums and views (the datasource is added per provider). */
  body: string;
  /** Data written before the step is applied (e.g. rows a later NOT NULL needs). */
  before?: (ctx: StepContext) => Promise<void>;
  /** Data written after the step, in the new shape. */
  seed?: (ctx: StepContext) => Promise<void>;
  /** What must hold after the step: data written by earlier steps survived it. */
  check: (ctx: StepContext) => Promise<void>;
}

/** The connection's query, with `?` placeholders numbered for PostgreSQL (`$1`, `$2`, ...). */
const rows = (ctx: StepContext, sql: string, params: unknown[] = []) => {
  let n = 0;
  return ctx.db.query(ctx.provider === 'postgresql' ? sql.replaceAll('?', () => `$${++n}`) : sql, params);
};
const count = async (ctx: StepContext, table: string): Promise<number> => Number((await rows(ctx, `SELECT COUNT(*) AS n FROM ${table}`))[0]!.n);
const one = async (ctx: StepContext, sql: string, params: unknown[] = []): Promise<unknown> => {
  const r = await rows(ctx, sql, params);
  if (r.length !== 1) throw new Error(`Expected one row from ${sql}, got ${r.length}.`);
  return Object.values(r[0]!)[0];
};

const USER_V1 = `
model User {
  id    Int     @id @default(autoincrement())
  email String  @unique
  name  String?

  @@map("users")
}
`;

export const VERSIONS: Version[] = [
  {
    title: 'v1: a users table',
    body: USER_V1,
    seed: async (ctx) => {
      await rows(ctx, 'INSERT INTO users (email, name) VALUES (?, ?), (?, ?)', ['ann@example.com', 'Ann', "bob'); DROP TABLE users; --@example.com", 'Bob']);
    },
    check: async (ctx) => {
      expect(await count(ctx, 'users')).toBe(2);
    },
  },
  {
    title: 'v2: a posts table with a foreign key and an index; a column with a now() default',
    body: `
model User {
  id        Int      @id @default(autoincrement())
  email     String   @unique
  name      String?
  createdAt DateTime @default(now()) @map("created_at")
  posts     Post[]

  @@map("users")
}

model Post {
  id       Int    @id @default(autoincrement())
  title    String
  authorId Int    @map("author_id")
  author   User   @relation(fields: [authorId], references: [id], onDelete: Cascade)

  @@index([authorId])
  @@map("posts")
}
`,
    seed: async (ctx) => {
      await rows(ctx, 'INSERT INTO posts (title, author_id) VALUES (?, 1), (?, 1), (?, 2)', ['hello', 'second', 'bobs']);
    },
    check: async (ctx) => {
      expect(await count(ctx, 'users')).toBe(2);
      expect(Number(await one(ctx, 'SELECT COUNT(*) FROM users WHERE created_at IS NOT NULL'))).toBe(2);
      expect(await count(ctx, 'posts')).toBe(3);
    },
  },
  {
    title: 'v3: an enum column with a default; a boolean column with a default',
    body: `
enum Role {
  USER
  ADMIN
}

model User {
  id        Int      @id @default(autoincrement())
  email     String   @unique
  name      String?
  createdAt DateTime @default(now()) @map("created_at")
  role      Role     @default(USER)
  posts     Post[]

  @@map("users")
}

model Post {
  id        Int     @id @default(autoincrement())
  title     String
  published Boolean @default(false)
  authorId  Int     @map("author_id")
  author    User    @relation(fields: [authorId], references: [id], onDelete: Cascade)

  @@index([authorId])
  @@map("posts")
}
`,
    seed: async (ctx) => {
      await rows(ctx, "UPDATE users SET role = 'ADMIN' WHERE email = ?", ['ann@example.com']);
    },
    check: async (ctx) => {
      expect(Number(await one(ctx, "SELECT COUNT(*) FROM users WHERE role = 'USER'"))).toBe(1);
      expect(Number(await one(ctx, "SELECT COUNT(*) FROM users WHERE role = 'ADMIN'"))).toBe(1);
      expect(Number(await one(ctx, 'SELECT COUNT(*) FROM posts WHERE NOT published'))).toBe(3);
    },
  },
  {
    title: 'v4: renames: a field and its column (@renamedFrom), a model and its table (@@renamedFrom)',
    body: `
enum Role {
  USER
  ADMIN
}

model User {
  id        Int       @id @default(autoincrement())
  email     String    @unique
  fullName  String?   @map("full_name") @renamedFrom("name")
  createdAt DateTime  @default(now()) @map("created_at")
  role      Role      @default(USER)
  articles  Article[]

  @@map("users")
}

model Article {
  id        Int     @id @default(autoincrement())
  title     String
  published Boolean @default(false)
  authorId  Int     @map("author_id")
  author    User    @relation(fields: [authorId], references: [id], onDelete: Cascade)

  @@index([authorId])
  @@map("articles")
  @@renamedFrom("Post")
}
`,
    check: async (ctx) => {
      // The renamed column kept its values; the renamed table kept its rows.
      expect(await one(ctx, 'SELECT full_name FROM users WHERE email = ?', ['ann@example.com'])).toBe('Ann');
      expect(await count(ctx, 'articles')).toBe(3);
    },
  },
  {
    title: 'v5: an enum value added; a nullable column; a compound index; a check',
    body: `
enum Role {
  USER
  ADMIN
  MODERATOR
}

model User {
  id        Int       @id @default(autoincrement())
  email     String    @unique
  fullName  String?   @map("full_name") @renamedFrom("name")
  createdAt DateTime  @default(now()) @map("created_at")
  role      Role      @default(USER)
  age       Int?
  articles  Article[]

  @@check("age IS NULL OR age >= 0", name: "users_age_non_negative")
  @@map("users")
}

model Article {
  id        Int     @id @default(autoincrement())
  title     String
  published Boolean @default(false)
  authorId  Int     @map("author_id")
  author    User    @relation(fields: [authorId], references: [id], onDelete: Cascade)

  @@index([authorId])
  @@index([published, authorId])
  @@map("articles")
}
`,
    seed: async (ctx) => {
      await rows(ctx, "INSERT INTO users (email, full_name, role, age) VALUES (?, ?, 'MODERATOR', ?)", ['cy@example.com', 'Cy', 41]);
      await rows(ctx, 'UPDATE users SET age = ? WHERE email = ?', [30, 'ann@example.com']);
    },
    check: async (ctx) => {
      expect(Number(await one(ctx, "SELECT COUNT(*) FROM users WHERE role = 'MODERATOR'"))).toBe(1);
      await expect(rows(ctx, 'UPDATE users SET age = ? WHERE email = ?', [-1, 'ann@example.com'])).rejects.toThrow();
    },
  },
  {
    title: 'v6: a type widened (Int to BigInt); a column made optional',
    body: `
enum Role {
  USER
  ADMIN
  MODERATOR
}

model User {
  id        Int       @id @default(autoincrement())
  email     String    @unique
  fullName  String?   @map("full_name")
  createdAt DateTime  @default(now()) @map("created_at")
  role      Role      @default(USER)
  age       BigInt?
  articles  Article[]

  @@check("age IS NULL OR age >= 0", name: "users_age_non_negative")
  @@map("users")
}

model Article {
  id        Int     @id @default(autoincrement())
  title     String?
  published Boolean @default(false)
  authorId  Int     @map("author_id")
  author    User    @relation(fields: [authorId], references: [id], onDelete: Cascade)

  @@index([authorId])
  @@index([published, authorId])
  @@map("articles")
}
`,
    seed: async (ctx) => {
      await rows(ctx, 'UPDATE users SET age = ? WHERE email = ?', ['5000000000', 'cy@example.com']);
    },
    check: async (ctx) => {
      expect(String(await one(ctx, 'SELECT age FROM users WHERE email = ?', ['ann@example.com']))).toBe('30');
      expect(String(await one(ctx, 'SELECT age FROM users WHERE email = ?', ['cy@example.com']))).toBe('5000000000');
      expect(await count(ctx, 'articles')).toBe(3);
    },
  },
  {
    title: 'v7: an optional column made required with a default; a compound unique',
    body: `
enum Role {
  USER
  ADMIN
  MODERATOR
}

model User {
  id        Int       @id @default(autoincrement())
  email     String    @unique
  fullName  String    @default("anonymous") @map("full_name")
  createdAt DateTime  @default(now()) @map("created_at")
  role      Role      @default(USER)
  age       BigInt?
  articles  Article[]

  @@check("age IS NULL OR age >= 0", name: "users_age_non_negative")
  @@map("users")
}

model Article {
  id        Int     @id @default(autoincrement())
  title     String?
  published Boolean @default(false)
  authorId  Int     @map("author_id")
  author    User    @relation(fields: [authorId], references: [id], onDelete: Cascade)

  @@unique([authorId, title])
  @@index([authorId])
  @@index([published, authorId])
  @@map("articles")
}
`,
    seed: async (ctx) => {
      await rows(ctx, 'INSERT INTO users (email) VALUES (?)', ['dee@example.com']);
    },
    check: async (ctx) => {
      expect(await one(ctx, 'SELECT full_name FROM users WHERE email = ?', ['dee@example.com'])).toBe('anonymous');
      expect(await one(ctx, 'SELECT full_name FROM users WHERE email = ?', ['cy@example.com'])).toBe('Cy');
      await expect(rows(ctx, 'INSERT INTO articles (title, author_id) VALUES (?, 1)', ['hello'])).rejects.toThrow();
    },
  },
  {
    title: 'v8: an implicit many-to-many relation (a join table)',
    body: `
enum Role {
  USER
  ADMIN
  MODERATOR
}

model User {
  id        Int       @id @default(autoincrement())
  email     String    @unique
  fullName  String    @default("anonymous") @map("full_name")
  createdAt DateTime  @default(now()) @map("created_at")
  role      Role      @default(USER)
  age       BigInt?
  articles  Article[]

  @@check("age IS NULL OR age >= 0", name: "users_age_non_negative")
  @@map("users")
}

model Article {
  id        Int     @id @default(autoincrement())
  title     String?
  published Boolean @default(false)
  authorId  Int     @map("author_id")
  author    User    @relation(fields: [authorId], references: [id], onDelete: Cascade)
  tags      Tag[]

  @@unique([authorId, title])
  @@index([authorId])
  @@index([published, authorId])
  @@map("articles")
}

model Tag {
  id       Int       @id @default(autoincrement())
  label    String    @unique
  articles Article[]

  @@map("tags")
}
`,
    seed: async (ctx) => {
      await rows(ctx, 'INSERT INTO tags (label) VALUES (?), (?)', ['news', 'howto']);
      await rows(ctx, `INSERT INTO ${ctx.q('_ArticleToTag')} (${ctx.q('A')}, ${ctx.q('B')}) SELECT a.id, t.id FROM articles a, tags t WHERE t.label = ?`, ['news']);
    },
    check: async (ctx) => {
      expect(await count(ctx, ctx.q('_ArticleToTag'))).toBe(3);
    },
  },
  {
    title: 'v9: a view; a foreign key action changed (Cascade to Restrict)',
    body: `
enum Role {
  USER
  ADMIN
  MODERATOR
}

model User {
  id        Int       @id @default(autoincrement())
  email     String    @unique
  fullName  String    @default("anonymous") @map("full_name")
  createdAt DateTime  @default(now()) @map("created_at")
  role      Role      @default(USER)
  age       BigInt?
  articles  Article[]

  @@check("age IS NULL OR age >= 0", name: "users_age_non_negative")
  @@map("users")
}

model Article {
  id        Int     @id @default(autoincrement())
  title     String?
  published Boolean @default(false)
  authorId  Int     @map("author_id")
  author    User    @relation(fields: [authorId], references: [id], onDelete: Restrict)
  tags      Tag[]

  @@unique([authorId, title])
  @@index([authorId])
  @@index([published, authorId])
  @@map("articles")
}

model Tag {
  id       Int       @id @default(autoincrement())
  label    String    @unique
  articles Article[]

  @@map("tags")
}

view AuthorStats {
  authorId     Int @unique @map("author_id")
  articleCount Int @map("article_count")

  @@sql("SELECT author_id, COUNT(*) AS article_count FROM articles GROUP BY author_id")
  @@map("author_stats")
}
`,
    check: async (ctx) => {
      expect(Number(await one(ctx, 'SELECT article_count FROM author_stats WHERE author_id = 1'))).toBe(2);
      // Restrict: an author with articles cannot be deleted any more.
      await expect(rows(ctx, 'DELETE FROM users WHERE id = 1')).rejects.toThrow();
    },
  },
  {
    title: 'v10: renames: an enum type and one of its values; an index (by its map name)',
    body: `
enum UserRole {
  USER
  ADMIN
  MOD  @renamedFrom("MODERATOR")

  @@renamedFrom("Role")
}

model User {
  id        Int       @id @default(autoincrement())
  email     String    @unique
  fullName  String    @default("anonymous") @map("full_name")
  createdAt DateTime  @default(now()) @map("created_at")
  role      UserRole  @default(USER)
  age       BigInt?
  articles  Article[]

  @@check("age IS NULL OR age >= 0", name: "users_age_non_negative")
  @@map("users")
}

model Article {
  id        Int     @id @default(autoincrement())
  title     String?
  published Boolean @default(false)
  authorId  Int     @map("author_id")
  author    User    @relation(fields: [authorId], references: [id], onDelete: Restrict)
  tags      Tag[]

  @@unique([authorId, title])
  @@index([authorId])
  @@index([published, authorId], map: "articles_published_by_author")
  @@map("articles")
}

model Tag {
  id       Int       @id @default(autoincrement())
  label    String    @unique
  articles Article[]

  @@map("tags")
}

view AuthorStats {
  authorId     Int @unique @map("author_id")
  articleCount Int @map("article_count")

  @@sql("SELECT author_id, COUNT(*) AS article_count FROM articles GROUP BY author_id")
  @@map("author_stats")
}
`,
    check: async (ctx) => {
      expect(await one(ctx, 'SELECT role FROM users WHERE email = ?', ['cy@example.com'])).toBe('MOD');
      expect(Number(await one(ctx, "SELECT COUNT(*) FROM users WHERE role = 'ADMIN'"))).toBe(1);
    },
  },
  {
    title: 'v11: a column and its check dropped; a view replaced; an enum value removed',
    body: `
enum UserRole {
  USER
  MOD
}

model User {
  id        Int       @id @default(autoincrement())
  email     String    @unique
  fullName  String    @default("anonymous") @map("full_name")
  createdAt DateTime  @default(now()) @map("created_at")
  role      UserRole  @default(USER)
  articles  Article[]

  @@map("users")
}

model Article {
  id        Int     @id @default(autoincrement())
  title     String?
  published Boolean @default(false)
  authorId  Int     @map("author_id")
  author    User    @relation(fields: [authorId], references: [id], onDelete: Restrict)
  tags      Tag[]

  @@unique([authorId, title])
  @@index([authorId])
  @@index([published, authorId], map: "articles_published_by_author")
  @@map("articles")
}

model Tag {
  id       Int       @id @default(autoincrement())
  label    String    @unique
  articles Article[]

  @@map("tags")
}

view AuthorStats {
  authorId     Int @unique @map("author_id")
  articleCount Int @map("article_count")
  lastId       Int @map("last_id")

  @@sql("SELECT author_id, COUNT(*) AS article_count, MAX(id) AS last_id FROM articles GROUP BY author_id")
  @@map("author_stats")
}
`,
    // The value being removed must not be in use: the team moves its rows first.
    before: async (ctx) => {
      await rows(ctx, "UPDATE users SET role = 'USER' WHERE role = 'ADMIN'");
    },
    check: async (ctx) => {
      expect(Number(await one(ctx, 'SELECT last_id FROM author_stats WHERE author_id = 2'))).toBe(3);
      expect(await count(ctx, 'users')).toBe(4);
    },
  },
  {
    title: 'v12: a model with its join table dropped; the view, the enum column and the enum type dropped',
    body: `
model User {
  id        Int       @id @default(autoincrement())
  email     String    @unique
  fullName  String    @default("anonymous") @map("full_name")
  createdAt DateTime  @default(now()) @map("created_at")
  articles  Article[]

  @@map("users")
}

model Article {
  id        Int     @id @default(autoincrement())
  title     String?
  published Boolean @default(false)
  authorId  Int     @map("author_id")
  author    User    @relation(fields: [authorId], references: [id], onDelete: Restrict)

  @@unique([authorId, title])
  @@index([authorId])
  @@index([published, authorId], map: "articles_published_by_author")
  @@map("articles")
}
`,
    check: async (ctx) => {
      expect(await count(ctx, 'users')).toBe(4);
      expect(await count(ctx, 'articles')).toBe(3);
      expect(await one(ctx, 'SELECT full_name FROM users WHERE email = ?', ['ann@example.com'])).toBe('Ann');
    },
  },
];

/** The schema text of a version for `provider`. */
export function versionSchema(version: Version, provider: Provider): string {
  return `datasource db {\n  provider = "${provider}"\n  url      = env("DATABASE_URL")\n}\n${version.body}`;
}
