import type { Dialect } from '@kiln/sql';
import type { Driver, ExecuteResult, Queryable, Row } from '../driver/driver.js';
import type { RuntimeDialect } from '../dialects/runtime-dialect.js';
import { KilnNotFoundError, KilnUniqueConstraintError, KilnValidationError } from '../errors/kiln-error.js';
import { translateDriverError } from '../errors/translate.js';
import type { Logger } from '../client/logger.js';
import type { RuntimeSchema } from '../runtime-schema.js';
import { planAggregate, planCount, planGroupBy, runAggregate, runCount, runGroupBy } from './aggregate.js';
import type { CompiledStatement } from './compiled.js';
import { SchemaInfo, type ModelInfo } from './model-info.js';
import { NestedWrites } from './nested-writes.js';
import { bindParams, pathText, readPath } from './param-source.js';
import { PlanCache } from './plan-cache.js';
import { isPlainObject, PlanContext } from './plan-context.js';
import type { ReadBack } from './read-back.js';
import { finishRows, runRead, type ExecContext } from './read-exec.js';
import { planRead } from './read-plan.js';
import { planJoinedRead } from './json-relations.js';
import { runReadPlan } from './json-read.js';
import { shapeKey } from './shape-key.js';
import { checkUniqueWhere } from './unique-where.js';
import { runNativeUpsert } from './native-upsert.js';
import { planUpsert, upsertApplies } from './upsert-plan.js';
import { planCreate, planDelete, planDeleteMany, planInsertRows, planUpdate, planUpdateMany, returningFor, type WritePlan } from './write-plan.js';

export type Action =
  | 'findUnique'
  | 'findUniqueOrThrow'
  | 'findFirst'
  | 'findFirstOrThrow'
  | 'findMany'
  | 'create'
  | 'createMany'
  | 'createManyAndReturn'
  | 'update'
  | 'updateMany'
  | 'upsert'
  | 'delete'
  | 'deleteMany'
  | 'count'
  | 'aggregate'
  | 'groupBy';

type Args = Record<string, unknown>;

/**
 * Executes Prisma-shaped calls. Each call's arguments are reduced to a shape key; the plan for a
 * shape (validated, built and compiled once) is cached, so a repeated call only binds its values.
 */
export class Engine {
  readonly info: SchemaInfo;
  private readonly plans = new PlanCache<unknown>();
  private readonly nested: NestedWrites;
  /** The driver configures its dialect from the server: connect before the first plan. */
  private dialectPending: boolean;

  constructor(
    schema: RuntimeSchema,
    readonly driver: Driver,
    readonly hooks: RuntimeDialect,
    private readonly logger: Logger,
  ) {
    this.info = new SchemaInfo(schema, hooks.codec);
    this.nested = new NestedWrites(this);
    this.dialectPending = driver.dialectFromServer === true;
  }

  get dialect(): Dialect {
    return this.driver.dialect;
  }

  /** Runs one call, on `tx` when inside a transaction. */
  async run(modelName: string, action: Action, rawArgs: unknown, tx: Queryable | null): Promise<unknown> {
    const model = this.info.model(modelName);
    if (rawArgs !== undefined && rawArgs !== null && !isPlainObject(rawArgs)) {
      throw new KilnValidationError(model.name, action, 'expected an object of arguments');
    }
    const args = (rawArgs ?? {}) as Args;
    if (this.dialectPending) {
      await this.driver.connect();
      this.dialectPending = false;
    }
    const ex = this.exec(tx ?? this.driver, model);
    switch (action) {
      case 'findMany':
        return runReadPlan(ex, this.readPlan(model, action, args, false), args);
      case 'findFirst':
      case 'findFirstOrThrow':
      case 'findUnique':
      case 'findUniqueOrThrow': {
        const rows = await runReadPlan(ex, this.readPlan(model, action, args, true), args);
        if (rows[0] === undefined && action.endsWith('OrThrow')) throw new KilnNotFoundError(model.name, action);
        return rows[0] ?? null;
      }
      case 'create':
        return this.create(model, args, tx);
      case 'update':
        return this.update(model, args, tx);
      case 'delete':
        return this.delete(model, args, tx);
      case 'upsert':
        return this.upsert(model, args, tx);
      case 'createMany':
        return { count: await this.createMany(model, args, tx, false) };
      case 'createManyAndReturn':
        return this.createMany(model, args, tx, true);
      case 'updateMany': {
        const stmt = this.cached(model, action, args, (ctx) => planUpdateMany(ctx, model, args));
        return { count: stmt ? await this.executeCount(ex, stmt, args) : 0 };
      }
      case 'deleteMany': {
        const stmt = this.cached(model, action, args, (ctx) => planDeleteMany(ctx, model, args));
        return { count: await this.executeCount(ex, stmt, args) };
      }
      case 'count':
        return runCount(ex, this.cached(model, action, args, (ctx) => planCount(ctx, model, args)), args);
      case 'aggregate':
        return runAggregate(ex, this.cached(model, action, args, (ctx) => planAggregate(ctx, model, args)), args);
      case 'groupBy':
        return runGroupBy(ex, this.cached(model, action, args, (ctx) => planGroupBy(ctx, model, args)), args);
    }
  }

  /** Plans once per shape of arguments; `null` results are cached too. */
  cached<T>(model: ModelInfo, action: string, args: Args, build: (ctx: PlanContext) => T): T {
    const key = model.name + '\u0000' + action + '\u0000' + shapeKey(args);
    const hit = this.plans.get(key);
    if (hit !== undefined) return hit as T;
    const plan = build(new PlanContext(this.info, this.dialect, this.hooks));
    this.plans.set(key, plan);
    return plan;
  }

  get cacheStats(): { hits: number; misses: number; size: number } {
    return { hits: this.plans.hits, misses: this.plans.misses, size: this.plans.size };
  }

  private readPlan(model: ModelInfo, action: Action, args: Args, single: boolean) {
    return this.cached(model, action, args, (ctx) => {
      const unique = action === 'findUnique' || action === 'findUniqueOrThrow';
      if (unique) checkUniqueWhere(ctx, model, args.where, ['where']);
      // relationLoadStrategy (part of the shape key): 'join' loads relations in the statement.
      const asked = args.relationLoadStrategy;
      if (asked !== undefined && asked !== 'join' && asked !== 'query') ctx.invalid(model, ['relationLoadStrategy'], 'expected "join" or "query"');
      if ((asked ?? this.hooks.defaultRelationLoadStrategy) === 'join') {
        const joined = planJoinedRead(ctx, model, args, { single, unique });
        // Falling back is news only to a caller who asked for 'join'.
        if (typeof joined === 'string') {
          if (asked === 'join') this.logger.message('info', `${model.name}.${action}: relationLoadStrategy 'join' falls back to 'query': ${joined}`);
        } else if (joined) return joined;
      }
      return planRead(ctx, model, args, [], { single });
    });
  }

  /** Statement execution with logging and driver errors turned into Kiln errors for `model`. */
  exec(conn: Queryable, model: ModelInfo): ExecContext {
    return {
      conn,
      hooks: this.hooks,
      query: (sql, params, bigints) => this.timed(model, sql, params, () => conn.query(sql, params, bigints ? { bigints } : undefined)),
    };
  }

  /** Runs one statement: logged with its time, a driver error turned into a Kiln error naming `model` (if any). */
  private async timed<T>(model: ModelInfo | undefined, sql: string, params: unknown[], run: () => Promise<T>): Promise<T> {
    const started = this.logger.enabled ? performance.now() : 0;
    try {
      return await run();
    } catch (e) {
      throw translateDriverError(e, this.hooks, this.info, model);
    } finally {
      if (this.logger.enabled) this.logger.query(sql, params, performance.now() - started);
    }
  }

  /** A counted write (updateMany, deleteMany, createMany); errors name no model, as before. */
  private async executeCount(ex: ExecContext, stmt: CompiledStatement, args: Args): Promise<number> {
    return (await this.executeWrite(ex, undefined, stmt.sql, bindParams(stmt.sources, args))).affectedRows;
  }

  /** Runs `fn` in the caller's transaction, or in a new one. */
  inTransaction<T>(tx: Queryable | null, fn: (conn: Queryable) => Promise<T>): Promise<T> {
    return tx ? fn(tx) : this.driver.transaction(fn, {});
  }

  async runWrite(ex: ExecContext, model: ModelInfo, plan: WritePlan, args: Args, tx: Queryable | null, operation: string): Promise<Row | null> {
    if (plan.readBack) return this.writeThenRead(ex, model, plan, plan.readBack, args, tx, operation);
    const rows = await ex.query(plan.stmt.sql, bindParams(plan.stmt.sources, args), plan.stmt.bigints);
    const row = rows[0];
    if (row === undefined) {
      if (plan.expectOne) throw new KilnNotFoundError(model.name, operation, 'The record to ' + operation + ' was not found');
      return null;
    }
    if (plan.shape) {
      await finishRows(ex, [row], plan.shape, args);
      return row;
    }
    return this.readBack(model, row, args, tx);
  }

  /**
   * A write whose statement cannot return the record (no RETURNING for it in the dialect's
   * capabilities): run it, then read the record as read-back.ts planned.
   */
  private async writeThenRead(ex: ExecContext, model: ModelInfo, plan: WritePlan, rb: ReadBack, args: Args, tx: Queryable | null, operation: string): Promise<Row> {
    const notFound = () => new KilnNotFoundError(model.name, operation, 'The record to ' + operation + ' was not found');
    switch (rb.kind) {
      case 'insertedKey': {
        const params = bindParams(plan.stmt.sources, args);
        const result = await this.executeWrite(ex, model, plan.stmt.sql, params);
        const data = args.data as Args;
        const where: Args = {};
        for (const k of rb.key) {
          const v = k.from === 'data' ? data[k.field] : k.from === 'param' ? params[k.index] : result.insertId;
          // A bound or reported value is the database's form: decode it to the field's value,
          // which the read's `where` encodes again.
          where[k.field] = k.from === 'data' || v === null || v === undefined || !k.decode ? v : k.decode(v);
        }
        const row = (await runRead(ex, rb.read, { ...args, where }))[0];
        if (!row) throw new KilnNotFoundError(model.name, operation, 'The created record could not be read back');
        return row;
      }
      case 'where': {
        const { affectedRows } = await this.executeWrite(ex, model, plan.stmt.sql, bindParams(plan.stmt.sources, args));
        if (affectedRows === 0) throw notFound();
        const row = (await runRead(ex, rb.read, args))[0];
        if (!row) throw notFound();
        return row;
      }
      case 'key':
        return this.inTransaction(tx, async (conn) => {
          const cx = this.exec(conn, model);
          const found = (await runRead(cx, rb.find, args))[0];
          if (!found) throw notFound();
          const oldKey: Args = {};
          for (const f of rb.keyFields) oldKey[f] = found[f];
          await this.executeWrite(cx, model, rb.update.sql, bindParams(rb.update.sources, { ...args, where: oldKey }));
          const newKey: Args = {};
          for (const [f, path] of rb.newKey) newKey[f] = path ? readPath(args, path) : oldKey[f];
          const row = (await runRead(cx, rb.read, { ...args, where: newKey }))[0];
          if (!row) throw notFound();
          return row;
        });
    }
  }

  /** An INSERT/UPDATE/DELETE with logging and driver errors turned into Kiln errors for `model`. */
  executeWrite(ex: ExecContext, model: ModelInfo | undefined, sql: string, params: unknown[]): Promise<ExecuteResult> {
    return this.timed(model, sql, params, () => ex.conn.execute(sql, params));
  }

  /** Reads a written record back by its identity, with the caller's select/include/omit. */
  async readBack(model: ModelInfo, row: Row, args: Args, tx: Queryable | null): Promise<Row> {
    const where = identityWhere(model, row);
    const readArgs: Args = { where };
    for (const k of ['select', 'include', 'omit'] as const) if (args[k] !== undefined) readArgs[k] = args[k];
    return (await this.run(model.name, 'findUniqueOrThrow', readArgs, tx)) as Row;
  }

  private async create(model: ModelInfo, args: Args, tx: Queryable | null): Promise<unknown> {
    const plan = this.cached(model, 'create', args, (ctx) => planCreate(ctx, model, args));
    if (plan) return this.runWrite(this.exec(tx ?? this.driver, model), model, plan, args, tx, 'create');
    return this.inTransaction(tx, async (conn) => {
      const row = await this.nested.create(this.exec(conn, model), model, args.data as Args, ['data']);
      return this.readBack(model, row, args, conn);
    });
  }

  private async update(model: ModelInfo, args: Args, tx: Queryable | null): Promise<unknown> {
    const plan = this.cached(model, 'update', args, (ctx) => planUpdate(ctx, model, args));
    if (plan) return this.runWrite(this.exec(tx ?? this.driver, model), model, plan, args, tx, 'update');
    return this.inTransaction(tx, async (conn) => {
      const row = await this.nested.update(this.exec(conn, model), model, args.where as Args, (args.data ?? {}) as Args, ['data']);
      return this.readBack(model, row, args, conn);
    });
  }

  /** One INSERT .. ON CONFLICT / ON DUPLICATE KEY UPDATE where it applies (upsert-plan.ts), else find, then write. */
  private async upsert(model: ModelInfo, args: Args, tx: Queryable | null): Promise<unknown> {
    const plan = this.cached(model, 'upsert', args, (ctx) => planUpsert(ctx, model, args));
    if (plan && upsertApplies(plan, args)) return runNativeUpsert(this, model, plan, args, tx);
    return this.inTransaction(tx, (conn) => this.nested.upsert(this.exec(conn, model), model, args));
  }

  private async delete(model: ModelInfo, args: Args, tx: Queryable | null): Promise<unknown> {
    const plan = this.cached(model, 'delete', args, (ctx) => planDelete(ctx, model, args));
    if (plan) return this.runWrite(this.exec(tx ?? this.driver, model), model, plan, args, tx, 'delete');
    // The result includes relations: read it, then delete it, in one transaction.
    return this.inTransaction(tx, async (conn) => {
      const readArgs: Args = { where: args.where };
      for (const k of ['select', 'include', 'omit'] as const) if (args[k] !== undefined) readArgs[k] = args[k];
      const found = await this.run(model.name, 'findUnique', readArgs, conn);
      if (found === null) throw new KilnNotFoundError(model.name, 'delete', 'The record to delete was not found');
      await this.run(model.name, 'deleteMany', { where: args.where }, conn);
      return found;
    });
  }

  private async createMany(model: ModelInfo, args: Args, tx: Queryable | null, returning: boolean): Promise<number | Row[]> {
    const data = args.data;
    const list = Array.isArray(data) ? data : data === undefined ? [] : [data];
    const skipDuplicates = args.skipDuplicates === true;
    // Rows that share a set of keys share a statement, in chunks within the parameter limit.
    const groups = new Map<string, number[]>();
    list.forEach((row, i) => {
      if (!isPlainObject(row)) throw new KilnValidationError(model.name, `data[${i}]`, 'expected an object of field values');
      let sig = '';
      for (const k in row) if (row[k] !== undefined) sig += sig ? '\u0000' + k : k;
      const g = groups.get(sig);
      if (g) g.push(i);
      else groups.set(sig, [i]);
    });
    const ret = returning ? this.cached(model, 'createManyReturning', { select: args.select, omit: args.omit }, (ctx) => returningFor(ctx, model, args)) : null;
    if (returning && !this.dialect.capabilities.returning) return this.createEach(model, list as Args[], args, tx, skipDuplicates);
    const batches: { stmt: CompiledStatement; rows: unknown[] }[] = [];
    for (const [sig, indexes] of groups) {
      const keys = sig ? sig.split('\u0000') : [];
      for (const k of keys) {
        if (!model.columns.has(k)) {
          throw new KilnValidationError(model.name, `data[${indexes[0]}].${k}`, model.relations.has(k) ? 'createMany takes scalar fields only' : `unknown field "${k}"`);
        }
      }
      const perRow = keys.length + model.columns.size;
      const chunk = Math.max(1, Math.min(this.hooks.insertBatchRows, Math.floor(this.dialect.capabilities.maxParameters / perRow)));
      for (let start = 0; start < indexes.length; start += chunk) {
        const part = indexes.slice(start, start + chunk);
        // The key set is part of the statement: it goes in the cache key, not in the arguments.
        const stmt = this.cached(model, `createMany:${part.length}:${skipDuplicates}:${sig}:${returning ? shapeKey({ select: args.select, omit: args.omit }) : ''}`, {}, (ctx) =>
          planInsertRows(ctx, model, keys, part.map((_, n) => ['rows', n]), { skipDuplicates, returning: ret ? ret.columns : null }),
        );
        batches.push({ stmt, rows: part.map((i) => list[i]) });
      }
    }
    const run = async (conn: Queryable): Promise<number | Row[]> => {
      const ex = this.exec(conn, model);
      const out: Row[] = [];
      let total = 0;
      for (const b of batches) {
        const rowArgs = { rows: b.rows };
        if (returning) {
          const rows = await ex.query(b.stmt.sql, bindParams(b.stmt.sources, rowArgs), b.stmt.bigints);
          await finishRows(ex, rows, ret!.shape, args);
          out.push(...rows);
        } else total += await this.executeCount(ex, b.stmt, rowArgs);
      }
      return returning ? out : total;
    };
    // Several statements make one createMany: all rows or none.
    return batches.length > 1 ? this.inTransaction(tx, run) : run(tx ?? this.driver);
  }

  /**
   * createManyAndReturn where INSERT cannot return rows (no RETURNING): each row is created and
   * read back, in one transaction. skipDuplicates skips the rows a unique key refuses (MySQL
   * keeps its transaction open after a failed statement).
   */
  private createEach(model: ModelInfo, rows: Args[], args: Args, tx: Queryable | null, skipDuplicates: boolean): Promise<Row[]> {
    return this.inTransaction(tx, async (conn) => {
      const out: Row[] = [];
      for (const [i, data] of rows.entries()) {
        const one: Args = { data };
        if (args.select !== undefined) one.select = args.select;
        if (args.omit !== undefined) one.omit = args.omit;
        try {
          out.push((await this.run(model.name, 'create', one, conn)) as Row);
        } catch (e) {
          if (skipDuplicates && e instanceof KilnUniqueConstraintError) continue;
          if (e instanceof KilnValidationError && e.path.startsWith('data')) throw new KilnValidationError(e.model ?? model.name, pathText(['data', i]) + e.path.slice(4), e.problem);
          throw e;
        }
      }
      return out;
    });
  }
}

/** `{ id: 1 }` or `{ a_b: { a, b } }` naming `row` by the model's first unique key. */
export function identityWhere(model: ModelInfo, row: Row): Args {
  const first = model.model.uniques[0];
  if (!first) throw new KilnValidationError(model.name, 'where', `${model.name} has no unique key to read the record back by`);
  const value = (f: string) => {
    const c = model.columns.get(f)!;
    const v = row[f];
    return c.decode && v !== null && v !== undefined ? c.decode(v) : v;
  };
  if (first.fields.length === 1) return { [first.key]: value(first.fields[0]!) };
  const inner: Args = {};
  for (const f of first.fields) inner[f] = value(f);
  return { [first.key]: inner };
}
