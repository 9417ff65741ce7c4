import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readSchemaSources, type Provider, type SchemaSource } from '../../src/index.js';
import { EXAMPLES_DIR, REPO_ROOT } from './repo.js';

export const PROVIDERS: readonly Provider[] = ['sqlite', 'postgresql', 'mysql'];

/** `schema-examples/<name>/example.json`: which providers the example is valid on. */
export interface ExampleManifest {
  providers: Provider[];
  /** For a provider-specific variant: the example it is a copy of (same models and fields). */
  variantOf?: string;
}

export interface Example extends ExampleManifest {
  name: string;
  /** Absolute path of the example's folder. */
  dir: string;
}

export const MANIFEST_FILE = 'example.json';

/** Every folder of `schema-examples/` that has an `example.json`, sorted by name. */
export function listExamples(): Example[] {
  return readdirSync(EXAMPLES_DIR, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(EXAMPLES_DIR, e.name, MANIFEST_FILE)))
    .map((e) => e.name)
    .sort()
    .map(readExample);
}

export function readExample(name: string): Example {
  const dir = join(EXAMPLES_DIR, name);
  const file = join(dir, MANIFEST_FILE);
  const raw = JSON.parse(readFileSync(file, 'utf8')) as Partial<ExampleManifest>;
  const providers = raw.providers;
  if (!Array.isArray(providers) || providers.length === 0 || !providers.every((p) => PROVIDERS.includes(p))) {
    throw new Error(`${file}: "providers" must be a non-empty list of ${PROVIDERS.join(', ')}.`);
  }
  if (raw.variantOf !== undefined && typeof raw.variantOf !== 'string') {
    throw new Error(`${file}: "variantOf" must be the name of another example.`);
  }
  return { name, dir, providers, ...(raw.variantOf !== undefined ? { variantOf: raw.variantOf } : {}) };
}

/**
 * The example's schema files, with paths relative to the workspace root (so diagnostics read
 * `schema-examples/blog/schema.schema:3:1` wherever the tests are run from).
 */
export function loadExample(example: Example): SchemaSource[] {
  const sources = readSchemaSources(example.dir, REPO_ROOT);
  if (sources.length === 0) throw new Error(`Example ${example.name} has no .schema file.`);
  return sources;
}

const DATASOURCE = /^([ \t]*datasource[ \t]+\w+[ \t]*\{)([^}]*)\}/m;
const PROVIDER_LINE = /^([ \t]*provider[ \t]*=[ \t]*)"[^"\n]*"/m;

/**
 * The sources with the datasource's `provider = "..."` replaced. Exactly one file must declare
 * the datasource and it must set a provider: an example the substitution silently missed would
 * test one provider three times.
 */
export function withProvider(sources: readonly SchemaSource[], provider: Provider): SchemaSource[] {
  let found = 0;
  const out = sources.map((s) => {
    const text = s.text.replace(DATASOURCE, (_all, head: string, body: string) => {
      if (!PROVIDER_LINE.test(body)) throw new Error(`${s.path}: the datasource block has no provider line.`);
      found++;
      return `${head}${body.replace(PROVIDER_LINE, `$1"${provider}"`)}}`;
    });
    return { path: s.path, text };
  });
  if (found !== 1) throw new Error(`Expected one datasource block with a provider line, found ${found}.`);
  return out;
}

/** `datasource` provider as written in the sources, or null. */
export function declaredProvider(sources: readonly SchemaSource[]): string | null {
  for (const s of sources) {
    const body = DATASOURCE.exec(s.text)?.[2];
    const line = body === undefined ? undefined : /provider[ \t]*=[ \t]*"([^"\n]*)"/.exec(body)?.[1];
    if (line !== undefined) return line;
  }
  return null;
}
