import { add, and, as, assign, col, deleteFrom, eq, inList, lt, mul, param, schemaTable, table, update } from '../src/index.js';
import { expectCompileError, expectSql, mariadb, mysql, postgres, sqlite } from './helpers.js';

describe('UPDATE', () => {
  test('SET with values and expressions, WHERE', () => {
    const node = update(table('Post'), {
      set: { title: param('New'), views: add(col('views'), param(1)), score: mul(col('score'), param(2)) },
      where: and(eq(col('id'), param(9)), lt(col('version'), param(3))),
    });
    expectSql(node, {
      sqlite: 'UPDATE "Post" SET "title" = ?, "views" = "views" + ?, "score" = "score" * ? WHERE "id" = ? AND "version" < ?',
      postgres: 'UPDATE "Post" SET "title" = $1, "views" = "views" + $2, "score" = "score" * $3 WHERE "id" = $4 AND "version" < $5',
      mysql: 'UPDATE `Post` SET `title` = ?, `views` = `views` + ?, `score` = `score` * ? WHERE `id` = ? AND `version` < ?',
      parameters: ['New', 1, 2, 9, 3],
    });
  });

  test('aliased and schema-qualified table, assignment list', () => {
    const node = update(schemaTable('app', 'User', 'u'), { set: [assign('name', param('x'))], where: eq(col('u', 'id'), param(1)) });
    expectSql(node, {
      sqlite: 'UPDATE "app"."User" AS "u" SET "name" = ? WHERE "u"."id" = ?',
      postgres: 'UPDATE "app"."User" AS "u" SET "name" = $1 WHERE "u"."id" = $2',
      mysql: 'UPDATE `app`.`User` AS `u` SET `name` = ? WHERE `u`.`id` = ?',
      parameters: ['x', 1],
    });
  });

  test('RETURNING on UPDATE: postgres and sqlite only (MariaDB has none for UPDATE)', () => {
    const node = update(table('User'), { set: { name: param('x') }, where: eq(col('id'), param(1)), returning: [col('id'), as(col('name'), 'n')] });
    expect(sqlite.compile(node).sql).toBe('UPDATE "User" SET "name" = ? WHERE "id" = ? RETURNING "id", "name" AS "n"');
    expect(postgres.compile(node).sql).toBe('UPDATE "User" SET "name" = $1 WHERE "id" = $2 RETURNING "id", "name" AS "n"');
    expectCompileError(mysql, node, 'UNSUPPORTED');
    expectCompileError(mariadb, node, 'UNSUPPORTED');
  });

  test('an update needs an assignment', () => {
    expect(() => update(table('User'), { set: {} })).toThrow(TypeError);
  });
});

describe('DELETE', () => {
  test('with WHERE', () => {
    expectSql(deleteFrom(table('Session'), { where: lt(col('expiresAt'), param('2024-01-01')) }), {
      sqlite: 'DELETE FROM "Session" WHERE "expiresAt" < ?',
      postgres: 'DELETE FROM "Session" WHERE "expiresAt" < $1',
      mysql: 'DELETE FROM `Session` WHERE `expiresAt` < ?',
      parameters: ['2024-01-01'],
    });
  });

  test('without WHERE', () => {
    expectSql(deleteFrom(table('Session')), {
      sqlite: 'DELETE FROM "Session"',
      postgres: 'DELETE FROM "Session"',
      mysql: 'DELETE FROM `Session`',
    });
  });

  test('RETURNING: postgres, sqlite, MariaDB; not MySQL', () => {
    const node = deleteFrom(table('Tag'), { where: inList(col('id'), [param(1), param(2)]), returning: [col('id')] });
    expect(sqlite.compile(node)).toEqual({ sql: 'DELETE FROM "Tag" WHERE "id" IN (?, ?) RETURNING "id"', parameters: [1, 2] });
    expect(postgres.compile(node)).toEqual({ sql: 'DELETE FROM "Tag" WHERE "id" IN ($1, $2) RETURNING "id"', parameters: [1, 2] });
    expect(mariadb.compile(node)).toEqual({ sql: 'DELETE FROM `Tag` WHERE `id` IN (?, ?) RETURNING `id`', parameters: [1, 2] });
    expectCompileError(mysql, node, 'UNSUPPORTED');
  });
});
