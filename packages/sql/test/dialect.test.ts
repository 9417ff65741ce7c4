import { MysqlDialect, PostgresDialect, SqlCompileError, SqliteDialect } from '../src/index.js';
import type { Capabilities, Dialect } from '../src/index.js';
import { mariadb, mysql, postgres, sqlite } from './helpers.js';

describe('Dialect objects', () => {
  test('names, quoting and placeholders', () => {
    expect([sqlite.name, postgres.name, mysql.name]).toEqual(['sqlite', 'postgres', 'mysql']);
    expect(sqlite.quoteIdentifier('a"b')).toBe('"a""b"');
    expect(postgres.quoteIdentifier('a"b')).toBe('"a""b"');
    expect(mysql.quoteIdentifier('a`b')).toBe('`a``b`');
    expect([sqlite.placeholder(3), postgres.placeholder(3), mysql.placeholder(3)]).toEqual(['?', '$3', '?']);
  });

  test('capabilities', () => {
    const pick = (d: Dialect) => {
      const c: Capabilities = d.capabilities;
      return [c.returning, c.returningOnUpdate, c.lateral, c.ilike, c.nullsOrdering, c.distinctOn, c.jsonAggOrderBy, c.forUpdate, c.defaultInValues, c.upsertTarget];
    };
    expect(pick(sqlite)).toEqual([true, true, false, false, true, false, true, false, false, true]);
    expect(pick(postgres)).toEqual([true, true, true, true, true, true, true, true, true, true]);
    expect(pick(mysql)).toEqual([false, false, true, false, false, false, false, true, true, false]);
    expect(pick(mariadb)).toEqual([true, false, false, false, false, false, true, true, true, false]);
    expect(pick(new MysqlDialect({ returning: true, lateral: false }))).toEqual([true, false, false, false, false, false, false, true, true, false]);
    expect([sqlite.capabilities.maxParameters, postgres.capabilities.maxParameters, mysql.capabilities.maxParameters]).toEqual([32766, 65535, 65535]);
    expect([sqlite.capabilities.jsonAgg, postgres.capabilities.jsonAgg, mysql.capabilities.jsonAgg]).toEqual([true, true, true]);
    expect(postgres.capabilities.maxIdentifierLength).toBe(63);
  });

  test('the compiler is exposed and is the one compile() uses', () => {
    expect(postgres.compiler.compile).toBeInstanceOf(Function);
    expect(new PostgresDialect().compiler).not.toBe(postgres.compiler);
  });
});

describe('transactions', () => {
  test('begin statements without an isolation level', () => {
    expect(sqlite.beginTransactionSql()).toEqual(['BEGIN DEFERRED']);
    expect(postgres.beginTransactionSql()).toEqual(['BEGIN']);
    expect(mysql.beginTransactionSql()).toEqual(['START TRANSACTION']);
  });

  test('isolation levels', () => {
    expect(postgres.beginTransactionSql({ isolationLevel: 'Serializable' })).toEqual(['BEGIN ISOLATION LEVEL SERIALIZABLE']);
    expect(postgres.isolationLevelSql('ReadCommitted')).toBe('SET TRANSACTION ISOLATION LEVEL READ COMMITTED');
    // MySQL: SET TRANSACTION applies to the next transaction, so it comes first.
    expect(mysql.beginTransactionSql({ isolationLevel: 'RepeatableRead' })).toEqual([
      'SET TRANSACTION ISOLATION LEVEL REPEATABLE READ',
      'START TRANSACTION',
    ]);
    expect(mysql.isolationLevelSql('ReadUncommitted')).toBe('SET TRANSACTION ISOLATION LEVEL READ UNCOMMITTED');
  });

  test('sqlite: always serializable; DEFERRED / IMMEDIATE / EXCLUSIVE', () => {
    expect(sqlite.isolationLevelSql('Serializable')).toBeUndefined();
    expect(sqlite.beginTransactionSql({ isolationLevel: 'Serializable', behavior: 'immediate' })).toEqual(['BEGIN IMMEDIATE']);
    expect(sqlite.beginTransactionSql({ behavior: 'exclusive' })).toEqual(['BEGIN EXCLUSIVE']);
    expect(() => sqlite.isolationLevelSql('ReadCommitted')).toThrow(SqlCompileError);
    expect(() => sqlite.beginTransactionSql({ isolationLevel: 'RepeatableRead' })).toThrow(SqlCompileError);
    // behavior is sqlite-only and ignored elsewhere.
    expect(postgres.beginTransactionSql({ behavior: 'immediate' })).toEqual(['BEGIN']);
  });

  test('commit, rollback, savepoints with quoted names', () => {
    for (const d of [sqlite, postgres, mysql]) {
      expect([d.commitSql, d.rollbackSql]).toEqual(['COMMIT', 'ROLLBACK']);
    }
    expect(postgres.savepointSql('sp"1')).toBe('SAVEPOINT "sp""1"');
    expect(sqlite.releaseSavepointSql('sp1')).toBe('RELEASE SAVEPOINT "sp1"');
    expect(mysql.rollbackToSavepointSql('sp`1')).toBe('ROLLBACK TO SAVEPOINT `sp``1`');
  });

  test('options constructors', () => {
    expect(new SqliteDialect({ returning: false }).capabilities.returning).toBe(false);
    expect(new MysqlDialect({ flavor: 'mariadb' }).flavor).toBe('mariadb');
  });
});
