import type { Provider } from '@kiln/schema';
import { ddlRendererFor, type Column, type ColumnType, type DatabaseSchema } from '../../../src/index.js';
import { canonicalExpression } from '../../../src/render/sql-text.js';

/*
 * Two database schemas made comparable with toEqual: the schema-only hints removed, every list
 * in name order, and only what a database can tell apart kept. Each normalization below names
 * the reason a live database cannot give the schema's exact spelling back.
 */

/** Hints that only a schema has (docs/introspection.md, "What comes back"). */
const HINTS = new Set(['field', 'renamedFrom', 'members', 'origin', 'source']);

export interface CompareOptions {
  /**
   * The database rewrites CHECK expressions and view bodies (PostgreSQL and MySQL do, SQLite
   * keeps them as written): checks are compared in the planner's loose form
   * (`canonicalExpression`), views by name only.
   */
  rewritten: boolean;
}

const byName = <T extends { name: unknown }>(a: T, b: T) => {
  const x = JSON.stringify(a.name);
  const y = JSON.stringify(b.name);
  return x < y ? -1 : x > y ? 1 : 0;
};

export function comparableSchema(schema: DatabaseSchema, provider: Provider, options: CompareOptions): unknown {
  const renderer = ddlRendererFor(provider);
  const namedEnums = renderer.capabilities.namedEnums;
  const typeOf = (column: Column): ColumnType => {
    const t = column.type;
    // Where an enum lives in its column (MySQL ENUM, a SQLite CHECK) the database keeps no enum name.
    if (t.kind === 'enum' && !namedEnums) return { ...t, enum: { schema: null, name: '(unnamed)' } };
    if (t.kind !== 'scalar' || t.nativeType === null) return t;
    // `String @db.Text` is the PostgreSQL column `String` is: the database cannot tell them apart.
    const plain = { ...column, autoincrement: false, type: { ...t, nativeType: null } };
    const sql = (c: Column) => renderer.canonicalTypeSql(renderer.columnTypeSql(c));
    return sql(plain) === sql({ ...column, autoincrement: false }) ? { ...t, nativeType: null } : t;
  };
  const copy = JSON.parse(JSON.stringify(schema, (k, v: unknown) => (HINTS.has(k) ? undefined : v))) as DatabaseSchema;
  return {
    namespaces: [...copy.namespaces].sort(),
    enums: namedEnums ? [...copy.enums].sort(byName) : [],
    tables: copy.tables
      .map((t) => ({
        ...t,
        table: {
          ...t.table,
          columns: t.table.columns.map((c) => ({ ...c, type: typeOf(c) })),
          checks: t.table.checks.map((c) => ({ ...c, expression: options.rewritten ? canonicalExpression(c.expression) : c.expression })).sort(byName),
        },
        indexes: [...t.indexes].sort(byName),
        foreignKeys: [...t.foreignKeys].sort(byName),
      }))
      .sort((a, b) => byName(a.table, b.table)),
    views: copy.views.map((v) => (options.rewritten ? { name: v.name } : v)).sort(byName),
  };
}

/** The providers that rewrite CHECK expressions and view bodies. */
export function rewritesSql(provider: Provider): boolean {
  return provider !== 'sqlite';
}
