import { PostgresDialect } from '@kiln/sql';
import { HISTORY_TABLE } from '../../inspect/introspect-database.js';
import { HistoryDialect } from '../history-dialect.js';

/**
 * In the connection's current schema (the URL's `?schema=`). clock_timestamp() rather than
 * now(), which is the start of the transaction: a migration's start and finish share one.
 */
export class PostgresqlHistoryDialect extends HistoryDialect {
  protected readonly sql = new PostgresDialect();
  protected readonly now = 'clock_timestamp()';
  readonly createTableSql = `CREATE TABLE IF NOT EXISTS ${this.table} (
    "name" VARCHAR(191) NOT NULL PRIMARY KEY,
    "checksum" VARCHAR(64) NOT NULL,
    "started_at" TIMESTAMPTZ NOT NULL,
    "finished_at" TIMESTAMPTZ,
    "applied_steps" INTEGER NOT NULL DEFAULT 0,
    "logs" TEXT,
    "rolled_back_at" TIMESTAMPTZ
)`;
  readonly tableExistsSql = `SELECT 1 AS "found" FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = '${HISTORY_TABLE}'`;

  protected timestampText(column: string): string {
    return `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
  }
}
