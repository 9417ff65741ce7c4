import { and, col, deleteFrom, eq, insertInto, onConflictDoNothing, param, schemaTable, table } from '@kiln/sql';
import type { Queryable, Row } from '../driver/driver.js';
import { KilnNotFoundError, KilnValidationError } from '../errors/kiln-error.js';
import type { RuntimeRelation } from '../runtime-schema.js';
import { ValueError } from '../values/codec.js';
import type { Engine } from './engine.js';
import { identityWhere } from './engine.js';
import type { ModelInfo } from './model-info.js';
import { pathText, type Path } from './param-source.js';
import { entries, isPlainObject } from './plan-context.js';
import type { ExecContext } from './read-exec.js';

type Args = Record<string, unknown>;

const TO_ONE_LOCAL = ['create', 'connect', 'connectOrCreate', 'disconnect', 'delete', 'update', 'upsert'];
const TO_MANY = ['create', 'createMany', 'connect', 'connectOrCreate', 'set', 'disconnect', 'delete', 'deleteMany', 'update', 'updateMany', 'upsert'];

/**
 * Writes that touch several tables: nested `create`, `connect`, `set`... of Prisma Client. The
 * engine runs them inside one transaction, so a failure anywhere leaves nothing behind. Each
 * step is an ordinary cached call on the related model.
 */
export class NestedWrites {
  constructor(private readonly engine: Engine) {}

  private call(conn: Queryable, model: string, action: Parameters<Engine['run']>[1], args: Args, path: Path): Promise<unknown> {
    return withPath(path, () => this.engine.run(model, action, args, conn));
  }

  /**
   * Splits nested-write `data` into the columns to write on this record (including foreign keys
   * set by to-one relations it holds, resolved first) and the relation writes that must wait
   * until the record exists. `current` is the record being updated, `null` on create.
   */
  private async columnsAndLater(ex: ExecContext, model: ModelInfo, data: Args, path: Path, current: Row | null) {
    if (!isPlainObject(data)) throw new KilnValidationError(model.name, pathText(path), 'expected an object of field values');
    const scalars: Args = {};
    const later: [RuntimeRelation, unknown, Path][] = [];
    for (const [key, v] of entries(data)) {
      if (model.columns.has(key)) scalars[key] = v;
      else if (model.relations.has(key)) {
        const rel = model.relations.get(key)!;
        if (rel.keyOn === 'local') Object.assign(scalars, await this.toOneKey(ex, model, rel, v, [...path, key], current));
        else later.push([rel, v, [...path, key]]);
      } else throw new KilnValidationError(model.name, pathText([...path, key]), `unknown field "${key}" on ${model.name}`);
    }
    return { scalars, later };
  }

  /** Creates a record with its nested writes; returns the record's scalar fields. */
  async create(ex: ExecContext, model: ModelInfo, data: Args, path: Path): Promise<Row> {
    const { scalars, later } = await this.columnsAndLater(ex, model, data, path, null);
    const row = (await this.call(ex.conn, model.name, 'create', { data: scalars }, path)) as Row;
    for (const [rel, v, at] of later) await this.children(ex, model, row, rel, v, at, true);
    return row;
  }

  /** Updates the record `where` names, with nested writes; returns its scalar fields. */
  async update(ex: ExecContext, model: ModelInfo, where: Args, data: Args, path: Path): Promise<Row> {
    let row = (await this.call(ex.conn, model.name, 'findUnique', { where }, ['where'])) as Row | null;
    if (!row) throw new KilnNotFoundError(model.name, 'update', 'The record to update was not found');
    const { scalars, later } = await this.columnsAndLater(ex, model, data, path, row);
    const identity = identityWhere(model, row);
    if (Object.keys(scalars).length) row = (await this.call(ex.conn, model.name, 'update', { where: identity, data: scalars }, path)) as Row;
    for (const [rel, v, at] of later) await this.children(ex, model, row, rel, v, at, false);
    return row;
  }

  /**
   * upsert where no native statement applies (upsert-plan.ts): update the record if `where` finds
   * it, else create it. Concurrent calls for one new key can both create: one then fails on the
   * unique key.
   */
  async upsert(ex: ExecContext, model: ModelInfo, args: Args): Promise<unknown> {
    const found = (await this.call(ex.conn, model.name, 'findUnique', { where: args.where }, [])) as Row | null;
    const shaped: Args = {};
    for (const k of ['select', 'include', 'omit'] as const) if (args[k] !== undefined) shaped[k] = args[k];
    if (found) return branch('update', () => this.engine.run(model.name, 'update', { where: identityWhere(model, found), data: args.update ?? {}, ...shaped }, ex.conn));
    return branch('create', () => this.engine.run(model.name, 'create', { data: args.create ?? {}, ...shaped }, ex.conn));
  }

  /**
   * A to-one relation whose key this record holds: returns the key fields to set
   * (create/connect/connectOrCreate/disconnect), or performs update/upsert/delete on the related row.
   */
  private async toOneKey(ex: ExecContext, model: ModelInfo, rel: RuntimeRelation, input: unknown, path: Path, current: Row | null): Promise<Args> {
    const target = this.engine.info.model(rel.type);
    const ops = opsOf(model, input, path, current ? TO_ONE_LOCAL : ['create', 'connect', 'connectOrCreate']);
    const keyOf = (row: Row): Args => Object.fromEntries(rel.localFields.map((f, i) => [f, row[rel.targetFields[i]!]]));
    const currentWhere = (): Args | null => {
      if (!current || rel.localFields.some((f) => current[f] === null || current[f] === undefined)) return null;
      return Object.fromEntries(rel.targetFields.map((f, i) => [f, current[rel.localFields[i]!]]));
    };
    const out: Args = {};
    for (const [op, v] of ops) {
      const at = [...path, op];
      switch (op) {
        case 'create':
          Object.assign(out, keyOf(await this.create(ex, target, v as Args, at)));
          break;
        case 'connect':
          Object.assign(out, keyOf(await this.mustFind(ex.conn, target, v, at, 'connect')));
          break;
        case 'connectOrCreate': {
          const { where, create } = pair(model, v, at, 'where', 'create');
          const found = (await this.call(ex.conn, target.name, 'findUnique', { where }, [...at, 'where'])) as Row | null;
          Object.assign(out, keyOf(found ?? (await this.create(ex, target, create as Args, [...at, 'create']))));
          break;
        }
        case 'disconnect':
          if (v === false) break;
          if (!rel.optional) throw new KilnValidationError(model.name, pathText(at), `the relation "${rel.name}" is required and cannot be disconnected`);
          for (const f of rel.localFields) out[f] = null;
          break;
        case 'delete': {
          if (v === false) break;
          const where = currentWhere();
          if (!where) throw new KilnNotFoundError(target.name, 'nested delete', `No related ${target.name} record to delete`);
          if (rel.optional) for (const f of rel.localFields) out[f] = null;
          await this.call(ex.conn, target.name, 'deleteMany', { where }, at);
          break;
        }
        case 'update': {
          const where = currentWhere();
          if (!where) throw new KilnNotFoundError(target.name, 'nested update', `No related ${target.name} record to update`);
          const data = isPlainObject(v) && 'data' in v ? v.data : v;
          await this.update(ex, target, where, data as Args, at);
          break;
        }
        case 'upsert': {
          const { create, update } = pair(model, v, at, 'create', 'update');
          const where = currentWhere();
          const existing = where ? await this.call(ex.conn, target.name, 'findFirst', { where }, at) : null;
          if (existing && where) await this.update(ex, target, where, update as Args, [...at, 'update']);
          else Object.assign(out, keyOf(await this.create(ex, target, create as Args, [...at, 'create'])));
          break;
        }
      }
    }
    return out;
  }

  /** Relations whose key the related rows hold (1:n, the other side of 1:1) or a join table holds (m:n). */
  private async children(ex: ExecContext, model: ModelInfo, row: Row, rel: RuntimeRelation, input: unknown, path: Path, creating: boolean): Promise<void> {
    const target = this.engine.info.model(rel.type);
    const allowed = creating ? ['create', 'createMany', 'connect', 'connectOrCreate'] : TO_MANY;
    const ops = opsOf(model, input, path, rel.list ? allowed : allowed.filter((o) => o !== 'createMany' && o !== 'set' && o !== 'updateMany' && o !== 'deleteMany'));
    const conn = ex.conn;
    const join = rel.keyOn === 'join';
    const fk: Args = join ? {} : Object.fromEntries(rel.targetFields.map((f, i) => [f, row[rel.localFields[i]!]]));
    /** Related rows that belong to this record. */
    const mine = (where?: unknown): Args => {
      const own = join ? { [rel.opposite]: { some: { [rel.localFields[0]!]: row[rel.localFields[0]!] } } } : fk;
      return where === undefined ? own : { AND: [where, own] };
    };
    const list = (v: unknown) => (Array.isArray(v) ? v : [v]);
    const link = async (child: Row) => {
      if (join) await this.link(ex, model, target, rel, row, child);
      else await this.call(conn, target.name, 'update', { where: identityWhere(target, child), data: fk }, path);
    };

    for (const [op, v] of ops) {
      const at = [...path, op];
      switch (op) {
        case 'create':
          for (const [i, item] of list(v).entries()) {
            const p = Array.isArray(v) ? [...at, i] : at;
            if (!isPlainObject(item)) throw new KilnValidationError(model.name, pathText(p), 'expected an object of field values');
            const child = await this.create(ex, target, join ? item : { ...item, ...fk }, p);
            if (join) await link(child);
          }
          break;
        case 'createMany': {
          if (join) throw new KilnValidationError(model.name, pathText(at), 'createMany is not available on many-to-many relations');
          const spec = isPlainObject(v) ? v : {};
          const rows = list(spec.data).map((r) => ({ ...(r as Args), ...fk }));
          await this.call(conn, target.name, 'createMany', { data: rows, skipDuplicates: spec.skipDuplicates }, [...at, 'data']);
          break;
        }
        case 'connect':
          for (const [i, where] of list(v).entries()) await link(await this.mustFind(conn, target, where, Array.isArray(v) ? [...at, i] : at, 'connect'));
          break;
        case 'connectOrCreate':
          for (const [i, item] of list(v).entries()) {
            const p = Array.isArray(v) ? [...at, i] : at;
            const { where, create } = pair(model, item, p, 'where', 'create');
            const found = (await this.call(conn, target.name, 'findUnique', { where }, [...p, 'where'])) as Row | null;
            if (found) await link(found);
            else {
              const child = await this.create(ex, target, join ? (create as Args) : { ...(create as Args), ...fk }, [...p, 'create']);
              if (join) await link(child);
            }
          }
          break;
        case 'set':
          if (join) await this.unlink(ex, model, target, rel, row, null);
          else await this.detach(conn, target, rel, mine(), at, model);
          for (const [i, where] of list(v).entries()) await link(await this.mustFind(conn, target, where, [...at, i], 'set'));
          break;
        case 'disconnect':
          if (!rel.list) {
            if (v === false) break;
            await this.detach(conn, target, rel, mine(), at, model);
            break;
          }
          for (const [i, where] of list(v).entries()) {
            const found = (await this.call(conn, target.name, 'findFirst', { where: mine(where) }, [...at, i])) as Row | null;
            if (!found) continue; // Prisma ignores records that are not connected
            if (join) await this.unlink(ex, model, target, rel, row, found);
            else await this.detach(conn, target, rel, identityWhere(target, found), at, model);
          }
          break;
        case 'delete':
          if (!rel.list) {
            if (v === false) break;
            const n = (await this.call(conn, target.name, 'deleteMany', { where: mine() }, at)) as { count: number };
            if (n.count === 0) throw new KilnNotFoundError(target.name, 'nested delete', `No related ${target.name} record to delete`);
            break;
          }
          for (const [i, where] of list(v).entries()) {
            const found = (await this.call(conn, target.name, 'findFirst', { where: mine(where) }, [...at, i])) as Row | null;
            if (!found) throw new KilnNotFoundError(target.name, 'nested delete', `No connected ${target.name} record matches`);
            await this.call(conn, target.name, 'delete', { where: identityWhere(target, found) }, [...at, i]);
          }
          break;
        case 'deleteMany':
          for (const [i, where] of list(v).entries()) await this.call(conn, target.name, 'deleteMany', { where: mine(where) }, Array.isArray(v) ? [...at, i] : at);
          break;
        case 'update':
          for (const [i, item] of list(v).entries()) {
            const p = Array.isArray(v) ? [...at, i] : at;
            const hasWhere = rel.list || (isPlainObject(item) && 'where' in item);
            const where = hasWhere ? (item as Args).where : undefined;
            const data = isPlainObject(item) && 'data' in item ? item.data : item;
            const found = (await this.call(conn, target.name, 'findFirst', { where: mine(where) }, p)) as Row | null;
            if (!found) throw new KilnNotFoundError(target.name, 'nested update', `No connected ${target.name} record to update`);
            await this.update(ex, target, identityWhere(target, found), data as Args, [...p, 'data']);
          }
          break;
        case 'updateMany':
          for (const [i, item] of list(v).entries()) {
            const p = Array.isArray(v) ? [...at, i] : at;
            const { where, data } = pair(model, item, p, 'where', 'data');
            await this.call(conn, target.name, 'updateMany', { where: mine(where), data }, p);
          }
          break;
        case 'upsert':
          for (const [i, item] of list(v).entries()) {
            const p = Array.isArray(v) ? [...at, i] : at;
            const { create, update } = pair(model, item, p, 'create', 'update');
            const where = rel.list ? (item as Args).where : undefined;
            const found = (await this.call(conn, target.name, 'findFirst', { where: mine(where) }, p)) as Row | null;
            if (found) await this.update(ex, target, identityWhere(target, found), update as Args, [...p, 'update']);
            else {
              const child = await this.create(ex, target, join ? (create as Args) : { ...(create as Args), ...fk }, [...p, 'create']);
              if (join) await link(child);
            }
          }
          break;
      }
    }
  }

  private async mustFind(conn: Queryable, target: ModelInfo, where: unknown, path: Path, op: string): Promise<Row> {
    const found = (await this.call(conn, target.name, 'findUnique', { where }, path)) as Row | null;
    if (!found) throw new KilnNotFoundError(target.name, `nested ${op}`, `No ${target.name} record found to ${op}`);
    return found;
  }

  /** Clears the foreign key of related rows (they must allow it). */
  private async detach(conn: Queryable, target: ModelInfo, rel: RuntimeRelation, where: Args, path: Path, model: ModelInfo): Promise<void> {
    const nullable = rel.targetFields.every((f) => target.columns.get(f)!.field.optional);
    if (!nullable) {
      throw new KilnValidationError(model.name, pathText(path), `the related ${target.name} records cannot exist without this ${model.name} (their key is required); delete them instead`);
    }
    await this.call(conn, target.name, 'updateMany', { where, data: Object.fromEntries(rel.targetFields.map((f) => [f, null])) }, path);
  }

  private joinTable(rel: RuntimeRelation) {
    const jt = rel.joinTable!;
    return jt.schema ? schemaTable(jt.schema, jt.name) : table(jt.name);
  }

  private async link(ex: ExecContext, model: ModelInfo, target: ModelInfo, rel: RuntimeRelation, row: Row, child: Row): Promise<void> {
    const jt = rel.joinTable!;
    const ours = model.columns.get(rel.localFields[0]!)!.encode(row[rel.localFields[0]!]);
    const theirs = target.columns.get(rel.targetFields[0]!)!.encode(child[rel.targetFields[0]!]);
    const node = insertInto(this.joinTable(rel), { columns: [jt.localColumn, jt.targetColumn], rows: [[param(ours), param(theirs)]], onConflict: onConflictDoNothing() });
    const c = this.engine.dialect.compile(node);
    await ex.conn.execute(c.sql, c.parameters);
  }

  private async unlink(ex: ExecContext, model: ModelInfo, target: ModelInfo, rel: RuntimeRelation, row: Row, child: Row | null): Promise<void> {
    const jt = rel.joinTable!;
    const ours = eq(col(jt.localColumn), param(model.columns.get(rel.localFields[0]!)!.encode(row[rel.localFields[0]!])));
    const where = child ? and(ours, eq(col(jt.targetColumn), param(target.columns.get(rel.targetFields[0]!)!.encode(child[rel.targetFields[0]!])))) : ours;
    const c = this.engine.dialect.compile(deleteFrom(this.joinTable(rel), { where }));
    await ex.conn.execute(c.sql, c.parameters);
  }
}

/** The operations of one nested-write input, checked against what the relation allows. */
function opsOf(model: ModelInfo, input: unknown, path: Path, allowed: string[]): [string, unknown][] {
  if (!isPlainObject(input)) throw new KilnValidationError(model.name, pathText(path), `expected an object with one of: ${allowed.join(', ')}`);
  const ops = entries(input);
  for (const [op] of ops) {
    if (!allowed.includes(op)) throw new KilnValidationError(model.name, pathText([...path, op]), `"${op}" is not available here; use one of: ${allowed.join(', ')}`);
  }
  return ops;
}

function pair(model: ModelInfo, v: unknown, path: Path, a: string, b: string): Args {
  if (!isPlainObject(v) || v[a] === undefined || v[b] === undefined) {
    throw new KilnValidationError(model.name, pathText(path), `expected { ${a}, ${b} }`);
  }
  return v;
}

/** Runs an upsert branch as a create or an update call: its `data.x` errors are `create.x` / `update.x`. */
async function branch<T>(name: 'create' | 'update', fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof KilnValidationError && /^data(?![^.[])/.test(e.path)) throw new KilnValidationError(e.model!, name + e.path.slice(4), e.problem);
    if (e instanceof ValueError) throw new KilnValidationError('?', name, e.message);
    throw e;
  }
}

/** Runs a nested step, prefixing the nested path to its validation errors. */
async function withPath<T>(path: Path, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof KilnValidationError && path.length) {
      throw new KilnValidationError(e.model!, e.path ? `${pathText(path)}.${e.path}` : pathText(path), e.problem);
    }
    if (e instanceof ValueError) throw new KilnValidationError('?', pathText(path), e.message);
    throw e;
  }
}
