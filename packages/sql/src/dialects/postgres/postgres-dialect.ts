import type { Capabilities } from '../../compiler/capabilities.js';
import { BaseDialect, type IsolationLevel, type TransactionOptions } from '../dialect.js';
import { PostgresCompiler, type PostgresJsonType } from './postgres-compiler.js';

export interface PostgresDialectOptions {
  /**
   * The JSON type built for relation loading. Default `jsonb`: `json` has no equality
   * operator, so a `json` column breaks SELECT DISTINCT and UNION; `json` keeps key order
   * and is slightly cheaper to build.
   */
  readonly json?: PostgresJsonType;
}

export class PostgresDialect extends BaseDialect {
  readonly name = 'postgres';

  constructor(options: PostgresDialectOptions = {}) {
    const capabilities: Capabilities = {
      returning: true,
      returningOnUpdate: true,
      lateral: true,
      ilike: true,
      caseSensitiveLike: true,
      nullsOrdering: true,
      distinctOn: true,
      jsonAgg: true,
      jsonAggOrderBy: true,
      forUpdate: true,
      defaultInValues: true,
      multiRowDefaultValues: false,
      upsertTarget: true,
      upsertWhere: true,
      nativeBoolean: true,
      // The wire protocol counts parameters in an Int16.
      maxParameters: 65535,
      // NAMEDATALEN - 1; longer names are truncated silently.
      maxIdentifierLength: 63,
    };
    super(new PostgresCompiler(capabilities, options.json ?? 'jsonb'));
  }

  // https://www.postgresql.org/docs/current/sql-set-transaction.html
  isolationLevelSql(level: IsolationLevel): string {
    return 'SET TRANSACTION ISOLATION LEVEL ' + this.isolationKeywords(level);
  }

  // https://www.postgresql.org/docs/current/sql-begin.html
  beginTransactionSql(options: TransactionOptions = {}): readonly string[] {
    if (options.isolationLevel === undefined) return ['BEGIN'];
    return ['BEGIN ISOLATION LEVEL ' + this.isolationKeywords(options.isolationLevel)];
  }
}
