import type { Provider } from '@kiln/schema';
import type { DatabaseConnection } from '../apply/executor.js';
import type { DatabaseSchema } from '../changes/database-objects.js';
import { introspectDatabase, type InspectOptions } from './introspect-database.js';

export type { InspectOptions } from './introspect-database.js';

/**
 * What the live database holds, in the shapes the planner diffs (`source: 'database'`). The
 * history table `_kiln_migrations` and the tables in `exclude` are left out. Schema names and
 * table names reach the database as bound parameters.
 */
export async function inspectDatabase(connection: DatabaseConnection, provider: Provider, options: InspectOptions = {}): Promise<DatabaseSchema> {
  return (await introspectDatabase(connection, provider, options)).schema;
}
