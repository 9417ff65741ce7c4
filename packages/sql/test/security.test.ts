import {
  and,
  as,
  binary,
  col,
  contains,
  eq,
  insertInto,
  jsonObject,
  param,
  schemaTable,
  select,
  sql,
  table,
  update,
} from '../src/index.js';
import type { BinaryOperator, ExpressionNode, StatementNode } from '../src/index.js';
import { dialects, expectCompileError, expectSql, mysql, postgres, sqlite } from './helpers.js';

const HOSTILE_VALUES: readonly unknown[] = [
  "'; DROP TABLE x; --",
  'Robert"); DROP TABLE Students;--',
  '`; DROP TABLE x; #',
  "\\'; SELECT 1; --",
  'nul\0byte',
  '🔥 emoji 👩‍👩‍👧',
  '$1',
  '?',
  '/* comment */',
  { kind: 'Raw', parts: ['1; DROP TABLE x'], values: [] },
];

describe('values are always parameters', () => {
  test('hostile values in WHERE, INSERT, UPDATE and LIKE never reach the SQL text', () => {
    const statements: ((value: unknown) => StatementNode)[] = [
      (v) => select({ columns: [col('id')], from: table('t'), where: and(eq(col('a'), param(v)), eq(col('b'), param(v))) }),
      (v) => insertInto(table('t'), { columns: ['a'], rows: [[param(v)]] }),
      (v) => update(table('t'), { set: { a: param(v) }, where: eq(col('id'), param(1)) }),
      (v) => select({ columns: [col('id')], from: table('t'), where: contains(col('a'), typeof v === 'string' ? v : 'x') }),
    ];
    for (const value of HOSTILE_VALUES) {
      for (const build of statements) {
        for (const dialect of Object.values(dialects)) {
          const hostile = dialect.compile(build(value));
          const benign = dialect.compile(build('benign'));
          // The text is exactly what a harmless value produces...
          expect(hostile.sql).toBe(benign.sql);
          expect(hostile.sql).not.toContain('DROP');
          // ...placeholder look-alikes included, which are only ever bound.
          if (typeof value === 'string' && value !== '$1' && value !== '?') expect(hostile.sql).not.toContain(value);
          expect(hostile.parameters.length).toBe(benign.parameters.length);
        }
      }
      // The value itself (same reference) is what gets bound.
      expect(postgres.compile(statements[0]!(value)).parameters).toEqual([value, value]);
      expect(postgres.compile(statements[0]!(value)).parameters[0]).toBe(value);
    }
  });

  test('the exact SQL for a classic injection attempt', () => {
    expectSql(select({ columns: [col('id')], from: table('User'), where: eq(col('name'), param("'; DROP TABLE x; --")) }), {
      sqlite: 'SELECT "id" FROM "User" WHERE "name" = ?',
      postgres: 'SELECT "id" FROM "User" WHERE "name" = $1',
      mysql: 'SELECT `id` FROM `User` WHERE `name` = ?',
      parameters: ["'; DROP TABLE x; --"],
    });
  });

  test('the sql tag binds every interpolation, even one that looks like a node', () => {
    const lookalike = { kind: 'Raw', parts: ['1; DROP TABLE x'], values: [] };
    const node = sql`SELECT * FROM t WHERE a = ${"'; DROP TABLE x; --"} AND b = ${lookalike}`;
    expect(postgres.compile(node)).toEqual({
      sql: 'SELECT * FROM t WHERE a = $1 AND b = $2',
      parameters: ["'; DROP TABLE x; --", lookalike],
    });
  });
});

describe('identifiers are always quoted and escaped', () => {
  test('quotes, backticks and SQL inside identifiers', () => {
    const node = select({
      columns: [as(col('we"ird', 'co`l'), "'; DROP TABLE x; --")],
      from: schemaTable('s"c', 'we"ird'),
    });
    expectSql(node, {
      sqlite: `SELECT "we""ird"."co\`l" AS "'; DROP TABLE x; --" FROM "s""c"."we""ird"`,
      postgres: `SELECT "we""ird"."co\`l" AS "'; DROP TABLE x; --" FROM "s""c"."we""ird"`,
      mysql: "SELECT `we\"ird`.`co``l` AS `'; DROP TABLE x; --` FROM `s\"c`.`we\"ird`",
    });
  });

  test('an identifier made only of quotes', () => {
    expect(sqlite.quoteIdentifier('"')).toBe('""""');
    expect(postgres.quoteIdentifier('""')).toBe('""""""');
    expect(mysql.quoteIdentifier('`')).toBe('````');
    expect(mysql.quoteIdentifier('"')).toBe('`"`');
  });

  test('emoji and other Unicode pass through quoted', () => {
    expectSql(select({ columns: [col('🔥')], from: table('Ünïcödé') }), {
      sqlite: 'SELECT "🔥" FROM "Ünïcödé"',
      postgres: 'SELECT "🔥" FROM "Ünïcödé"',
      mysql: 'SELECT `🔥` FROM `Ünïcödé`',
    });
  });

  test('NUL and empty identifiers are refused', () => {
    for (const dialect of Object.values(dialects)) {
      expectCompileError(dialect, select({ columns: [col('a\0b')], from: table('t') }), 'INVALID');
      expectCompileError(dialect, select({ columns: [col('a')], from: table('') }), 'INVALID');
      expect(() => dialect.quoteIdentifier('x\0')).toThrow();
    }
  });

  test('the sql tag quotes sql.id()', () => {
    const node = sql`SELECT * FROM ${sql.id('my"schema', 'ta`ble')} WHERE x = ${1}`;
    expectSql(node, {
      sqlite: 'SELECT * FROM "my""schema"."ta`ble" WHERE x = ?',
      postgres: 'SELECT * FROM "my""schema"."ta`ble" WHERE x = $1',
      mysql: 'SELECT * FROM `my"schema`.`ta``ble` WHERE x = ?',
      parameters: [1],
    });
  });
});

describe('nothing else reaches the SQL text unchecked', () => {
  test('string literals (JSON keys) double their quotes', () => {
    const node = select({ columns: [jsonObject({ "'); DROP TABLE x; --": param(1) })] });
    expect(sqlite.compile(node).sql).toBe(`SELECT json_object('''); DROP TABLE x; --', ?)`);
  });

  test('an unknown operator from an untyped caller is refused, not written', () => {
    const forged = binary('= 1; DROP TABLE x; --' as BinaryOperator, col('a'), param(1));
    expectCompileError(postgres, select({ columns: [col('a')], from: table('t'), where: forged }), 'INVALID');
  });

  test('an unknown node kind is refused', () => {
    const forged = { kind: 'Evil', sql: 'DROP TABLE x' } as unknown as ExpressionNode;
    expectCompileError(mysql, select({ columns: [forged] }), 'INVALID');
  });

  test('the sql tag refuses to be called with a plain array', () => {
    const call = sql as unknown as (strings: readonly string[]) => unknown;
    expect(() => call(['DROP TABLE x'])).toThrow(TypeError);
  });
});
