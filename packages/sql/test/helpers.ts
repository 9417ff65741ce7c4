import { MysqlDialect, PostgresDialect, SqlCompileError, SqliteDialect } from '../src/index.js';
import type { Dialect, DialectName, StatementNode } from '../src/index.js';

export const sqlite = new SqliteDialect();
export const postgres = new PostgresDialect();
export const mysql = new MysqlDialect();
export const mariadb = new MysqlDialect({ flavor: 'mariadb' });

export const dialects: Readonly<Record<DialectName, Dialect>> = { sqlite, postgres, mysql };

export type ExpectedSql = string | { readonly sql: string; readonly parameters: readonly unknown[] };

/** Expected output per dialect; `parameters` applies to every dialect given as a bare string. */
export interface Expectations {
  readonly sqlite: ExpectedSql;
  readonly postgres: ExpectedSql;
  readonly mysql: ExpectedSql;
  readonly parameters?: readonly unknown[];
}

export function expectSql(node: StatementNode, expected: Expectations): void {
  for (const name of ['sqlite', 'postgres', 'mysql'] as const) {
    const want = expected[name];
    const wanted = typeof want === 'string' ? { sql: want, parameters: expected.parameters ?? [] } : want;
    const got = dialects[name].compile(node);
    expect({ dialect: name, sql: got.sql, parameters: got.parameters }).toEqual({
      dialect: name,
      sql: wanted.sql,
      parameters: wanted.parameters,
    });
  }
}

/** Asserts that compiling `node` with `dialect` throws a SqlCompileError with `code`. */
export function expectCompileError(dialect: Dialect, node: StatementNode, code: 'UNSUPPORTED' | 'INVALID'): SqlCompileError {
  let caught: unknown;
  try {
    dialect.compile(node);
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(SqlCompileError);
  const error = caught as SqlCompileError;
  expect(error.code).toBe(code);
  expect(error.dialect).toBe(dialect.name);
  return error;
}
