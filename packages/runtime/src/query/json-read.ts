import type { Row } from '../driver/driver.js';
import { decodeRelation } from './json-decode.js';
import type { JoinedReadPlan } from './json-relations.js';
import { bindParams } from './param-source.js';
import { runRead, type ExecContext } from './read-exec.js';
import { COUNT_PREFIX, type ReadPlan } from './read-plan.js';

/** Runs a find plan of either strategy. */
export function runReadPlan(ex: ExecContext, plan: ReadPlan | JoinedReadPlan, args: unknown): Promise<Row[]> {
  return 'joined' in plan ? runJoinedRead(ex, plan, args) : runRead(ex, plan, args);
}

/** One statement; each row's relations are decoded from the JSON columns. */
export async function runJoinedRead(ex: ExecContext, plan: JoinedReadPlan, args: unknown): Promise<Row[]> {
  const rows = await ex.query(plan.stmt.sql, bindParams(plan.stmt.sources, args), plan.stmt.bigints);
  const { fields, counts, relations } = plan.top;
  const out = new Array<Row>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    const o: Row = {};
    for (let k = 0; k < fields.length; k++) {
      const f = fields[k]!;
      const v = row[f.name];
      o[f.name] = v !== null && v !== undefined && f.decode ? f.decode(v) : v;
    }
    if (counts.length) {
      const c: Record<string, number> = {};
      for (const name of counts) c[name] = Number(row[COUNT_PREFIX + name]);
      o._count = c;
    }
    for (const r of relations) o[r.name] = decodeRelation(r, row[r.name], args);
    out[plan.reverse ? rows.length - 1 - i : i] = o;
  }
  return out;
}
