import type { RuntimeColumn, RuntimeModel, RuntimeRelation, RuntimeSchema } from '../../../src/runtime-schema.js';

/*
 * The schema of the SQL-per-dialect tests, as the generator would embed it in a client, and its
 * tables as Kiln's migrations create them. The runtime package imports neither the parser nor
 * the migration planner, so both are written out here:
 *
 *   model User    { id Int @id @default(autoincrement())  email String @unique  name String?
 *                   posts Post[]  profile Profile? }
 *   model Profile { id Int @id @default(autoincrement())  bio String
 *                   user User @relation(fields: [userId], references: [id])  userId Int @unique }
 *   model Post    { id Int @id @default(autoincrement())  title String
 *                   published Boolean @default(false)  views Int @default(0)
 *                   author User @relation(fields: [authorId], references: [id])  authorId Int
 *                   tags Tag[] }
 *   model Tag     { id Int @id @default(autoincrement())  name String @unique @map("tag name")
 *                   posts Post[]  @@map("tag`s \"list\"") }
 *
 * Tag's table and column names hold a backtick, double quotes and a space: every statement
 * touching them shows each dialect's identifier quoting.
 */

export type Provider = RuntimeSchema['provider'];

/** The hostile table name of Tag and its `name` column. */
export const TAG_TABLE = 'tag`s "list"';
export const TAG_NAME_COLUMN = 'tag name';

const column = (name: string, type: string, extra: Partial<RuntimeColumn> = {}): RuntimeColumn => ({
  kind: 'scalar',
  name,
  column: name,
  type,
  optional: false,
  list: false,
  isId: false,
  updatedAt: false,
  nativeType: null,
  default: null,
  ...extra,
});

const id = (): RuntimeColumn => column('id', 'Int', { isId: true, default: { kind: 'database', autoincrement: true } });

const relation = (r: Omit<RuntimeRelation, 'kind' | 'optional' | 'joinTable' | 'onDelete' | 'onUpdate'> & Partial<RuntimeRelation>): RuntimeRelation => ({
  kind: 'relation',
  optional: false,
  joinTable: null,
  onDelete: r.keyOn === 'join' ? null : 'Restrict',
  onUpdate: r.keyOn === 'join' ? null : 'Cascade',
  ...r,
});

const pk = (table: string) => ({ key: 'id', fields: ['id'], dbName: `${table}_pkey` });

const MODELS: Record<string, RuntimeModel> = {
  User: {
    name: 'User',
    dbName: 'User',
    schema: null,
    fields: [
      id(),
      column('email', 'String'),
      column('name', 'String', { optional: true }),
      relation({ name: 'posts', type: 'Post', list: true, relationName: 'PostToUser', opposite: 'author', keyOn: 'target', localFields: ['id'], targetFields: ['authorId'] }),
      relation({ name: 'profile', type: 'Profile', list: false, optional: true, relationName: 'ProfileToUser', opposite: 'user', keyOn: 'target', localFields: ['id'], targetFields: ['userId'] }),
    ],
    primaryKey: ['id'],
    uniques: [pk('User'), { key: 'email', fields: ['email'], dbName: 'User_email_key' }],
  },
  Profile: {
    name: 'Profile',
    dbName: 'Profile',
    schema: null,
    fields: [
      id(),
      column('bio', 'String'),
      relation({ name: 'user', type: 'User', list: false, relationName: 'ProfileToUser', opposite: 'profile', keyOn: 'local', localFields: ['userId'], targetFields: ['id'], fkName: 'Profile_userId_fkey' }),
      column('userId', 'Int'),
    ],
    primaryKey: ['id'],
    uniques: [pk('Profile'), { key: 'userId', fields: ['userId'], dbName: 'Profile_userId_key' }],
  },
  Post: {
    name: 'Post',
    dbName: 'Post',
    schema: null,
    fields: [
      id(),
      column('title', 'String'),
      column('published', 'Boolean', { default: { kind: 'database', autoincrement: false } }),
      column('views', 'Int', { default: { kind: 'database', autoincrement: false } }),
      relation({ name: 'author', type: 'User', list: false, relationName: 'PostToUser', opposite: 'posts', keyOn: 'local', localFields: ['authorId'], targetFields: ['id'], fkName: 'Post_authorId_fkey' }),
      column('authorId', 'Int'),
      relation({
        name: 'tags',
        type: 'Tag',
        list: true,
        relationName: 'PostToTag',
        opposite: 'posts',
        keyOn: 'join',
        localFields: ['id'],
        targetFields: ['id'],
        joinTable: { name: '_PostToTag', schema: null, localColumn: 'A', targetColumn: 'B' },
      }),
    ],
    primaryKey: ['id'],
    uniques: [pk('Post')],
  },
  Tag: {
    name: 'Tag',
    dbName: TAG_TABLE,
    schema: null,
    fields: [
      id(),
      column('name', 'String', { column: TAG_NAME_COLUMN }),
      relation({
        name: 'posts',
        type: 'Post',
        list: true,
        relationName: 'PostToTag',
        opposite: 'tags',
        keyOn: 'join',
        localFields: ['id'],
        targetFields: ['id'],
        joinTable: { name: '_PostToTag', schema: null, localColumn: 'B', targetColumn: 'A' },
      }),
    ],
    primaryKey: ['id'],
    uniques: [pk(TAG_TABLE), { key: 'name', fields: ['name'], dbName: `${TAG_TABLE}_${TAG_NAME_COLUMN}_key` }],
  },
};

export function blogSchema(provider: Provider): RuntimeSchema {
  return { provider, relationMode: 'foreignKeys', models: MODELS, enums: {} };
}

/** The tables, as `kiln migrate` creates them from the schema above (its create-from-empty DDL). */
export const BLOG_DDL: Record<Provider, string[]> = {
  sqlite: [
    'CREATE TABLE "User" ("id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, "email" TEXT NOT NULL, "name" TEXT)',
    'CREATE UNIQUE INDEX "User_email_key" ON "User"("email")',
    'CREATE TABLE "Profile" ("id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, "bio" TEXT NOT NULL, "userId" INTEGER NOT NULL, ' +
      'CONSTRAINT "Profile_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE)',
    'CREATE UNIQUE INDEX "Profile_userId_key" ON "Profile"("userId")',
    'CREATE TABLE "Post" ("id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, "title" TEXT NOT NULL, "published" BOOLEAN NOT NULL DEFAULT false, ' +
      '"views" INTEGER NOT NULL DEFAULT 0, "authorId" INTEGER NOT NULL, ' +
      'CONSTRAINT "Post_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE)',
    'CREATE TABLE "tag`s ""list""" ("id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, "tag name" TEXT NOT NULL)',
    'CREATE UNIQUE INDEX "tag`s ""list""_tag name_key" ON "tag`s ""list"""("tag name")',
    'CREATE TABLE "_PostToTag" ("A" INTEGER NOT NULL, "B" INTEGER NOT NULL, ' +
      'CONSTRAINT "_PostToTag_A_fkey" FOREIGN KEY ("A") REFERENCES "Post" ("id") ON DELETE CASCADE ON UPDATE CASCADE, ' +
      'CONSTRAINT "_PostToTag_B_fkey" FOREIGN KEY ("B") REFERENCES "tag`s ""list""" ("id") ON DELETE CASCADE ON UPDATE CASCADE)',
    'CREATE UNIQUE INDEX "_PostToTag_AB_unique" ON "_PostToTag"("A", "B")',
    'CREATE INDEX "_PostToTag_B_index" ON "_PostToTag"("B")',
  ],
  postgresql: [
    'CREATE TABLE "User" ("id" SERIAL NOT NULL, "email" TEXT NOT NULL, "name" TEXT, CONSTRAINT "User_pkey" PRIMARY KEY ("id"))',
    'CREATE UNIQUE INDEX "User_email_key" ON "User"("email")',
    'CREATE TABLE "Profile" ("id" SERIAL NOT NULL, "bio" TEXT NOT NULL, "userId" INTEGER NOT NULL, CONSTRAINT "Profile_pkey" PRIMARY KEY ("id"))',
    'CREATE UNIQUE INDEX "Profile_userId_key" ON "Profile"("userId")',
    'CREATE TABLE "Post" ("id" SERIAL NOT NULL, "title" TEXT NOT NULL, "published" BOOLEAN NOT NULL DEFAULT false, "views" INTEGER NOT NULL DEFAULT 0, ' +
      '"authorId" INTEGER NOT NULL, CONSTRAINT "Post_pkey" PRIMARY KEY ("id"))',
    'CREATE TABLE "tag`s ""list""" ("id" SERIAL NOT NULL, "tag name" TEXT NOT NULL, CONSTRAINT "tag`s ""list""_pkey" PRIMARY KEY ("id"))',
    'CREATE UNIQUE INDEX "tag`s ""list""_tag name_key" ON "tag`s ""list"""("tag name")',
    'CREATE TABLE "_PostToTag" ("A" INTEGER NOT NULL, "B" INTEGER NOT NULL)',
    'CREATE UNIQUE INDEX "_PostToTag_AB_unique" ON "_PostToTag"("A", "B")',
    'CREATE INDEX "_PostToTag_B_index" ON "_PostToTag"("B")',
    'ALTER TABLE "Profile" ADD CONSTRAINT "Profile_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE',
    'ALTER TABLE "Post" ADD CONSTRAINT "Post_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE',
    'ALTER TABLE "_PostToTag" ADD CONSTRAINT "_PostToTag_A_fkey" FOREIGN KEY ("A") REFERENCES "Post"("id") ON DELETE CASCADE ON UPDATE CASCADE',
    'ALTER TABLE "_PostToTag" ADD CONSTRAINT "_PostToTag_B_fkey" FOREIGN KEY ("B") REFERENCES "tag`s ""list"""("id") ON DELETE CASCADE ON UPDATE CASCADE',
  ],
  mysql: [
    'CREATE TABLE `User` (`id` INTEGER NOT NULL AUTO_INCREMENT, `email` VARCHAR(191) NOT NULL, `name` VARCHAR(191) NULL, ' +
      'UNIQUE INDEX `User_email_key`(`email`), PRIMARY KEY (`id`)) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci',
    'CREATE TABLE `Profile` (`id` INTEGER NOT NULL AUTO_INCREMENT, `bio` VARCHAR(191) NOT NULL, `userId` INTEGER NOT NULL, ' +
      'UNIQUE INDEX `Profile_userId_key`(`userId`), PRIMARY KEY (`id`)) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci',
    'CREATE TABLE `Post` (`id` INTEGER NOT NULL AUTO_INCREMENT, `title` VARCHAR(191) NOT NULL, `published` BOOLEAN NOT NULL DEFAULT false, ' +
      '`views` INTEGER NOT NULL DEFAULT 0, `authorId` INTEGER NOT NULL, PRIMARY KEY (`id`)) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci',
    'CREATE TABLE `tag``s "list"` (`id` INTEGER NOT NULL AUTO_INCREMENT, `tag name` VARCHAR(191) NOT NULL, ' +
      'UNIQUE INDEX `tag``s "list"_tag name_key`(`tag name`), PRIMARY KEY (`id`)) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci',
    'CREATE TABLE `_PostToTag` (`A` INTEGER NOT NULL, `B` INTEGER NOT NULL, UNIQUE INDEX `_PostToTag_AB_unique`(`A`, `B`), ' +
      'INDEX `_PostToTag_B_index`(`B`)) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci',
    'ALTER TABLE `Profile` ADD CONSTRAINT `Profile_userId_fkey` FOREIGN KEY (`userId`) REFERENCES `User`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE',
    'ALTER TABLE `Post` ADD CONSTRAINT `Post_authorId_fkey` FOREIGN KEY (`authorId`) REFERENCES `User`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE',
    'ALTER TABLE `_PostToTag` ADD CONSTRAINT `_PostToTag_A_fkey` FOREIGN KEY (`A`) REFERENCES `Post`(`id`) ON DELETE CASCADE ON UPDATE CASCADE',
    'ALTER TABLE `_PostToTag` ADD CONSTRAINT `_PostToTag_B_fkey` FOREIGN KEY (`B`) REFERENCES `tag``s "list"`(`id`) ON DELETE CASCADE ON UPDATE CASCADE',
  ],
};

/**
 * Empties the tables and restarts their ids at 1, so a write case sees the seed alone whatever
 * ran before it.
 */
export const BLOG_RESET: Record<Provider, string[]> = {
  sqlite: ['DELETE FROM "_PostToTag"', 'DELETE FROM "Post"', 'DELETE FROM "Profile"', 'DELETE FROM "tag`s ""list"""', 'DELETE FROM "User"', 'DELETE FROM sqlite_sequence'],
  postgresql: ['TRUNCATE "_PostToTag", "Post", "Profile", "tag`s ""list""", "User" RESTART IDENTITY'],
  mysql: [
    'DELETE FROM `_PostToTag`',
    'DELETE FROM `Post`',
    'DELETE FROM `Profile`',
    'DELETE FROM `tag``s "list"`',
    'DELETE FROM `User`',
    'ALTER TABLE `Post` AUTO_INCREMENT = 1',
    'ALTER TABLE `Profile` AUTO_INCREMENT = 1',
    'ALTER TABLE `tag``s "list"` AUTO_INCREMENT = 1',
    'ALTER TABLE `User` AUTO_INCREMENT = 1',
  ],
};

/**
 * The rows every case starts from, inserted through the client (so ids are 1, 2, 3... on every
 * database): three users (Alice with a profile; Carol without a name), two tags, three posts.
 *
 *   Post 1 "Hello SQL" published, 10 views, by Alice, tagged sql
 *   Post 2 "Draft"     unpublished, 0 views, by Alice
 *   Post 3 "Kiln ORM"  published, 25 views, by Bob, tagged sql and orm
 */
export async function seedBlog(db: { [model: string]: any }): Promise<void> {
  await db.user.create({ data: { email: 'alice@example.com', name: 'Alice', profile: { create: { bio: 'Writes about SQL' } } } });
  await db.user.create({ data: { email: 'bob@example.com', name: 'Bob' } });
  await db.user.create({ data: { email: 'carol@example.com' } });
  await db.tag.create({ data: { name: 'sql' } });
  await db.tag.create({ data: { name: 'orm' } });
  await db.post.create({ data: { title: 'Hello SQL', published: true, views: 10, authorId: 1, tags: { connect: [{ id: 1 }] } } });
  await db.post.create({ data: { title: 'Draft', authorId: 1 } });
  await db.post.create({ data: { title: 'Kiln ORM', published: true, views: 25, authorId: 2, tags: { connect: [{ id: 1 }, { id: 2 }] } } });
}
