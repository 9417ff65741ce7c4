import type { Provider } from '@kiln/schema';
import type { DatabaseConnection } from '../apply/executor.js';
import type { QualifiedName } from '../changes/database-objects.js';
import { ddlRendererFor } from '../dialects/ddl-renderer-for.js';

/**
 * A `rowCount` for `lintChanges` that asks a live database: `SELECT COUNT(*)` on the table,
 * its name quoted by the provider's DDL renderer. COUNT(*) reads the whole table (or an index)
 * on every database; call it before a deploy, not in a loop.
 */
export function rowCounter(connection: DatabaseConnection, provider: Provider): (table: QualifiedName) => Promise<number> {
  const renderer = ddlRendererFor(provider);
  return async (table) => {
    const rows = await connection.query(`SELECT COUNT(*) AS n FROM ${renderer.qualifiedName(table)}`);
    // pg returns COUNT(*) (a bigint) as a string.
    return Number(rows[0]?.n ?? 0);
  };
}
