import { asc, col, desc, eq, jsonArray, jsonArrayAgg, jsonValue, lit, MysqlDialect, param, PostgresDialect, select, SqliteDialect, subquery, table } from '../src/index.js';
import type { ExpressionNode } from '../src/index.js';
import { expectCompileError, expectSql, mariadb, mysql, postgres, sqlite } from './helpers.js';

/** Posts of each user as an array of [id, title] arrays: the row form of relation loading. */
function postsAsArrays(page?: { limit?: ExpressionNode; offset?: ExpressionNode }) {
  const posts = select({
    columns: [jsonArrayAgg(jsonArray([col('p', 'id'), col('p', 'title')]), page ? [desc(col('p', 'id'))] : [], page)],
    from: table('Post', 'p'),
    where: eq(col('p', 'authorId'), col('u', 'id')),
  });
  return select({ columns: [col('u', 'id'), jsonValue(subquery(posts))], from: table('User', 'u') });
}

describe('JSON arrays', () => {
  test('an array of values per dialect', () => {
    expectSql(select({ columns: [jsonArray([col('t', 'a'), param('x'), lit(null)])], from: table('T', 't') }), {
      sqlite: `SELECT json_array("t"."a", ?, NULL) FROM "T" AS "t"`,
      postgres: `SELECT json_build_array("t"."a", $1, NULL) FROM "T" AS "t"`,
      mysql: 'SELECT JSON_ARRAY(`t`.`a`, ?, NULL) FROM `T` AS `t`',
      parameters: ['x'],
    });
    expect(new PostgresDialect({ json: 'jsonb' }).compile(select({ columns: [jsonArray([lit(1)])] })).sql).toBe('SELECT jsonb_build_array(1)');
  });

  test('an empty array', () => {
    expectSql(select({ columns: [jsonArray([])] }), { sqlite: 'SELECT json_array()', postgres: 'SELECT json_build_array()', mysql: 'SELECT JSON_ARRAY()' });
  });

  test('rows as arrays, aggregated and nested', () => {
    expectSql(postsAsArrays(), {
      sqlite: `SELECT "u"."id", json((SELECT json_group_array(json_array("p"."id", "p"."title")) FROM "Post" AS "p" WHERE "p"."authorId" = "u"."id")) FROM "User" AS "u"`,
      postgres: `SELECT "u"."id", (SELECT COALESCE(json_agg(json_build_array("p"."id", "p"."title")), '[]'::json) FROM "Post" AS "p" WHERE "p"."authorId" = "u"."id") FROM "User" AS "u"`,
      mysql: 'SELECT `u`.`id`, (SELECT COALESCE(JSON_ARRAYAGG(JSON_ARRAY(`p`.`id`, `p`.`title`)), JSON_ARRAY()) FROM `Post` AS `p` WHERE `p`.`authorId` = `u`.`id`) FROM `User` AS `u`',
    });
  });
});

describe('wide JSON arrays are split under the function argument limits', () => {
  const items = (n: number) => Array.from({ length: n }, (_, i) => col(`c${i}`));
  const list = (from: number, to: number, quote: string) => Array.from({ length: to - from }, (_, j) => `${quote}c${from + j}${quote}`).join(', ');

  test('100 items fit in one call', () => {
    expect(postgres.compile(select({ columns: [jsonArray(items(100))] })).sql).toBe(`SELECT json_build_array(${list(0, 100, '"')})`);
    expect(sqlite.compile(select({ columns: [jsonArray(items(100))] })).sql).toBe(`SELECT json_array(${list(0, 100, '"')})`);
  });

  test('postgres concatenates jsonb arrays, and casts back to json', () => {
    expect(postgres.compile(select({ columns: [jsonArray(items(201))] })).sql).toBe(
      `SELECT CAST((jsonb_build_array(${list(0, 100, '"')}) || jsonb_build_array(${list(100, 200, '"')}) || jsonb_build_array(${list(200, 201, '"')})) AS json)`,
    );
    expect(new PostgresDialect({ json: 'jsonb' }).compile(select({ columns: [jsonArray(items(101))] })).sql).toBe(
      `SELECT (jsonb_build_array(${list(0, 100, '"')}) || jsonb_build_array(${list(100, 101, '"')}))`,
    );
  });

  test('sqlite appends with json_insert at $[#]', () => {
    const appends = (from: number, to: number) => Array.from({ length: to - from }, (_, j) => `'$[#]', "c${from + j}"`).join(', ');
    expect(sqlite.compile(select({ columns: [jsonArray(items(151))] })).sql).toBe(
      `SELECT json_insert(json_insert(json_array(${list(0, 100, '"')}), ${appends(100, 150)}), ${appends(150, 151)})`,
    );
  });

  test('mysql has no such limit', () => {
    expect(mysql.compile(select({ columns: [jsonArray(items(150))] })).sql).toBe(`SELECT JSON_ARRAY(${list(0, 150, '`')})`);
  });
});

describe('LIMIT / OFFSET inside the JSON aggregate', () => {
  test('MariaDB writes them after ORDER BY', () => {
    expect(mariadb.compile(postsAsArrays({ limit: param(2n), offset: param(1n) }))).toEqual({
      sql: "SELECT `u`.`id`, JSON_EXTRACT((SELECT COALESCE(JSON_ARRAYAGG(JSON_ARRAY(`p`.`id`, `p`.`title`) ORDER BY `p`.`id` DESC LIMIT ? OFFSET ?), JSON_ARRAY()) FROM `Post` AS `p` WHERE `p`.`authorId` = `u`.`id`), '$') FROM `User` AS `u`",
      parameters: [2n, 1n],
    });
    // An offset alone: LIMIT is mandatory before OFFSET.
    expect(mariadb.compile(select({ columns: [jsonArrayAgg(col('n'), [asc(col('n'))], { offset: param(3n) })], from: table('t') })).sql).toBe(
      'SELECT COALESCE(JSON_ARRAYAGG(`n` ORDER BY `n` ASC LIMIT 18446744073709551615 OFFSET ?), JSON_ARRAY()) FROM `t`',
    );
  });

  test('refused where the database has no such clause', () => {
    const node = postsAsArrays({ limit: param(2) });
    expect(mariadb.capabilities.jsonAggLimit).toBe(true);
    expect([sqlite, postgres, mysql].map((d) => d.capabilities.jsonAggLimit)).toEqual([false, false, false]);
    expectCompileError(sqlite, node, 'UNSUPPORTED');
    expectCompileError(postgres, node, 'UNSUPPORTED');
    expectCompileError(new MysqlDialect({ flavor: 'mysql', jsonAggOrderBy: true }), node, 'UNSUPPORTED');
    // MariaDB before 10.5 (no JSON_ARRAYAGG ORDER BY) has no LIMIT there either.
    expect(new MysqlDialect({ flavor: 'mariadb', jsonAggOrderBy: false }).capabilities.jsonAggLimit).toBe(false);
    expect(new SqliteDialect().capabilities.jsonAggLimit).toBe(false);
  });
});
