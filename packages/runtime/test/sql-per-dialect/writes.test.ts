// The SQL that representative writes send, per dialect (docs/client.md). Each case starts from
// the seed alone (tables emptied, ids restarted) and runs on SQLite, PostgreSQL, MySQL 8.0 and
// MariaDB 10.11; every statement of the query log is compared, text and parameters. BEGIN and
// COMMIT of the transactions a nested write opens are the driver's, not logged, not listed.
import { q, sqlTargets } from './helpers/expect-sql.js';

const { testSql } = sqlTargets();

testSql('create: INSERT ... RETURNING, or INSERT then SELECT by the AUTO_INCREMENT id', {
  reset: true,
  run: (db) => db.user.create({ data: { email: 'erin@example.com', name: 'Erin' } }),
  sql: {
    sqlite: [
      q('INSERT INTO "User" ("email", "name") VALUES (?, ?) RETURNING "id", "email", "name"', ['erin@example.com', 'Erin']),
    ],
    postgresql: [
      q('INSERT INTO "User" ("email", "name") VALUES ($1, $2) RETURNING "id", "email", "name"', ['erin@example.com', 'Erin']),
    ],
    mysql: [
      q('INSERT INTO `User` (`email`, `name`) VALUES (?, ?)', ['erin@example.com', 'Erin']),
      q('SELECT `t0`.`id`, `t0`.`email`, `t0`.`name` FROM `User` AS `t0` WHERE `t0`.`id` = ? LIMIT 1', [4]),
    ],
    mariadb: [
      q('INSERT INTO `User` (`email`, `name`) VALUES (?, ?) RETURNING `id`, `email`, `name`', ['erin@example.com', 'Erin']),
    ],
  },
  result: { id: 4, email: 'erin@example.com', name: 'Erin' },
});

// In one transaction: the user, then each related record with its foreign key, then the result
// read back with its relations. MySQL 8.0 reads each inserted row back by its AUTO_INCREMENT id.
testSql('create with nested creates, returning them', {
  reset: true,
  run: (db) =>
    db.user.create({
      data: { email: 'dave@example.com', name: 'Dave', profile: { create: { bio: 'New here' } }, posts: { create: [{ title: 'First' }, { title: 'Second', published: true }] } },
      include: { profile: true, posts: true },
    }),
  sql: {
    sqlite: [
      q('INSERT INTO "User" ("email", "name") VALUES (?, ?) RETURNING "id", "email", "name"', ['dave@example.com', 'Dave']),
      q('INSERT INTO "Profile" ("bio", "userId") VALUES (?, ?) RETURNING "id", "bio", "userId"', ['New here', 4]),
      q('INSERT INTO "Post" ("title", "authorId") VALUES (?, ?) RETURNING "id", "title", "published", "views", "authorId"', ['First', 4]),
      q('INSERT INTO "Post" ("title", "published", "authorId") VALUES (?, ?, ?) RETURNING "id", "title", "published", "views", "authorId"', ['Second', 1, 4]),
      // SQLite reads the result back with its relations in one statement (its default, 'join').
      q('SELECT "t0"."id", "t0"."email", "t0"."name", (SELECT json_array("t1"."id", "t1"."bio", "t1"."userId") FROM "Profile" AS "t1" WHERE "t1"."userId" = "t0"."id" LIMIT 1) AS "profile", (SELECT json_group_array(json_array("t2"."id", "t2"."title", "t2"."published", "t2"."views", "t2"."authorId")) FROM "Post" AS "t2" WHERE "t2"."authorId" = "t0"."id") AS "posts" FROM "User" AS "t0" WHERE "t0"."id" = ? LIMIT 1', [4]),
    ],
    postgresql: [
      q('INSERT INTO "User" ("email", "name") VALUES ($1, $2) RETURNING "id", "email", "name"', ['dave@example.com', 'Dave']),
      q('INSERT INTO "Profile" ("bio", "userId") VALUES ($1, $2) RETURNING "id", "bio", "userId"', ['New here', 4]),
      q('INSERT INTO "Post" ("title", "authorId") VALUES ($1, $2) RETURNING "id", "title", "published", "views", "authorId"', ['First', 4]),
      q('INSERT INTO "Post" ("title", "published", "authorId") VALUES ($1, $2, $3) RETURNING "id", "title", "published", "views", "authorId"', ['Second', true, 4]),
      q('SELECT "t0"."id", "t0"."email", "t0"."name" FROM "User" AS "t0" WHERE "t0"."id" = $1 LIMIT 1', [4]),
      q('SELECT "t1"."id", "t1"."bio", "t1"."userId" FROM "Profile" AS "t1" WHERE "t1"."userId" = ANY($1)', [[4]]),
      q('SELECT "t2"."id", "t2"."title", "t2"."published", "t2"."views", "t2"."authorId" FROM "Post" AS "t2" WHERE "t2"."authorId" = ANY($1)', [[4]]),
    ],
    mysql: [
      q('INSERT INTO `User` (`email`, `name`) VALUES (?, ?)', ['dave@example.com', 'Dave']),
      q('SELECT `t0`.`id`, `t0`.`email`, `t0`.`name` FROM `User` AS `t0` WHERE `t0`.`id` = ? LIMIT 1', [4]),
      q('INSERT INTO `Profile` (`bio`, `userId`) VALUES (?, ?)', ['New here', 4]),
      q('SELECT `t0`.`id`, `t0`.`bio`, `t0`.`userId` FROM `Profile` AS `t0` WHERE `t0`.`id` = ? LIMIT 1', [2]),
      q('INSERT INTO `Post` (`title`, `authorId`) VALUES (?, ?)', ['First', 4]),
      q('SELECT `t0`.`id`, `t0`.`title`, `t0`.`published`, `t0`.`views`, `t0`.`authorId` FROM `Post` AS `t0` WHERE `t0`.`id` = ? LIMIT 1', [4]),
      q('INSERT INTO `Post` (`title`, `published`, `authorId`) VALUES (?, ?, ?)', ['Second', true, 4]),
      q('SELECT `t0`.`id`, `t0`.`title`, `t0`.`published`, `t0`.`views`, `t0`.`authorId` FROM `Post` AS `t0` WHERE `t0`.`id` = ? LIMIT 1', [5]),
      q('SELECT `t0`.`id`, `t0`.`email`, `t0`.`name` FROM `User` AS `t0` WHERE `t0`.`id` = ? LIMIT 1', [4]),
      q('SELECT `t1`.`id`, `t1`.`bio`, `t1`.`userId` FROM `Profile` AS `t1` WHERE `t1`.`userId` IN (?)', [4]),
      q('SELECT `t2`.`id`, `t2`.`title`, `t2`.`published`, `t2`.`views`, `t2`.`authorId` FROM `Post` AS `t2` WHERE `t2`.`authorId` IN (?)', [4]),
    ],
    mariadb: [
      q('INSERT INTO `User` (`email`, `name`) VALUES (?, ?) RETURNING `id`, `email`, `name`', ['dave@example.com', 'Dave']),
      q('INSERT INTO `Profile` (`bio`, `userId`) VALUES (?, ?) RETURNING `id`, `bio`, `userId`', ['New here', 4]),
      q('INSERT INTO `Post` (`title`, `authorId`) VALUES (?, ?) RETURNING `id`, `title`, `published`, `views`, `authorId`', ['First', 4]),
      q('INSERT INTO `Post` (`title`, `published`, `authorId`) VALUES (?, ?, ?) RETURNING `id`, `title`, `published`, `views`, `authorId`', ['Second', true, 4]),
      q('SELECT `t0`.`id`, `t0`.`email`, `t0`.`name` FROM `User` AS `t0` WHERE `t0`.`id` = ? LIMIT 1', [4]),
      q('SELECT `t1`.`id`, `t1`.`bio`, `t1`.`userId` FROM `Profile` AS `t1` WHERE `t1`.`userId` IN (?)', [4]),
      q('SELECT `t2`.`id`, `t2`.`title`, `t2`.`published`, `t2`.`views`, `t2`.`authorId` FROM `Post` AS `t2` WHERE `t2`.`authorId` IN (?)', [4]),
    ],
  },
  result: {
    id: 4,
    email: 'dave@example.com',
    name: 'Dave',
    profile: { id: 2, bio: 'New here', userId: 4 },
    posts: [
      { id: 4, title: 'First', published: false, views: 0, authorId: 4 },
      { id: 5, title: 'Second', published: true, views: 0, authorId: 4 },
    ],
  },
});

// MySQL has no ON CONFLICT: INSERT IGNORE, as Prisma sends.
testSql('createMany with skipDuplicates', {
  reset: true,
  run: (db) => db.tag.createMany({ data: [{ name: 'sql' }, { name: 'kysely' }, { name: 'drizzle' }], skipDuplicates: true }),
  sql: {
    sqlite: [
      q('INSERT INTO "tag`s ""list""" ("tag name") VALUES (?), (?), (?) ON CONFLICT DO NOTHING', ['sql', 'kysely', 'drizzle']),
    ],
    postgresql: [
      q('INSERT INTO "tag`s ""list""" ("tag name") VALUES ($1), ($2), ($3) ON CONFLICT DO NOTHING', ['sql', 'kysely', 'drizzle']),
    ],
    mysql: [
      q('INSERT IGNORE INTO `tag``s "list"` (`tag name`) VALUES (?), (?), (?)', ['sql', 'kysely', 'drizzle']),
    ],
  },
  result: { count: 2 },
});

// MariaDB has INSERT ... RETURNING but no UPDATE ... RETURNING: both MySQLs read the row back.
testSql('update with increment', {
  reset: true,
  run: (db) => db.post.update({ where: { id: 1 }, data: { views: { increment: 5 }, title: 'Hello, SQL' }, select: { id: true, title: true, views: true } }),
  sql: {
    sqlite: [
      q('UPDATE "Post" SET "views" = "views" + ?, "title" = ? WHERE "Post"."id" = ? RETURNING "id", "title", "views"', [5, 'Hello, SQL', 1]),
    ],
    postgresql: [
      q('UPDATE "Post" SET "views" = "views" + $1, "title" = $2 WHERE "Post"."id" = $3 RETURNING "id", "title", "views"', [5, 'Hello, SQL', 1]),
    ],
    mysql: [
      q('UPDATE `Post` SET `views` = `views` + ?, `title` = ? WHERE `Post`.`id` = ?', [5, 'Hello, SQL', 1]),
      q('SELECT `t0`.`id`, `t0`.`title`, `t0`.`views` FROM `Post` AS `t0` WHERE `t0`.`id` = ? LIMIT 1', [1]),
    ],
  },
  result: { id: 1, title: 'Hello, SQL', views: 15 },
});

// upsert: one INSERT ... ON CONFLICT (key) DO UPDATE / ON DUPLICATE KEY UPDATE when `where` is one
// unique key that `create` repeats and neither branch writes relations (docs/client.md). MySQL
// 8.0 has no RETURNING: the record is read back by `where` in the same transaction. Two
// concurrent upserts of one new key can no longer both insert.
testSql('upsert of an existing record by a unique field', {
  reset: true,
  run: (db) => db.user.upsert({ where: { email: 'bob@example.com' }, create: { email: 'bob@example.com', name: 'Robert' }, update: { name: 'Bobby' } }),
  sql: {
    sqlite: [
      q('INSERT INTO "User" ("email", "name") VALUES (?, ?) ON CONFLICT ("email") DO UPDATE SET "name" = ? RETURNING "id", "email", "name"', ['bob@example.com', 'Robert', 'Bobby']),
    ],
    postgresql: [
      q('INSERT INTO "User" ("email", "name") VALUES ($1, $2) ON CONFLICT ("email") DO UPDATE SET "name" = $3 RETURNING "id", "email", "name"', ['bob@example.com', 'Robert', 'Bobby']),
    ],
    mysql: [
      q('INSERT INTO `User` (`email`, `name`) VALUES (?, ?) ON DUPLICATE KEY UPDATE `name` = ?', ['bob@example.com', 'Robert', 'Bobby']),
      q('SELECT `t0`.`id`, `t0`.`email`, `t0`.`name` FROM `User` AS `t0` WHERE `t0`.`email` = ? LIMIT 1', ['bob@example.com']),
    ],
    mariadb: [
      q('INSERT INTO `User` (`email`, `name`) VALUES (?, ?) ON DUPLICATE KEY UPDATE `name` = ? RETURNING `id`, `email`, `name`', ['bob@example.com', 'Robert', 'Bobby']),
    ],
  },
  result: { id: 2, email: 'bob@example.com', name: 'Bobby' },
});

testSql('upsert of a new record', {
  reset: true,
  run: (db) => db.user.upsert({ where: { email: 'erin@example.com' }, create: { email: 'erin@example.com', name: 'Erin' }, update: { name: 'Erin again' } }),
  sql: {
    sqlite: [
      q('INSERT INTO "User" ("email", "name") VALUES (?, ?) ON CONFLICT ("email") DO UPDATE SET "name" = ? RETURNING "id", "email", "name"', ['erin@example.com', 'Erin', 'Erin again']),
    ],
    postgresql: [
      q('INSERT INTO "User" ("email", "name") VALUES ($1, $2) ON CONFLICT ("email") DO UPDATE SET "name" = $3 RETURNING "id", "email", "name"', ['erin@example.com', 'Erin', 'Erin again']),
    ],
    mysql: [
      q('INSERT INTO `User` (`email`, `name`) VALUES (?, ?) ON DUPLICATE KEY UPDATE `name` = ?', ['erin@example.com', 'Erin', 'Erin again']),
      q('SELECT `t0`.`id`, `t0`.`email`, `t0`.`name` FROM `User` AS `t0` WHERE `t0`.`email` = ? LIMIT 1', ['erin@example.com']),
    ],
    mariadb: [
      q('INSERT INTO `User` (`email`, `name`) VALUES (?, ?) ON DUPLICATE KEY UPDATE `name` = ? RETURNING `id`, `email`, `name`', ['erin@example.com', 'Erin', 'Erin again']),
    ],
  },
  result: { id: 4, email: 'erin@example.com', name: 'Erin' },
});

testSql('upsert with an increment, by the primary key', {
  reset: true,
  run: (db) => db.post.upsert({ where: { id: 1 }, create: { id: 1, title: 'Hello SQL', authorId: 1 }, update: { views: { increment: 1 } }, select: { id: true, views: true } }),
  sql: {
    sqlite: [
      q('INSERT INTO "Post" ("id", "title", "authorId") VALUES (?, ?, ?) ON CONFLICT ("id") DO UPDATE SET "views" = "Post"."views" + ? RETURNING "id", "views"', [1, 'Hello SQL', 1, 1]),
    ],
    postgresql: [
      q('INSERT INTO "Post" ("id", "title", "authorId") VALUES ($1, $2, $3) ON CONFLICT ("id") DO UPDATE SET "views" = "Post"."views" + $4 RETURNING "id", "views"', [1, 'Hello SQL', 1, 1]),
    ],
    mysql: [
      q('INSERT INTO `Post` (`id`, `title`, `authorId`) VALUES (?, ?, ?) ON DUPLICATE KEY UPDATE `views` = `Post`.`views` + ?', [1, 'Hello SQL', 1, 1]),
      q('SELECT `t0`.`id`, `t0`.`views` FROM `Post` AS `t0` WHERE `t0`.`id` = ? LIMIT 1', [1]),
    ],
    mariadb: [
      q('INSERT INTO `Post` (`id`, `title`, `authorId`) VALUES (?, ?, ?) ON DUPLICATE KEY UPDATE `views` = `Post`.`views` + ? RETURNING `id`, `views`', [1, 'Hello SQL', 1, 1]),
    ],
  },
  result: { id: 1, views: 11 },
});

// A key column is assigned its own value: the row comes back as it is (no @updatedAt either).
testSql('upsert with update: {} returns the record untouched', {
  reset: true,
  run: (db) => db.user.upsert({ where: { email: 'alice@example.com' }, create: { email: 'alice@example.com' }, update: {} }),
  sql: {
    sqlite: [
      q('INSERT INTO "User" ("email") VALUES (?) ON CONFLICT ("email") DO UPDATE SET "email" = "User"."email" RETURNING "id", "email", "name"', ['alice@example.com']),
    ],
    postgresql: [
      q('INSERT INTO "User" ("email") VALUES ($1) ON CONFLICT ("email") DO UPDATE SET "email" = "User"."email" RETURNING "id", "email", "name"', ['alice@example.com']),
    ],
    mysql: [
      q('INSERT INTO `User` (`email`) VALUES (?) ON DUPLICATE KEY UPDATE `email` = `User`.`email`', ['alice@example.com']),
      q('SELECT `t0`.`id`, `t0`.`email`, `t0`.`name` FROM `User` AS `t0` WHERE `t0`.`email` = ? LIMIT 1', ['alice@example.com']),
    ],
    mariadb: [
      q('INSERT INTO `User` (`email`) VALUES (?) ON DUPLICATE KEY UPDATE `email` = `User`.`email` RETURNING `id`, `email`, `name`', ['alice@example.com']),
    ],
  },
  result: { id: 1, email: 'alice@example.com', name: 'Alice' },
});

// `where` no longer finds the record once the update renames it: MySQL 8.0 reads it back by the
// AUTO_INCREMENT id, which `id = LAST_INSERT_ID(id)` makes the statement report on both branches.
testSql('upsert that renames its key', {
  reset: true,
  run: (db) => db.tag.upsert({ where: { name: 'orm' }, update: { name: 'ORM' }, create: { name: 'orm' } }),
  sql: {
    sqlite: [
      q('INSERT INTO "tag`s ""list""" ("tag name") VALUES (?) ON CONFLICT ("tag name") DO UPDATE SET "tag name" = ? RETURNING "id", "tag name" AS "name"', ['orm', 'ORM']),
    ],
    postgresql: [
      q('INSERT INTO "tag`s ""list""" ("tag name") VALUES ($1) ON CONFLICT ("tag name") DO UPDATE SET "tag name" = $2 RETURNING "id", "tag name" AS "name"', ['orm', 'ORM']),
    ],
    mysql: [
      q('INSERT INTO `tag``s "list"` (`tag name`) VALUES (?) ON DUPLICATE KEY UPDATE `id` = LAST_INSERT_ID(`tag``s "list"`.`id`), `tag name` = ?', ['orm', 'ORM']),
      q('SELECT `t0`.`id`, `t0`.`tag name` AS `name` FROM `tag``s "list"` AS `t0` WHERE `t0`.`id` = ? LIMIT 1', [2]),
    ],
    mariadb: [
      q('INSERT INTO `tag``s "list"` (`tag name`) VALUES (?) ON DUPLICATE KEY UPDATE `tag name` = ? RETURNING `id`, `tag name` AS `name`', ['orm', 'ORM']),
    ],
  },
  result: { id: 2, name: 'ORM' },
});

// RETURNING the id, then the record with its relations by the id (MySQL 8.0: by `where`), in one
// transaction.
testSql('upsert including a relation', {
  reset: true,
  run: (db) => db.user.upsert({ where: { email: 'alice@example.com' }, create: { email: 'alice@example.com' }, update: { name: 'Alicia' }, include: { profile: true } }),
  sql: {
    sqlite: [
      q('INSERT INTO "User" ("email") VALUES (?) ON CONFLICT ("email") DO UPDATE SET "name" = ? RETURNING "id"', ['alice@example.com', 'Alicia']),
      q('SELECT "t0"."id", "t0"."email", "t0"."name", (SELECT json_array("t1"."id", "t1"."bio", "t1"."userId") FROM "Profile" AS "t1" WHERE "t1"."userId" = "t0"."id" LIMIT 1) AS "profile" FROM "User" AS "t0" WHERE "t0"."id" = ? LIMIT 1', [1]),
    ],
    postgresql: [
      q('INSERT INTO "User" ("email") VALUES ($1) ON CONFLICT ("email") DO UPDATE SET "name" = $2 RETURNING "id"', ['alice@example.com', 'Alicia']),
      q('SELECT "t0"."id", "t0"."email", "t0"."name" FROM "User" AS "t0" WHERE "t0"."id" = $1 LIMIT 1', [1]),
      q('SELECT "t1"."id", "t1"."bio", "t1"."userId" FROM "Profile" AS "t1" WHERE "t1"."userId" = ANY($1)', [[1]]),
    ],
    mysql: [
      q('INSERT INTO `User` (`email`) VALUES (?) ON DUPLICATE KEY UPDATE `name` = ?', ['alice@example.com', 'Alicia']),
      q('SELECT `t0`.`id`, `t0`.`email`, `t0`.`name` FROM `User` AS `t0` WHERE `t0`.`email` = ? LIMIT 1', ['alice@example.com']),
      q('SELECT `t1`.`id`, `t1`.`bio`, `t1`.`userId` FROM `Profile` AS `t1` WHERE `t1`.`userId` IN (?)', [1]),
    ],
    mariadb: [
      q('INSERT INTO `User` (`email`) VALUES (?) ON DUPLICATE KEY UPDATE `name` = ? RETURNING `id`', ['alice@example.com', 'Alicia']),
      q('SELECT `t0`.`id`, `t0`.`email`, `t0`.`name` FROM `User` AS `t0` WHERE `t0`.`id` = ? LIMIT 1', [1]),
      q('SELECT `t1`.`id`, `t1`.`bio`, `t1`.`userId` FROM `Profile` AS `t1` WHERE `t1`.`userId` IN (?)', [1]),
    ],
  },
  result: { id: 1, email: 'alice@example.com', name: 'Alicia', profile: { id: 1, bio: 'Writes about SQL', userId: 1 } },
});

// ON DUPLICATE KEY UPDATE would fire on the email too (updating whichever record holds it): on
// MySQL and MariaDB the call is find-then-write, where a taken email is a unique-key error.
testSql('upsert by id whose create gives another unique key', {
  reset: true,
  run: (db) => db.user.upsert({ where: { id: 3 }, create: { id: 3, email: 'carol@example.com' }, update: { name: 'Carol' } }),
  sql: {
    sqlite: [
      q('INSERT INTO "User" ("id", "email") VALUES (?, ?) ON CONFLICT ("id") DO UPDATE SET "name" = ? RETURNING "id", "email", "name"', [3, 'carol@example.com', 'Carol']),
    ],
    postgresql: [
      q('INSERT INTO "User" ("id", "email") VALUES ($1, $2) ON CONFLICT ("id") DO UPDATE SET "name" = $3 RETURNING "id", "email", "name"', [3, 'carol@example.com', 'Carol']),
    ],
    mysql: [
      q('SELECT `t0`.`id`, `t0`.`email`, `t0`.`name` FROM `User` AS `t0` WHERE `t0`.`id` = ? LIMIT 1', [3]),
      q('UPDATE `User` SET `name` = ? WHERE `User`.`id` = ?', ['Carol', 3]),
      q('SELECT `t0`.`id`, `t0`.`email`, `t0`.`name` FROM `User` AS `t0` WHERE `t0`.`id` = ? LIMIT 1', [3]),
    ],
  },
  result: { id: 3, email: 'carol@example.com', name: 'Carol' },
});

// `create` does not repeat the key of `where`: as in Prisma, find `where`, then update or create.
testSql('upsert whose create names another record: find, then write', {
  reset: true,
  run: (db) => db.tag.upsert({ where: { name: 'kysely' }, update: { name: 'Kysely' }, create: { name: 'drizzle' } }),
  sql: {
    sqlite: [
      q('SELECT "t0"."id", "t0"."tag name" AS "name" FROM "tag`s ""list""" AS "t0" WHERE "t0"."tag name" = ? LIMIT 1', ['kysely']),
      q('INSERT INTO "tag`s ""list""" ("tag name") VALUES (?) RETURNING "id", "tag name" AS "name"', ['drizzle']),
    ],
    postgresql: [
      q('SELECT "t0"."id", "t0"."tag name" AS "name" FROM "tag`s ""list""" AS "t0" WHERE "t0"."tag name" = $1 LIMIT 1', ['kysely']),
      q('INSERT INTO "tag`s ""list""" ("tag name") VALUES ($1) RETURNING "id", "tag name" AS "name"', ['drizzle']),
    ],
    mysql: [
      q('SELECT `t0`.`id`, `t0`.`tag name` AS `name` FROM `tag``s "list"` AS `t0` WHERE `t0`.`tag name` = ? LIMIT 1', ['kysely']),
      q('INSERT INTO `tag``s "list"` (`tag name`) VALUES (?)', ['drizzle']),
      q('SELECT `t0`.`id`, `t0`.`tag name` AS `name` FROM `tag``s "list"` AS `t0` WHERE `t0`.`id` = ? LIMIT 1', [3]),
    ],
    mariadb: [
      q('SELECT `t0`.`id`, `t0`.`tag name` AS `name` FROM `tag``s "list"` AS `t0` WHERE `t0`.`tag name` = ? LIMIT 1', ['kysely']),
      q('INSERT INTO `tag``s "list"` (`tag name`) VALUES (?) RETURNING `id`, `tag name` AS `name`', ['drizzle']),
    ],
  },
  result: { id: 3, name: 'drizzle' },
});

// Without DELETE ... RETURNING (MySQL 8.0) the record is read, then deleted, in one transaction.
testSql('delete', {
  reset: true,
  run: (db) => db.post.delete({ where: { id: 2 } }),
  sql: {
    sqlite: [
      q('DELETE FROM "Post" WHERE "Post"."id" = ? RETURNING "id", "title", "published", "views", "authorId"', [2]),
    ],
    postgresql: [
      q('DELETE FROM "Post" WHERE "Post"."id" = $1 RETURNING "id", "title", "published", "views", "authorId"', [2]),
    ],
    mysql: [
      q('SELECT `t0`.`id`, `t0`.`title`, `t0`.`published`, `t0`.`views`, `t0`.`authorId` FROM `Post` AS `t0` WHERE `t0`.`id` = ? LIMIT 1', [2]),
      q('DELETE FROM `Post` WHERE `Post`.`id` = ?', [2]),
    ],
    mariadb: [
      q('DELETE FROM `Post` WHERE `Post`.`id` = ? RETURNING `id`, `title`, `published`, `views`, `authorId`', [2]),
    ],
  },
  result: { id: 2, title: 'Draft', published: false, views: 0, authorId: 1 },
});
