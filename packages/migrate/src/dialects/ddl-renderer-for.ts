import type { Provider } from '@kiln/schema';
import type { DdlRenderer } from '../render/ddl-renderer.js';
import { MysqlDdlRenderer } from './mysql/mysql-ddl-renderer.js';
import { PostgresqlDdlRenderer } from './postgresql/postgresql-ddl-renderer.js';
import { SqliteDdlRenderer } from './sqlite/sqlite-ddl-renderer.js';

const RENDERERS: Record<Provider, () => DdlRenderer> = {
  sqlite: () => new SqliteDdlRenderer(),
  postgresql: () => new PostgresqlDdlRenderer(),
  mysql: () => new MysqlDdlRenderer(),
};

/** The DDL renderer of a provider. Renderers hold no state between changes; each call builds one. */
export function ddlRendererFor(provider: Provider): DdlRenderer {
  const make = Object.hasOwn(RENDERERS, provider) ? RENDERERS[provider] : undefined;
  if (make === undefined) throw new Error(`Unknown provider ${JSON.stringify(provider)}: expected sqlite, postgresql or mysql.`);
  return make();
}
