import type { Capabilities } from '../../compiler/capabilities.js';
import { BaseDialect, type IsolationLevel, type TransactionOptions } from '../dialect.js';
import { PostgresCompiler, type PostgresJsonType } from './postgres-compiler.js';

export interface PostgresDialectOptions {
  /**
   * The JSON type built for relation loading. Default `json`: it is cheaper to build (20 users
   * with 20 posts each as one statement: `json_agg` ~6 ms, `jsonb_agg` ~7 ms, measured on
   * PostgreSQL 15) and keeps a `json` column's text as written (key order included), as reading
   * the column directly does. `jsonb` has an equality operator: choose it to put the built
   * JSON through SELECT DISTINCT or UNION, which `json` refuses.
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
      jsonAggLimit: false,
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
    super(new PostgresCompiler(capabilities, options.json ?? 'json'));
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
