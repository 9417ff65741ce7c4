import { join } from 'node:path';
import { analyzeSchema, readSchemaSources, renderDiagnostics, type SchemaIR } from '@kiln/schema';
import { generateClient, writeClient, type GeneratedClient } from '../../src/index.js';
import { EXAMPLES_DIR, GENERATED_DIR, REPO_DIR } from './paths.js';

/** The IR of a schema text; throws with the rendered diagnostics when it has errors. */
export function irOf(text: string, path = 'test.schema'): SchemaIR {
  const r = analyzeSchema([{ path, text }]);
  if (!r.ir) throw new Error(renderDiagnostics(r.diagnostics, { sources: new Map([[path, text]]) }));
  return r.ir;
}

/**
 * The IR of schema-examples/<name>, on `provider` (the example's own datasource line
 * replaced, as the schema package's example tests do).
 */
export function exampleIR(name: string, provider?: string): SchemaIR {
  const dir = join(EXAMPLES_DIR, name);
  const sources = readSchemaSources(dir, REPO_DIR).map((s) =>
    provider === undefined ? s : { ...s, text: s.text.replace(/provider = "sqlite"/, `provider = "${provider}"`) },
  );
  const r = analyzeSchema(sources);
  if (!r.ir) throw new Error(renderDiagnostics(r.diagnostics, { sources: new Map(sources.map((s) => [s.path, s.text])) }));
  return r.ir;
}

/** Generates schema-examples/<name> into test/generated/<folder> and writes it. */
export function generateExample(name: string, folder = name, provider?: string): GeneratedClient {
  const client = generateClient(exampleIR(name, provider), {
    outputDir: join(GENERATED_DIR, folder),
    schemaDir: join(EXAMPLES_DIR, name),
  });
  writeClient(client);
  return client;
}
