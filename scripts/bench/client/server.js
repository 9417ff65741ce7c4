// What the server providers (PostgreSQL, MySQL/MariaDB) share: the pool size every contender
// gets, the name of the bench's own database, and the rows as multi-row INSERTs.

import { randomBytes } from 'node:crypto';

/**
 * Connections per pool, the same for every contender (and Kiln's default). The workloads are
 * sequential, so a pool hands out one connection at a time; the size only has to be equal.
 */
export const POOL_SIZE = 10;

/** A fresh database per run, so runs (and other users of the server) cannot interfere. */
export function databaseName() {
  return 'kiln_bench_' + randomBytes(6).toString('hex');
}

/** `url` with its database (the path) replaced by `name`. */
export function withDatabase(url, name) {
  const u = new URL(url);
  u.pathname = '/' + name;
  return u.toString();
}

/** `host:port/database` for messages (never the password). */
export function target(url) {
  const u = new URL(url);
  return `${u.hostname || 'localhost'}${u.port ? ':' + u.port : ''}${u.pathname}`;
}

/** Splits rows into chunks that stay under `maxParameters` bound values per statement. */
export function* chunks(rows, columns, maxParameters) {
  const size = Math.max(1, Math.floor(maxParameters / columns));
  for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
}
