import { sql, type IsolationLevel, type RawNode } from '@kiln/sql';
import type { Queryable, Row } from '../driver/driver.js';
import { openDriver, type DriverOptions } from '../dialects/open-driver.js';
import { KilnRawQueryError, KilnTransactionError, KilnValidationError } from '../errors/kiln-error.js';
import { translateDriverError } from '../errors/translate.js';
import { Engine, type Action } from '../query/engine.js';
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
export class KilnClientBase {
  #engine: Engine | null = null;
  readonly #logger: Logger;
  readonly #tx: Queryable | null = null;
  readonly #scope: Scope;

  constructor(
    private readonly $schema: RuntimeSchema,
    private readonly $options: KilnClientOptions = {},
    private readonly $defaults: UrlDefaults = {},
  ) {
    this.#logger = new Logger($options.log);
    this.#scope = { engine: () => this.$engine(), tx: null };
  }

  /** The engine, created on first use so a client can be constructed before the URL is set. */
  protected $engine(): Engine {
    if (this.#engine) return this.#engine;
    const url = resolveUrl(this.$options.url, this.$defaults);
    const { driver, hooks } = openDriver(url, this.$options, this.$defaults.schemaDir);
    if (driver.provider !== this.$schema.provider) {
      throw new KilnValidationError('KilnClient', 'url', `the schema is for ${this.$schema.provider} but the URL is for ${driver.provider}`);
    }
    this.#engine = new Engine(this.$schema, driver, hooks, this.#logger);
    return this.#engine;
  }

  protected $delegate(model: string): unknown {
    return new Delegate(this.#scope, model);
  }

  async $connect(): Promise<void> {
    await this.$engine().driver.connect();
  }

  async $disconnect(): Promise<void> {
    if (this.#engine) await this.#engine.driver.close();
  }

  $on(level: 'query', listener: (event: QueryEvent) => void): void;
  $on(level: 'info' | 'warn' | 'error', listener: (event: MessageEvent) => void): void;
  $on(level: LogLevel, listener: (event: never) => void): void {
    this.#logger.on(level, listener);
  }

  /** Runs a batch of calls in one transaction, in order; resolves to their results. */
  $transaction<P extends readonly KilnPromise<unknown>[]>(calls: [...P], options?: { isolationLevel?: IsolationLevel }): Promise<UnwrapTuple<P>>;
  /** Runs `fn` in an interactive transaction; it commits when `fn` resolves and rolls back when it throws or times out. */
  $transaction<R>(fn: (tx: TransactionClient<this>) => Promise<R>, options?: TransactionOptions): Promise<R>;
  async $transaction(arg: unknown, options: TransactionOptions = {}): Promise<unknown> {
    const engine = this.$engine();
    const settings = options.isolationLevel ? { isolationLevel: options.isolationLevel } : {};
    if (Array.isArray(arg)) {
      for (const p of arg) if (!(p instanceof KilnPromise) || !p.call) throw new KilnTransactionError('$transaction([...]) takes calls of the client, such as db.user.create(...), not awaited values.');
      return engine.driver.transaction(async (conn) => {
        const results: unknown[] = [];
        for (const p of arg as KilnPromise<unknown>[]) results.push(await engine.run(p.call!.model, p.call!.action as Action, p.call!.args, conn));
        return results;
      }, settings);
    }
    if (typeof arg !== 'function') throw new KilnTransactionError('$transaction takes a list of calls or an async function.');
    const timeout = options.timeout ?? this.$options.transactionOptions?.timeout ?? 5000;
    return engine.driver.transaction(async (conn) => {
      let open = true;
      const guard = (): void => {
        if (!open) throw new KilnTransactionError('The transaction is closed (it timed out or finished); run queries inside its callback.');
      };
      const guarded: Queryable = {
        query: (s, p, o) => (guard(), conn.query(s, p, o)),
        execute: (s, p) => (guard(), conn.execute(s, p)),
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
    const scope: Scope = { engine: () => this.$engine(), tx };
    for (const [key, value] of Object.entries(this)) {
      copy[key] = value instanceof Delegate ? new Delegate(scope, value.model) : value;
    }
    (copy as { $rawConnection?: Queryable }).$rawConnection = tx;
    copy.$engine = () => this.$engine();
    return copy;
  }

  private $conn(): Queryable {
    return (this as { $rawConnection?: Queryable }).$rawConnection ?? this.$engine().driver;
  }

  /** A parameterized query: `db.$queryRaw\`SELECT * FROM "User" WHERE id = ${id}\``. */
  $queryRaw<T = Row>(strings: TemplateStringsArray, ...values: unknown[]): KilnPromise<T[]> {
    return new KilnPromise(() => this.$raw(sql(strings, ...values.map((v) => this.$rawValue(v))), true) as Promise<T[]>);
  }

  /** A parameterized statement; resolves to the number of rows changed. */
  $executeRaw(strings: TemplateStringsArray, ...values: unknown[]): KilnPromise<number> {
    return new KilnPromise(() => this.$raw(sql(strings, ...values.map((v) => this.$rawValue(v))), false) as Promise<number>);
  }

  /** SQL text with the dialect's own placeholders (`?` or `$1`) and values bound to them. Never build the text from user input. */
  $queryRawUnsafe<T = Row>(text: string, ...values: unknown[]): KilnPromise<T[]> {
    return new KilnPromise(() => this.$rawText(text, values, true) as Promise<T[]>);
  }

  $executeRawUnsafe(text: string, ...values: unknown[]): KilnPromise<number> {
    return new KilnPromise(() => this.$rawText(text, values, false) as Promise<number>);
  }

  private $rawValue(v: unknown): unknown {
    return this.$engine().hooks.encodeRaw(v);
  }

  private async $raw(node: RawNode, rows: boolean): Promise<unknown> {
    const compiled = this.$engine().dialect.compile(node);
    return this.$rawText(compiled.sql, compiled.parameters as unknown[], rows, true);
  }

  private async $rawText(text: string, values: unknown[], rows: boolean, encoded = false): Promise<unknown> {
    const engine = this.$engine();
    const params = encoded ? values : values.map((v) => engine.hooks.encodeRaw(v));
    const conn = this.$conn();
    const started = this.#logger.enabled ? performance.now() : 0;
    try {
      return rows ? await conn.query(text, params) : (await conn.execute(text, params)).affectedRows;
    } catch (e) {
      const t = translateDriverError(e, engine.hooks, engine.info, undefined);
      if (t !== e) throw t;
      throw new KilnRawQueryError((e as Error).message, { cause: e });
    } finally {
      if (this.#logger.enabled) this.#logger.query(text, params, performance.now() - started);
    }
  }
}
