import { col, contains, endsWith, escapeLike, like, LIKE_ESCAPE, likePattern, param, select, startsWith, table } from '../src/index.js';
import type { ExpressionNode } from '../src/index.js';
import { expectSql, mysql } from './helpers.js';

const where = (expr: ExpressionNode) => select({ columns: [col('id')], from: table('t'), where: expr });

describe('LIKE escaping', () => {
  test('escapeLike escapes %, _ and the escape character, and nothing else', () => {
    expect(LIKE_ESCAPE).toBe('!');
    expect(escapeLike('plain text')).toBe('plain text');
    expect(escapeLike('100%')).toBe('100!%');
    expect(escapeLike('a_b')).toBe('a!_b');
    expect(escapeLike('wow!')).toBe('wow!!');
    expect(escapeLike('%_!%')).toBe('!%!_!!!%');
    expect(escapeLike("back\\slash 'quote'")).toBe("back\\slash 'quote'");
    expect(escapeLike('a\\%b', '\\')).toBe('a\\\\\\%b');
  });

  test('likePattern wraps the escaped value per filter mode', () => {
    expect(likePattern('contains', '50%_off')).toBe('%50!%!_off%');
    expect(likePattern('startsWith', 'a_')).toBe('a!_%');
    expect(likePattern('endsWith', '!')).toBe('%!!');
  });

  test('like() refuses escape characters that cannot be written portably', () => {
    expect(() => like(col('a'), param('x'), { escape: '\\' })).toThrow(TypeError);
    expect(() => like(col('a'), param('x'), { escape: "'" })).toThrow(TypeError);
    expect(() => like(col('a'), param('x'), { escape: '!!' })).toThrow(TypeError);
  });
});

describe('LIKE filters', () => {
  test('contains / startsWith / endsWith bind the escaped pattern', () => {
    const node = where(contains(col('title'), '100% _real_'));
    expectSql(node, {
      sqlite: `SELECT "id" FROM "t" WHERE "title" LIKE ? ESCAPE '!'`,
      postgres: `SELECT "id" FROM "t" WHERE "title" LIKE $1 ESCAPE '!'`,
      mysql: "SELECT `id` FROM `t` WHERE `title` LIKE ? ESCAPE '!'",
      parameters: ['%100!% !_real!_%'],
    });
    expect(mysql.compile(where(startsWith(col('a'), 'x'))).parameters).toEqual(['x%']);
    expect(mysql.compile(where(endsWith(col('a'), 'x'))).parameters).toEqual(['%x']);
  });

  test('NOT LIKE', () => {
    expectSql(where(startsWith(col('name'), 'tmp_', { negated: true })), {
      sqlite: `SELECT "id" FROM "t" WHERE "name" NOT LIKE ? ESCAPE '!'`,
      postgres: `SELECT "id" FROM "t" WHERE "name" NOT LIKE $1 ESCAPE '!'`,
      mysql: "SELECT `id` FROM `t` WHERE `name` NOT LIKE ? ESCAPE '!'",
      parameters: ['tmp!_%'],
    });
  });

  test('case-insensitive: ILIKE on postgres, LOWER() on both sides elsewhere', () => {
    expectSql(where(contains(col('u', 'email'), 'Ünïcode', { caseInsensitive: true })), {
      sqlite: `SELECT "id" FROM "t" WHERE LOWER("u"."email") LIKE LOWER(?) ESCAPE '!'`,
      postgres: `SELECT "id" FROM "t" WHERE "u"."email" ILIKE $1 ESCAPE '!'`,
      mysql: "SELECT `id` FROM `t` WHERE LOWER(`u`.`email`) LIKE LOWER(?) ESCAPE '!'",
      parameters: ['%Ünïcode%'],
    });
    expectSql(where(endsWith(col('email'), '@x.io', { caseInsensitive: true, negated: true })), {
      sqlite: `SELECT "id" FROM "t" WHERE LOWER("email") NOT LIKE LOWER(?) ESCAPE '!'`,
      postgres: `SELECT "id" FROM "t" WHERE "email" NOT ILIKE $1 ESCAPE '!'`,
      mysql: "SELECT `id` FROM `t` WHERE LOWER(`email`) NOT LIKE LOWER(?) ESCAPE '!'",
      parameters: ['%@x.io'],
    });
  });

  test('a raw LIKE without ESCAPE', () => {
    expectSql(where(like(col('a'), param('a%'))), {
      sqlite: 'SELECT "id" FROM "t" WHERE "a" LIKE ?',
      postgres: 'SELECT "id" FROM "t" WHERE "a" LIKE $1',
      mysql: 'SELECT `id` FROM `t` WHERE `a` LIKE ?',
      parameters: ['a%'],
    });
  });
});
