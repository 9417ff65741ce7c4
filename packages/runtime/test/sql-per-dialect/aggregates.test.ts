// The SQL of count, aggregate and groupBy, per dialect (docs/client.md), on SQLite, PostgreSQL,
// MySQL 8.0 and MariaDB 10.11; every statement is compared, text and parameters.
import { q, sqlTargets } from './helpers/expect-sql.js';

const { testSql } = sqlTargets();

testSql('count with a where', {
  run: (db) => db.post.count({ where: { published: true } }),
  sql: {
    sqlite: [
      q('SELECT COUNT(*) AS "_count._all" FROM "Post" AS "t0" WHERE "t0"."published" = ?', [1]),
    ],
    postgresql: [
      q('SELECT COUNT(*) AS "_count._all" FROM "Post" AS "t0" WHERE "t0"."published" = $1', [true]),
    ],
    mysql: [
      q('SELECT COUNT(*) AS `_count._all` FROM `Post` AS `t0` WHERE `t0`.`published` = ?', [true]),
    ],
  },
  result: 2,
});

testSql('count of fields', {
  run: (db) => db.user.count({ select: { _all: true, name: true } }),
  sql: {
    sqlite: [
      q('SELECT COUNT(*) AS "_count._all", COUNT("t0"."name") AS "_count.name" FROM "User" AS "t0"'),
    ],
    postgresql: [
      q('SELECT COUNT(*) AS "_count._all", COUNT("t0"."name") AS "_count.name" FROM "User" AS "t0"'),
    ],
    mysql: [
      q('SELECT COUNT(*) AS `_count._all`, COUNT(`t0`.`name`) AS `_count.name` FROM `User` AS `t0`'),
    ],
  },
  result: { _all: 3, name: 2 },
});

testSql('aggregate: _count, _sum, _avg, _min, _max', {
  run: (db) =>
    db.post.aggregate({
      where: { authorId: { in: [1, 2] } },
      _count: { _all: true },
      _sum: { views: true },
      _avg: { views: true },
      _min: { title: true },
      _max: { views: true },
    }),
  sql: {
    sqlite: [
      q('SELECT COUNT(*) AS "_count._all", SUM("t0"."views") AS "_sum.views", AVG("t0"."views") AS "_avg.views", MIN("t0"."title") AS "_min.title", MAX("t0"."views") AS "_max.views" FROM "Post" AS "t0" WHERE "t0"."authorId" IN (?, ?)', [1, 2]),
    ],
    postgresql: [
      q('SELECT COUNT(*) AS "_count._all", SUM("t0"."views") AS "_sum.views", AVG("t0"."views") AS "_avg.views", MIN("t0"."title") AS "_min.title", MAX("t0"."views") AS "_max.views" FROM "Post" AS "t0" WHERE "t0"."authorId" IN ($1, $2)', [1, 2]),
    ],
    mysql: [
      // AVG of an integer column would be a DECIMAL with 4 more decimals than its argument
      // (div_precision_increment: 11.6667): averaged as DOUBLE, it is the Float the others return.
      // https://dev.mysql.com/doc/refman/8.0/en/arithmetic-functions.html#operator_divide
      q('SELECT COUNT(*) AS `_count._all`, SUM(`t0`.`views`) AS `_sum.views`, AVG(CAST(`t0`.`views` AS DOUBLE)) AS `_avg.views`, MIN(`t0`.`title`) AS `_min.title`, MAX(`t0`.`views`) AS `_max.views` FROM `Post` AS `t0` WHERE `t0`.`authorId` IN (?, ?)', [1, 2]),
    ],
  },
  result: { _count: { _all: 3 }, _sum: { views: 35 }, _avg: { views: 35 / 3 }, _min: { title: 'Draft' }, _max: { views: 25 } },
});

testSql('groupBy with having and orderBy', {
  run: (db) =>
    db.post.groupBy({
      by: ['authorId'],
      where: { title: { not: 'Spam' } },
      _count: { _all: true },
      _sum: { views: true },
      having: { views: { _sum: { gt: 5 } } },
      orderBy: { authorId: 'asc' },
    }),
  sql: {
    sqlite: [
      q('SELECT "t0"."authorId" AS "authorId", COUNT(*) AS "_count._all", SUM("t0"."views") AS "_sum.views" FROM "Post" AS "t0" WHERE "t0"."title" <> ? GROUP BY "t0"."authorId" HAVING SUM("t0"."views") > ? ORDER BY "t0"."authorId" ASC', ['Spam', 5]),
    ],
    postgresql: [
      q('SELECT "t0"."authorId" AS "authorId", COUNT(*) AS "_count._all", SUM("t0"."views") AS "_sum.views" FROM "Post" AS "t0" WHERE "t0"."title" <> $1 GROUP BY "t0"."authorId" HAVING SUM("t0"."views") > $2 ORDER BY "t0"."authorId" ASC', ['Spam', 5]),
    ],
    mysql: [
      q('SELECT `t0`.`authorId` AS `authorId`, COUNT(*) AS `_count._all`, SUM(`t0`.`views`) AS `_sum.views` FROM `Post` AS `t0` WHERE `t0`.`title` <> ? GROUP BY `t0`.`authorId` HAVING SUM(`t0`.`views`) > ? ORDER BY `t0`.`authorId` ASC', ['Spam', 5]),
    ],
  },
  result: [
    { authorId: 1, _count: { _all: 2 }, _sum: { views: 10 } },
    { authorId: 2, _count: { _all: 1 }, _sum: { views: 25 } },
  ],
});

// The average of integers is a double on every database, in the selection, in having and in
// orderBy alike (MySQL would average them as DECIMAL).
testSql('groupBy with _avg of an Int in having and orderBy', {
  run: (db) =>
    db.post.groupBy({
      by: ['published'],
      _avg: { views: true },
      having: { views: { _avg: { gte: 0 } } },
      orderBy: { _avg: { views: 'desc' } },
    }),
  sql: {
    sqlite: [
      q('SELECT "t0"."published" AS "published", AVG("t0"."views") AS "_avg.views" FROM "Post" AS "t0" GROUP BY "t0"."published" HAVING AVG("t0"."views") >= ? ORDER BY AVG("t0"."views") DESC', [0]),
    ],
    postgresql: [
      q('SELECT "t0"."published" AS "published", AVG("t0"."views") AS "_avg.views" FROM "Post" AS "t0" GROUP BY "t0"."published" HAVING AVG("t0"."views") >= $1 ORDER BY AVG("t0"."views") DESC', [0]),
    ],
    mysql: [
      q('SELECT `t0`.`published` AS `published`, AVG(CAST(`t0`.`views` AS DOUBLE)) AS `_avg.views` FROM `Post` AS `t0` GROUP BY `t0`.`published` HAVING AVG(CAST(`t0`.`views` AS DOUBLE)) >= ? ORDER BY AVG(CAST(`t0`.`views` AS DOUBLE)) DESC', [0]),
    ],
  },
  result: [
    { published: true, _avg: { views: 17.5 } },
    { published: false, _avg: { views: 0 } },
  ],
});
