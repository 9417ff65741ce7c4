import type { DatabaseConnection } from '../../apply/executor.js';
import type { Check, Column, DatabaseSchema, EnumType, Index, QualifiedName, SchemaTable, View } from '../../changes/database-objects.js';
import { ddlRendererFor } from '../../dialects/ddl-renderer-for.js';
import type { DdlRenderer } from '../../render/ddl-renderer.js';
import type { CanonicalSchema } from '../canonicalize-schema.js';
import { viewNotCompared } from '../canonicalize-schema.js';
import { text, textOrNull } from '../row-values.js';
import { postgresCheck, postgresPredicate, postgresViewBody } from './postgresql-expression.js';

/*
 * PostgreSQL keeps a CHECK, an index predicate or a view as a parse tree and prints it back in
 * its own words (`LIKE` as `~~`, BETWEEN expanded, literals cast, columns qualified). Rather than
 * guess the rewrite, the database is asked: in a transaction that is always rolled back, the
 * schema's text is given to it on scratch temporary objects (https://www.postgresql.org/docs/current/sql-createtable.html#SQL-CREATETABLE-TEMPORARY)
 * and read back with the functions introspection uses (inspect-postgresql.ts). Temporary objects
 * live in the session's own pg_temp schema: no other session sees them, and nothing remains.
 */

/** The scratch table that takes one table's checks and predicates at a time. */
const SCRATCH = '_kiln_canon';

const CHECKS = `SELECT con.conname AS name, pg_get_expr(con.conbin, con.conrelid) AS sql
FROM pg_constraint con WHERE con.conrelid = 'pg_temp._kiln_canon'::regclass AND con.contype = 'c'`;

const PREDICATES = `SELECT i.relname AS name, pg_get_expr(x.indpred, x.indrelid) AS sql
FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid WHERE x.indrelid = 'pg_temp._kiln_canon'::regclass`;

const VIEW = `SELECT pg_get_viewdef(c.oid) AS sql FROM pg_class c WHERE c.relnamespace = pg_my_temp_schema() AND c.relname = $1 AND c.relkind = 'v'`;

const VIEW_EXISTS = `SELECT 1 AS found FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.relname = $1 AND c.relkind IN ('v', 'm') AND n.nspname = COALESCE($2::text, current_schema())`;

export async function canonicalizePostgresql(connection: DatabaseConnection, schema: DatabaseSchema): Promise<CanonicalSchema> {
  const renderer = ddlRendererFor('postgresql');
  const scratch = new Scratch(connection, renderer);
  const warnings: string[] = [];
  await connection.execute('BEGIN');
  try {
    const tables: SchemaTable[] = [];
    for (const t of schema.tables) tables.push(await canonicalTable(scratch, t));
    const views = await canonicalViews(scratch, schema, warnings);
    return { schema: { ...schema, tables, views }, warnings };
  } finally {
    await connection.execute('ROLLBACK');
  }
}

/** Runs statements inside the canonicalization's transaction, each group under a savepoint so that a refusal spoils nothing else. */
class Scratch {
  private savepoints = 0;

  constructor(
    readonly connection: DatabaseConnection,
    readonly renderer: DdlRenderer,
  ) {}

  /** Runs `work`; if it throws, undoes what it did and returns the error. `keep` false: undone either way. */
  async attempt<T>(work: () => Promise<T>, keep = true): Promise<{ value: T } | { error: unknown }> {
    const name = `kiln_canon_${++this.savepoints}`;
    await this.connection.execute(`SAVEPOINT ${name}`);
    let result: { value: T } | { error: unknown };
    try {
      result = { value: await work() };
    } catch (error) {
      result = { error };
    }
    const undo = !keep || 'error' in result;
    await this.connection.execute(undo ? `ROLLBACK TO SAVEPOINT ${name}` : `RELEASE SAVEPOINT ${name}`);
    return result;
  }

  /**
   * `CREATE TEMP TABLE name (...)` with the columns of `table` typed as the renderer types them;
   * an enum column's type is a temporary enum of the same name with the schema's values, so a
   * literal of a value the database does not have yet is accepted (its cast is not compared).
   */
  async createTable(name: string, table: SchemaTable, withEnums: boolean): Promise<void> {
    if (withEnums) {
      const enums = new Map<string, Extract<Column['type'], { kind: 'enum' }>>();
      for (const c of table.table.columns) if (c.type.kind === 'enum') enums.set(c.type.enum.name, c.type);
      for (const e of enums.values()) await this.createEnum(e.enum, e.values);
    }
    const columns = table.table.columns.map((c) => `${this.renderer.quote(c.name)} ${this.columnType(c)}`);
    await this.connection.execute(`CREATE TEMP TABLE ${this.renderer.quote(name)} (${columns.join(', ')})`);
  }

  async createEnum(name: QualifiedName, values: readonly string[]): Promise<void> {
    const labels = values.map((v) => this.renderer.stringLiteral(v)).join(', ');
    await this.connection.execute(`CREATE TYPE pg_temp.${this.renderer.quote(name.name)} AS ENUM (${labels})`);
  }

  private columnType(column: Column): string {
    const t = column.type;
    if (t.kind === 'enum') return `pg_temp.${this.renderer.quote(t.enum.name)}${t.list ? '[]' : ''}`;
    return this.renderer.columnTypeSql(column);
  }
}

/** The table with the database's printing of its checks and partial index predicates. */
async function canonicalTable(scratch: Scratch, t: SchemaTable): Promise<SchemaTable> {
  const partial = t.indexes.filter((i) => i.where !== null);
  if (t.table.checks.length === 0 && partial.length === 0) return t;
  const { connection, renderer } = scratch;
  const table = `pg_temp.${renderer.quote(SCRATCH)}`;
  const outcome = await scratch.attempt(async () => {
    await scratch.createTable(SCRATCH, t, true);
    // Each under a savepoint of its own: a check the database refuses keeps its text.
    for (const [n, c] of t.table.checks.entries()) {
      await scratch.attempt(() => connection.execute(`ALTER TABLE ${table} ADD CONSTRAINT ${renderer.quote(`c${n}`)} CHECK (${c.expression}) NOT VALID`));
    }
    for (const [n, i] of partial.entries()) {
      // The predicate is what is read back; a constant key fits any column type.
      await scratch.attempt(() => connection.execute(`CREATE INDEX ${renderer.quote(`${SCRATCH}_i${n}`)} ON ${table} ((1)) WHERE ${i.where}`));
    }
    const byName = (rows: Record<string, unknown>[]) => new Map(rows.map((r) => [text(r.name), textOrNull(r.sql)]));
    return { checks: byName(await connection.query(CHECKS)), predicates: byName(await connection.query(PREDICATES)) };
  }, false);
  if ('error' in outcome) return t;
  const { checks, predicates } = outcome.value;
  return {
    ...t,
    table: {
      ...t.table,
      checks: t.table.checks.map((c, n): Check => {
        const printed = checks.get(`c${n}`);
        return printed == null ? c : { ...c, printedExpression: postgresCheck(printed) };
      }),
    },
    indexes: t.indexes.map((i): Index => {
      const n = partial.indexOf(i);
      const printed = n < 0 ? null : predicates.get(`${SCRATCH}_i${n}`);
      return printed == null ? i : { ...i, printedWhere: postgresPredicate(printed) };
    }),
  };
}

/**
 * The views with the database's printing of their bodies, each created as a temporary view of
 * the same name: pg_temp comes first in the search path, so views that read one of them read
 * it, and pg_get_viewdef names the tables as it names them for the database's own views. A view
 * that reads what does not exist yet (a new column, a new table) is tried again once the
 * schema's tables of the current schema exist as temporary tables of the same name.
 */
async function canonicalViews(scratch: Scratch, schema: DatabaseSchema, warnings: string[]): Promise<View[]> {
  const printed = new Map<View, string>();
  const failed = new Map<View, unknown>();
  const create = async (views: readonly View[]) => {
    for (const v of views) {
      const outcome = await scratch.attempt(async () => {
        await scratch.connection.execute(`CREATE TEMP VIEW ${scratch.renderer.quote(v.name.name)} AS ${v.sql}`);
        const [row] = await scratch.connection.query(VIEW, [v.name.name]);
        return textOrNull(row?.sql);
      });
      if ('error' in outcome) failed.set(v, outcome.error);
      else {
        failed.delete(v);
        if (outcome.value !== null) printed.set(v, postgresViewBody(outcome.value));
      }
    }
  };
  await create(schema.views);
  if (failed.size > 0) {
    await shadowTables(scratch, schema);
    await create([...failed.keys()]);
  }
  for (const [v, err] of failed) {
    const [exists] = await scratch.connection.query(VIEW_EXISTS, [v.name.name, v.name.schema]);
    if (exists !== undefined) warnings.push(viewNotCompared(v.name.name, err));
  }
  return schema.views.map((v) => (printed.has(v) ? { ...v, printedSql: printed.get(v)! } : v));
}

/** The current schema's tables of `schema` (and their enums) as temporary tables, for views that read what is not there yet. */
async function shadowTables(scratch: Scratch, schema: DatabaseSchema): Promise<void> {
  const enums = new Map<string, EnumType>();
  for (const e of schema.enums) enums.set(e.name.name, e);
  for (const e of enums.values()) await scratch.attempt(() => scratch.createEnum(e.name, e.values));
  for (const t of schema.tables) {
    if (t.table.name.schema !== null) continue;
    // Enum columns use the temporary enums just made; a table the database refuses is left out.
    await scratch.attempt(() => scratch.createTable(t.table.name.name, t, false));
  }
}
