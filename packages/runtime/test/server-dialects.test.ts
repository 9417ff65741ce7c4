// The pure parts of the PostgreSQL and MySQL drivers: URL parameters, the MySQL dialect chosen
// from VERSION(), key-list expansion, error classification, and value text parsing. The drivers
// themselves run against real servers in packages/e2e.
import { expandKeyLists, KeyList } from '../src/dialects/mysql/key-list.js';
import { mysqlDialectFor, parseMysqlUrl } from '../src/dialects/mysql/mysql2-driver.js';
import { classifyMysqlError } from '../src/dialects/mysql/mysql-errors.js';
import { parsePostgresUrl } from '../src/dialects/postgres/pg-driver.js';
import { classifyPostgresError } from '../src/dialects/postgres/postgres-errors.js';
import { normalizeDecimal, parseUtcDateTime } from '../src/values/codec.js';

describe('PostgreSQL URL', () => {
  it("reads Prisma's parameters and passes the rest to pg", () => {
    const p = parsePostgresUrl('postgresql://u:secret@db.example:6432/app?schema=tenant_1&connection_limit=3&connect_timeout=7&sslmode=require');
    expect(p).toMatchObject({ schema: 'tenant_1', max: 3, connectTimeout: 7000, prepare: true, target: 'db.example:6432/app' });
    expect(p.connectionString).toBe('postgresql://u:secret@db.example:6432/app?sslmode=require');
    expect(p.target).not.toContain('secret');
  });

  it('pgbouncer=true or statement_cache_size=0 turns off named statements', () => {
    expect(parsePostgresUrl('postgres://h/db?pgbouncer=true').prepare).toBe(false);
    expect(parsePostgresUrl('postgres://h/db?statement_cache_size=0').prepare).toBe(false);
  });
});

describe('MySQL URL and server version', () => {
  it('mariadb:// is mysql2’s mysql://, without Prisma’s parameters', () => {
    const p = parseMysqlUrl('mariadb://root@127.0.0.1:3306/app?connection_limit=4&pool_timeout=10');
    expect(p).toMatchObject({ uri: 'mysql://root@127.0.0.1:3306/app', max: 4 });
  });

  it('MariaDB 10.5+ has INSERT/DELETE RETURNING, never UPDATE RETURNING; MySQL none', () => {
    const caps = (v: string) => {
      const c = mysqlDialectFor(v).capabilities;
      return [c.returning, c.returningOnUpdate];
    };
    expect(caps('10.11.6-MariaDB-0+deb12u1')).toEqual([true, false]);
    expect(caps('10.4.32-MariaDB')).toEqual([false, false]);
    expect(caps('11.4.2-MariaDB')).toEqual([true, false]);
    expect(caps('8.0.36')).toEqual([false, false]);
    expect(mysqlDialectFor('8.0.13').capabilities.lateral).toBe(false);
    expect(mysqlDialectFor('8.0.14').capabilities.lateral).toBe(true);
  });
});

describe('MySQL key lists', () => {
  it('expand to a power of two of placeholders, padded with the last key', () => {
    const r = expandKeyLists('SELECT `a?` FROM t WHERE x = ? AND k IN (?) AND y = ?', [1, new KeyList([5, 6, 7]), 2]);
    expect(r.sql).toBe('SELECT `a?` FROM t WHERE x = ? AND k IN (?, ?, ?, ?) AND y = ?');
    expect(r.params).toEqual([1, 5, 6, 7, 7, 2]);
  });

  it("skip `?` inside quotes and comments, and an empty list matches nothing", () => {
    const r = expandKeyLists("SELECT '?', \"?\" /* ? */ FROM t WHERE k IN (?) -- ?\n", [new KeyList([])]);
    expect(r.sql).toBe("SELECT '?', \"?\" /* ? */ FROM t WHERE k IN (NULL) -- ?\n");
    expect(r.params).toEqual([]);
  });

  it('never pad past the placeholder limit, and refuse a list beyond it', () => {
    const keys = Array.from({ length: 40 }, (_, i) => i);
    expect(expandKeyLists('k IN (?)', [new KeyList(keys)], 50).params).toHaveLength(50);
    expect(() => expandKeyLists('k IN (?) AND x = ?', [new KeyList(keys), 1], 40)).toThrow(/at most 40/);
  });
});

describe('error classification', () => {
  it('PostgreSQL: unique with the key columns, foreign keys, not null, check, connection', () => {
    expect(classifyPostgresError({ code: '23505', table: 'users', constraint: 'users_a_b_key', detail: 'Key (a, "b c")=(1, x) already exists.' })).toEqual({
      kind: 'unique',
      table: 'users',
      columns: ['a', 'b c'],
      constraint: 'users_a_b_key',
    });
    expect(classifyPostgresError({ code: '23503', table: 'Post', constraint: 'Post_authorId_fkey', detail: 'Key (authorId)=(9) is not present in table "users".' })).toMatchObject({
      kind: 'foreignKey',
      columns: ['authorId'],
    });
    expect(classifyPostgresError({ code: '23503', table: 'Post', constraint: 'Post_authorId_fkey', detail: 'Key (id)=(1) is still referenced from table "Post".' })).toMatchObject({
      kind: 'foreignKey',
      columns: [],
    });
    expect(classifyPostgresError({ code: '23502', table: 'users', column: 'email' })).toEqual({ kind: 'notNull', table: 'users', columns: ['email'] });
    expect(classifyPostgresError({ code: '23514', constraint: 'stock_nonnegative' })).toEqual({ kind: 'check', constraint: 'stock_nonnegative' });
    expect(classifyPostgresError({ code: 'ECONNREFUSED', message: 'connect ECONNREFUSED' })).toMatchObject({ kind: 'connection' });
    expect(classifyPostgresError({ code: '42601', message: 'syntax error' })).toBeNull();
  });

  it('MySQL: the key name of a duplicate (with MySQL 8’s table prefix), PRIMARY, foreign keys, NULL', () => {
    expect(classifyMysqlError({ errno: 1062, sqlMessage: "Duplicate entry 'a' for key 'users_email_key'" })).toEqual({
      kind: 'unique',
      table: null,
      columns: [],
      constraint: 'users_email_key',
    });
    expect(classifyMysqlError({ errno: 1062, sqlMessage: "Duplicate entry 'a' for key 'users.users_email_key'" })).toMatchObject({ table: 'users', constraint: 'users_email_key' });
    expect(classifyMysqlError({ errno: 1062, sqlMessage: "Duplicate entry '1' for key 'PRIMARY'" })).toMatchObject({ primaryKey: true });
    expect(
      classifyMysqlError({
        errno: 1452,
        sqlMessage: 'Cannot add or update a child row: a foreign key constraint fails (`db`.`Post`, CONSTRAINT `Post_authorId_fkey` FOREIGN KEY (`authorId`) REFERENCES `users` (`id`))',
      }),
    ).toEqual({ kind: 'foreignKey', table: 'Post', columns: ['authorId'], constraint: 'Post_authorId_fkey' });
    expect(classifyMysqlError({ errno: 1048, sqlMessage: "Column 'name' cannot be null" })).toEqual({ kind: 'notNull', table: null, columns: ['name'] });
    expect(classifyMysqlError({ errno: 4025, sqlMessage: 'CONSTRAINT `stock_nonnegative` failed for `db`.`Variant`' })).toEqual({ kind: 'check', constraint: 'stock_nonnegative' });
    expect(classifyMysqlError({ code: 'ECONNREFUSED', message: 'connect ECONNREFUSED' })).toMatchObject({ kind: 'connection' });
  });
});

describe('value text', () => {
  it('decimals lose the trailing zeros of their scale, never digits', () => {
    expect(['19.990000', '100', '100.000', '-0.500', '0.000', '1e+21', '-0.000'].map(normalizeDecimal)).toEqual(['19.99', '100', '100', '-0.5', '0', '1e+21', '0']);
  });

  it('zoneless date-times are UTC; a zone is kept', () => {
    expect(parseUtcDateTime('2024-01-02 03:04:05.678').toISOString()).toBe('2024-01-02T03:04:05.678Z');
    expect(parseUtcDateTime('2024-01-02').toISOString()).toBe('2024-01-02T00:00:00.000Z');
    expect(parseUtcDateTime('2024-01-02 03:04:05+02').toISOString()).toBe('2024-01-02T01:04:05.000Z');
  });
});
