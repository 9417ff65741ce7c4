import type { Provider, SchemaIR } from '@kiln/schema';
import {
  applyPlan,
  databaseSchemaFromIr,
  invertRenames,
  planFromEmpty,
  planMigration,
  renderChanges,
  type DatabaseConnection,
  type DatabaseSchema,
  type MigrationPlan,
} from '../../../src/index.js';
import { readCatalog, type Catalog } from '../../helpers/catalog.js';
import { createTestDatabase, type TestDatabase } from '../../helpers/databases.js';
import { datasource, irOf } from '../../helpers/examples.js';

/** The IR and the DatabaseSchema of a schema body (models, enums, views) for `provider`; `extra` goes into the datasource. */
export function schemaOf(provider: Provider, body: string, extra = ''): { ir: SchemaIR; db: DatabaseSchema } {
  const ir = irOf(`${datasource(provider, extra ? `  ${extra}\n` : '')}\n${body}`);
  return { ir, db: databaseSchemaFromIr(ir) };
}

/** A schema's DatabaseSchema only. */
export const dbOf = (provider: Provider, body: string, extra = ''): DatabaseSchema => schemaOf(provider, body, extra).db;

/** Plans and renders v1 → v2. */
export function plan(provider: Provider, v1: string, v2: string, renames?: MigrationPlan['renames']): MigrationPlan {
  return planMigration(dbOf(provider, v1), dbOf(provider, v2), { provider, renames });
}

/**
 * The catalog in a form two databases can be compared by: sorted, and PostgreSQL serial
 * defaults without their sequence's name (a sequence keeps the name it was created with when
 * its table is renamed, as Prisma's do).
 */
export async function catalogOf(provider: Provider, c: DatabaseConnection): Promise<Catalog> {
  const catalog = await readCatalog(provider, c);
  const by = <T extends { name: string | null }>(list: T[]) => [...list].sort((a, b) => String(a.name).localeCompare(String(b.name)));
  return {
    tables: by(catalog.tables).map((t) => ({
      ...t,
      columns: by(t.columns).map((col) => ({ ...col, default: col.default?.replace(/^nextval\('.*'::regclass\)$/, 'nextval(…)') ?? null })),
      indexes: by(t.indexes),
      // SQLite keeps foreign key names only in the CREATE TABLE text; the planner ignores them there.
      foreignKeys: by(provider === 'sqlite' ? t.foreignKeys.map((fk) => ({ ...fk, name: fk.columns.join(',') })) : t.foreignKeys),
      checks: [...t.checks].sort(),
    })),
    views: [...catalog.views].sort(),
    enums: by(catalog.enums),
  };
}

/** A fresh database holding `body`, created by planFromEmpty. */
export async function createdFrom(provider: Provider, body: string): Promise<TestDatabase> {
  const db = await createTestDatabase(provider);
  try {
    await applyPlan(db.connection, renderChanges(planFromEmpty(schemaOf(provider, body).ir), provider));
    return db;
  } catch (err) {
    await db.drop();
    throw err;
  }
}

/** What a migration scenario does to its database. */
export interface Scenario {
  title: string;
  providers?: readonly Provider[];
  v1: string;
  v2: string;
  /** Rows written in the v1 shape. */
  seed(db: DatabaseConnection, provider: Provider): Promise<void>;
  /** What must hold in the v2 shape: the rows survived. */
  checkV2(db: DatabaseConnection, provider: Provider): Promise<void>;
  /** What must hold back in the v1 shape. */
  checkV1(db: DatabaseConnection, provider: Provider): Promise<void>;
  /** Adjusts the "from" side of the up plan (e.g. the triggers an introspection would read). */
  fromV1?(schema: DatabaseSchema, provider: Provider): DatabaseSchema;
  /** Adjusts the "from" side of the down plan. */
  fromV2?(schema: DatabaseSchema, provider: Provider): DatabaseSchema;
  /** Warning codes the up plan must give. */
  warnings?: string[];
}

/**
 * Creates v1, seeds it, plans and applies v1 → v2, checks the rows and that the database now
 * equals one created from v2 (catalog: tables, column types, defaults, nullability, keys,
 * indexes, foreign keys, checks, views, enum types); then plans v2 → v1 with the inverted
 * renames, applies it and checks the same against v1.
 */
export async function runScenario(provider: Provider, s: Scenario): Promise<void> {
  const db = await createdFrom(provider, s.v1);
  try {
    await s.seed(db.connection, provider);
    const v1 = dbOf(provider, s.v1);
    const v2 = dbOf(provider, s.v2);
    const up = planMigration(s.fromV1?.(v1, provider) ?? v1, v2, { provider });
    expect(up.warnings.map((w) => w.code)).toEqual(s.warnings ?? []);
    await applyPlan(db.connection, renderChanges(up.changes, provider));
    await s.checkV2(db.connection, provider);
    await expectSameCatalog(provider, db.connection, s.v2);

    const down = planMigration(s.fromV2?.(v2, provider) ?? v2, v1, { provider, renames: invertRenames(up.renames) });
    await applyPlan(db.connection, renderChanges(down.changes, provider));
    await s.checkV1(db.connection, provider);
    await expectSameCatalog(provider, db.connection, s.v1);
  } finally {
    await db.drop();
  }
}

/** The migrated database's catalog equals that of a database created from `body`. */
export async function expectSameCatalog(provider: Provider, connection: DatabaseConnection, body: string): Promise<void> {
  const fresh = await createdFrom(provider, body);
  try {
    expect(await catalogOf(provider, connection)).toEqual(await catalogOf(provider, fresh.connection));
  } finally {
    await fresh.drop();
  }
}

/**
 * The rows of a query, each as a plain object with numbers for integers: drivers return a
 * BIGINT as a bigint (better-sqlite3 on request) or a string (pg). The tests' text values are
 * never digits alone.
 */
export async function rows(db: DatabaseConnection, sql: string, params: unknown[] = []): Promise<Record<string, unknown>[]> {
  const integer = (v: unknown) => (typeof v === 'bigint' || (typeof v === 'string' && /^-?\d+$/.test(v)) ? Number(v) : v);
  return (await db.query(sql, params)).map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, integer(v)])));
}
