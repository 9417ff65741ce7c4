import type { Provider } from '@kiln/schema';
import { planFromEmpty, renderChanges, renderScript } from '../src/index.js';
import { irOf } from './helpers/examples.js';
import { representativeSchema } from './helpers/representative-schema.js';

/*
 * The SQL each dialect writes for helpers/representative-schema.ts, written out in full. The
 * layout follows Prisma Migrate's migration.sql so the two can be compared line by line.
 * (apply-examples.*.test.ts apply the same schema to the real databases.)
 */

const EXPECTED: Record<Provider, string> = {
  sqlite: `-- CreateTable "users"
CREATE TABLE "users" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "email" TEXT NOT NULL,
    "name" TEXT,
    "role" TEXT NOT NULL DEFAULT 'admin' CHECK ("role" IN ('USER', 'admin')),
    "balance" DECIMAL NOT NULL DEFAULT 0,
    "settings" JSONB,
    "created_at" DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable "posts"
CREATE TABLE "posts" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "title" TEXT NOT NULL DEFAULT 'it''s',
    "score" REAL NOT NULL DEFAULT 1.5,
    "views" BIGINT NOT NULL DEFAULT 0,
    "author_id" INTEGER NOT NULL,
    CONSTRAINT "posts_check" CHECK (score >= 0),
    CONSTRAINT "posts_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable "Tag"
CREATE TABLE "Tag" (
    "name" TEXT NOT NULL PRIMARY KEY
);

-- CreateTable "_PostToTag"
CREATE TABLE "_PostToTag" (
    "A" TEXT NOT NULL,
    "B" TEXT NOT NULL,
    CONSTRAINT "_PostToTag_A_fkey" FOREIGN KEY ("A") REFERENCES "posts" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "_PostToTag_B_fkey" FOREIGN KEY ("B") REFERENCES "Tag" ("name") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex "users_email_key" on "users"
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

-- CreateIndex "posts_author_id_title_idx" on "posts"
CREATE INDEX "posts_author_id_title_idx" ON "posts"("author_id", "title");

-- CreateIndex "_PostToTag_AB_unique" on "_PostToTag"
CREATE UNIQUE INDEX "_PostToTag_AB_unique" ON "_PostToTag"("A", "B");

-- CreateIndex "_PostToTag_B_index" on "_PostToTag"
CREATE INDEX "_PostToTag_B_index" ON "_PostToTag"("B");

-- CreateView "PostCount"
CREATE VIEW "PostCount" AS SELECT author_id, COUNT(*) AS post_count FROM posts GROUP BY author_id;
`,

  postgresql: `-- CreateEnum "Role"
CREATE TYPE "Role" AS ENUM ('USER', 'admin');

-- CreateTable "users"
CREATE TABLE "users" (
    "id" SERIAL NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT,
    "role" "Role" NOT NULL DEFAULT 'admin',
    "balance" DECIMAL(65,30) NOT NULL DEFAULT 0,
    "settings" JSONB,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable "posts"
CREATE TABLE "posts" (
    "id" TEXT NOT NULL,
    "title" TEXT NOT NULL DEFAULT 'it''s',
    "score" DOUBLE PRECISION NOT NULL DEFAULT 1.5,
    "views" BIGINT NOT NULL DEFAULT 0,
    "author_id" INTEGER NOT NULL,

    CONSTRAINT "posts_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "posts_check" CHECK (score >= 0)
);

-- CreateTable "Tag"
CREATE TABLE "Tag" (
    "name" TEXT NOT NULL,

    CONSTRAINT "Tag_pkey" PRIMARY KEY ("name")
);

-- CreateTable "_PostToTag"
CREATE TABLE "_PostToTag" (
    "A" TEXT NOT NULL,
    "B" TEXT NOT NULL,

    CONSTRAINT "_PostToTag_AB_pkey" PRIMARY KEY ("A","B")
);

-- CreateIndex "users_email_key" on "users"
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

-- CreateIndex "posts_author_id_title_idx" on "posts"
CREATE INDEX "posts_author_id_title_idx" ON "posts"("author_id", "title");

-- CreateIndex "_PostToTag_B_index" on "_PostToTag"
CREATE INDEX "_PostToTag_B_index" ON "_PostToTag"("B");

-- AddForeignKey "posts_author_id_fkey" on "posts"
ALTER TABLE "posts" ADD CONSTRAINT "posts_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey "_PostToTag_A_fkey" on "_PostToTag"
ALTER TABLE "_PostToTag" ADD CONSTRAINT "_PostToTag_A_fkey" FOREIGN KEY ("A") REFERENCES "posts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey "_PostToTag_B_fkey" on "_PostToTag"
ALTER TABLE "_PostToTag" ADD CONSTRAINT "_PostToTag_B_fkey" FOREIGN KEY ("B") REFERENCES "Tag"("name") ON DELETE CASCADE ON UPDATE CASCADE;

-- CreateView "PostCount"
CREATE VIEW "PostCount" AS SELECT author_id, COUNT(*) AS post_count FROM posts GROUP BY author_id;
`,

  mysql: `-- CreateTable "users"
CREATE TABLE \`users\` (
    \`id\` INTEGER NOT NULL AUTO_INCREMENT,
    \`email\` VARCHAR(191) NOT NULL,
    \`name\` VARCHAR(191) NULL,
    \`role\` ENUM('USER', 'admin') NOT NULL DEFAULT 'admin',
    \`balance\` DECIMAL(65, 30) NOT NULL DEFAULT 0,
    \`settings\` JSON NULL,
    \`created_at\` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    \`updatedAt\` DATETIME(3) NOT NULL,

    UNIQUE INDEX \`users_email_key\`(\`email\`),
    PRIMARY KEY (\`id\`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable "posts"
CREATE TABLE \`posts\` (
    \`id\` VARCHAR(191) NOT NULL,
    \`title\` VARCHAR(191) NOT NULL DEFAULT 'it''s',
    \`score\` DOUBLE NOT NULL DEFAULT 1.5,
    \`views\` BIGINT NOT NULL DEFAULT 0,
    \`author_id\` INTEGER NOT NULL,

    INDEX \`posts_author_id_title_idx\`(\`author_id\`, \`title\`),
    PRIMARY KEY (\`id\`),
    CONSTRAINT \`posts_check\` CHECK (score >= 0)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable "Tag"
CREATE TABLE \`Tag\` (
    \`name\` VARCHAR(191) NOT NULL,

    PRIMARY KEY (\`name\`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable "_PostToTag"
CREATE TABLE \`_PostToTag\` (
    \`A\` VARCHAR(191) NOT NULL,
    \`B\` VARCHAR(191) NOT NULL,

    UNIQUE INDEX \`_PostToTag_AB_unique\`(\`A\`, \`B\`),
    INDEX \`_PostToTag_B_index\`(\`B\`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- AddForeignKey "posts_author_id_fkey" on "posts"
ALTER TABLE \`posts\` ADD CONSTRAINT \`posts_author_id_fkey\` FOREIGN KEY (\`author_id\`) REFERENCES \`users\`(\`id\`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey "_PostToTag_A_fkey" on "_PostToTag"
ALTER TABLE \`_PostToTag\` ADD CONSTRAINT \`_PostToTag_A_fkey\` FOREIGN KEY (\`A\`) REFERENCES \`posts\`(\`id\`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey "_PostToTag_B_fkey" on "_PostToTag"
ALTER TABLE \`_PostToTag\` ADD CONSTRAINT \`_PostToTag_B_fkey\` FOREIGN KEY (\`B\`) REFERENCES \`Tag\`(\`name\`) ON DELETE CASCADE ON UPDATE CASCADE;

-- CreateView "PostCount"
CREATE VIEW \`PostCount\` AS SELECT author_id, COUNT(*) AS post_count FROM posts GROUP BY author_id;
`,
};

describe.each(['sqlite', 'postgresql', 'mysql'] as const)('the representative schema on %s', (provider) => {
  const rendered = renderChanges(planFromEmpty(irOf(representativeSchema(provider))), provider);

  test('renders the expected SQL', () => {
    expect(renderScript(rendered)).toBe(EXPECTED[provider]);
  });

  test('keeps each change beside its own statements', () => {
    for (const r of rendered) expect(r.sql.length).toBeGreaterThan(0);
    const createUsers = rendered.find((r) => r.change.kind === 'createTable' && r.change.table.name.name === 'users');
    expect(createUsers?.sql).toHaveLength(1);
    expect(createUsers?.sql[0]).toMatch(/^CREATE TABLE/);
  });
});
