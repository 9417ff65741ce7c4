import type { Provider } from '@kiln/schema';
import type { DatabaseConnection } from '../apply/executor.js';

type ListTables = (connection: DatabaseConnection, schemas: readonly string[]) => Promise<string[]>;

/**
 * The tables and views already in the database that a schema would be created in: the file
 * (SQLite), the connection's database (MySQL), or the current schema and the datasource's
 * `schemas` (PostgreSQL). Schema names are bound, never interpolated.
 */
const LIST_TABLES: Record<Provider, ListTables> = {
  sqlite: async (c) =>
    names(await c.query("SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name")),
  postgresql: async (c, schemas) =>
    names(
      await c.query(
        `SELECT table_schema || '.' || table_name AS name FROM information_schema.tables
         WHERE table_schema = current_schema() OR table_schema = ANY($1::text[]) ORDER BY 1`,
        [[...schemas]],
      ),
    ),
  mysql: async (c) =>
    names(await c.query('SELECT TABLE_NAME AS name FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() ORDER BY TABLE_NAME')),
};

function names(rows: Record<string, unknown>[]): string[] {
  return rows.map((r) => String(r.name));
}

export function listExistingTables(connection: DatabaseConnection, provider: Provider, schemas: readonly string[] = []): Promise<string[]> {
  return LIST_TABLES[provider](connection, schemas);
}
