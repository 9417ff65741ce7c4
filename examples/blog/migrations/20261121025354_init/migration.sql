-- CreateTable "users"
CREATE TABLE "users" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "email" TEXT NOT NULL,
    "name" TEXT,
    "role" TEXT NOT NULL DEFAULT 'READER' CHECK ("role" IN ('READER', 'AUTHOR', 'EDITOR', 'ADMIN')),
    "created_at" DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    "updated_at" DATETIME NOT NULL
);

-- CreateTable "Profile"
CREATE TABLE "Profile" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "bio" TEXT,
    "avatar_url" TEXT,
    "website" TEXT,
    "user_id" INTEGER NOT NULL,
    CONSTRAINT "Profile_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable "Post"
CREATE TABLE "Post" (
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
);

-- CreateTable "Comment"
CREATE TABLE "Comment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "body" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    "postId" INTEGER NOT NULL,
    "authorId" INTEGER NOT NULL,
    "parentId" TEXT,
    CONSTRAINT "Comment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Comment_postId_fkey" FOREIGN KEY ("postId") REFERENCES "Post" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Comment_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Comment" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable "Tag"
CREATE TABLE "Tag" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL
);

-- CreateTable "_PostToTag"
CREATE TABLE "_PostToTag" (
    "A" INTEGER NOT NULL,
    "B" INTEGER NOT NULL,
    CONSTRAINT "_PostToTag_A_fkey" FOREIGN KEY ("A") REFERENCES "Post" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "_PostToTag_B_fkey" FOREIGN KEY ("B") REFERENCES "Tag" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex "users_email_key" on "users"
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

-- CreateIndex "Profile_user_id_key" on "Profile"
CREATE UNIQUE INDEX "Profile_user_id_key" ON "Profile"("user_id");

-- CreateIndex "Post_slug_key" on "Post"
CREATE UNIQUE INDEX "Post_slug_key" ON "Post"("slug");

-- CreateIndex "Post_authorId_idx" on "Post"
CREATE INDEX "Post_authorId_idx" ON "Post"("authorId");

-- CreateIndex "Post_editorId_idx" on "Post"
CREATE INDEX "Post_editorId_idx" ON "Post"("editorId");

-- CreateIndex "Post_published_publishedAt_idx" on "Post"
CREATE INDEX "Post_published_publishedAt_idx" ON "Post"("published", "publishedAt");

-- CreateIndex "Comment_postId_idx" on "Comment"
CREATE INDEX "Comment_postId_idx" ON "Comment"("postId");

-- CreateIndex "Comment_authorId_idx" on "Comment"
CREATE INDEX "Comment_authorId_idx" ON "Comment"("authorId");

-- CreateIndex "Comment_parentId_idx" on "Comment"
CREATE INDEX "Comment_parentId_idx" ON "Comment"("parentId");

-- CreateIndex "Tag_name_key" on "Tag"
CREATE UNIQUE INDEX "Tag_name_key" ON "Tag"("name");

-- CreateIndex "_PostToTag_AB_unique" on "_PostToTag"
CREATE UNIQUE INDEX "_PostToTag_AB_unique" ON "_PostToTag"("A", "B");

-- CreateIndex "_PostToTag_B_index" on "_PostToTag"
CREATE INDEX "_PostToTag_B_index" ON "_PostToTag"("B");
