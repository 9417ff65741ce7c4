// The blog schema (schema-examples/blog/schema.schema) as PostgreSQL DDL, as `kiln migrate`
// creates it: copied from `renderChanges(planFromEmpty(ir), 'postgresql')` of @kiln/migrate on
// 2026-11-21 (the same statements, text for text; `node scripts/bench/client/check-ddl.js`
// compares them again), which follows Prisma Migrate's output: a
// native enum, SERIAL keys, TIMESTAMP(3) without time zone holding UTC (Kiln's sessions run
// in UTC), the indexes under their IR names, foreign keys added last.
//
// This is the only file that knows the PostgreSQL DDL.

/** The statements that create the blog schema, in order. */
export function schemaSql() {
  return [
    `CREATE TYPE "Role" AS ENUM ('READER', 'AUTHOR', 'EDITOR', 'ADMIN')`,
    `CREATE TABLE "users" (
    "id" SERIAL NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT,
    "role" "Role" NOT NULL DEFAULT 'READER',
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
)`,
    `CREATE TABLE "Profile" (
    "id" SERIAL NOT NULL,
    "bio" TEXT,
    "avatar_url" TEXT,
    "website" TEXT,
    "user_id" INTEGER NOT NULL,

    CONSTRAINT "Profile_pkey" PRIMARY KEY ("id")
)`,
    `CREATE TABLE "Post" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "content" TEXT,
    "published" BOOLEAN NOT NULL DEFAULT false,
    "publishedAt" TIMESTAMP(3),
    "viewCount" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "authorId" INTEGER NOT NULL,
    "editorId" INTEGER,

    CONSTRAINT "Post_pkey" PRIMARY KEY ("id")
)`,
    `CREATE TABLE "Comment" (
    "id" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "postId" INTEGER NOT NULL,
    "authorId" INTEGER NOT NULL,
    "parentId" TEXT,

    CONSTRAINT "Comment_pkey" PRIMARY KEY ("id")
)`,
    `CREATE TABLE "Tag" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "Tag_pkey" PRIMARY KEY ("id")
)`,
    `CREATE TABLE "_PostToTag" (
    "A" INTEGER NOT NULL,
    "B" INTEGER NOT NULL,

    CONSTRAINT "_PostToTag_AB_pkey" PRIMARY KEY ("A","B")
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
    `CREATE INDEX "_PostToTag_B_index" ON "_PostToTag"("B")`,
    `ALTER TABLE "Profile" ADD CONSTRAINT "Profile_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE`,
    `ALTER TABLE "Post" ADD CONSTRAINT "Post_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE`,
    `ALTER TABLE "Post" ADD CONSTRAINT "Post_editorId_fkey" FOREIGN KEY ("editorId") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE`,
    `ALTER TABLE "Comment" ADD CONSTRAINT "Comment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE`,
    `ALTER TABLE "Comment" ADD CONSTRAINT "Comment_postId_fkey" FOREIGN KEY ("postId") REFERENCES "Post"("id") ON DELETE CASCADE ON UPDATE CASCADE`,
    `ALTER TABLE "Comment" ADD CONSTRAINT "Comment_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Comment"("id") ON DELETE SET NULL ON UPDATE CASCADE`,
    `ALTER TABLE "_PostToTag" ADD CONSTRAINT "_PostToTag_A_fkey" FOREIGN KEY ("A") REFERENCES "Post"("id") ON DELETE CASCADE ON UPDATE CASCADE`,
    `ALTER TABLE "_PostToTag" ADD CONSTRAINT "_PostToTag_B_fkey" FOREIGN KEY ("B") REFERENCES "Tag"("id") ON DELETE CASCADE ON UPDATE CASCADE`,
  ];
}
