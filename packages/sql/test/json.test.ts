import {
  as,
  asc,
  col,
  desc,
  eq,
  jsonArrayAgg,
  jsonObject,
  jsonValue,
  MysqlDialect,
  param,
  PostgresDialect,
  select,
  SqliteDialect,
  subquery,
  table,
} from '../src/index.js';
import type { JsonEntry } from '../src/index.js';
import { expectCompileError, expectSql, mariadb, mysql, postgres, sqlite } from './helpers.js';

/** User 1 with their posts as a JSON array, in one statement. */
function userWithPosts(orderPosts: boolean) {
  const posts = select({
    columns: [
      jsonArrayAgg(jsonObject({ id: col('p', 'id'), title: col('p', 'title') }), orderPosts ? [desc(col('p', 'createdAt'))] : []),
    ],
    from: table('Post', 'p'),
    where: eq(col('p', 'authorId'), col('u', 'id')),
  });
  return select({
    columns: [col('u', 'id'), as(subquery(posts), 'posts')],
    from: table('User', 'u'),
    where: eq(col('u', 'id'), param(1)),
  });
}

describe('JSON relation loading', () => {
  test('object + array aggregation per dialect; an empty set gives [] everywhere', () => {
    expectSql(userWithPosts(false), {
      sqlite:
        `SELECT "u"."id", (SELECT json_group_array(json_object('id', "p"."id", 'title', "p"."title")) FROM "Post" AS "p" WHERE "p"."authorId" = "u"."id") AS "posts" FROM "User" AS "u" WHERE "u"."id" = ?`,
      postgres:
        `SELECT "u"."id", (SELECT COALESCE(json_agg(json_build_object('id', "p"."id", 'title', "p"."title")), '[]'::json) FROM "Post" AS "p" WHERE "p"."authorId" = "u"."id") AS "posts" FROM "User" AS "u" WHERE "u"."id" = $1`,
      mysql:
        "SELECT `u`.`id`, (SELECT COALESCE(JSON_ARRAYAGG(JSON_OBJECT('id', `p`.`id`, 'title', `p`.`title`)), JSON_ARRAY()) FROM `Post` AS `p` WHERE `p`.`authorId` = `u`.`id`) AS `posts` FROM `User` AS `u` WHERE `u`.`id` = ?",
      parameters: [1],
    });
  });

  test('ORDER BY inside the aggregate: postgres, sqlite 3.44+, MariaDB; refused on MySQL', () => {
    const node = userWithPosts(true);
    expect(sqlite.compile(node).sql).toContain(
      `json_group_array(json_object('id', "p"."id", 'title', "p"."title") ORDER BY "p"."createdAt" DESC)`,
    );
    expect(postgres.compile(node).sql).toContain(
      `COALESCE(json_agg(json_build_object('id', "p"."id", 'title', "p"."title") ORDER BY "p"."createdAt" DESC), '[]'::json)`,
    );
    expect(mariadb.compile(node).sql).toContain(
      "COALESCE(JSON_ARRAYAGG(JSON_OBJECT('id', `p`.`id`, 'title', `p`.`title`) ORDER BY `p`.`createdAt` DESC), JSON_ARRAY())",
    );
    expect(mysql.capabilities.jsonAggOrderBy).toBe(false);
    expectCompileError(mysql, node, 'UNSUPPORTED');
    expectCompileError(new SqliteDialect({ jsonAggOrderBy: false }), node, 'UNSUPPORTED');
  });

  test('NULLS ordering inside the aggregate is emulated on MariaDB', () => {
    const node = select({ columns: [jsonArrayAgg(col('n'), [asc(col('n'), 'last')])], from: table('t') });
    expect(mariadb.compile(node).sql).toBe(
      'SELECT COALESCE(JSON_ARRAYAGG(`n` ORDER BY `n` IS NULL ASC, `n` ASC), JSON_ARRAY()) FROM `t`',
    );
  });

  test('jsonb postgres mode', () => {
    const pgJsonb = new PostgresDialect({ json: 'jsonb' });
    expect(pgJsonb.compile(userWithPosts(false)).sql).toContain(
      `(SELECT COALESCE(jsonb_agg(jsonb_build_object('id', "p"."id", 'title', "p"."title")), '[]'::jsonb) FROM`,
    );
  });

  test('jsonValue embeds nested JSON as JSON, not as a string', () => {
    const posts = subquery(select({ columns: [jsonArrayAgg(col('p', 'id'))], from: table('Post', 'p'), where: eq(col('p', 'authorId'), col('u', 'id')) }));
    const node = select({
      columns: [as(jsonObject([{ key: 'id', value: col('u', 'id') }, { key: 'posts', value: jsonValue(posts) }]), 'data')],
      from: table('User', 'u'),
    });
    expectSql(node, {
      sqlite:
        `SELECT json_object('id', "u"."id", 'posts', json((SELECT json_group_array("p"."id") FROM "Post" AS "p" WHERE "p"."authorId" = "u"."id"))) AS "data" FROM "User" AS "u"`,
      postgres:
        `SELECT json_build_object('id', "u"."id", 'posts', (SELECT COALESCE(json_agg("p"."id"), '[]'::json) FROM "Post" AS "p" WHERE "p"."authorId" = "u"."id")) AS "data" FROM "User" AS "u"`,
      mysql:
        "SELECT JSON_OBJECT('id', `u`.`id`, 'posts', (SELECT COALESCE(JSON_ARRAYAGG(`p`.`id`), JSON_ARRAY()) FROM `Post` AS `p` WHERE `p`.`authorId` = `u`.`id`)) AS `data` FROM `User` AS `u`",
    });
    expect(mariadb.compile(node).sql).toBe(
      "SELECT JSON_OBJECT('id', `u`.`id`, 'posts', JSON_EXTRACT((SELECT COALESCE(JSON_ARRAYAGG(`p`.`id`), JSON_ARRAY()) FROM `Post` AS `p` WHERE `p`.`authorId` = `u`.`id`), '$')) AS `data` FROM `User` AS `u`",
    );
  });

  test('keys are string literals with quotes doubled; values stay parameters', () => {
    const node = select({ columns: [jsonObject({ "it's": param("it's"), 'a"b': param(1) })] });
    expectSql(node, {
      sqlite: `SELECT json_object('it''s', ?, 'a"b', ?)`,
      postgres: `SELECT json_build_object('it''s', $1, 'a"b', $2)`,
      mysql: "SELECT JSON_OBJECT('it''s', ?, 'a\"b', ?)",
      parameters: ["it's", 1],
    });
    // A backslash means different things under different MySQL sql_modes: refused there.
    const backslash = select({ columns: [jsonObject({ 'a\\b': param(1) })] });
    expect(postgres.compile(backslash).sql).toBe(`SELECT json_build_object('a\\b', $1)`);
    expectCompileError(new MysqlDialect(), backslash, 'INVALID');
    expectCompileError(sqlite, select({ columns: [jsonObject({ 'nul\0': param(1) })] }), 'INVALID');
  });
});

describe('wide JSON objects are split under the function argument limits', () => {
  const entries = (n: number): JsonEntry[] => Array.from({ length: n }, (_, i) => ({ key: `k${i}`, value: col(`c${i}`) }));
  const pairs = (from: number, to: number, quote: string) =>
    Array.from({ length: to - from }, (_, j) => `'k${from + j}', ${quote}c${from + j}${quote}`).join(', ');

  test('50 keys fit in one call', () => {
    expect(postgres.compile(select({ columns: [jsonObject(entries(50))] })).sql).toBe(`SELECT json_build_object(${pairs(0, 50, '"')})`);
    expect(sqlite.compile(select({ columns: [jsonObject(entries(50))] })).sql).toBe(`SELECT json_object(${pairs(0, 50, '"')})`);
  });

  test('postgres concatenates jsonb objects', () => {
    expect(new PostgresDialect({ json: 'jsonb' }).compile(select({ columns: [jsonObject(entries(101))] })).sql).toBe(
      `SELECT (jsonb_build_object(${pairs(0, 50, '"')}) || jsonb_build_object(${pairs(50, 100, '"')}) || jsonb_build_object(${pairs(100, 101, '"')}))`,
    );
    expect(postgres.compile(select({ columns: [jsonObject(entries(51))] })).sql).toBe(
      `SELECT CAST((jsonb_build_object(${pairs(0, 50, '"')}) || jsonb_build_object(${pairs(50, 51, '"')})) AS json)`,
    );
  });

  test('sqlite chains json_insert', () => {
    const paths = (from: number, to: number) =>
      Array.from({ length: to - from }, (_, j) => `'$."k${from + j}"', "c${from + j}"`).join(', ');
    expect(sqlite.compile(select({ columns: [jsonObject(entries(101))] })).sql).toBe(
      `SELECT json_insert(json_insert(json_object(${pairs(0, 50, '"')}), ${paths(50, 100)}), ${paths(100, 101)})`,
    );
  });

  test('mysql has no such limit', () => {
    expect(mysql.compile(select({ columns: [jsonObject(entries(60))] })).sql).toBe(`SELECT JSON_OBJECT(${pairs(0, 60, '`')})`);
  });
});
