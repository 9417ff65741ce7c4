import { CHANGE_KINDS } from '../../src/index.js';
import { CHANGES } from './helpers/change-cases.js';
import { flagsOf, sqlOf } from './helpers/objects.js';

/*
 * The SQL of every change kind on each dialect, written out. A string that starts with
 * "error:" is the DdlRenderError a dialect raises for a change it cannot express (the planner
 * never asks for those: it reads the dialect's capabilities). `flags` are what renderChanges
 * marks for the deployer (docs/migrate.md, "Running a plan").
 */

type Expected = { sqlite: string[] | string; postgresql: string[] | string; mysql: string[] | string; flags?: Partial<Record<'sqlite' | 'postgresql' | 'mysql', object>> };

const EXPECTED: Record<keyof typeof CHANGES, Expected> = {
  'createSchema': {
    sqlite: 'error: SQLite does not support schemas ("audit").',
    postgresql: [
      `CREATE SCHEMA IF NOT EXISTS "audit"`,
    ],
    mysql: 'error: MySQL does not support schemas ("audit").',
  },
  'createEnum': {
    sqlite: 'error: SQLite does not support enum types ("Role").',
    postgresql: [
      `CREATE TYPE "Role" AS ENUM ('USER', 'it''s')`,
    ],
    mysql: 'error: MySQL does not support enum types ("Role").',
  },
  'dropEnum': {
    sqlite: 'error: SQLite does not support enum types ("Role").',
    postgresql: [
      `DROP TYPE "app"."Role"`,
    ],
    mysql: 'error: MySQL does not support enum types ("Role").',
  },
  'renameEnum': {
    sqlite: 'error: SQLite does not support enum types ("Role").',
    postgresql: [
      `ALTER TYPE "Role" RENAME TO "Kind"`,
    ],
    mysql: 'error: MySQL does not support enum types ("Role").',
  },
  'renameEnum to another schema': {
    sqlite: 'error: SQLite does not support enum types ("Role").',
    postgresql: [
      `ALTER TYPE "Role" SET SCHEMA "app"`,
      `ALTER TYPE "app"."Role" RENAME TO "Kind"`,
    ],
    mysql: 'error: MySQL does not support enum types ("Role").',
  },
  'alterEnum: renamed values': {
    sqlite: 'error: SQLite does not support enum types ("Role").',
    postgresql: [
      `ALTER TYPE "Role" RENAME VALUE 'ADMIN' TO 'ADMINISTRATOR'`,
    ],
    mysql: 'error: MySQL does not support enum types ("Role").',
  },
  'alterEnum: added values': {
    sqlite: 'error: SQLite does not support enum types ("Role").',
    postgresql: [
      `ALTER TYPE "Role" ADD VALUE 'GUEST' BEFORE 'USER'`,
      `ALTER TYPE "Role" ADD VALUE 'OWNER' AFTER 'USER'`,
      `ALTER TYPE "Role" ADD VALUE 'ROOT' AFTER 'ADMIN'`,
    ],
    mysql: 'error: MySQL does not support enum types ("Role").',
    flags: {postgresql: {transactional: false}},
  },
  'alterEnum: a removed value recreates the type': {
    sqlite: 'error: SQLite does not support enum types ("Role").',
    postgresql: [
      `CREATE TYPE "Role_new" AS ENUM ('USER', 'ADMIN', 'OWNER')`,
      `ALTER TABLE "users" ALTER COLUMN "role" DROP DEFAULT`,
      `ALTER TABLE "users" ALTER COLUMN "role" SET DATA TYPE "Role_new" USING ("role"::text::"Role_new")`,
      `ALTER TABLE "users" ALTER COLUMN "roles" DROP DEFAULT`,
      `ALTER TABLE "users" ALTER COLUMN "roles" SET DATA TYPE "Role_new"[] USING ("roles"::text[]::"Role_new"[])`,
      `DROP TYPE "Role"`,
      `ALTER TYPE "Role_new" RENAME TO "Role"`,
      `ALTER TABLE "users" ALTER COLUMN "role" SET DEFAULT 'USER'`,
    ],
    mysql: 'error: MySQL does not support enum types ("Role").',
  },
  'createTable': {
    sqlite: [
      `CREATE TABLE "t" (
    "id" INTEGER NOT NULL PRIMARY KEY,
    "name" TEXT
)`,
    ],
    postgresql: [
      `CREATE TABLE "t" (
    "id" INTEGER NOT NULL,
    "name" TEXT,

    CONSTRAINT "t_pkey" PRIMARY KEY ("id")
)`,
    ],
    mysql: [
      `CREATE TABLE \`t\` (
    \`id\` INTEGER NOT NULL,
    \`name\` VARCHAR(191) NULL,

    PRIMARY KEY (\`id\`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
    ],
  },
  'dropTable': {
    sqlite: [
      `DROP TABLE "t"`,
    ],
    postgresql: [
      `DROP TABLE "t"`,
    ],
    mysql: [
      "DROP TABLE `t`",
    ],
  },
  'renameTable': {
    sqlite: [
      `ALTER TABLE "users" RENAME TO "people"`,
    ],
    postgresql: [
      `ALTER TABLE "users" RENAME TO "people"`,
    ],
    mysql: [
      "RENAME TABLE `users` TO `people`",
    ],
  },
  'renameTable to another schema': {
    sqlite: 'error: SQLite does not support schemas ("app").',
    postgresql: [
      `ALTER TABLE "app"."users" SET SCHEMA "auth"`,
      `ALTER TABLE "auth"."users" RENAME TO "people"`,
    ],
    mysql: 'error: MySQL does not support schemas ("app").',
  },
  'redefineTable': {
    sqlite: [
      "PRAGMA defer_foreign_keys = ON",
      `CREATE TEMP TABLE "_kiln_check" ("ok" INTEGER CONSTRAINT "Rebuilding table ""users"" needs foreign key enforcement off (PRAGMA foreign_keys = OFF before the transaction begins): the ON DELETE actions of ""posts"" would change their rows" CHECK ("ok"))`,
      `INSERT INTO temp."_kiln_check" SELECT NOT (SELECT foreign_keys FROM pragma_foreign_keys)`,
      `DROP TABLE temp."_kiln_check"`,
      `CREATE TEMP TABLE "_kiln_check" ("ok" INTEGER CONSTRAINT "Rebuilding table ""users"" would drop indexes or triggers this migration does not know of, since it was planned from a schema, which declares neither (SELECT type, name, sql FROM sqlite_master WHERE tbl_name = 'users' lists them). To keep them, add their CREATE statements after the rebuild in migration.sql and delete this check (the three statements with _kiln_check and this message); or plan the change from the database (kiln db push, kiln migrate diff --from <url>), which recreates them" CHECK ("ok"))`,
      `INSERT INTO temp."_kiln_check" SELECT NOT EXISTS (SELECT 1 FROM sqlite_master WHERE type IN ('index', 'trigger') AND tbl_name = 'users' COLLATE NOCASE AND name NOT LIKE 'sqlite\\_autoindex\\_%' ESCAPE '\\' AND name COLLATE NOCASE NOT IN ('users_name_idx', 'users_touch'))`,
      `DROP TABLE temp."_kiln_check"`,
      `CREATE TABLE "_kiln_new_users" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL DEFAULT 'anon',
    "role" TEXT NOT NULL CHECK ("role" IN ('USER', 'ADMINISTRATOR')),
    "added" TEXT,
    CONSTRAINT "users_name_check" CHECK (length(name) > 0)
)`,
      `INSERT INTO "_kiln_new_users" ("id", "name", "role") SELECT "id", COALESCE("name", 'anon'), CASE "role" WHEN 'ADMIN' THEN 'ADMINISTRATOR' ELSE "role" END FROM "users"`,
      `DELETE FROM sqlite_sequence WHERE name = '_kiln_new_users'`,
      `INSERT INTO sqlite_sequence (name, seq) SELECT '_kiln_new_users', seq FROM sqlite_sequence WHERE name = 'users'`,
      `DROP TABLE "users"`,
      `ALTER TABLE "_kiln_new_users" RENAME TO "users"`,
      `CREATE INDEX "users_name_idx" ON "users"("name")`,
      `CREATE TRIGGER "users_touch" AFTER UPDATE ON "users" BEGIN SELECT 1; END`,
      `CREATE TEMP TABLE "_kiln_check" ("ok" INTEGER CONSTRAINT "Rebuilding table ""users"" left rows whose foreign keys point nowhere (PRAGMA foreign_key_check lists them)" CHECK ("ok"))`,
      `INSERT INTO temp."_kiln_check" SELECT NOT EXISTS (SELECT 1 FROM pragma_foreign_key_check('users') UNION ALL SELECT 1 FROM pragma_foreign_key_check('posts'))`,
      `DROP TABLE temp."_kiln_check"`,
    ],
    postgresql: 'error: PostgreSQL does not support table rebuilds ("users"); its ALTER TABLE changes the table in place.',
    mysql: 'error: MySQL does not support table rebuilds ("users"); its ALTER TABLE changes the table in place.',
    flags: {sqlite: {foreignKeysOff: true}},
  },
  'addColumn': {
    sqlite: [
      `ALTER TABLE "users" ADD COLUMN "bio" TEXT DEFAULT 'it''s'`,
    ],
    postgresql: [
      `ALTER TABLE "users" ADD COLUMN "bio" TEXT DEFAULT 'it''s'`,
    ],
    mysql: [
      `ALTER TABLE \`users\` ADD COLUMN \`bio\` VARCHAR(191) NULL DEFAULT 'it''s'`,
    ],
  },
  'addColumn with its primary key': {
    sqlite: 'error: SQLite does not support adding a primary key to an existing table ("users"); the table is rebuilt instead.',
    postgresql: [
      `ALTER TABLE "users" ADD COLUMN "id" SERIAL NOT NULL`,
      `ALTER TABLE "users" ADD CONSTRAINT "users_pkey" PRIMARY KEY ("id")`,
    ],
    mysql: [
      "ALTER TABLE `users` ADD COLUMN `id` INTEGER NOT NULL AUTO_INCREMENT, ADD PRIMARY KEY (`id`)",
    ],
  },
  'dropColumn': {
    sqlite: [
      `ALTER TABLE "users" DROP COLUMN "bio"`,
    ],
    postgresql: [
      `ALTER TABLE "users" DROP COLUMN "bio"`,
    ],
    mysql: [
      "ALTER TABLE `users` DROP COLUMN `bio`",
    ],
  },
  'renameColumn': {
    sqlite: [
      `ALTER TABLE "users" RENAME COLUMN "handle" TO "slug"`,
    ],
    postgresql: [
      `ALTER TABLE "users" RENAME COLUMN "handle" TO "slug"`,
    ],
    mysql: [
      "ALTER TABLE `users` RENAME COLUMN `handle` TO `slug`",
    ],
  },
  'alterColumn: type': {
    sqlite: 'error: SQLite does not support altering a column in place ("age"); the table is rebuilt instead.',
    postgresql: [
      `ALTER TABLE "users" ALTER COLUMN "age" DROP DEFAULT`,
      `ALTER TABLE "users" ALTER COLUMN "age" SET DATA TYPE BIGINT USING "age"::BIGINT`,
      `ALTER TABLE "users" ALTER COLUMN "age" SET DEFAULT 0`,
    ],
    mysql: [
      "ALTER TABLE `users` MODIFY `age` BIGINT NOT NULL DEFAULT 0",
    ],
  },
  'alterColumn: nullability and default': {
    sqlite: 'error: SQLite does not support altering a column in place ("name"); the table is rebuilt instead.',
    postgresql: [
      `ALTER TABLE "users" ALTER COLUMN "name" SET NOT NULL`,
      `ALTER TABLE "users" ALTER COLUMN "name" SET DEFAULT 'anon'`,
    ],
    mysql: [
      `ALTER TABLE \`users\` MODIFY \`name\` VARCHAR(191) NOT NULL DEFAULT 'anon'`,
    ],
  },
  'alterColumn: default dropped': {
    sqlite: 'error: SQLite does not support altering a column in place ("name"); the table is rebuilt instead.',
    postgresql: [
      `ALTER TABLE "users" ALTER COLUMN "name" DROP DEFAULT`,
    ],
    mysql: [
      "ALTER TABLE `users` MODIFY `name` VARCHAR(191) NOT NULL",
    ],
  },
  'alterColumn: autoincrement added': {
    sqlite: 'error: SQLite does not support altering a column in place ("id"); the table is rebuilt instead.',
    // The column's own sequence (pg_get_serial_sequence) if it has one, else a new one named as
    // SERIAL names it; typed like the column; its counter past the largest id, never back.
    postgresql: [
      `DO $kiln$
DECLARE
  seq text := pg_get_serial_sequence('"users"', 'id');
  candidate text;
  n integer := 0;
  next_id bigint;
  current_id bigint;
BEGIN
  IF seq IS NULL THEN
    candidate := 'users_id_seq';
    WHILE to_regclass(format('%I.%I', current_schema(), candidate)) IS NOT NULL LOOP
      n := n + 1;
      candidate := 'users_id_seq' || n;
    END LOOP;
    seq := format('%I.%I', current_schema(), candidate);
    EXECUTE format('CREATE SEQUENCE %s AS integer OWNED BY %s.%I', seq, '"users"', 'id');
  ELSE
    EXECUTE format('ALTER SEQUENCE %s AS integer', seq);
  END IF;
  EXECUTE format('ALTER TABLE %s ALTER COLUMN %I SET DEFAULT nextval(%L::regclass)', '"users"', 'id', seq);
  EXECUTE format('SELECT COALESCE(MAX(%I), 0) + 1 FROM %s', 'id', '"users"') INTO next_id;
  EXECUTE format('SELECT CASE WHEN is_called THEN last_value + 1 ELSE last_value END FROM %s', seq) INTO current_id;
  IF next_id > current_id THEN
    PERFORM setval(seq::regclass, next_id, false);
  END IF;
END
$kiln$`,
    ],
    mysql: [
      "ALTER TABLE `users` MODIFY `id` INTEGER NOT NULL AUTO_INCREMENT",
    ],
  },
  'alterColumn: autoincrement removed': {
    sqlite: 'error: SQLite does not support altering a column in place ("id"); the table is rebuilt instead.',
    postgresql: [
      `ALTER TABLE "users" ALTER COLUMN "id" DROP DEFAULT`,
    ],
    mysql: [
      "ALTER TABLE `users` MODIFY `id` INTEGER NOT NULL",
    ],
  },
  'alterColumn: enum values renamed in the column type': {
    sqlite: 'error: SQLite does not support altering a column in place ("role"); the table is rebuilt instead.',
    postgresql: [
      `ALTER TABLE "users" ALTER COLUMN "role" DROP DEFAULT`,
      `ALTER TABLE "users" ALTER COLUMN "role" SET DATA TYPE "Role" USING "role"::text::"Role"`,
      `ALTER TABLE "users" ALTER COLUMN "role" SET DEFAULT 'USER'`,
    ],
    mysql: [
      `ALTER TABLE \`users\` MODIFY \`role\` ENUM('USER', 'ADMINISTRATOR', 'ADMIN') NOT NULL DEFAULT 'USER'`,
      `UPDATE \`users\` SET \`role\` = 'ADMINISTRATOR' WHERE \`role\` = 'ADMIN'`,
      `ALTER TABLE \`users\` MODIFY \`role\` ENUM('USER', 'ADMINISTRATOR') NOT NULL DEFAULT 'USER'`,
    ],
  },
  'addPrimaryKey': {
    sqlite: 'error: SQLite does not support adding a primary key to an existing table ("users"); the table is rebuilt instead.',
    postgresql: [
      `ALTER TABLE "users" ADD CONSTRAINT "users_pkey" PRIMARY KEY ("a","b")`,
    ],
    mysql: [
      "ALTER TABLE `users` ADD PRIMARY KEY (`a`, `b`)",
    ],
  },
  'dropPrimaryKey': {
    sqlite: 'error: SQLite does not support dropping a primary key ("users"); the table is rebuilt instead.',
    postgresql: [
      `ALTER TABLE "users" DROP CONSTRAINT "users_pkey"`,
    ],
    mysql: [
      "ALTER TABLE `users` DROP PRIMARY KEY",
    ],
  },
  'addCheck': {
    sqlite: 'error: SQLite does not support adding a check to an existing table ("users_age_check"); the table is rebuilt instead.',
    postgresql: [
      `ALTER TABLE "users" ADD CONSTRAINT "users_age_check" CHECK (age >= 0)`,
    ],
    mysql: [
      "ALTER TABLE `users` ADD CONSTRAINT `users_age_check` CHECK (age >= 0)",
    ],
  },
  'dropCheck': {
    sqlite: 'error: SQLite does not support dropping a check ("users_age_check"); the table is rebuilt instead.',
    postgresql: [
      `ALTER TABLE "users" DROP CONSTRAINT "users_age_check"`,
    ],
    mysql: [
      "ALTER TABLE `users` DROP CONSTRAINT `users_age_check`",
    ],
  },
  'renameConstraint': {
    sqlite: 'error: SQLite does not support renaming a constraint ("users_pkey").',
    postgresql: [
      `ALTER TABLE "people" RENAME CONSTRAINT "users_pkey" TO "people_pkey"`,
    ],
    mysql: 'error: MySQL does not support renaming a constraint ("users_pkey").',
  },
  'createIndex': {
    sqlite: [
      `CREATE INDEX "users_name_idx" ON "users"("name")`,
    ],
    postgresql: [
      `CREATE INDEX "users_name_idx" ON "users"("name")`,
    ],
    mysql: [
      "CREATE INDEX `users_name_idx` ON `users`(`name`)",
    ],
  },
  'dropIndex': {
    sqlite: [
      `DROP INDEX "users_name_idx"`,
    ],
    postgresql: [
      `DROP INDEX "app"."users_name_idx"`,
    ],
    mysql: 'error: MySQL does not support schemas ("app").',
  },
  'renameIndex': {
    sqlite: [
      `DROP INDEX "users_name_idx"`,
      `CREATE INDEX "users_name_key" ON "users"("name")`,
    ],
    postgresql: [
      `ALTER INDEX "users_name_idx" RENAME TO "users_name_key"`,
    ],
    mysql: [
      "ALTER TABLE `users` RENAME INDEX `users_name_idx` TO `users_name_key`",
    ],
  },
  'addForeignKey': {
    sqlite: 'error: SQLite does not support adding a foreign key to an existing table ("posts_author_fkey"); the table is rebuilt instead.',
    postgresql: [
      `ALTER TABLE "posts" ADD CONSTRAINT "posts_author_fkey" FOREIGN KEY ("author") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE`,
    ],
    mysql: [
      "ALTER TABLE `posts` ADD CONSTRAINT `posts_author_fkey` FOREIGN KEY (`author`) REFERENCES `users`(`id`) ON DELETE CASCADE ON UPDATE CASCADE",
    ],
  },
  'dropForeignKey': {
    sqlite: 'error: SQLite does not support dropping a foreign key ("posts_author_fkey"); the table is rebuilt instead.',
    postgresql: [
      `ALTER TABLE "posts" DROP CONSTRAINT "posts_author_fkey"`,
    ],
    mysql: [
      "ALTER TABLE `posts` DROP FOREIGN KEY `posts_author_fkey`",
    ],
  },
  'createView': {
    sqlite: [
      `CREATE VIEW "v" AS SELECT 1 AS one`,
    ],
    postgresql: [
      `CREATE VIEW "v" AS SELECT 1 AS one`,
    ],
    mysql: [
      "CREATE VIEW `v` AS SELECT 1 AS one",
    ],
  },
  'dropView': {
    sqlite: [
      `DROP VIEW "v"`,
    ],
    postgresql: [
      `DROP VIEW "v"`,
    ],
    mysql: [
      "DROP VIEW `v`",
    ],
  },
  'replaceView': {
    sqlite: [
      `DROP VIEW "v"`,
      `CREATE VIEW "v" AS SELECT 2 AS two`,
    ],
    postgresql: [
      `DROP VIEW "v"`,
      `CREATE VIEW "v" AS SELECT 2 AS two`,
    ],
    mysql: [
      "CREATE OR REPLACE VIEW `v` AS SELECT 2 AS two",
    ],
  },
};

describe.each(Object.keys(CHANGES))('%s', (kind) => {
  const change = CHANGES[kind]!;
  const expected = EXPECTED[kind]!;
  test.each(['sqlite', 'postgresql', 'mysql'] as const)('on %s', (provider) => {
    expect(sqlOf(change, provider)).toEqual(expected[provider]);
    if (typeof expected[provider] !== 'string') expect(flagsOf(change, provider)).toEqual(expected.flags?.[provider] ?? {});
  });
});

test('every change kind has a case above', () => {
  expect([...new Set(Object.values(CHANGES).map((c) => c.kind))].sort()).toEqual([...CHANGE_KINDS].sort());
});
