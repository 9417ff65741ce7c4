import { pullStatements } from './helpers/pull-database.js';

/*
 * `db pull` of a SQLite database written by hand, in the style of an existing application:
 * snake_case plural tables, unnamed constraints, an enum as a CHECK, two foreign keys to one
 * table, a self-relation, a one-to-one, an implicit m:n join table, a partial unique index, a
 * table without a key and a view. The whole pulled text is the expected output.
 */

const STATEMENTS = [
  `CREATE TABLE "users" ("id" INTEGER PRIMARY KEY AUTOINCREMENT, "email" TEXT NOT NULL UNIQUE, "role" TEXT NOT NULL DEFAULT 'reader' CHECK ("role" IN ('reader', 'writer', 'it''s admin')), "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP)`,
  `CREATE TABLE "profiles" ("user_id" INTEGER NOT NULL PRIMARY KEY REFERENCES "users" ("id") ON DELETE CASCADE, "bio" TEXT)`,
  `CREATE TABLE "posts" ("id" INTEGER NOT NULL PRIMARY KEY, "author_id" INTEGER NOT NULL, "editor_id" INTEGER, "parent_id" INTEGER REFERENCES "posts" ("id"), "title" TEXT NOT NULL DEFAULT 'untitled', "score" REAL NOT NULL DEFAULT 0, "deleted_at" DATETIME, CONSTRAINT "posts_author" FOREIGN KEY ("author_id") REFERENCES "users" ("id") ON DELETE RESTRICT ON UPDATE CASCADE, FOREIGN KEY ("editor_id") REFERENCES "users" ("id") ON DELETE SET NULL ON UPDATE CASCADE, CHECK (score >= 0))`,
  `CREATE UNIQUE INDEX "posts_title_live" ON "posts" ("title") WHERE "deleted_at" IS NULL`,
  `CREATE INDEX "posts_author_id_idx" ON "posts" ("author_id")`,
  `CREATE TABLE "tags" ("id" INTEGER NOT NULL PRIMARY KEY, "name" TEXT NOT NULL)`,
  `CREATE TABLE "_PostsToTags" ("A" INTEGER NOT NULL, "B" INTEGER NOT NULL, CONSTRAINT "_PostsToTags_A_fkey" FOREIGN KEY ("A") REFERENCES "posts" ("id") ON DELETE CASCADE ON UPDATE CASCADE, CONSTRAINT "_PostsToTags_B_fkey" FOREIGN KEY ("B") REFERENCES "tags" ("id") ON DELETE CASCADE ON UPDATE CASCADE)`,
  `CREATE UNIQUE INDEX "_PostsToTags_AB_unique" ON "_PostsToTags" ("A", "B")`,
  `CREATE INDEX "_PostsToTags_B_index" ON "_PostsToTags" ("B")`,
  `CREATE TABLE "event log" ("at" DATETIME, "what" TEXT)`,
  `CREATE VIEW "post_titles" AS SELECT "id", "title" FROM "posts"`,
];

const EXPECTED = `datasource db {
  provider = "sqlite"
  url      = env("DATABASE_URL")
}

generator client {
  provider = "kiln"
}

/// The table has no primary key and no unique index over required columns, so the client cannot address its rows: it is ignored.
model EventLog {
  at   DateTime?
  what String?

  @@map("event log")
  @@ignore
}

model Posts {
  id          Int       @id
  authorId    Int       @map("author_id")
  editorId    Int?      @map("editor_id")
  parentId    Int?      @map("parent_id")
  title       String    @default("untitled")
  score       Float     @default(0)
  deletedAt   DateTime? @map("deleted_at")
  author      Users     @relation("PostsAuthor", fields: [authorId], references: [id], map: "posts_author")
  editor      Users?    @relation("PostsEditor", fields: [editorId], references: [id])
  parent      Posts?    @relation(fields: [parentId], references: [id], onDelete: NoAction, onUpdate: NoAction)
  parentPosts Posts[]
  tags        Tags[]

  @@unique([title], map: "posts_title_live", where: "\\"deleted_at\\" IS NULL")
  @@index([authorId])
  @@check("score >= 0")
  @@map("posts")
}

model Profiles {
  userId Int     @id @map("user_id")
  bio    String?
  user   Users   @relation(fields: [userId], references: [id], onDelete: Cascade, onUpdate: NoAction)

  @@map("profiles")
}

model Tags {
  id    Int     @id
  name  String
  posts Posts[]

  @@map("tags")
}

model Users {
  id          Int       @id @default(autoincrement())
  email       String    @unique
  role        Role      @default(reader)
  createdAt   DateTime  @default(now()) @map("created_at")
  authorPosts Posts[]   @relation("PostsAuthor")
  editorPosts Posts[]   @relation("PostsEditor")
  profiles    Profiles?

  @@map("users")
}

view PostTitles {
  id    Int?
  title String?

  @@sql("SELECT \\"id\\", \\"title\\" FROM \\"posts\\"")
  @@map("post_titles")
}

enum Role {
  reader
  writer
  it_s_admin @map("it's admin")
}
`;

describe('db pull of a hand-written SQLite database', () => {
  test('writes models, relations on both sides, the enum and the view, and nothing the database does not hold', async () => {
    const pulled = await pullStatements('sqlite', STATEMENTS);
    expect(pulled.warnings).toEqual([]);
    expect(pulled.text).toBe(EXPECTED);
    expect(pulled.models).toEqual(['EventLog', 'Posts', 'Profiles', 'Tags', 'Users']);
    expect(pulled.views).toEqual(['PostTitles']);
    expect(pulled.enums).toEqual(['Role']);
    // The join table became the m:n relation, with its default name.
    expect(pulled.ir.relations.find((r) => r.kind === 'manyToMany')).toMatchObject({ name: 'PostsToTags', joinTable: { name: '_PostsToTags' } });
    expect(pulled.ir.relations.find((r) => r.from.model === 'Profiles')).toMatchObject({ kind: 'oneToOne', to: { model: 'Users', field: 'profiles' } });
  });
});
