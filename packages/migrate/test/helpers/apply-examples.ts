import type { Provider, SchemaIR } from '@kiln/schema';
import { applyPlan, planFromEmpty, renderChanges } from '../../src/index.js';
import { readCatalog } from './catalog.js';
import { withTestDatabase } from './databases.js';
import { comparable, expectedCatalog } from './expected-catalog.js';
import { irOf, listExamples, loadExampleIr } from './examples.js';
import { representativeSchema } from './representative-schema.js';

/** Generous: MariaDB takes a while over dozens of DDL statements. */
export const DB_TIMEOUT = 60_000;

/**
 * Plans the IR from empty, applies it to a fresh database and checks with the catalog that
 * every table, column, key, index, foreign key, check, view and enum type exists with the
 * IR's names.
 */
export async function applyAndCheck(provider: Provider, ir: SchemaIR): Promise<void> {
  const rendered = renderChanges(planFromEmpty(ir), provider);
  await withTestDatabase(provider, async (db) => {
    await applyPlan(db.connection, rendered);
    const catalog = await readCatalog(provider, db.connection);
    const expected = expectedCatalog(ir, provider);
    const actual = comparable(catalog);
    expect(actual.tables).toEqual(expected.tables);
    expect(actual.views).toEqual(expected.views);
    expect(actual.enums).toEqual(expected.enums);
    for (const t of catalog.tables) expect(t.checks).toEqual(expect.arrayContaining(expected.checks.get(t.name) ?? []));
  });
}

/** One test per schema example that lists `provider`, plus the representative schema. */
export function describeApplyExamples(provider: Provider, available: boolean): void {
  const examples = listExamples().filter((e) => e.providers.includes(provider));
  (available ? describe : describe.skip)(`planFromEmpty applied to ${provider}`, () => {
    test('there are examples for this provider', () => {
      expect(examples.length).toBeGreaterThan(0);
    });

    test.each(examples.map((e) => [e.name, e] as const))(
      'schema-examples/%s: every table, column, key, index and foreign key exists with the IR names',
      async (_name, example) => {
        await applyAndCheck(provider, loadExampleIr(example, provider));
      },
      DB_TIMEOUT,
    );

    test(
      'the representative schema of the golden SQL test applies',
      async () => {
        await applyAndCheck(provider, irOf(representativeSchema(provider)));
      },
      DB_TIMEOUT,
    );
  });
}
