import type { Queryable, Row } from '../driver/driver.js';
import { KilnNotFoundError, KilnWriteConflictError } from '../errors/kiln-error.js';
import type { Engine } from './engine.js';
import type { ModelInfo } from './model-info.js';
import { bindParams } from './param-source.js';
import { finishRows, runRead } from './read-exec.js';
import type { UpsertPlan } from './upsert-plan.js';

type Args = Record<string, unknown>;

/**
 * Times a native upsert is run when the database aborts it to break a deadlock. Concurrent
 * INSERT .. ON DUPLICATE KEY UPDATE of one new key can deadlock on InnoDB's unique-index locks
 * (https://dev.mysql.com/doc/refman/8.0/en/innodb-locks-set.html); the aborted attempt left
 * nothing behind, so running it again is safe. Inside the caller's transaction the whole
 * transaction was rolled back, and the error (P2034) is the caller's to handle.
 */
const ATTEMPTS = 5;

/** Runs a native upsert (upsert-plan.ts) and returns the record as the call selected it. */
export async function runNativeUpsert(engine: Engine, model: ModelInfo, plan: UpsertPlan, args: Args, tx: Queryable | null): Promise<Row> {
  if (tx) return attempt(engine, model, plan, args, tx);
  for (let n = 1; ; n++) {
    try {
      return await attempt(engine, model, plan, args, null);
    } catch (e) {
      if (!(e instanceof KilnWriteConflictError) || n >= ATTEMPTS) throw e;
      console.log("RETRY", n);
    }
  }
}

async function attempt(engine: Engine, model: ModelInfo, plan: UpsertPlan, args: Args, tx: Queryable | null): Promise<Row> {
  const { stmt, read } = plan;
  const params = bindParams(stmt.sources, args);
  if (read.kind === 'returning') {
    // One statement: nothing to wrap in a transaction.
    const ex = engine.exec(tx ?? engine.driver, model);
    const row = written(model, await ex.query(stmt.sql, params, stmt.bigints));
    await finishRows(ex, [row], read.shape, args);
    return row;
  }
  // The upsert locks the row until COMMIT, so the read in the same transaction sees it as written.
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
