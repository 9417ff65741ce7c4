import { assign, col, insertInto, onConflictDoUpdate, type AssignmentNode } from '@kiln/sql';
import { ValueError, type Decoder, type Encoder } from '../values/codec.js';
import { compileStatement, type CompiledStatement } from './compiled.js';
import { splitData } from './data.js';
import type { ModelInfo } from './model-info.js';
import { readPath, type Path } from './param-source.js';
import { entries, isPlainObject, type PlanContext } from './plan-context.js';
import { planRead, type ReadPlan, type RowShape } from './read-plan.js';
import { identityFields, keyRead, withSelection } from './read-back.js';
import { assignments, bigintsFor, insertRow, returning } from './write-plan.js';

type Args = Record<string, unknown>;

/**
 * How a native upsert returns its record:
 * - `returning`: RETURNING the caller's selection (PostgreSQL, SQLite, MariaDB);
 * - `identity`: RETURNING the identity; the record and its relations are read by it (same
 *   transaction);
 * - `where`: no RETURNING (MySQL): read by the call's own `where`, which names the record on
 *   both branches (the update leaves the key as it is);
 * - `insertId`: no RETURNING and the update changes the key: read by the AUTO_INCREMENT
 *   identity the statement reports (`upsertInsertId`).
 */
export type UpsertRead =
  | { kind: 'returning'; shape: RowShape }
  | { kind: 'identity' }
  | { kind: 'where'; read: ReadPlan }
  | { kind: 'insertId'; read: ReadPlan; field: string; decode: Decoder | null };

/** One field of the conflict key: where `where` and `create` hold its value, and its encoder. */
interface KeyField {
  where: Path;
  create: Path;
  encode: Encoder;
}

/**
 * `INSERT .. ON CONFLICT (key) DO UPDATE SET ..` (`ON DUPLICATE KEY UPDATE` on MySQL) for one
 * shape of upsert arguments. The shape only qualifies the call: `key` says which values must
 * also be equal per call (see `upsertApplies`).
 */
export interface UpsertPlan {
  stmt: CompiledStatement;
  key: KeyField[];
  read: UpsertRead;
}

/**
 * The native upsert for these arguments, or `null` when the call must take the find-then-write
 * path (nested-writes.ts). Native when, as Prisma's "database upserts" and then some:
 * - `where` names the record by exactly one unique key (a field or a compound key) and nothing
 *   else, and `create` gives every field of that key (not null);
 * - `create` and `update` write this model's fields only (no nested writes);
 * - a database whose upsert fires on ANY unique key (MySQL's ON DUPLICATE KEY UPDATE) has no
 *   other unique key the INSERT could collide with (see `onlyKeyCanConflict`);
 * - a database without RETURNING can find the row afterwards (see the read kinds).
 * Selecting relations is fine: the record is read back in the same transaction. `update: {}`
 * assigns a key column its own value, so the existing row is returned untouched.
 */
export function planUpsert(ctx: PlanContext, model: ModelInfo, args: Args): UpsertPlan | null {
  const key = conflictKey(model, args.where);
  if (!key || !isPlainObject(args.create) || !isPlainObject(args.update)) return null;
  const create = splitData(ctx, model, args.create, ['create']);
  const update = splitData(ctx, model, args.update, ['update']);
  if (create.relations.length || update.relations.length) return null;
  const created = new Map(create.scalars);
  for (const f of key.fields) {
    const v = created.get(f);
    if (v === undefined || v === null || isPlainObject(v)) return null;
  }
  const table = model.model.dbName;
  const column = (f: string) => model.columns.get(f)!.field.column;
  // Both branches are checked, whichever runs (a required field missing from create, say), as
  // Prisma checks the whole call. The existing row is named by the table in SET: PostgreSQL
  // finds a bare column ambiguous there.
  const row = insertRow(ctx, model, create.scalars, ['create']);
  const set: AssignmentNode[] = assignments(ctx, model, update.scalars, ['update'], (c) => col(table, c));
  const caps = ctx.dialect.capabilities;
  if (!caps.upsertTarget && !onlyKeyCanConflict(model, key.name, created)) return null;
  // `update: {}`: a key column keeps its own value, and the row is returned as it is.
  if (set.length === 0) set.push(assign(column(key.fields[0]!), col(table, column(key.fields[0]!))));
  const target = key.fields.map(column);
  const keyFields = key.fields.map((f): KeyField => ({
    where: key.fields.length === 1 ? ['where', key.name] : ['where', key.name, f],
    create: ['create', f],
    encode: model.columns.get(f)!.encode,
  }));
  const insert = (extra: { returning?: ReturnType<typeof returning>['columns'] }) =>
    insertInto(model.target(), { columns: row.columns, rows: [row.values], onConflict: onConflictDoUpdate(target, set), ...extra });

  if (caps.returning) {
    const r = returning(ctx, model, args, identityFields(ctx, model));
    const stmt = compileStatement(ctx, insert({ returning: r.columns }), bigintsFor(model, r.columns));
    return { stmt, key: keyFields, read: r.shape ? { kind: 'returning', shape: r.shape } : { kind: 'identity' } };
  }
  if (!update.scalars.some(([f]) => key.fields.includes(f))) {
    const read = planRead(ctx, model, withSelection(args, args.where), [], { single: true });
    return { stmt: compileStatement(ctx, insert({})), key: keyFields, read: { kind: 'where', read } };
  }
  // The update changes the key: the row can be found only by an AUTO_INCREMENT identity it
  // leaves alone, reported by the statement.
  const identity = identityFields(ctx, model);
  const id = identity.length === 1 ? model.columns.get(identity[0]!)! : undefined;
  if (!id || !(id.field.default?.kind === 'database' && id.field.default.autoincrement) || update.scalars.some(([f]) => f === id.field.name)) return null;
  const report = ctx.hooks.upsertInsertId(col(table, id.field.column));
  if (!report) return null;
  set.unshift(assign(id.field.column, report));
  const read = keyRead(ctx, model, args, [id.field.name]);
  return { stmt: compileStatement(ctx, insert({})), key: keyFields, read: { kind: 'insertId', read, field: id.field.name, decode: id.decode } };
}

/** The unique key `where` consists of, or `null` when it holds anything else. */
function conflictKey(model: ModelInfo, where: unknown): { name: string; fields: string[] } | null {
  if (!isPlainObject(where)) return null;
  const given = entries(where);
  if (given.length !== 1) return null;
  const [name, value] = given[0]!;
  const fields = model.uniques.get(name);
  if (!fields) return null;
  if (fields.length === 1) return value === null || isPlainObject(value) ? null : { name, fields };
  if (!isPlainObject(value)) return null;
  const parts = entries(value);
  if (parts.length !== fields.length) return null;
  for (const f of fields) if (value[f] === undefined || value[f] === null || isPlainObject(value[f])) return null;
  return { name, fields };
}

/**
 * Whether the INSERT can collide with no unique key but `keyName`, for a database whose upsert
 * fires on any unique key: MySQL's ON DUPLICATE KEY UPDATE updates the row that holds a duplicate
 * in whichever unique index (the manual advises against it on tables with several,
 * https://dev.mysql.com/doc/refman/8.0/en/insert-on-duplicate.html), where the find-then-write
 * path would fail with a unique-key error. Each other key must have a field that cannot repeat a
 * stored value: an AUTO_INCREMENT or client-generated random id the create leaves to its
 * default, or NULL (a unique index allows many NULLs). Whether a value is NULL is part of the
 * arguments' shape, so this holds for every call of the shape.
 */
function onlyKeyCanConflict(model: ModelInfo, keyName: string, created: Map<string, unknown>): boolean {
  return model.model.uniques.every((u) => {
    if (u.key === keyName) return true;
    return u.fields.some((f) => {
      const field = model.columns.get(f)!.field;
      if (created.has(f)) return created.get(f) === null;
      const d = field.default;
      if (!d) return field.optional;
      if (d.kind === 'database') return d.autoincrement;
      return d.fn !== 'now';
    });
  });
}

/**
 * Whether this call's `where` and `create` give the key the same value (compared as bound, so a
 * Date and its ISO text are one value). Otherwise the call is not an upsert of one key, and
 * takes the find-then-write path, as in Prisma.
 */
export function upsertApplies(plan: UpsertPlan, args: Args): boolean {
  for (const k of plan.key) {
    let a: unknown;
    let b: unknown;
    try {
      a = k.encode(readPath(args, k.where));
      b = k.encode(readPath(args, k.create));
    } catch (e) {
      // A value the column refuses: the other path reports it, at its place in the arguments.
      if (e instanceof ValueError) return false;
      throw e;
    }
    if (!sameBound(a, b)) return false;
  }
  return true;
}

function sameBound(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  if (a instanceof Uint8Array && b instanceof Uint8Array) return Buffer.compare(a, b) === 0;
  return false;
}
