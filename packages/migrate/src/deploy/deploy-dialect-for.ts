import type { Provider } from '@kiln/schema';
import type { DeployDialect } from './deploy-dialect.js';
import { MysqlDeployDialect } from './dialects/mysql-deploy-dialect.js';
import { PostgresqlDeployDialect } from './dialects/postgresql-deploy-dialect.js';
import { SqliteDeployDialect } from './dialects/sqlite-deploy-dialect.js';

const DIALECTS: Record<Provider, () => DeployDialect> = {
  sqlite: () => new SqliteDeployDialect(),
  postgresql: () => new PostgresqlDeployDialect(),
  mysql: () => new MysqlDeployDialect(),
};

export function deployDialectFor(provider: Provider): DeployDialect {
  return DIALECTS[provider]();
}
