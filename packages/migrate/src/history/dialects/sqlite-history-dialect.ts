import { SqliteDialect } from '@kiln/sql';
import { HISTORY_TABLE } from '../../inspect/introspect-database.js';
import { HistoryDialect } from '../history-dialect.js';

/** Timestamps as ISO-8601 text, the way the SQLite client stores DateTime. */
export class SqliteHistoryDialect extends HistoryDialect {
  protected readonly sql = new SqliteDialect();
  protected readonly now = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')";
  readonly createTableSql = `CREATE TABLE IF NOT EXISTS ${this.table} (
    "name" TEXT NOT NULL PRIMARY KEY,
    "checksum" TEXT NOT NULL,
    "started_at" TEXT NOT NULL,
    "finished_at" TEXT,
    "applied_steps" INTEGER NOT NULL DEFAULT 0,
    "logs" TEXT,
    "rolled_back_at" TEXT
)`;
  readonly tableExistsSql = `SELECT 1 AS "found" FROM sqlite_master WHERE type = 'table' AND name = '${HISTORY_TABLE}'`;

  protected timestampText(column: string): string {
    return column;
  }
}
