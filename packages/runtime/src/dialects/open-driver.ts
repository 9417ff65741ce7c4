import { isAbsolute, resolve } from 'node:path';
import type { Driver } from '../driver/driver.js';
import { KilnConnectionError } from '../errors/kiln-error.js';
import type { DriverOptions } from '../client/driver-options.js';
import type { RuntimeDialect } from './runtime-dialect.js';
import { Mysql2Driver, type MysqlOptions } from './mysql/mysql2-driver.js';
import { mysqlRuntimeDialect } from './mysql/mysql-runtime-dialect.js';
import { PgDriver, type PgOptions } from './postgres/pg-driver.js';
import { postgresRuntimeDialect } from './postgres/postgres-runtime-dialect.js';
import { BetterSqlite3Driver } from './sqlite/better-sqlite3-driver.js';
import { sqliteRuntimeDialect } from './sqlite/sqlite-runtime-dialect.js';

/**
 * Picks the driver by URL scheme. Drivers load their npm package on first connect, so an app
 * installs only the one it uses.
 */
export function openDriver(url: string, options: DriverOptions, schemaDir: string | undefined): { driver: Driver; hooks: RuntimeDialect } {
  if (url.startsWith('file:') || url === ':memory:') {
    let path = url === ':memory:' ? ':memory:' : url.slice('file:'.length);
    const q = path.indexOf('?');
    if (q >= 0) path = path.slice(0, q);
    if (path !== ':memory:' && !isAbsolute(path)) path = resolve(schemaDir ?? process.cwd(), path);
    const sqliteOptions = {
      ...(options.busyTimeout !== undefined ? { busyTimeout: options.busyTimeout } : {}),
      ...(options.sqlitePragmas ? { pragmas: options.sqlitePragmas } : {}),
    };
    return { driver: new BetterSqlite3Driver(path, sqliteOptions), hooks: sqliteRuntimeDialect };
  }
  const scheme = (url.slice(0, url.indexOf(':') + 1) || url).toLowerCase();
  const pooled = {
    ...(options.pool?.max !== undefined ? { max: options.pool.max } : {}),
    ...(options.pool?.idleTimeout !== undefined ? { idleTimeout: options.pool.idleTimeout } : {}),
    ...(options.connectTimeout !== undefined ? { connectTimeout: options.connectTimeout } : {}),
    ...(options.ssl !== undefined ? { ssl: options.ssl } : {}),
  };
  switch (scheme) {
    case 'postgresql:':
    case 'postgres:':
      return { driver: new PgDriver(url, pooled satisfies PgOptions), hooks: postgresRuntimeDialect };
    case 'mysql:':
    case 'mariadb:':
      return {
        driver: new Mysql2Driver(url, { ...pooled, ...(options.serverVersion ? { serverVersion: options.serverVersion } : {}) } satisfies MysqlOptions),
        hooks: mysqlRuntimeDialect,
      };
    default:
      throw new KilnConnectionError(`Unsupported database URL scheme "${scheme}". Use file: (SQLite), postgresql:// or postgres:// (PostgreSQL), mysql:// or mariadb:// (MySQL, MariaDB).`);
  }
}
