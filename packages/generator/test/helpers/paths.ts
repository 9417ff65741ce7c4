import { readdirSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** `packages/generator/`: compiled helpers live in build/test/helpers/. */
export const PACKAGE_DIR = fileURLToPath(new URL('../../../', import.meta.url));
export const REPO_DIR = join(PACKAGE_DIR, '..', '..');
export const EXAMPLES_DIR = join(REPO_DIR, 'schema-examples');
/** Where tests write generated clients: gitignored, inside the package so `@kiln/runtime` resolves. */
export const GENERATED_DIR = join(PACKAGE_DIR, 'test', 'generated');
export const TYPES_DIR = join(PACKAGE_DIR, 'test', 'types');

/** Every folder of schema-examples with an example.json. */
export function exampleNames(): string[] {
  return readdirSync(EXAMPLES_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(EXAMPLES_DIR, d.name, 'example.json')))
    .map((d) => d.name)
    .sort();
}

export function exampleProviders(name: string): string[] {
  return (JSON.parse(readFileSync(join(EXAMPLES_DIR, name, 'example.json'), 'utf8')) as { providers: string[] }).providers;
}
