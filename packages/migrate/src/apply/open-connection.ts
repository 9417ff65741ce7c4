import type { ConnectionTarget } from './database-url.js';
import type { DatabaseConnection } from './executor.js';
import { openMysqlExecutor } from './executors/mysql-executor.js';
import { openPostgresExecutor } from './executors/postgres-executor.js';
import { openSqliteExecutor } from './executors/sqlite-executor.js';

/** Opens a connection with the target's driver, imported on first use. */
export async function openConnection(target: ConnectionTarget): Promise<DatabaseConnection> {
  switch (target.provider) {
    case 'sqlite':
      return openSqliteExecutor(target.filename);
    case 'postgresql':
      return openPostgresExecutor(target.url, { schema: target.schema });
    case 'mysql':
      return openMysqlExecutor(target.url);
  }
}
