import type { Provider } from '@kiln/schema';
import { MysqlHistoryDialect } from './dialects/mysql-history-dialect.js';
import { PostgresqlHistoryDialect } from './dialects/postgresql-history-dialect.js';
import { SqliteHistoryDialect } from './dialects/sqlite-history-dialect.js';
import type { HistoryDialect } from './history-dialect.js';

const DIALECTS: Record<Provider, () => HistoryDialect> = {
  sqlite: () => new SqliteHistoryDialect(),
  postgresql: () => new PostgresqlHistoryDialect(),
  mysql: () => new MysqlHistoryDialect(),
};

export function historyDialectFor(provider: Provider): HistoryDialect {
  return DIALECTS[provider]();
}
