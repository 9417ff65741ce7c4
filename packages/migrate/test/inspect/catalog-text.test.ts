import type { ColumnType } from '../../src/index.js';
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
