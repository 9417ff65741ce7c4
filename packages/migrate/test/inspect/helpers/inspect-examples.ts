import type { Provider, SchemaIR } from '@kiln/schema';
import { applyPlan, canonicalizeSchema, databaseSchemaFromIr, describeChange, inspectDatabase, planFromEmpty, planMigration, renderChanges, type DatabaseSchema } from '../../../src/index.js';
import { DB_TIMEOUT } from '../../helpers/apply-examples.js';
import { withTestDatabase, type TestDatabase } from '../../helpers/databases.js';
import { irOf, listExamples, loadExampleIr } from '../../helpers/examples.js';
import { representativeSchema } from '../../helpers/representative-schema.js';
import { comparableSchema, rewritesSql } from './comparable-schema.js';

/** Creates the IR's schema in a fresh database with planFromEmpty, then runs `body` on it. */
export async function withAppliedSchema<T>(provider: Provider, ir: SchemaIR, body: (db: TestDatabase) => Promise<T>): Promise<T> {
  const rendered = renderChanges(planFromEmpty(ir, { provider }), provider);
  return withTestDatabase(provider, async (db) => {
    db.alsoDrop.push(...(ir.datasource?.schemas ?? []));
    await applyPlan(db.connection, rendered);
    return body(db);
  });
}

/**
 * The acceptance check of introspection: the inspected database equals what the IR asked for
 * (databaseSchemaFromIr, compared as in comparable-schema.ts), and the planner sees nothing to
 * change between them.
 */
export function expectSameSchema(provider: Provider, inspected: DatabaseSchema, expected: DatabaseSchema): void {
  const options = { rewritten: rewritesSql(provider) };
  expect(comparableSchema(inspected, provider, options)).toEqual(comparableSchema(expected, provider, options));
  expect(planMigration(inspected, expected, { provider }).changes.map(describeChange)).toEqual([]);
}

export async function checkInspection(provider: Provider, ir: SchemaIR): Promise<void> {
  await withAppliedSchema(provider, ir, async (db) => {
    const inspected = await inspectDatabase(db.connection, provider, { namespaces: ir.datasource?.schemas ?? [] });
    expect(inspected.source).toBe('database');
    const expected = databaseSchemaFromIr(ir);
    expectSameSchema(provider, inspected, expected);
    // With the schema's SQL printed by the database (db push, drift), view bodies count too, and still nothing changes.
    const canonical = await canonicalizeSchema(db.connection, provider, expected);
    expect(canonical.warnings).toEqual([]);
    expect(canonical.schema.views.filter((v) => v.printedSql === undefined).map((v) => v.name.name)).toEqual([]);
    expect(planMigration(inspected, canonical.schema, { provider }).changes.map(describeChange)).toEqual([]);
    // Implicit m:n join tables are recognised as such (the planner pairs them on renames).
    const joins = (s: DatabaseSchema) => s.tables.filter((t) => t.table.origin.kind === 'joinTable').map((t) => [t.table.name.name, t.table.origin]).sort();
    expect(joins(inspected)).toEqual(joins(expected));
  });
}

/** One test per schema example that lists `provider`, plus the representative schema. */
export function describeInspectExamples(provider: Provider, available: boolean): void {
  const examples = listExamples().filter((e) => e.providers.includes(provider));
  (available ? describe : describe.skip)(`inspectDatabase on ${provider}`, () => {
    test('there are examples for this provider', () => {
      expect(examples.length).toBeGreaterThan(0);
    });

    test.each(examples.map((e) => [e.name, e] as const))(
      'schema-examples/%s reads back as the IR asked for, and the planner finds nothing to change',
      async (_name, example) => {
        await checkInspection(provider, loadExampleIr(example, provider));
      },
      DB_TIMEOUT,
    );

    test(
      'the representative schema reads back as the IR asked for, and the planner finds nothing to change',
      async () => {
        await checkInspection(provider, irOf(representativeSchema(provider)));
      },
      DB_TIMEOUT,
    );
  });
}
