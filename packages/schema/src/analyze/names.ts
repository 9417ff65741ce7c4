import type { Provider } from '../ir/types.js';

/** Longest identifier each database accepts (PostgreSQL NAMEDATALEN-1, MySQL 64). */
const MAX_IDENTIFIER: Record<Provider, number> = { postgresql: 63, mysql: 64, sqlite: 10_000 };

/**
 * Default constraint and index names, as Prisma Migrate writes them, so that a database Prisma
 * created matches Kiln's IR with no renames: `{table}_{columns}_{suffix}`, where the part
 * before the suffix is cut to fit the provider's identifier limit.
 */
export function constraintName(provider: Provider, table: string, columns: readonly string[], suffix: string): string {
  const limit = MAX_IDENTIFIER[provider];
  let base = columns.length ? `${table}_${columns.join('_')}` : table;
  if (base.length >= limit - 5) base = base.slice(0, limit - 5);
  return `${base}_${suffix}`;
}

/** `PostToTag`: Prisma's default relation name, the two model names in alphabetical order. */
export function defaultRelationName(a: string, b: string): string {
  return a < b ? `${a}To${b}` : `${b}To${a}`;
}
