import { canonicalExpression, canonicalNumber, type ColumnType } from '../../src/index.js';
import { trimNumberLiteral } from '../../src/inspect/sql-text.js';
import { MYSQL_DEFAULTS } from '../../src/inspect/mysql/mysql-default.js';
import { mysqlColumnType } from '../../src/inspect/mysql/mysql-column-type.js';
import { postgresDefault } from '../../src/inspect/postgresql/postgresql-default.js';
import { postgresExpression } from '../../src/inspect/postgresql/postgresql-expression.js';
import { sqliteColumnType } from '../../src/inspect/sqlite/sqlite-column-type.js';
import { sqliteDefault } from '../../src/inspect/sqlite/sqlite-default.js';

/*
 * The text catalogs hand back, read without a database: the spellings the live tests cannot
 * reach (MySQL 8, whose servers the tests do not run; PostgreSQL array literals and E'' strings
 * that Kiln never writes itself but other tools do).
 */

const scalar = (s: 'String' | 'Int' | 'Boolean' | 'DateTime' | 'Json' | 'Bytes' | 'Decimal', list = false): ColumnType => ({
  kind: 'scalar',
  scalar: s,
  nativeType: null,
  list,
});
const enumType: ColumnType = { kind: 'enum', enum: { schema: null, name: 'e' }, values: ['a', 'b'], list: false };

describe('MySQL 8 defaults (unquoted literals, DEFAULT_GENERATED expressions)', () => {
  const mysql = MYSQL_DEFAULTS.mysql;
  test('literals are written bare', () => {
    expect(mysql(null, '', scalar('String'))).toBeNull();
    expect(mysql("it's", '', scalar('String'))).toEqual({ kind: 'string', value: "it's" });
    expect(mysql('NULL', '', scalar('String'))).toEqual({ kind: 'string', value: 'NULL' });
    expect(mysql('12.3450', '', scalar('Decimal'))).toEqual({ kind: 'number', value: '12.345' });
    expect(mysql('1', '', scalar('Boolean'))).toEqual({ kind: 'boolean', value: true });
    expect(mysql("b'0'", '', scalar('Boolean'))).toEqual({ kind: 'boolean', value: false });
    expect(mysql('2024-03-01 12:34:56.789', '', scalar('DateTime'))).toEqual({ kind: 'dateTime', value: '2024-03-01T12:34:56.789Z' });
    expect(mysql('a', '', enumType)).toEqual({ kind: 'string', value: 'a' });
    expect(mysql('CURRENT_TIMESTAMP', '', scalar('DateTime'))).toEqual({ kind: 'now' });
  });

  test('expression defaults: now(), literals behind a character set introducer, and the rest', () => {
    expect(mysql('CURRENT_TIMESTAMP(3)', 'DEFAULT_GENERATED', scalar('DateTime'))).toEqual({ kind: 'now' });
    expect(mysql('curdate()', 'DEFAULT_GENERATED', scalar('DateTime'))).toEqual({ kind: 'now' });
    expect(mysql("_utf8mb4\\'{\"a\": 1}\\'", 'DEFAULT_GENERATED', scalar('Json'))).toEqual({ kind: 'json', value: '{"a": 1}' });
    expect(mysql('0x6869', 'DEFAULT_GENERATED', scalar('Bytes'))).toEqual({ kind: 'bytes', hex: '6869' });
    expect(mysql('(1 + 2)', 'DEFAULT_GENERATED', scalar('Int'))).toEqual({ kind: 'expression', sql: '(1 + 2)' });
    expect(mysql('uuid()', 'DEFAULT_GENERATED', scalar('String'))).toEqual({ kind: 'expression', sql: '(uuid())' });
  });

  test('MariaDB: quoted literals with backslash escapes, NULL for none', () => {
    const mariadb = MYSQL_DEFAULTS.mariadb;
    expect(mariadb('NULL', '', scalar('String'))).toBeNull();
    expect(mariadb("'NULL'", '', scalar('String'))).toEqual({ kind: 'string', value: 'NULL' });
    expect(mariadb("'a\\\\b\\nc''d'", '', scalar('String'))).toEqual({ kind: 'string', value: "a\\b\nc'd" });
    expect(mariadb('current_timestamp()', '', scalar('DateTime'))).toEqual({ kind: 'now' });
  });
});

describe('MySQL column types', () => {
  const enumName = () => ({ schema: null, name: 't_c' });
  test.each([
    ['int', { kind: 'scalar', scalar: 'Int', nativeType: null, list: false }],
    ['int(11)', { kind: 'scalar', scalar: 'Int', nativeType: null, list: false }],
    ['int unsigned', { kind: 'scalar', scalar: 'Int', nativeType: { name: 'UnsignedInt', args: [] }, list: false }],
    ['tinyint(1)', { kind: 'scalar', scalar: 'Boolean', nativeType: null, list: false }],
    ['tinyint', { kind: 'scalar', scalar: 'Int', nativeType: { name: 'TinyInt', args: [] }, list: false }],
    ['decimal(65,30)', { kind: 'scalar', scalar: 'Decimal', nativeType: null, list: false }],
    ['datetime', { kind: 'scalar', scalar: 'DateTime', nativeType: { name: 'DateTime', args: ['0'] }, list: false }],
    ['varchar(191)', { kind: 'scalar', scalar: 'String', nativeType: null, list: false }],
    ["enum('a','b''c','d\\\\e')", { kind: 'enum', enum: { schema: null, name: 't_c' }, values: ['a', "b'c", 'd\\e'], list: false }],
    ['point', { kind: 'unsupported', sql: 'point', list: false }],
    ['float(10,2)', { kind: 'unsupported', sql: 'float(10,2)', list: false }],
  ])('%s', (sql, expected) => {
    expect(mysqlColumnType(sql, enumName)).toEqual(expected);
  });
});

describe('PostgreSQL defaults and expressions', () => {
  test('literal forms', () => {
    expect(postgresDefault("E'a\\nb\\\\c'::text", scalar('String')).default).toEqual({ kind: 'string', value: 'a\nb\\c' });
    expect(postgresDefault("'{a,\"b c\",\"d\\\"e\"}'::text[]", scalar('String', true)).default).toEqual({
      kind: 'list',
      values: [
        { kind: 'string', value: 'a' },
        { kind: 'string', value: 'b c' },
        { kind: 'string', value: 'd"e' },
      ],
    });
    expect(postgresDefault("'{1,2}'::integer[]", scalar('Int', true)).default).toEqual({ kind: 'list', values: [{ kind: 'number', value: '1' }, { kind: 'number', value: '2' }] });
    expect(postgresDefault("'2024-03-01 14:34:56.789+02'::timestamp with time zone", scalar('DateTime')).default).toEqual({ kind: 'dateTime', value: '2024-03-01T12:34:56.789Z' });
    expect(postgresDefault("'2024-03-01'::date", scalar('DateTime')).default).toEqual({ kind: 'dateTime', value: '2024-03-01T00:00:00.000Z' });
    expect(postgresDefault("nextval('\"T_id_seq\"'::regclass)", scalar('Int'))).toEqual({ default: null, autoincrement: true });
    expect(postgresDefault("('now'::text)::date", scalar('DateTime')).default).toEqual({ kind: 'expression', sql: "('now'::text)::date" });
    expect(postgresDefault("'a'::text || 'b'::text", scalar('String')).default).toEqual({ kind: 'expression', sql: "'a'::text || 'b'::text" });
  });

  test('IN and negative numbers are put back into the words a schema uses', () => {
    expect(postgresExpression("(kind = ANY (ARRAY['a'::text, 'b'::text]))")).toBe("(kind IN ('a'::text, 'b'::text))");
    expect(postgresExpression("((v)::text <> ALL ((ARRAY['x'::character varying])::text[]))")).toBe("((v)::text NOT IN ('x'::character varying))");
    expect(postgresExpression("((n > '-5'::integer) AND (s = '-5'::text))")).toBe("((n > -5) AND (s = '-5'::text))");
    expect(postgresExpression('(a = ANY (b))')).toBe('(a = ANY (b))');
  });
});

describe('SQLite types and defaults', () => {
  test.each([
    ['VARCHAR(255)', 'String'],
    ['UNSIGNED BIG INT', 'BigInt'],
    ['double precision', 'Float'],
    ['JSONB', 'Json'],
  ])('%s is %s', (declared, expected) => {
    expect(sqliteColumnType(declared)).toMatchObject({ kind: 'scalar', scalar: expected });
  });

  test('defaults as written in CREATE TABLE', () => {
    expect(sqliteDefault("'it''s'", scalar('String'))).toEqual({ kind: 'string', value: "it's" });
    expect(sqliteDefault('-1.50', scalar('Decimal'))).toEqual({ kind: 'number', value: '-1.50' });
    expect(sqliteDefault("(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))", scalar('DateTime'))).toEqual({ kind: 'now' });
    expect(sqliteDefault('(1 + 2)', scalar('Int'))).toEqual({ kind: 'expression', sql: '(1 + 2)' });
    expect(sqliteDefault('NULL', scalar('String'))).toBeNull();
  });
});

/*
 * The comparison without a database (render/sql-text.ts): what PostgreSQL prints for a schema's
 * expression and the schema's own text have the same canonical form.
 */
describe('canonical text of what PostgreSQL prints (no connection)', () => {
  const same = (schema: string, printed: string) => expect(canonicalExpression(postgresExpression(printed))).toBe(canonicalExpression(schema));
  const differ = (a: string, b: string) => expect(canonicalExpression(a)).not.toBe(canonicalExpression(b));

  test('LIKE and ILIKE, with NOT, and !=', () => {
    same("slug LIKE 'a%'", "(slug ~~ 'a%'::text)");
    same("slug NOT LIKE 'a%'", "(slug !~~ 'a%'::text)");
    same("slug ILIKE 'a%'", "(slug ~~* 'a%'::text)");
    same("slug NOT ILIKE '%x%'", "(slug !~~* '%x%'::text)");
    same('n != 4', '(n <> 4)');
    same('n!=-4', "(n <> '-4'::integer)");
    differ("slug LIKE 'a%'", "slug ILIKE 'a%'");
    differ("slug LIKE 'a%'", "slug NOT LIKE 'a%'");
  });

  test('BETWEEN is the two comparisons, whatever the operands', () => {
    same('n BETWEEN 0 AND 10', '((n >= 0) AND (n <= 10))');
    same('n NOT BETWEEN 0 AND 10', '((n < 0) OR (n > 10))');
    same("lower(slug) BETWEEN 'a' AND 'm' AND n > 1", "((lower(slug) >= 'a'::text) AND (lower(slug) <= 'm'::text) AND (n > 1))");
    same('n BETWEEN (1 + 1) AND 10 OR n IS NULL', '(((n >= (1 + 1)) AND (n <= 10)) OR (n IS NULL))');
    same('"C"."n" BETWEEN 1 AND 2', '(("C".n >= 1) AND ("C".n <= 2))');
    same('n >= 0 AND n <= 10', '((n >= 0) AND (n <= 10))');
    differ('n BETWEEN 0 AND 10', 'n BETWEEN 0 AND 11');
    differ('n BETWEEN 0 AND 10', 'n NOT BETWEEN 0 AND 10');
  });

  test('date and timestamp literals as PostgreSQL prints them', () => {
    same("d > '2020-01-01'", "(d > '2020-01-01 00:00:00'::timestamp without time zone)");
    same("d > '2020-01-01T10:30'", "(d > '2020-01-01 10:30:00'::timestamp(3) without time zone)");
    same("d > '2020-01-01 10:30:00.500'", "(d > '2020-01-01 10:30:00.5'::timestamp without time zone)");
    differ("d > '2020-01-01'", "d > '2020-01-02'");
  });

  test('casts to qualified, quoted and multi-word types go', () => {
    same("status = 'A'", `(status = 'A'::other."Status")`);
    same("status = 'A'", `(status = 'A'::"we""ird"."Sta tus"[])`);
    same("x = 'a'", "(x = 'a'::character varying(10))");
    same('x > 0', '(x > (0)::double precision)');
    differ("status = 'A'", "status = 'B'");
  });
});

test('numbers compare by value: exponents are expanded, padding goes', () => {
  expect(['1e10', '1E+10', '10000000000', '10000000000.000'].map(canonicalNumber)).toEqual(Array(4).fill('10000000000'));
  expect(['2.5E-3', '0.0025', '.00250', '25e-4'].map(canonicalNumber)).toEqual(Array(4).fill('0.0025'));
  expect(['-0.0', '0e5', '+0'].map(canonicalNumber)).toEqual(['0', '0', '0']);
  expect(canonicalNumber('1e300')).toBe('1e300');
  expect(canonicalNumber('1000e297')).toBe('1e300');
  expect(canonicalNumber('-1.5e-200')).toBe('-1.5e-200');
  expect(canonicalNumber('abc')).toBe('abc');
  // The literal introspection keeps (for db pull) is the one written, without a catalog's padding.
  expect(['12.345000', '+1', '.5', '1e10'].map(trimNumberLiteral)).toEqual(['12.345', '1', '0.5', '1e10']);
});
