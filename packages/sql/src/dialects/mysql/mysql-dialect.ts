import type { Capabilities } from '../../compiler/capabilities.js';
import { BaseDialect, type IsolationLevel, type TransactionOptions } from '../dialect.js';
import { MysqlCompiler, type MysqlFlavor } from './mysql-compiler.js';

/**
 * The server version is only known after connecting, so the runtime builds the dialect then.
 * `flavor` picks defaults; each capability below overrides its default.
 */
export interface MysqlDialectOptions {
  /** Default 'mysql' (MySQL 8.0.14+). 'mariadb' assumes MariaDB 10.5+. */
  readonly flavor?: MysqlFlavor;
  /** INSERT/DELETE .. RETURNING. Default: false on MySQL, true on MariaDB (10.5+). */
  readonly returning?: boolean;
  /** LATERAL joins. Default: true on MySQL (8.0.14+), false on MariaDB. */
  readonly lateral?: boolean;
  /** ORDER BY inside JSON_ARRAYAGG. Default: false on MySQL, true on MariaDB (10.5+). */
  readonly jsonAggOrderBy?: boolean;
  /**
   * LIMIT / OFFSET inside JSON_ARRAYAGG. Default: as `jsonAggOrderBy` on MariaDB (both came with
   * JSON_ARRAYAGG in 10.5), false on MySQL.
   */
  readonly jsonAggLimit?: boolean;
}

export class MysqlDialect extends BaseDialect {
  readonly name = 'mysql';
  readonly flavor: MysqlFlavor;

  constructor(options: MysqlDialectOptions = {}) {
    const flavor = options.flavor ?? 'mysql';
    const mariadb = flavor === 'mariadb';
    const capabilities: Capabilities = {
      returning: options.returning ?? mariadb,
      // MariaDB has RETURNING for INSERT and DELETE but not UPDATE.
      returningOnUpdate: false,
      lateral: options.lateral ?? !mariadb,
      ilike: false,
      caseSensitiveLike: false,
      nullsOrdering: false,
      distinctOn: false,
      jsonAgg: true,
      jsonAggOrderBy: options.jsonAggOrderBy ?? mariadb,
      jsonAggLimit: options.jsonAggLimit ?? (mariadb && (options.jsonAggOrderBy ?? true)),
      forUpdate: true,
      defaultInValues: true,
      multiRowDefaultValues: true,
      upsertTarget: false,
      upsertWhere: false,
      nativeBoolean: false,
      // Prepared statements count placeholders in a 16-bit field.
      maxParameters: 65535,
      maxIdentifierLength: 64,
    };
    super(new MysqlCompiler(capabilities, flavor));
    this.flavor = flavor;
  }

  // https://dev.mysql.com/doc/refman/8.0/en/set-transaction.html: without GLOBAL/SESSION
  // the level applies to the next transaction only, so it must run before START TRANSACTION.
  isolationLevelSql(level: IsolationLevel): string {
    return 'SET TRANSACTION ISOLATION LEVEL ' + this.isolationKeywords(level);
  }

  beginTransactionSql(options: TransactionOptions = {}): readonly string[] {
    if (options.isolationLevel === undefined) return ['START TRANSACTION'];
    return [this.isolationLevelSql(options.isolationLevel), 'START TRANSACTION'];
  }
}
