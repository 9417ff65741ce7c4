import { add, col, eq, isSqlFragment, param, rawUnsafe, select, sql, table } from '../src/index.js';
import { expectSql, postgres } from './helpers.js';

describe('the sql tag', () => {
  test('interpolations become numbered placeholders', () => {
    expectSql(sql`SELECT * FROM "User" WHERE "id" = ${5} AND "name" = ${'x'}`, {
      sqlite: 'SELECT * FROM "User" WHERE "id" = ? AND "name" = ?',
      postgres: 'SELECT * FROM "User" WHERE "id" = $1 AND "name" = $2',
      mysql: 'SELECT * FROM "User" WHERE "id" = ? AND "name" = ?',
      parameters: [5, 'x'],
    });
  });

  test('nested fragments, sql.join, sql.id and sql.expr', () => {
    const filter = sql`${sql.id('status')} IN (${sql.join(['a', 'b', 'c'])})`;
    const node = sql`SELECT ${sql.expr(add(col('t', 'n'), param(1)))} FROM ${sql.id('t')} WHERE ${filter} AND x = ${2}`;
    expectSql(node, {
      sqlite: 'SELECT "t"."n" + ? FROM "t" WHERE "status" IN (?, ?, ?) AND x = ?',
      postgres: 'SELECT "t"."n" + $1 FROM "t" WHERE "status" IN ($2, $3, $4) AND x = $5',
      mysql: 'SELECT `t`.`n` + ? FROM `t` WHERE `status` IN (?, ?, ?) AND x = ?',
      parameters: [1, 'a', 'b', 'c', 2],
    });
  });

  test('sql.join with a custom separator and with nothing', () => {
    expect(postgres.compile(sql`SELECT ${sql.join([1, 2], sql` + `)}`)).toEqual({ sql: 'SELECT $1 + $2', parameters: [1, 2] });
    expect(postgres.compile(sql`SELECT 1${sql.join([])}`)).toEqual({ sql: 'SELECT 1', parameters: [] });
    expect(() => sql.join([1], { kind: 'Raw', parts: [' OR 1=1 '], values: [] })).toThrow(TypeError);
  });

  test('fragments work as expressions inside trees', () => {
    const node = select({ columns: [col('id')], from: table('t'), where: eq(col('d'), sql`date(${'now'})`) });
    expectSql(node, {
      sqlite: 'SELECT "id" FROM "t" WHERE "d" = (date(?))',
      postgres: 'SELECT "id" FROM "t" WHERE "d" = (date($1))',
      mysql: 'SELECT `id` FROM `t` WHERE `d` = (date(?))',
      parameters: ['now'],
    });
  });

  test('rawUnsafe writes trusted text verbatim', () => {
    const node = rawUnsafe('PRAGMA foreign_keys = ON');
    expect(isSqlFragment(node)).toBe(true);
    expect(postgres.compile(node)).toEqual({ sql: 'PRAGMA foreign_keys = ON', parameters: [] });
    expect(postgres.compile(sql`SELECT ${rawUnsafe('now()')}`).sql).toBe('SELECT now()');
  });
});
