import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyzeSchema, readSchemaSources, renderDiagnostics, type Provider, type SchemaIR, type SchemaSource } from '@kiln/schema';

/*
 * The schema examples and the provider substitution, after packages/schema/test/helpers
 * (copied rather than imported: test files do not cross packages).
 */

/** The workspace root: this file compiles to packages/migrate/build/test/helpers/. */
export const REPO_ROOT = fileURLToPath(new URL('../../../../../', import.meta.url));
export const EXAMPLES_DIR = join(REPO_ROOT, 'schema-examples');

export interface Example {
  name: string;
  dir: string;
  providers: Provider[];
}

export function listExamples(): Example[] {
  return readdirSync(EXAMPLES_DIR, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(EXAMPLES_DIR, e.name, 'example.json')))
    .map((e) => e.name)
    .sort()
    .map((name) => {
      const dir = join(EXAMPLES_DIR, name);
      const { providers } = JSON.parse(readFileSync(join(dir, 'example.json'), 'utf8')) as { providers: Provider[] };
      return { name, dir, providers };
    });
}

const DATASOURCE = /^([ \t]*datasource[ \t]+\w+[ \t]*\{)([^}]*)\}/m;
const PROVIDER_LINE = /^([ \t]*provider[ \t]*=[ \t]*)"[^"\n]*"/m;

/** The sources with the datasource's provider replaced; exactly one file must declare it. */
export function withProvider(sources: readonly SchemaSource[], provider: Provider): SchemaSource[] {
  let found = 0;
  const out = sources.map((s) => ({
    path: s.path,
    text: s.text.replace(DATASOURCE, (_all, head: string, body: string) => {
      found++;
      return `${head}${body.replace(PROVIDER_LINE, `$1"${provider}"`)}}`;
    }),
  }));
  if (found !== 1) throw new Error(`Expected one datasource block, found ${found}.`);
  return out;
}

export function loadExampleIr(example: Example, provider: Provider): SchemaIR {
  return analyzeClean(withProvider(readSchemaSources(example.dir, REPO_ROOT), provider));
}

/** The IR of schema text, failing with the rendered diagnostics if there are any errors. */
export function analyzeClean(sources: readonly SchemaSource[]): SchemaIR {
  const result = analyzeSchema(sources);
  if (result.ir === null) {
    throw new Error(`Expected an IR, got:\n${renderDiagnostics(result.diagnostics, { sources: new Map(sources.map((s) => [s.path, s.text])) })}`);
  }
  return result.ir;
}

/** The IR of one schema file's text. */
export function irOf(text: string): SchemaIR {
  return analyzeClean([{ path: 'test.schema', text }]);
}

/** A datasource block for `provider`. */
export function datasource(provider: Provider, extra = ''): string {
  return `datasource db {\n  provider = "${provider}"\n  url      = env("DATABASE_URL")\n${extra}}\n`;
}
