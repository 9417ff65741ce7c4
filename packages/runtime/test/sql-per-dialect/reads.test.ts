// The SQL that representative reads send, per dialect (docs/client.md). Each case runs the call
// on SQLite, PostgreSQL, MySQL 8.0 and MariaDB 10.11 (real databases, see helpers/targets.ts)
// and compares every statement of the query log, text and parameters, with what is written
// here; a change to the SQL fails the case. Parameters are as the log prints them: MySQL's
// LIMIT/OFFSET are bigints (encodeLimit), printed as strings. `KILN_PRINT_SQL=1` prints what
// each target sent, to write a new case.
import { q, sqlTargets } from './helpers/expect-sql.js';

const { testSql } = sqlTargets();

testSql('findUnique by a unique field', {
  run: (db) => db.user.findUnique({ where: { email: 'alice@example.com' } }),
  sql: {
    sqlite: [
      q('SELECT "t0"."id", "t0"."email", "t0"."name" FROM "User" AS "t0" WHERE "t0"."email" = ? LIMIT 1', ['alice@example.com']),
    ],
    postgresql: [
      q('SELECT "t0"."id", "t0"."email", "t0"."name" FROM "User" AS "t0" WHERE "t0"."email" = $1 LIMIT 1', ['alice@example.com']),
    ],
    mysql: [
      q('SELECT `t0`.`id`, `t0`.`email`, `t0`.`name` FROM `User` AS `t0` WHERE `t0`.`email` = ? LIMIT 1', ['alice@example.com']),
    ],
  },
  result: { id: 1, email: 'alice@example.com', name: 'Alice' },
});

testSql('findMany: AND, OR, NOT, contains (insensitive), in', {
  run: (db) =>
    db.post.findMany({
      where: {
        AND: [{ published: true }, { OR: [{ title: { contains: 'sql', mode: 'insensitive' } }, { views: { in: [0, 25] } }] }],
        NOT: { title: { startsWith: 'Draft' } },
      },
      select: { id: true, title: true },
      orderBy: { id: 'asc' },
    }),
  sql: {
    sqlite: [
      q(`SELECT "t0"."id", "t0"."title" FROM "Post" AS "t0" WHERE "t0"."published" = ? AND (LOWER("t0"."title") LIKE LOWER(?) ESCAPE '!' OR "t0"."views" IN (?, ?)) AND NOT ("t0"."title" LIKE ? ESCAPE '!') ORDER BY "t0"."id" ASC`, [1, '%sql%', 0, 25, 'Draft%']),
    ],
    postgresql: [
      q(`SELECT "t0"."id", "t0"."title" FROM "Post" AS "t0" WHERE "t0"."published" = $1 AND ("t0"."title" ILIKE $2 ESCAPE '!' OR "t0"."views" IN ($3, $4)) AND NOT ("t0"."title" LIKE $5 ESCAPE '!') ORDER BY "t0"."id" ASC`, [true, '%sql%', 0, 25, 'Draft%']),
    ],
    mysql: [
      q("SELECT `t0`.`id`, `t0`.`title` FROM `Post` AS `t0` WHERE `t0`.`published` = ? AND (LOWER(`t0`.`title`) LIKE LOWER(?) ESCAPE '!' OR `t0`.`views` IN (?, ?)) AND NOT (`t0`.`title` LIKE ? ESCAPE '!') ORDER BY `t0`.`id` ASC", [true, '%sql%', 0, 25, 'Draft%']),
    ],
  },
  result: [
    { id: 1, title: 'Hello SQL' },
    { id: 3, title: 'Kiln ORM' },
  ],
});

testSql('findMany: relation filters some, every, none', {
  run: (db) =>
    db.user.findMany({
      where: { posts: { some: { published: true }, every: { views: { gte: 10 } }, none: { title: 'Spam' } } },
      select: { email: true },
    }),
  sql: {
    sqlite: [
      q('SELECT "t0"."email" FROM "User" AS "t0" WHERE EXISTS (SELECT 1 FROM "Post" AS "t1" WHERE "t1"."authorId" = "t0"."id" AND "t1"."published" = ?) AND NOT EXISTS (SELECT 1 FROM "Post" AS "t2" WHERE "t2"."authorId" = "t0"."id" AND NOT ("t2"."views" >= ?)) AND NOT EXISTS (SELECT 1 FROM "Post" AS "t3" WHERE "t3"."authorId" = "t0"."id" AND "t3"."title" = ?)', [1, 10, 'Spam']),
    ],
    postgresql: [
      q('SELECT "t0"."email" FROM "User" AS "t0" WHERE EXISTS (SELECT 1 FROM "Post" AS "t1" WHERE "t1"."authorId" = "t0"."id" AND "t1"."published" = $1) AND NOT EXISTS (SELECT 1 FROM "Post" AS "t2" WHERE "t2"."authorId" = "t0"."id" AND NOT ("t2"."views" >= $2)) AND NOT EXISTS (SELECT 1 FROM "Post" AS "t3" WHERE "t3"."authorId" = "t0"."id" AND "t3"."title" = $3)', [true, 10, 'Spam']),
    ],
    mysql: [
      q('SELECT `t0`.`email` FROM `User` AS `t0` WHERE EXISTS (SELECT 1 FROM `Post` AS `t1` WHERE `t1`.`authorId` = `t0`.`id` AND `t1`.`published` = ?) AND NOT EXISTS (SELECT 1 FROM `Post` AS `t2` WHERE `t2`.`authorId` = `t0`.`id` AND NOT (`t2`.`views` >= ?)) AND NOT EXISTS (SELECT 1 FROM `Post` AS `t3` WHERE `t3`.`authorId` = `t0`.`id` AND `t3`.`title` = ?)', [true, 10, 'Spam']),
    ],
  },
  result: [{ email: 'bob@example.com' }],
});

testSql('findMany: a to-one relation filter', {
  run: (db) => db.post.findMany({ where: { author: { is: { profile: { isNot: null } } } }, select: { id: true }, orderBy: { id: 'asc' } }),
  sql: {
    sqlite: [
      q('SELECT "t0"."id" FROM "Post" AS "t0" WHERE EXISTS (SELECT 1 FROM "User" AS "t1" WHERE "t1"."id" = "t0"."authorId" AND EXISTS (SELECT 1 FROM "Profile" AS "t2" WHERE "t2"."userId" = "t1"."id")) ORDER BY "t0"."id" ASC'),
    ],
    postgresql: [
      q('SELECT "t0"."id" FROM "Post" AS "t0" WHERE EXISTS (SELECT 1 FROM "User" AS "t1" WHERE "t1"."id" = "t0"."authorId" AND EXISTS (SELECT 1 FROM "Profile" AS "t2" WHERE "t2"."userId" = "t1"."id")) ORDER BY "t0"."id" ASC'),
    ],
    mysql: [
      q('SELECT `t0`.`id` FROM `Post` AS `t0` WHERE EXISTS (SELECT 1 FROM `User` AS `t1` WHERE `t1`.`id` = `t0`.`authorId` AND EXISTS (SELECT 1 FROM `Profile` AS `t2` WHERE `t2`.`userId` = `t1`.`id`)) ORDER BY `t0`.`id` ASC'),
    ],
  },
  result: [{ id: 1 }, { id: 2 }],
});

// The cursor row's sort values are read by subqueries, so a cursor that names no row matches
// nothing; skip: 1 then steps over the cursor row itself.
testSql('findMany: orderBy, cursor, skip and take', {
  run: (db) => db.post.findMany({ orderBy: [{ views: 'desc' }, { id: 'asc' }], cursor: { id: 3 }, skip: 1, take: 2, select: { id: true, views: true } }),
  sql: {
    sqlite: [
      q('SELECT "t0"."id", "t0"."views" FROM "Post" AS "t0" WHERE "t0"."views" < (SELECT "t1"."views" FROM "Post" AS "t1" WHERE "t1"."id" = ?) OR "t0"."views" = (SELECT "t2"."views" FROM "Post" AS "t2" WHERE "t2"."id" = ?) AND "t0"."id" > (SELECT "t3"."id" FROM "Post" AS "t3" WHERE "t3"."id" = ?) OR "t0"."views" = (SELECT "t2"."views" FROM "Post" AS "t2" WHERE "t2"."id" = ?) AND "t0"."id" = (SELECT "t4"."id" FROM "Post" AS "t4" WHERE "t4"."id" = ?) ORDER BY "t0"."views" DESC, "t0"."id" ASC LIMIT ? OFFSET ?', [3, 3, 3, 3, 3, 2, 1]),
    ],
    postgresql: [
      q('SELECT "t0"."id", "t0"."views" FROM "Post" AS "t0" WHERE "t0"."views" < (SELECT "t1"."views" FROM "Post" AS "t1" WHERE "t1"."id" = $1) OR "t0"."views" = (SELECT "t2"."views" FROM "Post" AS "t2" WHERE "t2"."id" = $2) AND "t0"."id" > (SELECT "t3"."id" FROM "Post" AS "t3" WHERE "t3"."id" = $3) OR "t0"."views" = (SELECT "t2"."views" FROM "Post" AS "t2" WHERE "t2"."id" = $4) AND "t0"."id" = (SELECT "t4"."id" FROM "Post" AS "t4" WHERE "t4"."id" = $5) ORDER BY "t0"."views" DESC, "t0"."id" ASC LIMIT $6 OFFSET $7', [3, 3, 3, 3, 3, 2, 1]),
    ],
    mysql: [
      q('SELECT `t0`.`id`, `t0`.`views` FROM `Post` AS `t0` WHERE `t0`.`views` < (SELECT `t1`.`views` FROM `Post` AS `t1` WHERE `t1`.`id` = ?) OR `t0`.`views` = (SELECT `t2`.`views` FROM `Post` AS `t2` WHERE `t2`.`id` = ?) AND `t0`.`id` > (SELECT `t3`.`id` FROM `Post` AS `t3` WHERE `t3`.`id` = ?) OR `t0`.`views` = (SELECT `t2`.`views` FROM `Post` AS `t2` WHERE `t2`.`id` = ?) AND `t0`.`id` = (SELECT `t4`.`id` FROM `Post` AS `t4` WHERE `t4`.`id` = ?) ORDER BY `t0`.`views` DESC, `t0`.`id` ASC LIMIT ? OFFSET ?', [3, 3, 3, 3, 3, '2', '1']),
    ],
  },
  result: [
    { id: 1, views: 10 },
    { id: 2, views: 0 },
  ],
});

// distinct is applied to the ordered rows in memory (first row per value), on every database.
testSql('findMany: distinct', {
  run: (db) => db.post.findMany({ distinct: ['authorId'], orderBy: { id: 'asc' }, select: { authorId: true, title: true } }),
  sql: {
    sqlite: [
      q('SELECT "t0"."authorId", "t0"."title" FROM "Post" AS "t0" ORDER BY "t0"."id" ASC'),
    ],
    postgresql: [
      q('SELECT "t0"."authorId", "t0"."title" FROM "Post" AS "t0" ORDER BY "t0"."id" ASC'),
    ],
    mysql: [
      q('SELECT `t0`.`authorId`, `t0`.`title` FROM `Post` AS `t0` ORDER BY `t0`.`id` ASC'),
    ],
  },
  result: [
    { authorId: 1, title: 'Hello SQL' },
    { authorId: 2, title: 'Kiln ORM' },
  ],
});

// One statement for the users (with _count as a correlated subquery), then one per relation and
// level for all parents at once: the parents' keys are one parameter (SQLite: a JSON array read
// by json_each; PostgreSQL: an array with = ANY; MySQL: IN (?, ...), expanded by the driver).
testSql('findMany: select with nested include (one batched statement per relation and level)', {
  run: (db) =>
    db.user.findMany({
      // Pinned: SQLite's default is 'join' (one statement; relation-join.test.ts shows it).
      relationLoadStrategy: 'query',
      where: { email: { in: ['alice@example.com', 'bob@example.com'] } },
      orderBy: { id: 'asc' },
      select: {
        email: true,
        profile: { select: { bio: true } },
        posts: { where: { published: true }, orderBy: { id: 'asc' }, select: { title: true, tags: { select: { name: true }, orderBy: { name: 'asc' } } } },
        _count: { select: { posts: true } },
      },
    }),
  sql: {
    sqlite: [
      q('SELECT "t0"."email", "t0"."id", (SELECT COUNT(*) FROM "Post" AS "t5" WHERE "t5"."authorId" = "t0"."id") AS "__kiln_count_posts" FROM "User" AS "t0" WHERE "t0"."email" IN (?, ?) ORDER BY "t0"."id" ASC', ['alice@example.com', 'bob@example.com']),
      q('SELECT "t1"."bio", "t1"."userId" FROM "Profile" AS "t1" WHERE "t1"."userId" IN (SELECT value FROM json_each(?))', ['[1,2]']),
      q('SELECT "t2"."title", "t2"."authorId", "t2"."id" FROM "Post" AS "t2" WHERE "t2"."authorId" IN (SELECT value FROM json_each(?)) AND "t2"."published" = ? ORDER BY "t2"."id" ASC', ['[1,2]', 1]),
      q('SELECT "t3"."tag name" AS "name", "t4"."A" AS "__kiln_parent" FROM "tag`s ""list""" AS "t3" INNER JOIN "_PostToTag" AS "t4" ON "t4"."B" = "t3"."id" WHERE "t4"."A" IN (SELECT value FROM json_each(?)) ORDER BY "t3"."tag name" ASC', ['[1,3]']),
    ],
    postgresql: [
      q('SELECT "t0"."email", "t0"."id", (SELECT COUNT(*) FROM "Post" AS "t5" WHERE "t5"."authorId" = "t0"."id") AS "__kiln_count_posts" FROM "User" AS "t0" WHERE "t0"."email" IN ($1, $2) ORDER BY "t0"."id" ASC', ['alice@example.com', 'bob@example.com']),
      q('SELECT "t1"."bio", "t1"."userId" FROM "Profile" AS "t1" WHERE "t1"."userId" = ANY($1)', [[1, 2]]),
      q('SELECT "t2"."title", "t2"."authorId", "t2"."id" FROM "Post" AS "t2" WHERE ("t2"."authorId" = ANY($1)) AND "t2"."published" = $2 ORDER BY "t2"."id" ASC', [[1, 2], true]),
      q('SELECT "t3"."tag name" AS "name", "t4"."A" AS "__kiln_parent" FROM "tag`s ""list""" AS "t3" INNER JOIN "_PostToTag" AS "t4" ON "t4"."B" = "t3"."id" WHERE "t4"."A" = ANY($1) ORDER BY "t3"."tag name" ASC', [[1, 3]]),
    ],
    mysql: [
      q('SELECT `t0`.`email`, `t0`.`id`, (SELECT COUNT(*) FROM `Post` AS `t5` WHERE `t5`.`authorId` = `t0`.`id`) AS `__kiln_count_posts` FROM `User` AS `t0` WHERE `t0`.`email` IN (?, ?) ORDER BY `t0`.`id` ASC', ['alice@example.com', 'bob@example.com']),
      q('SELECT `t1`.`bio`, `t1`.`userId` FROM `Profile` AS `t1` WHERE `t1`.`userId` IN (?, ?)', [1, 2]),
      q('SELECT `t2`.`title`, `t2`.`authorId`, `t2`.`id` FROM `Post` AS `t2` WHERE `t2`.`authorId` IN (?, ?) AND `t2`.`published` = ? ORDER BY `t2`.`id` ASC', [1, 2, true]),
      q('SELECT `t3`.`tag name` AS `name`, `t4`.`A` AS `__kiln_parent` FROM `tag``s "list"` AS `t3` INNER JOIN `_PostToTag` AS `t4` ON `t4`.`B` = `t3`.`id` WHERE `t4`.`A` IN (?, ?) ORDER BY `t3`.`tag name` ASC', [1, 3]),
    ],
  },
  result: [
    { email: 'alice@example.com', profile: { bio: 'Writes about SQL' }, posts: [{ title: 'Hello SQL', tags: [{ name: 'sql' }] }], _count: { posts: 2 } },
    { email: 'bob@example.com', profile: null, posts: [{ title: 'Kiln ORM', tags: [{ name: 'orm' }, { name: 'sql' }] }], _count: { posts: 1 } },
  ],
});
