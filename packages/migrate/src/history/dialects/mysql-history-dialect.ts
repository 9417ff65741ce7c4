import { MysqlDialect } from '@kiln/sql';
import { HISTORY_TABLE } from '../../inspect/introspect-database.js';
import { HistoryDialect } from '../history-dialect.js';

/**
 * DATETIME(3) in UTC (TIMESTAMP would convert to the session's time zone and end in 2038).
 * Names compare as bytes (utf8mb4_bin), as the folder sorts them. VARCHAR(191) keeps the key
 * within 767 bytes of utf8mb4 for servers with the old COMPACT row format.
 */
export class MysqlHistoryDialect extends HistoryDialect {
  protected readonly sql = new MysqlDialect();
  protected readonly now = 'UTC_TIMESTAMP(3)';
  readonly createTableSql = `CREATE TABLE IF NOT EXISTS ${this.table} (
    \`name\` VARCHAR(191) NOT NULL,
    \`checksum\` VARCHAR(64) NOT NULL,
    \`started_at\` DATETIME(3) NOT NULL,
    \`finished_at\` DATETIME(3) NULL,
    \`applied_steps\` INT UNSIGNED NOT NULL DEFAULT 0,
    \`logs\` TEXT NULL,
    \`rolled_back_at\` DATETIME(3) NULL,
    PRIMARY KEY (\`name\`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin`;
  readonly tableExistsSql = `SELECT 1 AS \`found\` FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = '${HISTORY_TABLE}'`;

  protected timestampText(column: string): string {
    return `CONCAT(SUBSTRING(DATE_FORMAT(${column}, '%Y-%m-%dT%H:%i:%s.%f'), 1, 23), 'Z')`;
  }
}
