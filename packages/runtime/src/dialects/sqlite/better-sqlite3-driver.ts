import { SqliteDialect, type Dialect } from '@kiln/sql';
import type BetterSqlite3 from 'better-sqlite3';
import { AsyncLock } from '../../driver/async-lock.js';
import type { Driver, ExecuteResult, Queryable, QueryOptions, Row, TransactionSettings } from '../../driver/driver.js';
import { KilnConnectionError } from '../../errors/kiln-error.js';
import { translateSessionError } from '../../errors/translate.js';
import { classifySqliteError } from './sqlite-errors.js';

export interface SqliteOptions {
  /** Milliseconds to wait for a lock held by another process (better-sqlite3 `timeout`). */
  busyTimeout?: number;
  readonly?: boolean;
  /** PRAGMAs run on connect, e.g. `{ journal_mode: 'WAL', synchronous: 'NORMAL' }`. */
  pragmas?: Record<string, string | number>;
}

const STATEMENT_CACHE_SIZE = 500;

/**
 * better-sqlite3 is synchronous and has one connection. Statements are prepared once and reused;
 * an interactive transaction holds the connection's lock so other callers wait for it.
 */
export class BetterSqlite3Driver implements Driver {
  readonly dialect: Dialect = new SqliteDialect();
  readonly provider = 'sqlite' as const;
  private db: BetterSqlite3.Database | null = null;
  /** Prepared statements by SQL text; a second map for those reading integers as bigint. */
  private readonly statements = new Map<string, BetterSqlite3.Statement>();
  private readonly bigintStatements = new Map<string, BetterSqlite3.Statement>();
  private readonly lock = new AsyncLock();

  constructor(
    private readonly filename: string,
    private readonly options: SqliteOptions = {},
  ) {}

  async connect(): Promise<void> {
    if (this.db) return;
    let Database: typeof BetterSqlite3;
    try {
      Database = (await import('better-sqlite3')).default;
    } catch (cause) {
      throw new KilnConnectionError('The SQLite driver is not installed: run `npm install better-sqlite3`.', { cause });
    }
    try {
      this.db = new Database(this.filename, { timeout: this.options.busyTimeout ?? 5000, readonly: this.options.readonly ?? false });
      this.db.pragma('foreign_keys = ON');
      // SQLite's lower() folds ASCII only; mode: 'insensitive' compares lower(a) with lower(b),
      // so give it Unicode case folding (an application function overrides the built-in).
      this.db.function('lower', { deterministic: true }, (s: unknown) => (typeof s === 'string' ? s.toLowerCase() : s));
      for (const [name, value] of Object.entries(this.options.pragmas ?? {})) {
        if (!/^[a-z_]+$/.test(name) || !/^[A-Za-z0-9_-]+$/.test(String(value))) {
          throw new KilnConnectionError(`Invalid SQLite pragma ${JSON.stringify(name)} = ${JSON.stringify(value)}.`);
        }
        this.db.pragma(`${name} = ${value}`);
      }
    } catch (cause) {
      throw new KilnConnectionError(`Cannot open the SQLite database "${this.filename}": ${(cause as Error).message}`, { cause });
    }
  }

  async close(): Promise<void> {
    await this.lock.idle();
    this.statements.clear();
    this.bigintStatements.clear();
    this.db?.close();
    this.db = null;
  }

  private statement(sql: string, bigints: boolean): BetterSqlite3.Statement {
    const cache = bigints ? this.bigintStatements : this.statements;
    let stmt = cache.get(sql);
    if (!stmt) {
      if (!this.db) throw new KilnConnectionError('The client is disconnected.');
      stmt = this.db.prepare(sql);
      if (bigints && stmt.reader) stmt.safeIntegers(true);
      if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
      cache.set(sql, stmt);
    }
    return stmt;
  }

  private runQuery(sql: string, params: readonly unknown[], options?: QueryOptions): Row[] {
    const stmt = this.statement(sql, options?.bigints === true);
    if (stmt.reader) return stmt.all(...(params as unknown[])) as Row[];
    stmt.run(...(params as unknown[]));
    return [];
  }

  private runExecute(sql: string, params: readonly unknown[]): ExecuteResult {
    const stmt = this.statement(sql, false);
    if (stmt.reader) return { affectedRows: stmt.all(...(params as unknown[])).length };
    return { affectedRows: stmt.run(...(params as unknown[])).changes };
  }

  async query(sql: string, params: readonly unknown[], options?: QueryOptions): Promise<Row[]> {
    if (this.lock.locked) await this.lock.idle();
    if (!this.db) await this.connect();
    return this.runQuery(sql, params, options);
  }

  async execute(sql: string, params: readonly unknown[]): Promise<ExecuteResult> {
    if (this.lock.locked) await this.lock.idle();
    if (!this.db) await this.connect();
    return this.runExecute(sql, params);
  }

  async transaction<T>(fn: (conn: Queryable) => Promise<T>, settings: TransactionSettings): Promise<T> {
    if (!this.db) await this.connect();
    const release = await this.lock.acquire();
    const conn: Queryable = {
      query: async (sql, params, options) => this.runQuery(sql, params, options),
      execute: async (sql, params) => this.runExecute(sql, params),
    };
    try {
      // IMMEDIATE takes the write lock up front, so read-then-write cannot deadlock
      // (https://www.sqlite.org/lang_transaction.html); SQLite is always serializable.
      try {
        for (const s of this.dialect.beginTransactionSql({ behavior: 'immediate', ...(settings.isolationLevel ? { isolationLevel: settings.isolationLevel } : {}) })) {
          this.db!.exec(s);
        }
      } catch (e) {
        // Another connection's lock outlasted busyTimeout: a typed timeout, not a raw SqliteError.
        throw translateSessionError(e, classifySqliteError);
      }
      let result: T;
      try {
        result = await fn(conn);
      } catch (e) {
        if (this.db?.inTransaction) this.db.exec('ROLLBACK');
        throw e;
      }
      this.db!.exec('COMMIT');
      return result;
    } finally {
      release();
    }
  }
}
