import type { Queryable, Row } from '../driver/driver.js';
import type { RuntimeDialect } from '../dialects/runtime-dialect.js';
import { KilnValidationError } from '../errors/kiln-error.js';
import { checkInt, checkSkip, ValueError } from '../values/codec.js';
import { bindParams, pathText, readPath } from './param-source.js';
import { COUNT_PREFIX, PARENT_KEY, type ReadPlan, type RelationPlan, type RowShape } from './read-plan.js';

/** Everything executing a plan needs besides the plan: a connection and the dialect's hooks. */
export interface ExecContext {
  conn: Queryable;
  hooks: RuntimeDialect;
  /** Runs a statement through logging and error translation. */
  query(sql: string, params: unknown[], bigints: boolean): Promise<Row[]>;
}

export async function runRead(ex: ExecContext, plan: ReadPlan, args: unknown): Promise<Row[]> {
  let rows = await ex.query(plan.stmt.sql, bindParams(plan.stmt.sources, args), plan.stmt.bigints);
  if (plan.reverse) rows.reverse();
  await finishRows(ex, rows, plan.shape, args);
  if (plan.distinct) rows = paginate(dedupe(rows, plan.distinct), args, plan.skipPath, plan.takePath);
  strip(rows, plan.shape.hidden);
  return rows;
}

/** Decodes rows in place, attaches `_count` and relations (one statement per relation per level). */
export async function finishRows(ex: ExecContext, rows: Row[], shape: RowShape, args: unknown): Promise<void> {
  const { decoders, counts } = shape;
  if (decoders.length || counts.length) {
    for (const row of rows) {
      for (let i = 0; i < decoders.length; i++) {
        const [name, decode] = decoders[i]!;
        const v = row[name];
        if (v !== null && v !== undefined) row[name] = decode(v);
      }
      if (counts.length) {
        const c: Record<string, number> = {};
        for (const name of counts) {
          c[name] = Number(row[COUNT_PREFIX + name]);
          delete row[COUNT_PREFIX + name];
        }
        row._count = c;
      }
    }
  }
  for (const r of shape.relations) await loadRelation(ex, rows, r, args);
}

const norm = (v: unknown): unknown =>
  typeof v === 'bigint' ? String(v) : typeof v === 'number' ? String(v) : v instanceof Date ? v.toISOString() : Buffer.isBuffer(v) ? v.toString('hex') : v;

async function loadRelation(ex: ExecContext, parents: Row[], r: RelationPlan, args: unknown): Promise<void> {
  const empty = () => (r.list ? [] : null);
  const keys: unknown[] = [];
  const seen = new Set<unknown>();
  for (const p of parents) {
    const k = p[r.parentKey];
    if (k === null || k === undefined) continue;
    const n = norm(k);
    if (!seen.has(n)) {
      seen.add(n);
      keys.push(r.keyEncode(k));
    }
  }
  if (keys.length === 0) {
    for (const p of parents) p[r.name] = empty();
    return;
  }
  const children = await ex.query(r.stmt.sql, bindParams(r.stmt.sources, args, ex.hooks.encodeKeyList(keys)), r.stmt.bigints);
  await finishRows(ex, children, r.shape, args);
  const groups = new Map<unknown, Row[]>();
  for (const c of children) {
    const k = norm(c[r.childKey]);
    const g = groups.get(k);
    if (g) g.push(c);
    else groups.set(k, [c]);
  }
  strip(children, r.childKey === PARENT_KEY ? [...r.shape.hidden, PARENT_KEY] : r.shape.hidden);
  for (const p of parents) {
    const k = p[r.parentKey];
    const g = k === null || k === undefined ? undefined : groups.get(norm(k));
    if (r.list) {
      const rows = g ? (r.distinct ? dedupe(g, r.distinct) : g) : [];
      p[r.name] = rows.length ? paginate(r.takePath || r.skipPath ? [...rows] : rows, args, r.skipPath, r.takePath) : [];
    }
    else p[r.name] = g?.[0] ?? null;
  }
}

export function paginate<T>(rows: T[], args: unknown, skipPath: readonly (string | number)[] | null, takePath: readonly (string | number)[] | null): T[] {
  // Read per call, so checked per call: a cached plan says nothing about this call's numbers.
  const skip = skipPath ? checked(args, skipPath, checkSkip) : 0;
  const take = takePath ? checked(args, takePath, checkInt) : undefined;
  if (take === undefined) return skip ? rows.slice(skip) : rows;
  if (take < 0) {
    const end = rows.length - skip;
    return rows.slice(Math.max(0, end + take), Math.max(0, end));
  }
  return rows.slice(skip, skip + take);
}

function checked(args: unknown, path: readonly (string | number)[], check: (v: unknown) => number): number {
  try {
    return check(readPath(args, path));
  } catch (e) {
    if (e instanceof ValueError) throw new KilnValidationError('?', pathText(path), e.message);
    throw e;
  }
}

function dedupe(rows: Row[], fields: string[]): Row[] {
  const seen = new Set<string>();
  return rows.filter((row) => {
    const k = JSON.stringify(fields.map((f) => norm(row[f])));
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function strip(rows: Row[], hidden: string[]): void {
  if (hidden.length === 0) return;
  for (const row of rows) for (const h of hidden) delete row[h];
}
