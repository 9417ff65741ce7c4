import { MysqlDialect } from '@kiln/sql';
import type * as mysql from 'mysql2/promise';
import { acquireWithin } from '../../driver/acquire.js';
import type { Driver, TransactionSettings } from '../../driver/driver.js';
import type { ExecuteResult, Queryable, QueryOptions, Row } from '../../driver/queryable.js';
import { KilnConnectionError } from '../../errors/kiln-error.js';
import { translateSessionError } from '../../errors/translate.js';
import { DecimalText, expandKeyLists, KeyList } from './key-list.js';
import { classifyMysqlError } from './mysql-errors.js';

export interface MysqlOptions {
  /** Most connections the pool opens (default 10; the URL's `connection_limit` too). */
  max?: number;
  /** Milliseconds an idle connection stays open (default 10,000). */
  idleTimeout?: number;
  /** Milliseconds to wait for a new connection, or for a free one when the pool is full (default 5,000; 0: no limit). */
  connectTimeout?: number;
  /** TLS: `true`, or node `tls.connect` options (`ca`, `cert`, `key`, `rejectUnauthorized`...). */
  ssl?: boolean | Record<string, unknown>;
  /** Skip asking the server and assume this `VERSION()` (e.g. behind a proxy that reports its own). */
  serverVersion?: string;
}

type Mysql2 = typeof mysql;
/** mysql2's typed-parameter factories (3.15+); older versions send a bigint as its text. */
type TypedFactories = { LONGLONG: ((v: bigint) => unknown) & { unsigned: (v: bigint) => unknown }; NEWDECIMAL: (v: string) => unknown } | null;

const MAX_SIGNED = 2n ** 63n - 1n;

/** A connection taken from the pool; `release` or `destroy` gives it back, once. */
interface Lease {
  conn: mysql.PoolConnection;
  release(): void;
  destroy(): void;
}

/**
 * A mysql2 pool. Statements run as server-side prepared statements (`execute`), which mysql2
 * caches per connection; raw SQL without parameters runs as a plain query. Sessions run in UTC
 * (`time_zone = '+00:00'`, so TIMESTAMP columns and NOW() agree with the UTC DATETIMEs Kiln
 * writes), and dates and JSON are read as text and decoded by the codec.
 *
 * The SQL dialect depends on the server: MariaDB 10.5+ has INSERT/DELETE .. RETURNING, MySQL
 * none. `connect()` reads `SELECT VERSION()` and configures it before anything is planned.
 */
export class Mysql2Driver implements Driver {
  dialect: MysqlDialect;
  readonly dialectFromServer = true;
  readonly provider = 'mysql' as const;
  private pool: mysql.Pool | null = null;
  private opening: Promise<mysql.Pool> | null = null;
  private typed: TypedFactories = null;
  private readonly config: mysql.PoolOptions;
  private readonly target: string;
  private readonly max: number;
  private readonly connectTimeout: number;
  /**
   * Connections asked of the pool and not yet given back, waits that gave up included. Below
   * `max`, the pool has a free connection or room for a new one, so a call cannot queue.
   */
  private taken = 0;

  constructor(url: string, private readonly options: MysqlOptions = {}) {
    const parsed = parseMysqlUrl(url);
    this.target = parsed.target;
    this.dialect = options.serverVersion ? mysqlDialectFor(options.serverVersion) : new MysqlDialect();
    this.max = options.max ?? parsed.max ?? 10;
    this.connectTimeout = options.connectTimeout ?? parsed.connectTimeout ?? 5_000;
    this.config = {
      uri: parsed.uri,
      connectionLimit: this.max,
      maxIdle: this.max,
      idleTimeout: options.idleTimeout ?? 10_000,
      connectTimeout: this.connectTimeout,
      ...(options.ssl !== undefined ? { ssl: options.ssl === true ? {} : (options.ssl as mysql.SslOptions) } : {}),
      // The session runs in UTC too, but mysql2 formats Date parameters itself: in UTC.
      timezone: 'Z',
      dateStrings: true,
      jsonStrings: true,
      // BIGINT: a number when it fits a double exactly, else a string; DECIMAL: a string.
      supportBigNumbers: true,
      bigNumberStrings: false,
      decimalNumbers: false,
      // Per connection; the server's max_prepared_stmt_count (16,382) is shared by all of them.
      maxPreparedStatements: 500,
      enableKeepAlive: true,
    };
  }

  async connect(): Promise<void> {
    await this.getPool();
  }

  private getPool(): Promise<mysql.Pool> {
    if (this.pool) return Promise.resolve(this.pool);
    return (this.opening ??= this.open().finally(() => (this.opening = null)));
  }

  private async open(): Promise<mysql.Pool> {
    let driver: Mysql2;
    try {
      // mysql2 is CommonJS: some exports (TypedParameter) are getters only `default` has.
      const mod = (await import('mysql2/promise')) as unknown as { default?: Mysql2 } & Mysql2;
      driver = mod.default ?? mod;
    } catch (cause) {
      throw new KilnConnectionError('The MySQL driver is not installed: run `npm install mysql2`.', { cause });
    }
    const typed = (driver as unknown as { TypedParameter?: TypedFactories }).TypedParameter;
    this.typed = typed && typeof typed.LONGLONG === 'function' && typeof typed.NEWDECIMAL === 'function' ? typed : null;
    const pool = driver.createPool(this.config);
    // Every new connection: UTC session. Queued before any query the pool hands it out for.
    (pool as unknown as { pool: { on(e: 'connection', f: (c: { query(sql: string, cb: () => void): void }) => void): void } }).pool.on('connection', (c) => {
      c.query("SET time_zone = '+00:00'", () => undefined);
    });
    try {
      const [rows] = await pool.query('SELECT VERSION() AS v');
      if (!this.options.serverVersion) this.dialect = mysqlDialectFor(String((rows as { v: unknown }[])[0]?.v ?? ''));
    } catch (cause) {
      await pool.end().catch(() => undefined);
      throw new KilnConnectionError(`Cannot connect to MySQL at ${this.target}: ${(cause as Error).message}`, { cause });
    }
    this.pool = pool;
    return pool;
  }

  async close(): Promise<void> {
    const pool = this.pool ?? (this.opening ? await this.opening.catch(() => null) : null);
    this.pool = null;
    if (pool) await pool.end();
  }

  /**
   * Expands key lists; sends bigints as 64-bit integers and Decimals as DECIMAL, typed: as text
   * they would be converted to a double by comparisons and arithmetic.
   */
  private prepare(sql: string, params: readonly unknown[]): { sql: string; params: unknown[] } {
    let expand = false;
    let convert = false;
    for (let i = 0; i < params.length; i++) {
      const p = params[i];
      if (p instanceof KeyList) expand = true;
      else if (typeof p === 'bigint' || p instanceof DecimalText) convert = true;
    }
    if (!expand && !convert) return { sql, params: params as unknown[] };
    const out = expand ? expandKeyLists(sql, params, this.dialect.capabilities.maxParameters) : { sql, params: params as unknown[] };
    const typed = this.typed;
    out.params = out.params.map((p) => {
      if (p instanceof DecimalText) return typed ? typed.NEWDECIMAL(p.text) : p.text;
      if (typeof p === 'bigint' && typed) return p > MAX_SIGNED ? typed.LONGLONG.unsigned(p) : typed.LONGLONG(p);
      return p;
    });
    return out;
  }

  private async run(target: mysql.Pool | mysql.PoolConnection, sql: string, params: readonly unknown[], options: QueryOptions | undefined): Promise<unknown> {
    // Raw text without parameters may be something the server cannot prepare (several
    // statements, some administrative commands): send it as a plain query.
    if (options?.raw && params.length === 0) return (await target.query(sql))[0];
    const p = this.prepare(sql, params);
    return (await target.execute(p.sql, p.params as never))[0];
  }

  async query(sql: string, params: readonly unknown[], options?: QueryOptions): Promise<Row[]> {
    const result = await this.runPooled(sql, params, options);
    return Array.isArray(result) ? (result as Row[]) : [];
  }

  async execute(sql: string, params: readonly unknown[], options?: QueryOptions): Promise<ExecuteResult> {
    return executeResult(await this.runPooled(sql, params, options));
  }

  /**
   * A statement on any pooled connection. mysql2 queues a call without a time limit when every
   * connection is in use; then the wait is bounded here by `connectTimeout` (P2024), as pg-pool
   * bounds it, so an exhausted pool fails instead of hanging.
   */
  private async runPooled(sql: string, params: readonly unknown[], options: QueryOptions | undefined): Promise<unknown> {
    const pool = this.pool ?? (await this.getPool());
    if (this.taken < this.max) {
      this.taken++;
      try {
        return await this.run(pool, sql, params, options);
      } finally {
        this.taken--;
      }
    }
    let lease: Lease;
    try {
      lease = await acquireWithin(() => this.lease(pool), this.poolWait(undefined), this.max);
    } catch (e) {
      throw translateSessionError(e, classifyMysqlError);
    }
    try {
      return await this.run(lease.conn, sql, params, options);
    } finally {
      lease.release();
    }
  }

  /** The longest wait for a connection when all are in use: connectTimeout (0: none), and maxWait. */
  private poolWait(maxWait: number | undefined): number | undefined {
    const bound = this.connectTimeout > 0 ? this.connectTimeout : undefined;
    if (maxWait === undefined) return bound;
    return bound === undefined ? maxWait : Math.min(maxWait, bound);
  }

  /** A connection of the pool, counted in `taken` until it is given back. */
  private lease(pool: mysql.Pool): Promise<Lease> {
    this.taken++;
    return pool.getConnection().then(
      (conn) => {
        let out = false;
        const giveBack = (destroy: boolean) => {
          if (out) return;
          out = true;
          this.taken--;
          if (destroy) conn.destroy();
          else conn.release();
        };
        return { conn, release: () => giveBack(false), destroy: () => giveBack(true) };
      },
      (e: unknown) => {
        this.taken--;
        throw e;
      },
    );
  }

  async transaction<T>(fn: (conn: Queryable) => Promise<T>, settings: TransactionSettings): Promise<T> {
    const pool = this.pool ?? (await this.getPool());
    // With every connection in use, the wait is bounded by connectTimeout too, as on PostgreSQL
    // (and so is the engine's own transaction, which sets no maxWait).
    const wait = this.taken >= this.max ? this.poolWait(settings.maxWait) : settings.maxWait;
    let lease: Lease;
    try {
      lease = await acquireWithin(() => this.lease(pool), wait, this.max);
    } catch (e) {
      throw translateSessionError(e, classifyMysqlError);
    }
    const conn = lease.conn;
    const queryable: Queryable = {
      query: async (sql, params, options) => {
        const result = await this.run(conn, sql, params, options);
        return Array.isArray(result) ? (result as Row[]) : [];
      },
      execute: async (sql, params, options) => executeResult(await this.run(conn, sql, params, options)),
    };
    try {
      // SET TRANSACTION ISOLATION LEVEL applies to the next transaction only, then START TRANSACTION.
      for (const s of this.dialect.beginTransactionSql(settings.isolationLevel ? { isolationLevel: settings.isolationLevel } : {})) await conn.query(s);
    } catch (e) {
      lease.destroy();
      throw translateSessionError(e, classifyMysqlError);
    }
    let result: T;
    try {
      result = await fn(queryable);
    } catch (e) {
      // A lost connection fails ROLLBACK at once; the connection is then discarded.
      try {
        await conn.query('ROLLBACK');
        lease.release();
      } catch {
        lease.destroy();
      }
      throw e;
    }
    try {
      await conn.query('COMMIT');
    } catch (e) {
      lease.destroy();
      throw translateSessionError(e, classifyMysqlError);
    }
    lease.release();
    return result;
  }
}

function executeResult(result: unknown): ExecuteResult {
  if (Array.isArray(result)) return { affectedRows: result.length };
  const header = result as { affectedRows?: number; insertId?: number | string };
  return { affectedRows: header.affectedRows ?? 0, ...(header.insertId ? { insertId: header.insertId } : {}) };
}


/**
 * The dialect for a `VERSION()` string: `10.11.6-MariaDB-...` or `8.0.36`. MariaDB 10.5 added
 * INSERT/DELETE .. RETURNING (https://mariadb.com/kb/en/insertreturning/); MySQL has none.
 */
export function mysqlDialectFor(version: string): MysqlDialect {
  const [major = 0, minor = 0, patch = 0] = (/^(\d+)\.(\d+)\.(\d+)/.exec(version)?.slice(1) ?? []).map(Number);
  if (/mariadb/i.test(version)) {
    const modern = major > 10 || (major === 10 && minor >= 5);
    return new MysqlDialect({ flavor: 'mariadb', returning: modern, jsonAggOrderBy: modern });
  }
  const lateral = major > 8 || (major === 8 && (minor > 0 || patch >= 14));
  return new MysqlDialect({ flavor: 'mysql', lateral });
}

interface ParsedUrl {
  uri: string;
  target: string;
  max: number | undefined;
  connectTimeout: number | undefined;
}

/**
 * `mysql://` or `mariadb://` for mysql2, without Prisma's parameters (mysql2 would warn about
 * unknown options): `connection_limit`, `connect_timeout` (seconds), `pool_timeout`,
 * `socket_timeout`, `sslaccept`.
 */
export function parseMysqlUrl(url: string): ParsedUrl {
  let u: URL;
  try {
    u = new URL(url.replace(/^mariadb:/i, 'mysql:'));
  } catch (cause) {
    throw new KilnConnectionError('The MySQL URL is not valid: expected mysql://user:password@host:port/database', { cause });
  }
  const take = (name: string): string | null => {
    const v = u.searchParams.get(name);
    u.searchParams.delete(name);
    return v;
  };
  const limit = take('connection_limit');
  const timeout = take('connect_timeout');
  for (const p of ['pool_timeout', 'socket_timeout', 'sslaccept', 'schema']) take(p);
  return {
    uri: u.toString(),
    target: `${u.hostname || 'localhost'}${u.port ? ':' + u.port : ''}${u.pathname}`,
    max: limit && /^\d+$/.test(limit) ? Number(limit) : undefined,
    connectTimeout: timeout && /^\d+$/.test(timeout) ? Number(timeout) * 1000 : undefined,
  };
}
