import type { Queryable, Row } from '../driver/driver.js';
import { KilnNotFoundError } from '../errors/kiln-error.js';
import type { Engine } from './engine.js';
import type { ModelInfo } from './model-info.js';
import { bindParams } from './param-source.js';
import { finishRows, runRead } from './read-exec.js';
import type { UpsertPlan } from './upsert-plan.js';

type Args = Record<string, unknown>;

/**
 * Runs a native upsert (upsert-plan.ts) and returns the record as the call selected it. Where a
 * second statement reads the record, both run in one transaction: the upsert locks the row until
 * COMMIT, so the read sees it as written.
 */
export async function runNativeUpsert(engine: Engine, model: ModelInfo, plan: UpsertPlan, args: Args, tx: Queryable | null): Promise<Row> {
  const { stmt, read } = plan;
  const params = bindParams(stmt.sources, args);
  if (read.kind === 'returning') {
    // One statement: nothing to wrap in a transaction.
    const ex = engine.exec(tx ?? engine.driver, model);
    const row = written(model, await ex.query(stmt.sql, params, stmt.bigints));
    await finishRows(ex, [row], read.shape, args);
    return row;
  }
  return engine.inTransaction(tx, async (conn) => {
    const ex = engine.exec(conn, model);
    switch (read.kind) {
      case 'identity':
        return engine.readBack(model, written(model, await ex.query(stmt.sql, params, stmt.bigints)), args, conn);
      case 'where':
        await engine.executeWrite(ex, model, stmt.sql, params);
        return written(model, await runRead(ex, read.read, args));
      case 'insertId': {
        const { insertId } = await engine.executeWrite(ex, model, stmt.sql, params);
        const id = insertId !== undefined && read.decode ? read.decode(insertId) : insertId;
        return written(model, await runRead(ex, read.read, { ...args, where: { [read.field]: id } }));
      }
    }
  });
}

function written(model: ModelInfo, rows: Row[]): Row {
  const row = rows[0];
  // An upsert always leaves its record, locked until COMMIT: not finding it is a bug.
  if (row === undefined) throw new KilnNotFoundError(model.name, 'upsert', 'The upserted record could not be read back');
  return row;
}
