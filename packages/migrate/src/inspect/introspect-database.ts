import type { Provider } from '@kiln/schema';
import type { DatabaseConnection } from '../apply/executor.js';
import type { QualifiedName } from '../changes/database-objects.js';
import { qualifiedNameKey } from '../changes/qualified-name-key.js';
import type { Introspection } from './introspection.js';
import { joinTableShape } from './join-table-shape.js';
import { inspectMysql } from './mysql/inspect-mysql.js';
import { inspectPostgresql } from './postgresql/inspect-postgresql.js';
import { inspectSqlite } from './sqlite/inspect-sqlite.js';

export interface InspectOptions {
  /** PostgreSQL schemas to read besides the current one (the datasource's `schemas`). */
  namespaces?: readonly string[];
  /** Tables and views to leave out, by name (the history table `_kiln_migrations` always is). */
  exclude?: readonly string[];
}

/** The table in which Kiln records applied migrations: never part of a schema. */
export const HISTORY_TABLE = '_kiln_migrations';

const INSPECTORS: Record<Provider, (connection: DatabaseConnection, namespaces: readonly string[]) => Promise<Introspection>> = {
  postgresql: inspectPostgresql,
  mysql: (c) => inspectMysql(c),
  sqlite: (c) => inspectSqlite(c),
};

/**
 * Reads the schema of a live database: its tables with their columns, keys, indexes, foreign
 * keys and checks, its enums and its views, in the canonical forms `databaseSchemaFromIr`
 * produces (docs/introspection.md), plus each view's columns. Tables and enums are in name
 * order, columns in table order.
 */
export async function introspectDatabase(connection: DatabaseConnection, provider: Provider, options: InspectOptions = {}): Promise<Introspection> {
  const inspect = Object.hasOwn(INSPECTORS, provider) ? INSPECTORS[provider] : undefined;
  if (inspect === undefined) throw new Error(`Cannot inspect a database of provider ${JSON.stringify(provider)}; expected sqlite, postgresql or mysql.`);
  const result = await inspect(connection, options.namespaces ?? []);
  const excluded = new Set([HISTORY_TABLE, ...(options.exclude ?? [])]);
  const kept = (name: QualifiedName) => !excluded.has(name.name);
  const { schema } = result;
  const tables = new Map(schema.tables.map((t) => [qualifiedNameKey(t.table.name), t]));
  return {
    schema: {
      ...schema,
      enums: [...schema.enums].sort((a, b) => compareNames(a.name, b.name)),
      tables: schema.tables
        .filter((t) => kept(t.table.name))
        .map((t) => {
          // A table shaped exactly like an implicit m:n relation's says so, for the planner's messages and its renames.
          const join = joinTableShape(t, tables, provider);
          return {
            ...t,
            table: {
              ...t.table,
              checks: [...t.table.checks].sort(byName),
              ...(join === null ? {} : { origin: { kind: 'joinTable' as const, relation: join.relation } }),
            },
            indexes: [...t.indexes].sort(byName),
            foreignKeys: [...t.foreignKeys].sort(byName),
          };
        })
        .sort((a, b) => compareNames(a.table.name, b.table.name)),
      views: schema.views.filter((v) => kept(v.name)).sort((a, b) => compareNames(a.name, b.name)),
    },
    viewColumns: result.viewColumns.filter((v) => kept(v.view)),
  };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareNames(a: QualifiedName, b: QualifiedName): number {
  return compare(a.schema ?? '', b.schema ?? '') || compare(a.name, b.name);
}

function byName<T extends { name: string }>(a: T, b: T): number {
  return compare(a.name, b.name);
}
