import {
  and,
  as,
  asc,
  col,
  count,
  crossJoin,
  cte,
  derived,
  desc,
  eq,
  gt,
  innerJoin,
  isNull,
  leftJoin,
  leftJoinLateral,
  lit,
  param,
  schemaTable,
  select,
  star,
  table,
  union,
  unionAll,
} from '../src/index.js';
import { expectCompileError, expectSql, mariadb, mysql, postgres, sqlite } from './helpers.js';

describe('SELECT', () => {
  test('columns, aliases, where, order, limit', () => {
    const node = select({
      columns: [col('u', 'id'), as(col('u', 'email'), 'mail')],
      from: table('User', 'u'),
      where: and(eq(col('u', 'id'), param(7)), isNull(col('u', 'deletedAt'))),
      orderBy: [asc(col('u', 'id'))],
      limit: param(10),
    });
    expectSql(node, {
      sqlite:
        'SELECT "u"."id", "u"."email" AS "mail" FROM "User" AS "u" WHERE "u"."id" = ? AND "u"."deletedAt" IS NULL ORDER BY "u"."id" ASC LIMIT ?',
      postgres:
        'SELECT "u"."id", "u"."email" AS "mail" FROM "User" AS "u" WHERE "u"."id" = $1 AND "u"."deletedAt" IS NULL ORDER BY "u"."id" ASC LIMIT $2',
      mysql:
        'SELECT `u`.`id`, `u`.`email` AS `mail` FROM `User` AS `u` WHERE `u`.`id` = ? AND `u`.`deletedAt` IS NULL ORDER BY `u`.`id` ASC LIMIT ?',
      parameters: [7, 10],
    });
  });

  test('star, qualified star, schema-qualified table', () => {
    expectSql(select({ columns: [star()], from: schemaTable('app', 'Post') }), {
      sqlite: 'SELECT * FROM "app"."Post"',
      postgres: 'SELECT * FROM "app"."Post"',
      mysql: 'SELECT * FROM `app`.`Post`',
    });
    expectSql(select({ columns: [star('p')], from: table('Post', 'p') }), {
      sqlite: 'SELECT "p".* FROM "Post" AS "p"',
      postgres: 'SELECT "p".* FROM "Post" AS "p"',
      mysql: 'SELECT `p`.* FROM `Post` AS `p`',
    });
  });

  test('select without FROM', () => {
    expectSql(select({ columns: [as(lit(1), 'one')] }), {
      sqlite: 'SELECT 1 AS "one"',
      postgres: 'SELECT 1 AS "one"',
      mysql: 'SELECT 1 AS `one`',
    });
  });

  test('an empty select list is refused', () => {
    expectCompileError(sqlite, select({ columns: [], from: table('t') }), 'INVALID');
  });

  test('DISTINCT', () => {
    expectSql(select({ distinct: true, columns: [col('name')], from: table('Tag') }), {
      sqlite: 'SELECT DISTINCT "name" FROM "Tag"',
      postgres: 'SELECT DISTINCT "name" FROM "Tag"',
      mysql: 'SELECT DISTINCT `name` FROM `Tag`',
    });
  });

  test('DISTINCT ON is postgres only', () => {
    const node = select({
      distinct: [col('authorId')],
      columns: [star()],
      from: table('Post'),
      orderBy: [asc(col('authorId')), desc(col('createdAt'))],
    });
    expect(postgres.compile(node).sql).toBe(
      'SELECT DISTINCT ON ("authorId") * FROM "Post" ORDER BY "authorId" ASC, "createdAt" DESC',
    );
    expectCompileError(sqlite, node, 'UNSUPPORTED');
    expectCompileError(mysql, node, 'UNSUPPORTED');
  });

  test('inner, left and cross joins', () => {
    const node = select({
      columns: [col('p', 'id')],
      from: table('Post', 'p'),
      joins: [
        innerJoin(table('User', 'u'), eq(col('u', 'id'), col('p', 'authorId'))),
        leftJoin(table('Category', 'c'), eq(col('c', 'id'), col('p', 'categoryId'))),
        crossJoin(table('Settings', 's')),
      ],
      where: gt(col('p', 'views'), param(100)),
    });
    expectSql(node, {
      sqlite:
        'SELECT "p"."id" FROM "Post" AS "p" INNER JOIN "User" AS "u" ON "u"."id" = "p"."authorId" LEFT JOIN "Category" AS "c" ON "c"."id" = "p"."categoryId" CROSS JOIN "Settings" AS "s" WHERE "p"."views" > ?',
      postgres:
        'SELECT "p"."id" FROM "Post" AS "p" INNER JOIN "User" AS "u" ON "u"."id" = "p"."authorId" LEFT JOIN "Category" AS "c" ON "c"."id" = "p"."categoryId" CROSS JOIN "Settings" AS "s" WHERE "p"."views" > $1',
      mysql:
        'SELECT `p`.`id` FROM `Post` AS `p` INNER JOIN `User` AS `u` ON `u`.`id` = `p`.`authorId` LEFT JOIN `Category` AS `c` ON `c`.`id` = `p`.`categoryId` CROSS JOIN `Settings` AS `s` WHERE `p`.`views` > ?',
      parameters: [100],
    });
  });

  test('LATERAL join: postgres and MySQL 8, not sqlite nor MariaDB', () => {
    const node = select({
      columns: [col('u', 'id'), col('last', 'title')],
      from: table('User', 'u'),
      joins: [
        leftJoinLateral(
          derived(
            select({
              columns: [col('title')],
              from: table('Post'),
              where: eq(col('Post', 'authorId'), col('u', 'id')),
              orderBy: [desc(col('createdAt'))],
              limit: param(1),
            }),
            'last',
          ),
        ),
      ],
    });
    expect(postgres.compile(node)).toEqual({
      sql: 'SELECT "u"."id", "last"."title" FROM "User" AS "u" LEFT JOIN LATERAL (SELECT "title" FROM "Post" WHERE "Post"."authorId" = "u"."id" ORDER BY "createdAt" DESC LIMIT $1) AS "last" ON TRUE',
      parameters: [1],
    });
    expect(mysql.compile(node)).toEqual({
      sql: 'SELECT `u`.`id`, `last`.`title` FROM `User` AS `u` LEFT JOIN LATERAL (SELECT `title` FROM `Post` WHERE `Post`.`authorId` = `u`.`id` ORDER BY `createdAt` DESC LIMIT ?) AS `last` ON TRUE',
      parameters: [1],
    });
    expectCompileError(sqlite, node, 'UNSUPPORTED');
    expectCompileError(mariadb, node, 'UNSUPPORTED');
  });

  test('GROUP BY and HAVING', () => {
    const node = select({
      columns: [col('authorId'), as(count(), 'n')],
      from: table('Post'),
      groupBy: [col('authorId')],
      having: gt(count(), param(5)),
    });
    expectSql(node, {
      sqlite: 'SELECT "authorId", COUNT(*) AS "n" FROM "Post" GROUP BY "authorId" HAVING COUNT(*) > ?',
      postgres: 'SELECT "authorId", COUNT(*) AS "n" FROM "Post" GROUP BY "authorId" HAVING COUNT(*) > $1',
      mysql: 'SELECT `authorId`, COUNT(*) AS `n` FROM `Post` GROUP BY `authorId` HAVING COUNT(*) > ?',
      parameters: [5],
    });
  });

  test('NULLS FIRST/LAST: native on sqlite/postgres, emulated on mysql only when not the default', () => {
    const node = select({
      columns: [star()],
      from: table('T'),
      orderBy: [asc(col('a'), 'first'), asc(col('b'), 'last'), desc(col('c'), 'first'), desc(col('d'), 'last')],
    });
    expectSql(node, {
      sqlite:
        'SELECT * FROM "T" ORDER BY "a" ASC NULLS FIRST, "b" ASC NULLS LAST, "c" DESC NULLS FIRST, "d" DESC NULLS LAST',
      postgres:
        'SELECT * FROM "T" ORDER BY "a" ASC NULLS FIRST, "b" ASC NULLS LAST, "c" DESC NULLS FIRST, "d" DESC NULLS LAST',
      // MySQL sorts NULL lowest: ASC puts them first and DESC last already.
      mysql: 'SELECT * FROM `T` ORDER BY `a` ASC, `b` IS NULL ASC, `b` ASC, `c` IS NULL DESC, `c` DESC, `d` DESC',
    });
  });

  test('LIMIT and OFFSET, and OFFSET alone', () => {
    expectSql(select({ columns: [star()], from: table('T'), limit: param(10), offset: param(20) }), {
      sqlite: 'SELECT * FROM "T" LIMIT ? OFFSET ?',
      postgres: 'SELECT * FROM "T" LIMIT $1 OFFSET $2',
      mysql: 'SELECT * FROM `T` LIMIT ? OFFSET ?',
      parameters: [10, 20],
    });
    expectSql(select({ columns: [star()], from: table('T'), offset: param(20) }), {
      sqlite: 'SELECT * FROM "T" LIMIT -1 OFFSET ?',
      postgres: 'SELECT * FROM "T" OFFSET $1',
      mysql: 'SELECT * FROM `T` LIMIT 18446744073709551615 OFFSET ?',
      parameters: [20],
    });
  });

  test('FOR UPDATE (dropped on sqlite, which has no row locks)', () => {
    const node = select({ columns: [star()], from: table('Account'), where: eq(col('id'), param(1)), forUpdate: true });
    expectSql(node, {
      sqlite: 'SELECT * FROM "Account" WHERE "id" = ?',
      postgres: 'SELECT * FROM "Account" WHERE "id" = $1 FOR UPDATE',
      mysql: 'SELECT * FROM `Account` WHERE `id` = ? FOR UPDATE',
      parameters: [1],
    });
    expect(sqlite.capabilities.forUpdate).toBe(false);
  });

  test('derived table in FROM', () => {
    const inner = select({ columns: [col('id'), col('score')], from: table('Game'), where: gt(col('score'), param(10)) });
    const node = select({ columns: [count()], from: derived(inner, 'g') });
    expectSql(node, {
      sqlite: 'SELECT COUNT(*) FROM (SELECT "id", "score" FROM "Game" WHERE "score" > ?) AS "g"',
      postgres: 'SELECT COUNT(*) FROM (SELECT "id", "score" FROM "Game" WHERE "score" > $1) AS "g"',
      mysql: 'SELECT COUNT(*) FROM (SELECT `id`, `score` FROM `Game` WHERE `score` > ?) AS `g`',
      parameters: [10],
    });
  });

  test('WITH and WITH RECURSIVE', () => {
    const active = cte('active', select({ columns: [col('id')], from: table('User'), where: eq(col('active'), param(true)) }));
    expectSql(select({ with: [active], columns: [star()], from: table('active') }), {
      sqlite: 'WITH "active" AS (SELECT "id" FROM "User" WHERE "active" = ?) SELECT * FROM "active"',
      postgres: 'WITH "active" AS (SELECT "id" FROM "User" WHERE "active" = $1) SELECT * FROM "active"',
      mysql: 'WITH `active` AS (SELECT `id` FROM `User` WHERE `active` = ?) SELECT * FROM `active`',
      parameters: [true],
    });

    const tree = cte(
      'tree',
      unionAll([
        select({ columns: [col('id'), col('parentId')], from: table('Node'), where: eq(col('id'), param(1)) }),
        select({
          columns: [col('n', 'id'), col('n', 'parentId')],
          from: table('Node', 'n'),
          joins: [innerJoin(table('tree', 't'), eq(col('n', 'parentId'), col('t', 'id')))],
        }),
      ]),
      { columns: ['id', 'parentId'], recursive: true },
    );
    expectSql(select({ with: [tree], columns: [col('id')], from: table('tree') }), {
      sqlite:
        'WITH RECURSIVE "tree" ("id", "parentId") AS (SELECT "id", "parentId" FROM "Node" WHERE "id" = ? UNION ALL SELECT "n"."id", "n"."parentId" FROM "Node" AS "n" INNER JOIN "tree" AS "t" ON "n"."parentId" = "t"."id") SELECT "id" FROM "tree"',
      postgres:
        'WITH RECURSIVE "tree" ("id", "parentId") AS (SELECT "id", "parentId" FROM "Node" WHERE "id" = $1 UNION ALL SELECT "n"."id", "n"."parentId" FROM "Node" AS "n" INNER JOIN "tree" AS "t" ON "n"."parentId" = "t"."id") SELECT "id" FROM "tree"',
      mysql:
        'WITH RECURSIVE `tree` (`id`, `parentId`) AS (SELECT `id`, `parentId` FROM `Node` WHERE `id` = ? UNION ALL SELECT `n`.`id`, `n`.`parentId` FROM `Node` AS `n` INNER JOIN `tree` AS `t` ON `n`.`parentId` = `t`.`id`) SELECT `id` FROM `tree`',
      parameters: [1],
    });
  });

  test('UNION ALL with ordered members, and UNION with an overall ORDER BY / LIMIT', () => {
    const top = (category: number) =>
      select({
        columns: [col('id')],
        from: table('Post'),
        where: eq(col('categoryId'), param(category)),
        orderBy: [desc(col('score'))],
        limit: param(3),
      });
    expectSql(unionAll([top(1), top(2)]), {
      // sqlite forbids parentheses around compound members.
      sqlite:
        'SELECT * FROM (SELECT "id" FROM "Post" WHERE "categoryId" = ? ORDER BY "score" DESC LIMIT ?) UNION ALL SELECT * FROM (SELECT "id" FROM "Post" WHERE "categoryId" = ? ORDER BY "score" DESC LIMIT ?)',
      postgres:
        '(SELECT "id" FROM "Post" WHERE "categoryId" = $1 ORDER BY "score" DESC LIMIT $2) UNION ALL (SELECT "id" FROM "Post" WHERE "categoryId" = $3 ORDER BY "score" DESC LIMIT $4)',
      mysql:
        '(SELECT `id` FROM `Post` WHERE `categoryId` = ? ORDER BY `score` DESC LIMIT ?) UNION ALL (SELECT `id` FROM `Post` WHERE `categoryId` = ? ORDER BY `score` DESC LIMIT ?)',
      parameters: [1, 3, 2, 3],
    });

    const plain = (t: string) => select({ columns: [col('name')], from: table(t) });
    expectSql(union([plain('A'), plain('B')], { orderBy: [asc(col('name'))], limit: param(5) }), {
      sqlite: 'SELECT "name" FROM "A" UNION SELECT "name" FROM "B" ORDER BY "name" ASC LIMIT ?',
      postgres: 'SELECT "name" FROM "A" UNION SELECT "name" FROM "B" ORDER BY "name" ASC LIMIT $1',
      mysql: 'SELECT `name` FROM `A` UNION SELECT `name` FROM `B` ORDER BY `name` ASC LIMIT ?',
      parameters: [5],
    });
  });
});
