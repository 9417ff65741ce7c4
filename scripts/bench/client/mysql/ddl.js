// The blog schema (schema-examples/blog/schema.schema) as MySQL / MariaDB DDL, as `kiln migrate`
// creates it: copied from `renderChanges(planFromEmpty(ir), 'mysql')` of @kiln/migrate on
// 2026-11-21 (the same statements, text for text; `node scripts/bench/client/check-ddl.js`
// compares them again), which follows Prisma Migrate's output:
// `String` as VARCHAR(191), DATETIME(3) holding UTC, BOOLEAN (TINYINT(1)), a native ENUM, utf8mb4,
// indexes inline under their IR names, foreign keys added last.
//
// This is the only file that knows the MySQL DDL.

const TABLE_OPTIONS = 'DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci';

/** The statements that create the blog schema, in order. */
export function schemaSql() {
  return [
    `CREATE TABLE \`users\` (
    \`id\` INTEGER NOT NULL AUTO_INCREMENT,
    \`email\` VARCHAR(191) NOT NULL,
    \`name\` VARCHAR(191) NULL,
    \`role\` ENUM('READER', 'AUTHOR', 'EDITOR', 'ADMIN') NOT NULL DEFAULT 'READER',
    \`created_at\` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    \`updated_at\` DATETIME(3) NOT NULL,

    UNIQUE INDEX \`users_email_key\`(\`email\`),
    PRIMARY KEY (\`id\`)
) ${TABLE_OPTIONS}`,
    `CREATE TABLE \`Profile\` (
    \`id\` INTEGER NOT NULL AUTO_INCREMENT,
    \`bio\` VARCHAR(191) NULL,
    \`avatar_url\` VARCHAR(191) NULL,
    \`website\` VARCHAR(191) NULL,
    \`user_id\` INTEGER NOT NULL,

    UNIQUE INDEX \`Profile_user_id_key\`(\`user_id\`),
    PRIMARY KEY (\`id\`)
) ${TABLE_OPTIONS}`,
    `CREATE TABLE \`Post\` (
    \`id\` INTEGER NOT NULL AUTO_INCREMENT,
    \`slug\` VARCHAR(191) NOT NULL,
    \`title\` VARCHAR(191) NOT NULL,
    \`content\` VARCHAR(191) NULL,
    \`published\` BOOLEAN NOT NULL DEFAULT false,
    \`publishedAt\` DATETIME(3) NULL,
    \`viewCount\` INTEGER NOT NULL DEFAULT 0,
    \`createdAt\` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    \`updatedAt\` DATETIME(3) NOT NULL,
    \`authorId\` INTEGER NOT NULL,
    \`editorId\` INTEGER NULL,

    UNIQUE INDEX \`Post_slug_key\`(\`slug\`),
    INDEX \`Post_authorId_idx\`(\`authorId\`),
    INDEX \`Post_editorId_idx\`(\`editorId\`),
    INDEX \`Post_published_publishedAt_idx\`(\`published\`, \`publishedAt\`),
    PRIMARY KEY (\`id\`)
) ${TABLE_OPTIONS}`,
    `CREATE TABLE \`Comment\` (
    \`id\` VARCHAR(191) NOT NULL,
    \`body\` VARCHAR(191) NOT NULL,
    \`createdAt\` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    \`postId\` INTEGER NOT NULL,
    \`authorId\` INTEGER NOT NULL,
    \`parentId\` VARCHAR(191) NULL,

    INDEX \`Comment_postId_idx\`(\`postId\`),
    INDEX \`Comment_authorId_idx\`(\`authorId\`),
    INDEX \`Comment_parentId_idx\`(\`parentId\`),
    PRIMARY KEY (\`id\`)
) ${TABLE_OPTIONS}`,
    `CREATE TABLE \`Tag\` (
    \`id\` INTEGER NOT NULL AUTO_INCREMENT,
    \`name\` VARCHAR(191) NOT NULL,

    UNIQUE INDEX \`Tag_name_key\`(\`name\`),
    PRIMARY KEY (\`id\`)
) ${TABLE_OPTIONS}`,
    `CREATE TABLE \`_PostToTag\` (
    \`A\` INTEGER NOT NULL,
    \`B\` INTEGER NOT NULL,

    UNIQUE INDEX \`_PostToTag_AB_unique\`(\`A\`, \`B\`),
    INDEX \`_PostToTag_B_index\`(\`B\`)
) ${TABLE_OPTIONS}`,
    'ALTER TABLE `Profile` ADD CONSTRAINT `Profile_user_id_fkey` FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON DELETE CASCADE ON UPDATE CASCADE',
    'ALTER TABLE `Post` ADD CONSTRAINT `Post_authorId_fkey` FOREIGN KEY (`authorId`) REFERENCES `users`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE',
    'ALTER TABLE `Post` ADD CONSTRAINT `Post_editorId_fkey` FOREIGN KEY (`editorId`) REFERENCES `users`(`id`) ON DELETE SET NULL ON UPDATE CASCADE',
    'ALTER TABLE `Comment` ADD CONSTRAINT `Comment_authorId_fkey` FOREIGN KEY (`authorId`) REFERENCES `users`(`id`) ON DELETE CASCADE ON UPDATE CASCADE',
    'ALTER TABLE `Comment` ADD CONSTRAINT `Comment_postId_fkey` FOREIGN KEY (`postId`) REFERENCES `Post`(`id`) ON DELETE CASCADE ON UPDATE CASCADE',
    'ALTER TABLE `Comment` ADD CONSTRAINT `Comment_parentId_fkey` FOREIGN KEY (`parentId`) REFERENCES `Comment`(`id`) ON DELETE SET NULL ON UPDATE CASCADE',
    'ALTER TABLE `_PostToTag` ADD CONSTRAINT `_PostToTag_A_fkey` FOREIGN KEY (`A`) REFERENCES `Post`(`id`) ON DELETE CASCADE ON UPDATE CASCADE',
    'ALTER TABLE `_PostToTag` ADD CONSTRAINT `_PostToTag_B_fkey` FOREIGN KEY (`B`) REFERENCES `Tag`(`id`) ON DELETE CASCADE ON UPDATE CASCADE',
  ];
}
