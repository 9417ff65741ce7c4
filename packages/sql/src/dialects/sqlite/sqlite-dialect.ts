import type { Capabilities } from '../../compiler/capabilities.js';
import { SqlCompileError } from '../../compiler/errors.js';
import { BaseDialect, type IsolationLevel, type TransactionOptions } from '../dialect.js';
import { SqliteCompiler } from './sqlite-compiler.js';

export interface SqliteDialectOptions {
  /** RETURNING (SQLite 3.35+). Default true. */
  readonly returning?: boolean;
  /** ORDER BY inside json_group_array (SQLite 3.44+). Default true. */
  readonly jsonAggOrderBy?: boolean;
}

export class SqliteDialect extends BaseDialect {
  readonly name = 'sqlite';

  constructor(options: SqliteDialectOptions = {}) {
    const returning = options.returning ?? true;
    const capabilities: Capabilities = {
      returning,
      returningOnUpdate: returning,
      lateral: false,
      ilike: false,
      caseSensitiveLike: false,
      nullsOrdering: true,
      distinctOn: false,
      jsonAgg: true,
      jsonAggOrderBy: options.jsonAggOrderBy ?? true,
      jsonAggLimit: false,
      forUpdate: false,
      defaultInValues: false,
      multiRowDefaultValues: false,
      upsertTarget: true,
      upsertWhere: true,
      nativeBoolean: false,
      // SQLITE_MAX_VARIABLE_NUMBER since 3.32 (https://www.sqlite.org/limits.html#max_variable_number).
      maxParameters: 32766,
      maxIdentifierLength: Number.MAX_SAFE_INTEGER,
    };
    super(new SqliteCompiler(capabilities));
  }

  // SQLite transactions are always SERIALIZABLE (https://www.sqlite.org/isolation.html).
  isolationLevelSql(level: IsolationLevel): string | undefined {
    if (level === 'Serializable') return undefined;
    throw new SqlCompileError('UNSUPPORTED', this.name, `isolation level ${level}; SQLite transactions are always Serializable`);
  }

  beginTransactionSql(options: TransactionOptions = {}): readonly string[] {
    if (options.isolationLevel !== undefined) this.isolationLevelSql(options.isolationLevel);
    switch (options.behavior ?? 'deferred') {
      case 'deferred':
        return ['BEGIN DEFERRED'];
      case 'immediate':
        return ['BEGIN IMMEDIATE'];
      case 'exclusive':
        return ['BEGIN EXCLUSIVE'];
      default:
        throw new SqlCompileError('INVALID', this.name, `unknown transaction behavior ${JSON.stringify(options.behavior)}`);
    }
  }
}
