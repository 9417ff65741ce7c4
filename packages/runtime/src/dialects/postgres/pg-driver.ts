import { PostgresDialect, type Dialect } from '@kiln/sql';
import type pg from 'pg';
import { acquireWithin } from '../../driver/acquire.js';
import type { Driver, TransactionSettings } from '../../driver/driver.js';
import type { ExecuteResult, Queryable, QueryOptions, Row } from '../../driver/queryable.js';
import { KilnConnectionError, KilnPoolTimeoutError } from '../../errors/kiln-error.js';
import { translateSessionError } from '../../errors/translate.js';
import { parseDateTimeText } from '../../driver/date-time-text.js';
import { classifyPostgresError } from './postgres-errors.js';

export interface PgOptions {
  /** Most connections the pool opens (default 10; the URL's `connection_limit` too). */
  max?: number;
  /** Milliseconds an idle connection stays open (default 10,000). */
  idleTimeout?: number;
  /** Milliseconds to wait for a new connection, or for a free one when the pool is full (default 5,000). */
  connectTimeout?: number;
  /** TLS: `true`, or node `tls.connect` options (`ca`, `cert`, `key`, `rejectUnauthorized`...). */
  ssl?: boolean | Record<string, unknown>;
}

/** Named (server-prepared) statements per connection, at most; later ones run unnamed. */
const NAMED_STATEMENTS_MAX = 1000;

type PgModule = typeof pg;

/**
 * A pg Pool. Statements the engine runs are named, so each pooled connection parses and plans a
 * statement once and then only binds it (pg keeps the per-connection bookkeeping); raw SQL runs
 * unnamed. Values are read through the pool's own type parsers, never pg's process-global ones:
 * `timestamp` (which Kiln writes in UTC) as UTC, int8 as bigint.
 */
export class PgDriver implements Driver {
  readonly dialect: Dialect = new PostgresDialect();
  readonly provider = 'postgresql' as const;
  private pool: pg.Pool | null = null;
  private opening: Promise<pg.Pool> | null = null;
  private readonly names = new Map<string, string>();
  private readonly config: pg.PoolConfig;
  private readonly target: string;
  private readonly prepare: boolean;

  constructor(url: string, options: PgOptions = {}) {
    const parsed = parsePostgresUrl(url);
    this.target = parsed.target;
    this.prepare = parsed.prepare;
    this.config = {
      connectionString: parsed.connectionString,
      max: options.max ?? parsed.max ?? 10,
      idleTimeoutMillis: options.idleTimeout ?? 10_000,
      connectionTimeoutMillis: options.connectTimeout ?? parsed.connectTimeout ?? 5_000,
      ...(options.ssl !== undefined ? { ssl: options.ssl } : {}),
      // The server applies `-c` options at connection start: no extra round trip per connection.
      // Sessions run in UTC, so `now()`/CURRENT_TIMESTAMP defaults of `timestamp` columns hold the
      // UTC wall clock, as the values Kiln writes do.
      options: [
        '-c TimeZone=UTC',
        ...(parsed.schema ? [`-c search_path=${escapeOption(this.dialect.quoteIdentifier(parsed.schema))}`] : []),
        ...(parsed.options ? [parsed.options] : []),
      ].join(' '),
    };
  }

  async connect(): Promise<void> {
    await this.getPool();
  }

  private getPool(): Promise<pg.Pool> {
    if (this.pool) return Promise.resolve(this.pool);
    return (this.opening ??= this.open().finally(() => (this.opening = null)));
  }

  private async open(): Promise<pg.Pool> {
    let pgModule: PgModule;
    try {
      pgModule = (await import('pg')).default;
    } catch (cause) {
      throw new KilnConnectionError('The PostgreSQL driver is not installed: run `npm install pg`.', { cause });
    }
    const pool = new pgModule.Pool({ ...this.config, types: typeParsers(pgModule) });
    // An idle connection that drops emits 'error' on the pool; unhandled it would end the
    // process. The next query on the pool gets a fresh connection.
    pool.on('error', () => undefined);
    try {
      (await pool.connect()).release();
    } catch (cause) {
      await pool.end().catch(() => undefined);
      throw new KilnConnectionError(`Cannot connect to PostgreSQL at ${this.target}: ${(cause as Error).message}`, { cause });
    }
    this.pool = pool;
    return pool;
  }

  async close(): Promise<void> {
    const pool = this.pool ?? (this.opening ? await this.opening.catch(() => null) : null);
    this.pool = null;
    if (pool) await pool.end();
  }

  /** The query config: engine statements named once per SQL text. */
  private statement(sql: string, params: readonly unknown[], options: QueryOptions | undefined): pg.QueryConfig {
    if (!this.prepare || options?.raw) return { text: sql, values: params as unknown[] };
    let name = this.names.get(sql);
    if (name === undefined && this.names.size < NAMED_STATEMENTS_MAX) {
      name = 'k' + this.names.size;
      this.names.set(sql, name);
    }
    return name === undefined ? { text: sql, values: params as unknown[] } : { name, text: sql, values: params as unknown[] };
  }

  async query(sql: string, params: readonly unknown[], options?: QueryOptions): Promise<Row[]> {
    const pool = this.pool ?? (await this.getPool());
    try {
      return (await pool.query(this.statement(sql, params, options))).rows as Row[];
    } catch (e) {
      throw this.poolTimeout(e);
    }
  }

  async execute(sql: string, params: readonly unknown[], options?: QueryOptions): Promise<ExecuteResult> {
    const pool = this.pool ?? (await this.getPool());
    try {
      return { affectedRows: (await pool.query(this.statement(sql, params, options))).rowCount ?? 0 };
    } catch (e) {
      throw this.poolTimeout(e);
    }
  }

  /**
   * pg-pool's error for a call that waited `connectionTimeoutMillis` with every connection in
   * use (its wait for a new connection fails differently) as P2024, naming the pool's size.
   */
  private poolTimeout(e: unknown): unknown {
    if (e instanceof Error && e.message === 'timeout exceeded when trying to connect') {
      return new KilnPoolTimeoutError(this.config.max!, this.config.connectionTimeoutMillis!, { cause: e });
    }
    return e;
  }

  async transaction<T>(fn: (conn: Queryable) => Promise<T>, settings: TransactionSettings): Promise<T> {
    const pool = this.pool ?? (await this.getPool());
    let client: pg.PoolClient;
    try {
      client = await acquireWithin(() => pool.connect(), settings.maxWait, this.config.max!);
    } catch (e) {
      throw translateSessionError(this.poolTimeout(e), classifyPostgresError);
    }
    // pg-pool listens for 'error' on idle clients only: a checked-out client whose connection
    // drops between statements would raise an unhandled 'error' and end the process. With this
    // listener the next statement on it fails instead (P1017), and the client is discarded.
    client.on('error', ignore);
    const release = (error?: Error): void => {
      client.removeListener('error', ignore);
      client.release(error);
    };
    const conn: Queryable = {
      query: async (sql, params, options) => (await client.query(this.statement(sql, params, options))).rows as Row[],
      execute: async (sql, params, options) => ({ affectedRows: (await client.query(this.statement(sql, params, options))).rowCount ?? 0 }),
    };
    try {
      for (const s of this.dialect.beginTransactionSql(settings.isolationLevel ? { isolationLevel: settings.isolationLevel } : {})) await client.query(s);
    } catch (e) {
      release(e as Error);
      throw translateSessionError(e, classifyPostgresError);
    }
    let result: T;
    try {
      result = await fn(conn);
    } catch (e) {
      // ROLLBACK waits behind a statement still running on the connection (a timed-out
      // callback's), so the connection goes back to the pool clean; if even that fails (the
      // connection is gone), the connection is discarded.
      try {
        await client.query('ROLLBACK');
        release();
      } catch (rollbackError) {
        release(rollbackError as Error);
      }
      throw e;
    }
    try {
      await client.query('COMMIT');
    } catch (e) {
      // A serialization failure can surface at COMMIT (P2034), or the connection be gone.
      release(e as Error);
      throw translateSessionError(e, classifyPostgresError);
    }
    release();
    return result;
  }
}

const ignore = (): void => undefined;


/**
 * Type parsers for this pool only (pg's `types` option), falling back to pg's defaults:
 * `timestamp` and `date` as UTC (pg's default reads them in the process's time zone), int8 as
 * bigint (the default is a string). numeric stays an exact string; json/jsonb are parsed; bytea is
 * a Buffer; timestamptz is an instant already.
 */
function typeParsers(pgModule: PgModule): pg.CustomTypesConfig {
  const types = pgModule.types;
  const textArray = types.getTypeParser(1009 /* text[] */ as never, 'text') as (s: string) => (string | null)[];
  const list = (one: (s: string) => unknown) => (s: string) => textArray(s).map((x) => (x === null ? null : one(x)));
  const timestamp = (s: string): unknown => (s === 'infinity' || s === '-infinity' ? s : parseDateTimeText(s));
  const overrides: Record<number, (s: string) => unknown> = {
    20: BigInt, // int8
    1016: list(BigInt), // int8[]
    1231: list((s) => s), // numeric[]: exact text, as numeric itself (pg's default parses floats)
    1114: timestamp, // timestamp without time zone
    1115: list(timestamp), // timestamp[]
    1082: timestamp, // date
    1182: list(timestamp), // date[]
  };
  return {
    getTypeParser: ((oid: number, format?: string) => (format === undefined || format === 'text' ? overrides[oid] : undefined) ?? types.getTypeParser(oid, format as 'text')) as pg.CustomTypesConfig['getTypeParser'],
  };
}

/** Backslash-escapes what the server splits `options` on (https://www.postgresql.org/docs/current/libpq-connect.html#LIBPQ-CONNECT-OPTIONS). */
function escapeOption(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/ /g, '\\ ');
}

interface ParsedUrl {
  connectionString: string;
  /** `host:port/database`, for messages (never the password). */
  target: string;
  schema: string | null;
  max: number | undefined;
  connectTimeout: number | undefined;
  prepare: boolean;
  /** The URL's own `options` (libpq's), kept after Kiln's. */
  options: string | null;
}

/**
 * Reads Prisma's URL parameters, which pg does not know, and passes the rest to pg: `schema`
 * (the search_path), `connection_limit`, `connect_timeout` (seconds), and `pgbouncer=true` /
 * `statement_cache_size=0` (no named statements: PgBouncer in transaction mode cannot keep them).
 */
export function parsePostgresUrl(url: string): ParsedUrl {
  let u: URL;
  try {
    u = new URL(url);
  } catch (cause) {
    throw new KilnConnectionError('The PostgreSQL URL is not valid: expected postgresql://user:password@host:port/database', { cause });
  }
  const take = (name: string): string | null => {
    const v = u.searchParams.get(name);
    u.searchParams.delete(name);
    return v;
  };
  const schema = take('schema');
  const limit = take('connection_limit');
  const timeout = take('connect_timeout');
  const pgbouncer = take('pgbouncer');
  const cacheSize = take('statement_cache_size');
  const options = take('options');
  const target = `${u.hostname || 'localhost'}${u.port ? ':' + u.port : ''}${u.pathname}`;
  return {
    connectionString: u.toString(),
    target,
    schema: schema || null,
    max: limit && /^\d+$/.test(limit) ? Number(limit) : undefined,
    connectTimeout: timeout && /^\d+$/.test(timeout) ? Number(timeout) * 1000 : undefined,
    prepare: pgbouncer !== 'true' && cacheSize !== '0',
    options,
  };
}
