import { sql } from '@kiln/sql';
import type { IsolationLevel, Queryable, Row } from '../driver/queryable.js';
import { openDriver } from '../dialects/open-driver.js';
import type { DriverOptions } from './driver-options.js';
import { KilnError, KilnRawQueryError, KilnTransactionError, KilnValidationError } from '../errors/kiln-error.js';
import { translateDriverError } from '../errors/translate.js';
import { Engine } from '../query/engine.js';
import type { RuntimeSchema } from '../runtime-schema.js';
import { Delegate, type Scope } from './delegate.js';
import { KilnPromise } from './kiln-promise.js';
import { Logger, type LogLevel, type LogOption, type MessageEvent, type QueryEvent } from './logger.js';
import { resolveUrl, type UrlDefaults } from './resolve-url.js';

export interface KilnClientOptions extends DriverOptions {
  /** Overrides the datasource URL. */
  url?: string;
  /** Levels to print, or a callback receiving every event. */
  log?: LogOption;
  /** Defaults for interactive transactions. */
  transactionOptions?: TransactionOptions;
}

export interface TransactionOptions {
  /** Milliseconds the callback may run before the transaction is rolled back (default 5000). */
  timeout?: number;
  /** Milliseconds to wait for a connection (pooled drivers; default 2000). */
  maxWait?: number;
  isolationLevel?: IsolationLevel;
}

type Omitted = '$connect' | '$disconnect' | '$transaction' | '$on';
/** The client as an interactive transaction sees it: the same delegates, bound to its connection. */
export type TransactionClient<C> = Omit<C, Omitted>;

type UnwrapTuple<T extends readonly unknown[]> = { [K in keyof T]: Awaited<T[K]> };

/**
 * The base of every generated client: connection lifecycle, transactions, raw SQL and logging.
 * The generated subclass adds one typed delegate per model.
 */
/**
 * State shared by a client and the copies its interactive transactions bind: one engine, one
 * logger. (Plain properties, not #private fields, because a transaction's copy is made with
 * Object.create and must reach them.)
 */
interface ClientState {
  engine: Engine | null;
  readonly logger: Logger;
  readonly schema: RuntimeSchema;
  readonly options: KilnClientOptions;
  readonly defaults: UrlDefaults;
}

export class KilnClientBase {
  // Non-enumerable, so the generated client's own properties are only its delegates.
  declare private readonly $state: ClientState;
  /** The transaction connection of a bound copy; `null` on the client itself. */
  declare private readonly $tx: Queryable | null;

  constructor(schema: RuntimeSchema, options: KilnClientOptions = {}, defaults: UrlDefaults = {}) {
    Object.defineProperty(this, '$state', {
      value: { engine: null, logger: new Logger(options.log), schema, options, defaults } satisfies ClientState,
      enumerable: false,
    });
    Object.defineProperty(this, '$tx', { value: null, enumerable: false });
  }

  /** The engine, created on first use so a client can be constructed before the URL is set. */
  private $engine(): Engine {
    const state = this.$state;
    if (state.engine) return state.engine;
    const url = resolveUrl(state.options.url, state.defaults);
    const { driver, hooks } = openDriver(url, state.options, state.defaults.schemaDir);
    if (driver.provider !== state.schema.provider) {
      throw new KilnValidationError('KilnClient', 'url', `the schema is for ${state.schema.provider} but the URL is for ${driver.provider}`);
    }
    state.engine = new Engine(state.schema, driver, hooks, state.logger);
    return state.engine;
  }

  protected $delegate(model: string): unknown {
    return new Delegate({ engine: () => this.$engine(), tx: null }, model);
  }

  async $connect(): Promise<void> {
    await this.$engine().driver.connect();
  }

  async $disconnect(): Promise<void> {
    if (this.$state.engine) await this.$state.engine.driver.close();
  }

  $on(level: 'query', listener: (event: QueryEvent) => void): void;
  $on(level: 'info' | 'warn' | 'error', listener: (event: MessageEvent) => void): void;
  $on(level: LogLevel, listener: (event: never) => void): void {
    this.$state.logger.on(level, listener);
  }

  /** Runs a batch of calls in one transaction, in order; resolves to their results. */
  $transaction<P extends readonly KilnPromise<unknown>[]>(calls: [...P], options?: { isolationLevel?: IsolationLevel; maxWait?: number }): Promise<UnwrapTuple<P>>;
  /** Runs `fn` in an interactive transaction; it commits when `fn` resolves and rolls back when it throws or times out. */
  $transaction<R>(fn: (tx: TransactionClient<this>) => Promise<R>, options?: TransactionOptions): Promise<R>;
  async $transaction(arg: unknown, options: TransactionOptions = {}): Promise<unknown> {
    const engine = this.$engine();
    const defaults = this.$state.options.transactionOptions;
    const isolationLevel = options.isolationLevel ?? defaults?.isolationLevel;
    // Pooled drivers wait this long for a free connection (SQLite's one connection ignores it).
    const maxWait = options.maxWait ?? defaults?.maxWait ?? 2000;
    const settings = isolationLevel ? { isolationLevel, maxWait } : { maxWait };
    if (Array.isArray(arg)) {
      for (const p of arg) if (!(p instanceof KilnPromise) || !p.call) throw new KilnTransactionError('$transaction([...]) takes calls of the client, such as db.user.create(...), not awaited values.');
      return engine.driver.transaction(async (conn) => {
        const results: unknown[] = [];
        for (const p of arg as KilnPromise<unknown>[]) results.push(await p.call!.run(conn));
        return results;
      }, settings);
    }
    if (typeof arg !== 'function') throw new KilnTransactionError('$transaction takes a list of calls or an async function.');
    const timeout = options.timeout ?? this.$state.options.transactionOptions?.timeout ?? 5000;
    return engine.driver.transaction(async (conn) => {
      let open = true;
      const guard = (): void => {
        if (!open) throw new KilnTransactionError('The transaction is closed (it timed out or finished); run queries inside its callback.');
      };
      const guarded: Queryable = {
        query: (s, p, o) => (guard(), conn.query(s, p, o)),
        execute: (s, p, o) => (guard(), conn.execute(s, p, o)),
      };
      let timer: NodeJS.Timeout | undefined;
      const expired = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new KilnTransactionError(`Transaction timed out after ${timeout} ms and was rolled back.`)), timeout);
      });
      try {
        return await Promise.race([(arg as (tx: unknown) => Promise<unknown>)(this.$bind(guarded)), expired]);
      } finally {
        open = false;
        clearTimeout(timer);
      }
    }, settings);
  }

  /** A copy of this client whose delegates and raw queries run on `tx`. */
  private $bind(tx: Queryable): unknown {
    const copy = Object.create(Object.getPrototypeOf(this)) as Record<string, unknown>;
    Object.defineProperty(copy, '$state', { value: this.$state, enumerable: false });
    Object.defineProperty(copy, '$tx', { value: tx, enumerable: false });
    const scope: Scope = { engine: () => this.$engine(), tx };
    for (const [key, value] of Object.entries(this)) {
      copy[key] = value instanceof Delegate ? new Delegate(scope, value.model) : value;
    }
    return copy;
  }

  /** A parameterized query: `db.$queryRaw\`SELECT * FROM "User" WHERE id = ${id}\``. */
  $queryRaw<T = Row>(strings: TemplateStringsArray, ...values: unknown[]): KilnPromise<T[]> {
    return this.$rawCall(() => this.$compileRaw(strings, values), true) as KilnPromise<T[]>;
  }

  /** A parameterized statement; resolves to the number of rows changed. */
  $executeRaw(strings: TemplateStringsArray, ...values: unknown[]): KilnPromise<number> {
    return this.$rawCall(() => this.$compileRaw(strings, values), false) as KilnPromise<number>;
  }

  /** SQL text with the dialect's own placeholders (`?` or `$1`) and values bound to them. Never build the text from user input. */
  $queryRawUnsafe<T = Row>(text: string, ...values: unknown[]): KilnPromise<T[]> {
    return this.$rawCall(() => ({ text, params: values.map((v) => this.$engine().hooks.encodeRaw(v)) }), true) as KilnPromise<T[]>;
  }

  $executeRawUnsafe(text: string, ...values: unknown[]): KilnPromise<number> {
    return this.$rawCall(() => ({ text, params: values.map((v) => this.$engine().hooks.encodeRaw(v)) }), false) as KilnPromise<number>;
  }

  private $compileRaw(strings: TemplateStringsArray, values: unknown[]): { text: string; params: unknown[] } {
    const engine = this.$engine();
    const compiled = engine.dialect.compile(sql(strings, ...values.map((v) => engine.hooks.encodeRaw(v))));
    return { text: compiled.sql, params: compiled.parameters as unknown[] };
  }

  /** A raw call as a lazy promise that a batch `$transaction([...])` can also run. */
  private $rawCall(prepare: () => { text: string; params: unknown[] }, rows: boolean): KilnPromise<unknown> {
    return new KilnPromise(() => this.$runRaw(prepare(), rows, this.$tx ?? this.$engine().driver), {
      run: (conn) => this.$runRaw(prepare(), rows, conn),
    });
  }

  private async $runRaw({ text, params }: { text: string; params: unknown[] }, rows: boolean, conn: Queryable): Promise<unknown> {
    const engine = this.$engine();
    const logger = this.$state.logger;
    const started = logger.enabled ? performance.now() : 0;
    try {
      // Integers are read exactly: beyond 2^53 they stay bigint, below they become numbers.
      return rows ? (await conn.query(text, params, RAW_ROWS)).map(saferIntegers) : (await conn.execute(text, params, RAW)).affectedRows;
    } catch (e) {
      const t = translateDriverError(e, engine.hooks, engine.info, undefined);
      // A Kiln error (a pool timeout, a closed transaction) keeps its own code.
      if (t !== e || e instanceof KilnError) throw t;
      throw new KilnRawQueryError((e as Error).message, { cause: e });
    } finally {
      if (logger.enabled) logger.query(text, params, performance.now() - started);
    }
  }
}

/** Raw SQL is the user's text: never cached as a prepared statement; integers read exactly. */
const RAW = { raw: true } as const;
const RAW_ROWS = { raw: true, bigints: true } as const;
const SAFE_MIN = BigInt(Number.MIN_SAFE_INTEGER);
const SAFE_MAX = BigInt(Number.MAX_SAFE_INTEGER);

function saferIntegers(row: Row): Row {
  for (const k in row) {
    const v = row[k];
    if (typeof v === 'bigint' && v >= SAFE_MIN && v <= SAFE_MAX) row[k] = Number(v);
  }
  return row;
}
