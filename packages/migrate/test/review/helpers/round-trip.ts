import type { Provider } from '@kiln/schema';
import {
  applyPlan,
  canonicalizeSchema,
  databaseSchemaFromIr,
  describeChange,
  inspectDatabase,
  planFromEmpty,
  planMigration,
  renderChanges,
} from '../../../src/index.js';
import { createTestDatabase, type TestDatabase } from '../../helpers/databases.js';
import { schemaOf } from '../../diff/helpers/migrate.js';

/*
 * Reviewer helpers: a database created from a schema body, read back by introspection, and
 * the plan from what it holds to what the schema asks for (which must be empty).
 */

export interface RoundTripOptions {
  /** Datasource lines (`schemas = [...]`). */
  extra?: string;
  /** PostgreSQL schemas the body uses besides the test's own; created by the plan, dropped with the database. */
  namespaces?: string[];
}

/** Creates a database holding `body` with planFromEmpty; the caller drops it. */
export async function databaseFrom(provider: Provider, body: string, options: RoundTripOptions = {}): Promise<TestDatabase> {
  const db = await createTestDatabase(provider);
  db.alsoDrop.push(...(options.namespaces ?? []));
  try {
    await applyPlan(db.connection, renderChanges(planFromEmpty(schemaOf(provider, body, options.extra).ir), provider));
    return db;
  } catch (err) {
    await db.drop();
    throw err;
  }
}

/**
 * What the planner would change in `db` to make it hold `body`, described (empty: no phantom
 * change). As `kiln db push` and drift detection do, the schema's SQL text is first printed by
 * the database (canonicalizeSchema); `canonicalize: false` compares the texts alone, as
 * planMigration does without a connection.
 */
export async function changesToReach(
  provider: Provider,
  db: TestDatabase,
  body: string,
  options: RoundTripOptions & { canonicalize?: boolean } = {},
): Promise<string[]> {
  const actual = await inspectDatabase(db.connection, provider, { namespaces: options.namespaces ?? [] });
  let expected = databaseSchemaFromIr(schemaOf(provider, body, options.extra).ir);
  if (options.canonicalize !== false) expected = (await canonicalizeSchema(db.connection, provider, expected)).schema;
  return planMigration(actual, expected, { provider }).changes.map(describeChange);
}

/** Creates a database from `body`, introspects it and returns the changes planned back to `body`. */
export async function phantomChanges(provider: Provider, body: string, options: RoundTripOptions & { canonicalize?: boolean } = {}): Promise<string[]> {
  const db = await databaseFrom(provider, body, options);
  try {
    return await changesToReach(provider, db, body, options);
  } finally {
    await db.drop();
  }
}
