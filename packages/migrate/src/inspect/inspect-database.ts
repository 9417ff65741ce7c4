import type { Provider } from '@kiln/schema';
import type { DatabaseConnection } from '../apply/executor.js';
import type { DatabaseSchema } from '../changes/database-objects.js';

export interface InspectOptions {
  /** PostgreSQL schemas to read besides the current one (the datasource's `schemas`). */
  namespaces?: readonly string[];
  /** Tables to leave out (the history table `_kiln_migrations` always is). */
  exclude?: readonly string[];
}

/** What the live database holds, in the shapes the planner diffs. */
export async function inspectDatabase(connection: DatabaseConnection, provider: Provider, options: InspectOptions = {}): Promise<DatabaseSchema> {
  void connection;
  void provider;
  void options;
  throw new Error('inspectDatabase is being built');
}
