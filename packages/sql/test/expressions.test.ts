import {
  add,
  and,
  as,
  avg,
  caseWhen,
  cast,
  coalesce,
  col,
  count,
  div,
  eq,
  exists,
  FALSE,
  fn,
  gt,
  gte,
  inList,
  isNotNull,
  isNull,
  lit,
  lt,
  lte,
  max,
  min,
  mul,
  ne,
  not,
  notInList,
  NULL,
  or,
  param,
  rawUnsafe,
  select,
  sub,
  subquery,
  sum,
  table,
  TRUE,
  tuple,
  when,
} from '../src/index.js';
import type { CastType, ExpressionNode } from '../src/index.js';
import { expectCompileError, expectSql, mysql, postgres, sqlite } from './helpers.js';

/** `SELECT <expr> FROM "t"`: the smallest statement that carries an expression. */
const where = (expr: ExpressionNode) => select({ columns: [col('id')], from: table('t'), where: expr });

describe('comparisons', () => {
  test('=, <>, <, <=, >, >=', () => {
    const node = where(
      and(
        eq(col('a'), param(1)),
        ne(col('b'), param(2)),
        lt(col('c'), param(3)),
        lte(col('d'), param(4)),
        gt(col('e'), param(5)),
        gte(col('f'), param(6)),
      ),
    );
    expectSql(node, {
      sqlite: 'SELECT "id" FROM "t" WHERE "a" = ? AND "b" <> ? AND "c" < ? AND "d" <= ? AND "e" > ? AND "f" >= ?',
      postgres: 'SELECT "id" FROM "t" WHERE "a" = $1 AND "b" <> $2 AND "c" < $3 AND "d" <= $4 AND "e" > $5 AND "f" >= $6',
      mysql: 'SELECT `id` FROM `t` WHERE `a` = ? AND `b` <> ? AND `c` < ? AND `d` <= ? AND `e` > ? AND `f` >= ?',
      parameters: [1, 2, 3, 4, 5, 6],
    });
  });

  test('IS NULL and IS NOT NULL', () => {
    expectSql(where(or(isNull(col('a')), isNotNull(col('b')))), {
      sqlite: 'SELECT "id" FROM "t" WHERE "a" IS NULL OR "b" IS NOT NULL',
      postgres: 'SELECT "id" FROM "t" WHERE "a" IS NULL OR "b" IS NOT NULL',
      mysql: 'SELECT `id` FROM `t` WHERE `a` IS NULL OR `b` IS NOT NULL',
    });
  });

  test('tuple comparison for a compound cursor', () => {
    expectSql(where(gt(tuple(col('createdAt'), col('id')), tuple(param('2024-01-01'), param(42)))), {
      sqlite: 'SELECT "id" FROM "t" WHERE ("createdAt", "id") > (?, ?)',
      postgres: 'SELECT "id" FROM "t" WHERE ("createdAt", "id") > ($1, $2)',
      mysql: 'SELECT `id` FROM `t` WHERE (`createdAt`, `id`) > (?, ?)',
      parameters: ['2024-01-01', 42],
    });
  });
});

describe('logical operators and parenthesisation', () => {
  test('OR inside AND is parenthesised, AND inside OR is not', () => {
    const node = where(and(or(eq(col('a'), param(1)), eq(col('b'), param(2))), or(and(eq(col('c'), param(3)), eq(col('d'), param(4))), eq(col('e'), param(5)))));
    expectSql(node, {
      sqlite: 'SELECT "id" FROM "t" WHERE ("a" = ? OR "b" = ?) AND ("c" = ? AND "d" = ? OR "e" = ?)',
      postgres: 'SELECT "id" FROM "t" WHERE ("a" = $1 OR "b" = $2) AND ("c" = $3 AND "d" = $4 OR "e" = $5)',
      mysql: 'SELECT `id` FROM `t` WHERE (`a` = ? OR `b` = ?) AND (`c` = ? AND `d` = ? OR `e` = ?)',
      parameters: [1, 2, 3, 4, 5],
    });
  });

  test('NOT always parenthesises a non-atomic operand', () => {
    const node = where(and(not(eq(col('a'), param(1))), not(col('flag')), not(or(isNull(col('b')), isNull(col('c'))))));
    expectSql(node, {
      sqlite: 'SELECT "id" FROM "t" WHERE NOT ("a" = ?) AND NOT "flag" AND NOT ("b" IS NULL OR "c" IS NULL)',
      postgres: 'SELECT "id" FROM "t" WHERE NOT ("a" = $1) AND NOT "flag" AND NOT ("b" IS NULL OR "c" IS NULL)',
      mysql: 'SELECT `id` FROM `t` WHERE NOT (`a` = ?) AND NOT `flag` AND NOT (`b` IS NULL OR `c` IS NULL)',
      parameters: [1],
    });
  });

  test('empty AND is true, empty OR is false, a single item stands alone', () => {
    expectSql(where(and()), {
      sqlite: 'SELECT "id" FROM "t" WHERE 1',
      postgres: 'SELECT "id" FROM "t" WHERE TRUE',
      mysql: 'SELECT `id` FROM `t` WHERE TRUE',
    });
    expectSql(where(or()), {
      sqlite: 'SELECT "id" FROM "t" WHERE 0',
      postgres: 'SELECT "id" FROM "t" WHERE FALSE',
      mysql: 'SELECT `id` FROM `t` WHERE FALSE',
    });
    // and(or(..)) inside and(..) must keep the OR parenthesised even though the wrapper is an AND.
    const node = where(and(eq(col('x'), param(0)), and(or(eq(col('a'), param(1)), eq(col('b'), param(2))))));
    expectSql(node, {
      sqlite: 'SELECT "id" FROM "t" WHERE "x" = ? AND ("a" = ? OR "b" = ?)',
      postgres: 'SELECT "id" FROM "t" WHERE "x" = $1 AND ("a" = $2 OR "b" = $3)',
      mysql: 'SELECT `id` FROM `t` WHERE `x` = ? AND (`a` = ? OR `b` = ?)',
      parameters: [0, 1, 2],
    });
  });

  test('a comparison used as an operand of a comparison is parenthesised', () => {
    expectSql(where(eq(eq(col('a'), col('b')), TRUE)), {
      sqlite: 'SELECT "id" FROM "t" WHERE ("a" = "b") = 1',
      postgres: 'SELECT "id" FROM "t" WHERE ("a" = "b") = TRUE',
      mysql: 'SELECT `id` FROM `t` WHERE (`a` = `b`) = TRUE',
    });
  });

  test('raw fragments are parenthesised when an operator touches them', () => {
    expectSql(where(and(rawUnsafe('a = 1 OR b = 2'), eq(col('c'), param(3)))), {
      sqlite: 'SELECT "id" FROM "t" WHERE (a = 1 OR b = 2) AND "c" = ?',
      postgres: 'SELECT "id" FROM "t" WHERE (a = 1 OR b = 2) AND "c" = $1',
      mysql: 'SELECT `id` FROM `t` WHERE (a = 1 OR b = 2) AND `c` = ?',
      parameters: [3],
    });
  });
});

describe('arithmetic', () => {
  test('precedence and left associativity', () => {
    // (a + b) * c, a - (b - c), a - b - c, a / (b * c), a + b * c
    const node = select({
      columns: [
        as(mul(add(col('a'), col('b')), col('c')), 'x1'),
        as(sub(col('a'), sub(col('b'), col('c'))), 'x2'),
        as(sub(sub(col('a'), col('b')), col('c')), 'x3'),
        as(div(col('a'), mul(col('b'), col('c'))), 'x4'),
        as(add(col('a'), mul(col('b'), param(2))), 'x5'),
        as(sub(col('a'), lit(-1)), 'x6'),
      ],
      from: table('t'),
    });
    expectSql(node, {
      sqlite:
        'SELECT ("a" + "b") * "c" AS "x1", "a" - ("b" - "c") AS "x2", "a" - "b" - "c" AS "x3", "a" / ("b" * "c") AS "x4", "a" + "b" * ? AS "x5", "a" - (-1) AS "x6" FROM "t"',
      postgres:
        'SELECT ("a" + "b") * "c" AS "x1", "a" - ("b" - "c") AS "x2", "a" - "b" - "c" AS "x3", "a" / ("b" * "c") AS "x4", "a" + "b" * $1 AS "x5", "a" - (-1) AS "x6" FROM "t"',
      mysql:
        'SELECT (`a` + `b`) * `c` AS `x1`, `a` - (`b` - `c`) AS `x2`, `a` - `b` - `c` AS `x3`, `a` / (`b` * `c`) AS `x4`, `a` + `b` * ? AS `x5`, `a` - (-1) AS `x6` FROM `t`',
      parameters: [2],
    });
  });

  test('arithmetic inside a comparison needs no parentheses', () => {
    expectSql(where(gt(add(col('a'), param(1)), mul(col('b'), param(2)))), {
      sqlite: 'SELECT "id" FROM "t" WHERE "a" + ? > "b" * ?',
      postgres: 'SELECT "id" FROM "t" WHERE "a" + $1 > "b" * $2',
      mysql: 'SELECT `id` FROM `t` WHERE `a` + ? > `b` * ?',
      parameters: [1, 2],
    });
  });
});

describe('IN', () => {
  test('a list of parameters', () => {
    expectSql(where(inList(col('id'), [param(1), param(2), param(3)])), {
      sqlite: 'SELECT "id" FROM "t" WHERE "id" IN (?, ?, ?)',
      postgres: 'SELECT "id" FROM "t" WHERE "id" IN ($1, $2, $3)',
      mysql: 'SELECT `id` FROM `t` WHERE `id` IN (?, ?, ?)',
      parameters: [1, 2, 3],
    });
    expectSql(where(notInList(col('id'), [param(1)])), {
      sqlite: 'SELECT "id" FROM "t" WHERE "id" NOT IN (?)',
      postgres: 'SELECT "id" FROM "t" WHERE "id" NOT IN ($1)',
      mysql: 'SELECT `id` FROM `t` WHERE `id` NOT IN (?)',
      parameters: [1],
    });
  });

  test('an empty list is a constant predicate, never `IN ()`', () => {
    expectSql(where(inList(col('id'), [])), {
      sqlite: 'SELECT "id" FROM "t" WHERE 0',
      postgres: 'SELECT "id" FROM "t" WHERE FALSE',
      mysql: 'SELECT `id` FROM `t` WHERE FALSE',
    });
    expectSql(where(notInList(col('id'), [])), {
      sqlite: 'SELECT "id" FROM "t" WHERE 1',
      postgres: 'SELECT "id" FROM "t" WHERE TRUE',
      mysql: 'SELECT `id` FROM `t` WHERE TRUE',
    });
    expectSql(where(or(eq(col('a'), param(1)), not(inList(col('id'), [])))), {
      sqlite: 'SELECT "id" FROM "t" WHERE "a" = ? OR NOT 0',
      postgres: 'SELECT "id" FROM "t" WHERE "a" = $1 OR NOT FALSE',
      mysql: 'SELECT `id` FROM `t` WHERE `a` = ? OR NOT FALSE',
      parameters: [1],
    });
  });

  test('a subquery', () => {
    const authors = select({ columns: [col('authorId')], from: table('Post'), where: gt(col('views'), param(10)) });
    expectSql(where(inList(col('id'), authors)), {
      sqlite: 'SELECT "id" FROM "t" WHERE "id" IN (SELECT "authorId" FROM "Post" WHERE "views" > ?)',
      postgres: 'SELECT "id" FROM "t" WHERE "id" IN (SELECT "authorId" FROM "Post" WHERE "views" > $1)',
      mysql: 'SELECT `id` FROM `t` WHERE `id` IN (SELECT `authorId` FROM `Post` WHERE `views` > ?)',
      parameters: [10],
    });
  });

  test('row values (compound keys): sqlite needs VALUES on the right', () => {
    const node = where(inList(tuple(col('a'), col('b')), [tuple(param(1), param(2)), tuple(param(3), param(4))]));
    expectSql(node, {
      sqlite: 'SELECT "id" FROM "t" WHERE ("a", "b") IN (VALUES (?, ?), (?, ?))',
      postgres: 'SELECT "id" FROM "t" WHERE ("a", "b") IN (($1, $2), ($3, $4))',
      mysql: 'SELECT `id` FROM `t` WHERE (`a`, `b`) IN ((?, ?), (?, ?))',
      parameters: [1, 2, 3, 4],
    });
  });
});

describe('functions, aggregates, CASE, subqueries, CAST', () => {
  test('function call and COALESCE', () => {
    expectSql(select({ columns: [as(fn('LENGTH', col('name')), 'len'), as(coalesce(col('nick'), col('name'), param('?')), 'n')], from: table('t') }), {
      sqlite: 'SELECT LENGTH("name") AS "len", COALESCE("nick", "name", ?) AS "n" FROM "t"',
      postgres: 'SELECT LENGTH("name") AS "len", COALESCE("nick", "name", $1) AS "n" FROM "t"',
      mysql: 'SELECT LENGTH(`name`) AS `len`, COALESCE(`nick`, `name`, ?) AS `n` FROM `t`',
      parameters: ['?'],
    });
  });

  test('function names are validated', () => {
    expect(() => fn('now(); DROP TABLE x; --')).toThrow(TypeError);
    expect(() => fn('a b')).toThrow(TypeError);
    expect(fn('pg_catalog.lower', col('x')).name).toBe('pg_catalog.lower');
  });

  test('COUNT, SUM, AVG, MIN, MAX with DISTINCT', () => {
    const node = select({
      columns: [
        count(),
        count(col('authorId'), { distinct: true }),
        sum(col('views')),
        avg(col('views'), { distinct: true }),
        min(col('createdAt')),
        max(col('createdAt')),
      ],
      from: table('Post'),
    });
    expectSql(node, {
      sqlite: 'SELECT COUNT(*), COUNT(DISTINCT "authorId"), SUM("views"), AVG(DISTINCT "views"), MIN("createdAt"), MAX("createdAt") FROM "Post"',
      postgres: 'SELECT COUNT(*), COUNT(DISTINCT "authorId"), SUM("views"), AVG(DISTINCT "views"), MIN("createdAt"), MAX("createdAt") FROM "Post"',
      mysql: 'SELECT COUNT(*), COUNT(DISTINCT `authorId`), SUM(`views`), AVG(DISTINCT `views`), MIN(`createdAt`), MAX(`createdAt`) FROM `Post`',
    });
  });

  test('CASE WHEN, searched and simple', () => {
    const node = select({
      columns: [
        as(caseWhen([when(gt(col('score'), param(90)), param('A')), when(gt(col('score'), param(80)), param('B'))], param('C')), 'grade'),
        as(caseWhen([when(param(1), param('one'))], NULL, col('n')), 'word'),
      ],
      from: table('t'),
    });
    expectSql(node, {
      sqlite:
        'SELECT CASE WHEN "score" > ? THEN ? WHEN "score" > ? THEN ? ELSE ? END AS "grade", CASE "n" WHEN ? THEN ? ELSE NULL END AS "word" FROM "t"',
      postgres:
        'SELECT CASE WHEN "score" > $1 THEN $2 WHEN "score" > $3 THEN $4 ELSE $5 END AS "grade", CASE "n" WHEN $6 THEN $7 ELSE NULL END AS "word" FROM "t"',
      mysql:
        'SELECT CASE WHEN `score` > ? THEN ? WHEN `score` > ? THEN ? ELSE ? END AS `grade`, CASE `n` WHEN ? THEN ? ELSE NULL END AS `word` FROM `t`',
      parameters: [90, 'A', 80, 'B', 'C', 1, 'one'],
    });
  });

  test('EXISTS, NOT EXISTS and a scalar subquery', () => {
    const posts = select({ columns: [lit(1)], from: table('Post', 'p'), where: eq(col('p', 'authorId'), col('u', 'id')) });
    const node = select({
      columns: [col('u', 'id'), as(subquery(select({ columns: [count()], from: table('Post', 'p'), where: eq(col('p', 'authorId'), col('u', 'id')) })), 'postCount')],
      from: table('User', 'u'),
      where: and(exists(posts), not(exists(posts))),
    });
    expectSql(node, {
      sqlite:
        'SELECT "u"."id", (SELECT COUNT(*) FROM "Post" AS "p" WHERE "p"."authorId" = "u"."id") AS "postCount" FROM "User" AS "u" WHERE EXISTS (SELECT 1 FROM "Post" AS "p" WHERE "p"."authorId" = "u"."id") AND NOT EXISTS (SELECT 1 FROM "Post" AS "p" WHERE "p"."authorId" = "u"."id")',
      postgres:
        'SELECT "u"."id", (SELECT COUNT(*) FROM "Post" AS "p" WHERE "p"."authorId" = "u"."id") AS "postCount" FROM "User" AS "u" WHERE EXISTS (SELECT 1 FROM "Post" AS "p" WHERE "p"."authorId" = "u"."id") AND NOT EXISTS (SELECT 1 FROM "Post" AS "p" WHERE "p"."authorId" = "u"."id")',
      mysql:
        'SELECT `u`.`id`, (SELECT COUNT(*) FROM `Post` AS `p` WHERE `p`.`authorId` = `u`.`id`) AS `postCount` FROM `User` AS `u` WHERE EXISTS (SELECT 1 FROM `Post` AS `p` WHERE `p`.`authorId` = `u`.`id`) AND NOT EXISTS (SELECT 1 FROM `Post` AS `p` WHERE `p`.`authorId` = `u`.`id`)',
    });
  });

  test('CAST type names per dialect', () => {
    const types: CastType[] = ['text', 'integer', 'bigint', 'double', 'decimal', 'boolean', 'json', 'bytes'];
    const node = select({ columns: types.map((type) => cast(param(1), type)) });
    expectSql(node, {
      sqlite:
        'SELECT CAST(? AS TEXT), CAST(? AS INTEGER), CAST(? AS INTEGER), CAST(? AS REAL), CAST(? AS NUMERIC), CAST(? AS INTEGER), CAST(? AS TEXT), CAST(? AS BLOB)',
      postgres:
        'SELECT CAST($1 AS text), CAST($2 AS integer), CAST($3 AS bigint), CAST($4 AS double precision), CAST($5 AS numeric), CAST($6 AS boolean), CAST($7 AS json), CAST($8 AS bytea)',
      mysql:
        'SELECT CAST(? AS CHAR), CAST(? AS SIGNED), CAST(? AS SIGNED), CAST(? AS DOUBLE), CAST(? AS DECIMAL(65,30)), CAST(? AS SIGNED), CAST(? AS JSON), CAST(? AS BINARY)',
      parameters: types.map(() => 1),
    });
    const dates = select({ columns: [cast(col('d'), 'datetime'), cast(col('d'), 'date')], from: table('t') });
    expect(postgres.compile(dates).sql).toBe('SELECT CAST("d" AS timestamp(3)), CAST("d" AS date) FROM "t"');
    expect(mysql.compile(dates).sql).toBe('SELECT CAST(`d` AS DATETIME(3)), CAST(`d` AS DATE) FROM `t`');
    // SQLite has no date type: the caller must pick text or integer.
    expectCompileError(sqlite, dates, 'UNSUPPORTED');
  });
});

describe('literals', () => {
  test('booleans are a dialect hook; NULL and numbers are written as is', () => {
    const node = select({ columns: [TRUE, FALSE, NULL, lit(0), lit(2.5), lit(-3)] });
    expectSql(node, {
      sqlite: 'SELECT 1, 0, NULL, 0, 2.5, -3',
      postgres: 'SELECT TRUE, FALSE, NULL, 0, 2.5, -3',
      mysql: 'SELECT TRUE, FALSE, NULL, 0, 2.5, -3',
    });
  });

  test('only finite numbers, booleans and null can be literals', () => {
    expect(() => lit(Number.NaN)).toThrow(TypeError);
    expect(() => lit(Number.POSITIVE_INFINITY)).toThrow(TypeError);
    // A hand-built node carrying a string is refused by the compiler, not inlined.
    const forged = { kind: 'Literal', value: "'; DROP TABLE t; --" } as unknown as ExpressionNode;
    expectCompileError(postgres, select({ columns: [forged] }), 'INVALID');
  });
});
