// The blog schema (schema-examples/blog/schema.schema) as SQLite DDL, written by hand to match
// what `kiln migrate` will create, which follows Prisma Migrate's SQLite output: one CREATE
// TABLE per model with inline primary keys and named foreign-key constraints, the implicit m:n
// join table `_PostToTag`, then the indexes under the names in the IR
// (schema-examples/blog/ir/sqlite.ir.json).
//
// Copied from `renderChanges(planFromEmpty(ir), 'sqlite')` of @kiln/migrate on 2026-11-21: the
// same statements, text for text (enum columns get a CHECK of their values; `@default(now())`
// writes ISO-8601 text); `node scripts/bench/client/check-ddl.js` compares them again.
//
// Storage, as the runtime's SQLite codec reads and writes it (packages/runtime/src/dialects/
// sqlite/sqlite-codec.ts): DateTime is ISO-8601 text in a DATETIME column (NUMERIC affinity, but
// ISO text is not a number, so it stays TEXT: https://www.sqlite.org/datatype3.html#affinity),
// Boolean is 0/1 in a BOOLEAN column, enums are TEXT, Int is INTEGER.
//
// This is the only file that knows the SQLite DDL.

/** The statements that create the blog schema, in order. */
export function schemaSql() {
  return [
    `CREATE TABLE "users" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "email" TEXT NOT NULL,
    "name" TEXT,
    "role" TEXT NOT NULL DEFAULT 'READER' CHECK ("role" IN ('READER', 'AUTHOR', 'EDITOR', 'ADMIN')),
    "created_at" DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    "updated_at" DATETIME NOT NULL
)`,
    `CREATE TABLE "Profile" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "bio" TEXT,
    "avatar_url" TEXT,
    "website" TEXT,
    "user_id" INTEGER NOT NULL,
    CONSTRAINT "Profile_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE CASCADE
)`,
    `CREATE TABLE "Post" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "content" TEXT,
    "published" BOOLEAN NOT NULL DEFAULT false,
    "publishedAt" DATETIME,
    "viewCount" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    "updatedAt" DATETIME NOT NULL,
    "authorId" INTEGER NOT NULL,
    "editorId" INTEGER,
    CONSTRAINT "Post_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "users" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Post_editorId_fkey" FOREIGN KEY ("editorId") REFERENCES "users" ("id") ON DELETE SET NULL ON UPDATE CASCADE
)`,
    `CREATE TABLE "Comment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "body" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    "postId" INTEGER NOT NULL,
    "authorId" INTEGER NOT NULL,
    "parentId" TEXT,
    CONSTRAINT "Comment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Comment_postId_fkey" FOREIGN KEY ("postId") REFERENCES "Post" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Comment_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Comment" ("id") ON DELETE SET NULL ON UPDATE CASCADE
)`,
    `CREATE TABLE "Tag" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL
)`,
    `CREATE TABLE "_PostToTag" (
    "A" INTEGER NOT NULL,
    "B" INTEGER NOT NULL,
    CONSTRAINT "_PostToTag_A_fkey" FOREIGN KEY ("A") REFERENCES "Post" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "_PostToTag_B_fkey" FOREIGN KEY ("B") REFERENCES "Tag" ("id") ON DELETE CASCADE ON UPDATE CASCADE
)`,
    `CREATE UNIQUE INDEX "users_email_key" ON "users"("email")`,
    `CREATE UNIQUE INDEX "Profile_user_id_key" ON "Profile"("user_id")`,
    `CREATE UNIQUE INDEX "Post_slug_key" ON "Post"("slug")`,
    `CREATE INDEX "Post_authorId_idx" ON "Post"("authorId")`,
    `CREATE INDEX "Post_editorId_idx" ON "Post"("editorId")`,
    `CREATE INDEX "Post_published_publishedAt_idx" ON "Post"("published", "publishedAt")`,
    `CREATE INDEX "Comment_postId_idx" ON "Comment"("postId")`,
    `CREATE INDEX "Comment_authorId_idx" ON "Comment"("authorId")`,
    `CREATE INDEX "Comment_parentId_idx" ON "Comment"("parentId")`,
    `CREATE UNIQUE INDEX "Tag_name_key" ON "Tag"("name")`,
    `CREATE UNIQUE INDEX "_PostToTag_AB_unique" ON "_PostToTag"("A", "B")`,
    `CREATE INDEX "_PostToTag_B_index" ON "_PostToTag"("B")`,
  ];
}

/** Creates the schema on an open better-sqlite3 connection, in one transaction. */
export function createSchema(db) {
  db.transaction(() => {
    for (const statement of schemaSql()) db.exec(statement);
  })();
}
