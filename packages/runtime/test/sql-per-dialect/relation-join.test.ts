// The one statement of relationLoadStrategy: 'join' per dialect (docs/client.md, "Relation
// load strategies"), for the nested include that reads.test.ts shows as four batched statements.
// PostgreSQL joins each relation LATERAL; SQLite, MySQL and MariaDB use correlated subqueries.
// SQLite and PostgreSQL order inside the aggregate and page in a derived table; MariaDB orders
// and pages inside JSON_ARRAYAGG (with its 1 MB cap lifted for the statement); MySQL 8.0 can do
// neither, so each related row carries its sort keys (WEIGHT_STRING for text) and the runtime
// sorts and pages the decoded rows.
import { q, sqlTargets } from './helpers/expect-sql.js';

const { testSql } = sqlTargets();

testSql("relationLoadStrategy 'join': a nested include, paged inside, in one statement", {
  run: (db) =>
    db.user.findMany({
      relationLoadStrategy: 'join',
      where: { email: { in: ['alice@example.com', 'bob@example.com'] } },
      orderBy: { id: 'asc' },
      select: {
        email: true,
        profile: { select: { bio: true } },
        posts: { where: { published: true }, orderBy: { id: 'desc' }, take: 5, select: { title: true, tags: { select: { name: true }, orderBy: { name: 'asc' } } } },
        _count: { select: { posts: true } },
      },
    }),
  sql: {
    sqlite: [
      q("SELECT \"t0\".\"email\", (SELECT COUNT(*) FROM \"Post\" AS \"t1\" WHERE \"t1\".\"authorId\" = \"t0\".\"id\") AS \"__kiln_count_posts\", (SELECT json_array(\"t2\".\"bio\") FROM \"Profile\" AS \"t2\" WHERE \"t2\".\"userId\" = \"t0\".\"id\" LIMIT 1) AS \"profile\", (SELECT json_group_array(json_array(\"t4\".\"title\", json((SELECT json_group_array(json_array(\"t5\".\"tag name\") ORDER BY \"t5\".\"tag name\" ASC) FROM \"tag`s \"\"list\"\"\" AS \"t5\" INNER JOIN \"_PostToTag\" AS \"t6\" ON \"t6\".\"B\" = \"t5\".\"id\" WHERE \"t6\".\"A\" = \"t4\".\"id\"))) ORDER BY \"t4\".\"id\" DESC) FROM (SELECT \"t3\".\"title\", \"t3\".\"id\" FROM \"Post\" AS \"t3\" WHERE \"t3\".\"authorId\" = \"t0\".\"id\" AND \"t3\".\"published\" = ? ORDER BY \"t3\".\"id\" DESC LIMIT ?) AS \"t4\") AS \"posts\" FROM \"User\" AS \"t0\" WHERE \"t0\".\"email\" IN (?, ?) ORDER BY \"t0\".\"id\" ASC", [1,5,"alice@example.com","bob@example.com"]),
    ],
    postgresql: [
      q("SELECT \"t0\".\"email\", (SELECT COUNT(*) FROM \"Post\" AS \"t1\" WHERE \"t1\".\"authorId\" = \"t0\".\"id\") AS \"__kiln_count_posts\", \"t3\".\"v\" AS \"profile\", \"t9\".\"v\" AS \"posts\" FROM \"User\" AS \"t0\" LEFT JOIN LATERAL (SELECT json_build_array(\"t2\".\"bio\") AS \"v\" FROM \"Profile\" AS \"t2\" WHERE \"t2\".\"userId\" = \"t0\".\"id\" LIMIT 1) AS \"t3\" ON TRUE LEFT JOIN LATERAL (SELECT COALESCE(json_agg(json_build_array(\"t5\".\"title\", \"t8\".\"v\") ORDER BY \"t5\".\"id\" DESC), '[]'::json) AS \"v\" FROM (SELECT \"t4\".\"title\", \"t4\".\"id\" FROM \"Post\" AS \"t4\" WHERE \"t4\".\"authorId\" = \"t0\".\"id\" AND \"t4\".\"published\" = $1 ORDER BY \"t4\".\"id\" DESC LIMIT $2) AS \"t5\" LEFT JOIN LATERAL (SELECT COALESCE(json_agg(json_build_array(\"t6\".\"tag name\") ORDER BY \"t6\".\"tag name\" ASC), '[]'::json) AS \"v\" FROM \"tag`s \"\"list\"\"\" AS \"t6\" INNER JOIN \"_PostToTag\" AS \"t7\" ON \"t7\".\"B\" = \"t6\".\"id\" WHERE \"t7\".\"A\" = \"t5\".\"id\") AS \"t8\" ON TRUE) AS \"t9\" ON TRUE WHERE \"t0\".\"email\" IN ($3, $4) ORDER BY \"t0\".\"id\" ASC", [true,5,"alice@example.com","bob@example.com"]),
    ],
    mysql: [
      q("SELECT `t0`.`email`, (SELECT COUNT(*) FROM `Post` AS `t1` WHERE `t1`.`authorId` = `t0`.`id`) AS `__kiln_count_posts`, (SELECT JSON_ARRAY(`t2`.`bio`) FROM `Profile` AS `t2` WHERE `t2`.`userId` = `t0`.`id` LIMIT 1) AS `profile`, (SELECT COALESCE(JSON_ARRAYAGG(JSON_ARRAY(`t3`.`title`, (SELECT COALESCE(JSON_ARRAYAGG(JSON_ARRAY(`t4`.`tag name`, JSON_ARRAY(HEX(WEIGHT_STRING(`t4`.`tag name`))))), JSON_ARRAY()) FROM `tag``s \"list\"` AS `t4` INNER JOIN `_PostToTag` AS `t5` ON `t5`.`B` = `t4`.`id` WHERE `t5`.`A` = `t3`.`id`), JSON_ARRAY(`t3`.`id`))), JSON_ARRAY()) FROM `Post` AS `t3` WHERE `t3`.`authorId` = `t0`.`id` AND `t3`.`published` = ?) AS `posts` FROM `User` AS `t0` WHERE `t0`.`email` IN (?, ?) ORDER BY `t0`.`id` ASC", [true,"alice@example.com","bob@example.com"]),
    ],
    mariadb: [
      q("SET STATEMENT group_concat_max_len = 4294967295 FOR SELECT `t0`.`email`, (SELECT COUNT(*) FROM `Post` AS `t1` WHERE `t1`.`authorId` = `t0`.`id`) AS `__kiln_count_posts`, (SELECT JSON_ARRAY(`t2`.`bio`) FROM `Profile` AS `t2` WHERE `t2`.`userId` = `t0`.`id` LIMIT 1) AS `profile`, (SELECT COALESCE(JSON_ARRAYAGG(JSON_ARRAY(`t3`.`title`, JSON_EXTRACT((SELECT COALESCE(JSON_ARRAYAGG(JSON_ARRAY(`t4`.`tag name`) ORDER BY `t4`.`tag name` ASC), JSON_ARRAY()) FROM `tag``s \"list\"` AS `t4` INNER JOIN `_PostToTag` AS `t5` ON `t5`.`B` = `t4`.`id` WHERE `t5`.`A` = `t3`.`id`), '$')) ORDER BY `t3`.`id` DESC LIMIT ?), JSON_ARRAY()) FROM `Post` AS `t3` WHERE `t3`.`authorId` = `t0`.`id` AND `t3`.`published` = ?) AS `posts` FROM `User` AS `t0` WHERE `t0`.`email` IN (?, ?) ORDER BY `t0`.`id` ASC", ["5",true,"alice@example.com","bob@example.com"]),
    ],
  },
  result: [
    { email: 'alice@example.com', _count: { posts: 2 }, profile: { bio: 'Writes about SQL' }, posts: [{ title: 'Hello SQL', tags: [{ name: 'sql' }] }] },
    { email: 'bob@example.com', _count: { posts: 1 }, profile: null, posts: [{ title: 'Kiln ORM', tags: [{ name: 'orm' }, { name: 'sql' }] }] },
  ],
});

// The page of parents is taken in a derived table first: no relation is built for a row that
// OFFSET skips. An order term that is not a column (here a to-one relation's field) is carried
// out of the derived table as __kiln_o<n> to sort the page again outside.
testSql("relationLoadStrategy 'join': the page of parents comes first", {
  run: (db) =>
    db.post.findMany({ relationLoadStrategy: 'join', orderBy: [{ author: { email: 'desc' } }, { id: 'asc' }], skip: 1, take: 1, select: { title: true, author: { select: { name: true } } } }),
  sql: {
    sqlite: [
      q("SELECT \"t2\".\"title\", (SELECT json_array(\"t3\".\"name\") FROM \"User\" AS \"t3\" WHERE \"t3\".\"id\" = \"t2\".\"authorId\" LIMIT 1) AS \"author\" FROM (SELECT \"t0\".\"title\", \"t0\".\"authorId\", \"t0\".\"id\", (SELECT \"t1\".\"email\" FROM \"User\" AS \"t1\" WHERE \"t1\".\"id\" = \"t0\".\"authorId\") AS \"__kiln_o0\" FROM \"Post\" AS \"t0\" ORDER BY (SELECT \"t1\".\"email\" FROM \"User\" AS \"t1\" WHERE \"t1\".\"id\" = \"t0\".\"authorId\") DESC, \"t0\".\"id\" ASC LIMIT ? OFFSET ?) AS \"t2\" ORDER BY \"t2\".\"__kiln_o0\" DESC, \"t2\".\"id\" ASC", [1,1]),
    ],
    postgresql: [
      q("SELECT \"t2\".\"title\", \"t4\".\"v\" AS \"author\" FROM (SELECT \"t0\".\"title\", \"t0\".\"authorId\", \"t0\".\"id\", (SELECT \"t1\".\"email\" FROM \"User\" AS \"t1\" WHERE \"t1\".\"id\" = \"t0\".\"authorId\") AS \"__kiln_o0\" FROM \"Post\" AS \"t0\" ORDER BY (SELECT \"t1\".\"email\" FROM \"User\" AS \"t1\" WHERE \"t1\".\"id\" = \"t0\".\"authorId\") DESC, \"t0\".\"id\" ASC LIMIT $1 OFFSET $2) AS \"t2\" LEFT JOIN LATERAL (SELECT json_build_array(\"t3\".\"name\") AS \"v\" FROM \"User\" AS \"t3\" WHERE \"t3\".\"id\" = \"t2\".\"authorId\" LIMIT 1) AS \"t4\" ON TRUE ORDER BY \"t2\".\"__kiln_o0\" DESC, \"t2\".\"id\" ASC", [1,1]),
    ],
    mysql: [
      q("SELECT `t2`.`title`, (SELECT JSON_ARRAY(`t3`.`name`) FROM `User` AS `t3` WHERE `t3`.`id` = `t2`.`authorId` LIMIT 1) AS `author` FROM (SELECT `t0`.`title`, `t0`.`authorId`, `t0`.`id`, (SELECT `t1`.`email` FROM `User` AS `t1` WHERE `t1`.`id` = `t0`.`authorId`) AS `__kiln_o0` FROM `Post` AS `t0` ORDER BY (SELECT `t1`.`email` FROM `User` AS `t1` WHERE `t1`.`id` = `t0`.`authorId`) DESC, `t0`.`id` ASC LIMIT ? OFFSET ?) AS `t2` ORDER BY `t2`.`__kiln_o0` DESC, `t2`.`id` ASC", ["1","1"]),
    ],
    mariadb: [
      q("SET STATEMENT group_concat_max_len = 4294967295 FOR SELECT `t2`.`title`, (SELECT JSON_ARRAY(`t3`.`name`) FROM `User` AS `t3` WHERE `t3`.`id` = `t2`.`authorId` LIMIT 1) AS `author` FROM (SELECT `t0`.`title`, `t0`.`authorId`, `t0`.`id`, (SELECT `t1`.`email` FROM `User` AS `t1` WHERE `t1`.`id` = `t0`.`authorId`) AS `__kiln_o0` FROM `Post` AS `t0` ORDER BY (SELECT `t1`.`email` FROM `User` AS `t1` WHERE `t1`.`id` = `t0`.`authorId`) DESC, `t0`.`id` ASC LIMIT ? OFFSET ?) AS `t2` ORDER BY `t2`.`__kiln_o0` DESC, `t2`.`id` ASC", ["1","1"]),
    ],
  },
  result: [{ title: 'Hello SQL', author: { name: 'Alice' } }],
});
