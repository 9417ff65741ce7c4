import type { Provider } from '@kiln/schema';
import type { DatabaseConnection } from '../apply/executor.js';
import type { DatabaseSchema } from '../changes/database-objects.js';
import { errorMessage } from '../apply/connection-errors.js';
import { canonicalizeMysql } from './mysql/canonicalize-mysql.js';
import { canonicalizePostgresql } from './postgresql/canonicalize-postgresql.js';
import { canonicalizeSqlite } from './sqlite/canonicalize-sqlite.js';

/** A schema with the database's own printing of its SQL text, and what could not be printed. */
export interface CanonicalSchema {
  schema: DatabaseSchema;
  /**
   * One line per view the database could not create from its `@@sql` while a view of that name
   * exists: its body is then compared by name only, so a change to it is not planned.
   */
  warnings: string[];
}

type Canonicalizer = (connection: DatabaseConnection, schema: DatabaseSchema) => Promise<CanonicalSchema>;

const CANONICALIZERS: Record<Provider, Canonicalizer> = {
  postgresql: canonicalizePostgresql,
  mysql: canonicalizeMysql,
  sqlite: canonicalizeSqlite,
};

/**
 * Asks a live database how it prints the SQL text of `schema` (a schema's side of a diff against
 * that database), so that the planner compares the database's text with the database's text
 * instead of guessing through a rewrite (docs/migrate.md, "How the planner compares"):
 *
 * - PostgreSQL: CHECK expressions and partial index predicates, added to a scratch temporary
 *   table with the table's columns, and view bodies, created as temporary views; read back with
 *   pg_get_expr and pg_get_viewdef as introspection reads them. All in one transaction that is
 *   always rolled back.
 * - MySQL and MariaDB: view bodies, created under a scratch name in the current database
 *   (MySQL has no temporary views, and its DDL commits), read from information_schema.VIEWS and
 *   dropped at once.
 * - SQLite: view bodies, which SQLite keeps as written, through a temporary view in a
 *   transaction that is rolled back.
 *
 * The result is `schema` with `printedExpression`, `printedWhere` and `printedSql` set where the
 * database printed the text; `planMigration` compares those against the database's side. What
 * the database refuses keeps the textual comparison (and, for a view, the comparison by name,
 * with a warning). Nothing in the database changes. Run it outside a transaction.
 */
export async function canonicalizeSchema(connection: DatabaseConnection, provider: Provider, schema: DatabaseSchema): Promise<CanonicalSchema> {
  const canonicalize = Object.hasOwn(CANONICALIZERS, provider) ? CANONICALIZERS[provider] : undefined;
  if (canonicalize === undefined) throw new Error(`Cannot canonicalize a schema for provider ${JSON.stringify(provider)}; expected sqlite, postgresql or mysql.`);
  return canonicalize(connection, schema);
}

/** The warning for a view whose SQL the database refused while a view of that name exists. */
export function viewNotCompared(name: string, err: unknown): string {
  return (
    `The body of view ${JSON.stringify(name)} is compared by name only: the database could not create it from its @@sql ` +
    `to print it its own way (${errorMessage(err)}). A change to the view's SQL is not planned; drop the view to have it created anew.`
  );
}
