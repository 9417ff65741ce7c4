import type { Capabilities } from '../compiler/capabilities.js';
import type { CompiledQuery } from '../compiler/compiled-query.js';
import { SqlCompileError } from '../compiler/errors.js';
import type { QueryCompiler } from '../compiler/query-compiler.js';
import type { StatementNode } from '../nodes/statement.js';

export type DialectName = 'sqlite' | 'postgres' | 'mysql';

/** Prisma's names for the standard isolation levels. */
export type IsolationLevel = 'ReadUncommitted' | 'ReadCommitted' | 'RepeatableRead' | 'Serializable';

export const ISOLATION_LEVEL_SQL: Readonly<Record<IsolationLevel, string>> = {
  ReadUncommitted: 'READ UNCOMMITTED',
  ReadCommitted: 'READ COMMITTED',
  RepeatableRead: 'REPEATABLE READ',
  Serializable: 'SERIALIZABLE',
};

export interface TransactionOptions {
  readonly isolationLevel?: IsolationLevel;
  /**
   * sqlite only (ignored elsewhere): when the write lock is taken. `immediate` avoids
   * SQLITE_BUSY on the first write of a transaction that started by reading.
   * https://www.sqlite.org/lang_transaction.html
   */
  readonly behavior?: 'deferred' | 'immediate' | 'exclusive';
}

/** Everything the runtime and migrate need to know about one database family. */
export interface Dialect {
  readonly name: DialectName;
  readonly capabilities: Capabilities;
  /** The dialect's compiler (one reused instance); `compile` below delegates to it. */
  readonly compiler: QueryCompiler;
  compile(node: StatementNode): CompiledQuery;
  /** `name` quoted and escaped: `"a""b"` or `` `a``b` ``. */
  quoteIdentifier(name: string): string;
  /** The placeholder for the parameter at 1-based `position`: `?` or `$n`. */
  placeholder(position: number): string;
  /**
   * A statement that sets the isolation level of the next/current transaction, or undefined
   * when the level needs no statement (sqlite is always serializable). Throws
   * `SqlCompileError('UNSUPPORTED')` for a level the database cannot provide.
   */
  isolationLevelSql(level: IsolationLevel): string | undefined;
  /** The statements that open a transaction, to be run in order on one connection. */
  beginTransactionSql(options?: TransactionOptions): readonly string[];
  readonly commitSql: string;
  readonly rollbackSql: string;
  savepointSql(name: string): string;
  releaseSavepointSql(name: string): string;
  rollbackToSavepointSql(name: string): string;
}

/** The shared part of the three dialects: delegation to the compiler and savepoints. */
export abstract class BaseDialect implements Dialect {
  abstract readonly name: DialectName;
  readonly capabilities: Capabilities;
  readonly commitSql = 'COMMIT';
  readonly rollbackSql = 'ROLLBACK';

  constructor(readonly compiler: QueryCompiler) {
    this.capabilities = compiler.capabilities;
  }

  compile(node: StatementNode): CompiledQuery {
    return this.compiler.compile(node);
  }

  quoteIdentifier(name: string): string {
    return this.compiler.quoteIdentifier(name);
  }

  placeholder(position: number): string {
    return this.compiler.placeholder(position);
  }

  abstract isolationLevelSql(level: IsolationLevel): string | undefined;
  abstract beginTransactionSql(options?: TransactionOptions): readonly string[];

  savepointSql(name: string): string {
    return 'SAVEPOINT ' + this.quoteIdentifier(name);
  }

  releaseSavepointSql(name: string): string {
    return 'RELEASE SAVEPOINT ' + this.quoteIdentifier(name);
  }

  rollbackToSavepointSql(name: string): string {
    return 'ROLLBACK TO SAVEPOINT ' + this.quoteIdentifier(name);
  }

  protected isolationKeywords(level: IsolationLevel): string {
    const keywords = ISOLATION_LEVEL_SQL[level];
    if (keywords === undefined) throw new SqlCompileError('INVALID', this.name, `unknown isolation level ${JSON.stringify(level)}`);
    return keywords;
  }
}
