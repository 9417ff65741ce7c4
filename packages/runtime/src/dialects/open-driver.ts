import { isAbsolute, resolve } from 'node:path';
import type { Driver } from '../driver/driver.js';
import { KilnConnectionError } from '../errors/kiln-error.js';
import type { DriverOptions } from '../client/driver-options.js';
import type { RuntimeDialect } from './runtime-dialect.js';
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
  const scheme = url.slice(0, url.indexOf(':') + 1) || url;
  throw new KilnConnectionError(`Unsupported database URL scheme "${scheme}". Use file: for SQLite.`);
}
