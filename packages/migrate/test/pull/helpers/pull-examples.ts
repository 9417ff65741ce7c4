import { analyzeSchema, formatSchema, renderDiagnostics, type Provider, type SchemaIR } from '@kiln/schema';
import { databaseSchemaFromIr, describeChange, inspectDatabase, introspectDatabase, planMigration, pullSchema } from '../../../src/index.js';
import { DB_TIMEOUT } from '../../helpers/apply-examples.js';
import { irOf, listExamples, loadExampleIr } from '../../helpers/examples.js';
import { representativeSchema } from '../../helpers/representative-schema.js';
import { comparableSchema, rewritesSql } from '../../inspect/helpers/comparable-schema.js';
import { withAppliedSchema } from '../../inspect/helpers/inspect-examples.js';

/** The IR of pulled schema text, failing with the rendered diagnostics if there are any. */
export function analyzePulled(text: string): SchemaIR {
  const sources = [{ path: 'pulled.schema', text }];
  const result = analyzeSchema(sources);
  const rendered = renderDiagnostics(result.diagnostics, { sources: new Map([['pulled.schema', text]]) });
  expect(rendered).toBe('');
  if (result.ir === null) throw new Error('no IR');
  return result.ir;
}

/**
 * The acceptance check of `db pull`: the IR's schema is created in a fresh database and pulled;
 * the text is formatted, analyzes without a diagnostic, and describes the same database
 * (databaseSchemaFromIr equal to the original's, the planner finding nothing to change); and
 * creating the pulled schema in a second database gives exactly what the first holds.
 */
export async function checkPull(provider: Provider, ir: SchemaIR): Promise<string> {
  const namespaces = ir.datasource?.schemas ?? [];
  return withAppliedSchema(provider, ir, async (db) => {
    const first = await introspectDatabase(db.connection, provider, { namespaces });
    const pulled = pullSchema(first, { provider });
    expect(pulled.warnings).toEqual([]);
    expect(formatSchema(pulled.text).text).toBe(pulled.text);
    const pulledIr = analyzePulled(pulled.text);

    const options = { rewritten: rewritesSql(provider) };
    expect(comparableSchema(databaseSchemaFromIr(pulledIr), provider, options)).toEqual(comparableSchema(databaseSchemaFromIr(ir), provider, options));
    expect(planMigration(first.schema, databaseSchemaFromIr(pulledIr), { provider }).changes.map(describeChange)).toEqual([]);

    await withAppliedSchema(provider, pulledIr, async (again) => {
      expect(await inspectDatabase(again.connection, provider, { namespaces })).toEqual(first.schema);
    });
    return pulled.text;
  });
}

/** One test per schema example that lists `provider`, plus the representative schema. */
export function describePullExamples(provider: Provider, available: boolean): void {
  const examples = listExamples().filter((e) => e.providers.includes(provider));
  (available ? describe : describe.skip)(`db pull on ${provider}`, () => {
    test('there are examples for this provider', () => {
      expect(examples.length).toBeGreaterThan(0);
    });

    test.each(examples.map((e) => [e.name, e] as const))(
      'schema-examples/%s pulls to a schema that describes the same database',
      async (_name, example) => {
        await checkPull(provider, loadExampleIr(example, provider));
      },
      DB_TIMEOUT * 2,
    );

    test(
      'the representative schema pulls to a schema that describes the same database',
      async () => {
        await checkPull(provider, irOf(representativeSchema(provider)));
      },
      DB_TIMEOUT * 2,
    );
  });
}
