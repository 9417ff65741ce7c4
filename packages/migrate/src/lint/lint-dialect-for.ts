import type { Provider } from '@kiln/schema';
import { MysqlLintDialect } from './dialects/mysql/mysql-lint-dialect.js';
import { PostgresqlLintDialect } from './dialects/postgresql/postgresql-lint-dialect.js';
import { SqliteLintDialect } from './dialects/sqlite/sqlite-lint-dialect.js';
import type { LintDialect } from './lint-dialect.js';

const DIALECTS: Record<Provider, () => LintDialect> = {
  sqlite: () => new SqliteLintDialect(),
  postgresql: () => new PostgresqlLintDialect(),
  mysql: () => new MysqlLintDialect(),
};

/** The lint hooks of a provider. */
export function lintDialectFor(provider: Provider): LintDialect {
  const make = Object.hasOwn(DIALECTS, provider) ? DIALECTS[provider] : undefined;
  if (make === undefined) throw new Error(`Unknown provider ${JSON.stringify(provider)}: expected sqlite, postgresql or mysql.`);
  return make();
}
