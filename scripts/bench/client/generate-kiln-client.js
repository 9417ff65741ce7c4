// Generates the Kiln client of the blog schema for one provider into
// scripts/bench/client/generated/kiln-<provider>/ (git-ignored) as JavaScript: the schema with its
// datasource's provider set, `analyzeSchema` → `generateClient` (the generator's TypeScript files)
// → `ts.transpileModule` per file (no type check: the generator's own tests type-check it).
// The runner calls this before every run, so Kiln is measured as the packages are now; it needs
// the packages built (`pnpm build`, which `pnpm bench` runs first).
//
//   node scripts/bench/client/generate-kiln-client.js [sqlite|postgresql|mysql]   (alone; prints the folder)

import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const SCHEMA = join(here, '..', '..', '..', 'schema-examples', 'blog', 'schema.schema');
export const PROVIDERS = ['sqlite', 'postgresql', 'mysql'];

export function outputFor(provider) {
  return join(here, 'generated', `kiln-${provider}`);
}

/** The blog schema for `provider`: the example is provider-neutral, written with `provider = "sqlite"`. */
export function schemaText(provider) {
  const text = readFileSync(SCHEMA, 'utf8');
  const line = /^(\s*provider\s*=\s*)"sqlite"/m;
  if (!line.test(text)) throw new Error(`${SCHEMA} no longer has a \`provider = "sqlite"\` line to replace`);
  return text.replace(line, `$1"${provider}"`);
}

/** Writes the client and returns its entry (`index.js`); throws with the reason when it cannot. */
export async function generateKilnClient(provider, outputDir = outputFor(provider)) {
  if (!PROVIDERS.includes(provider)) throw new Error(`unknown provider "${provider}" (known: ${PROVIDERS.join(', ')})`);
  const { analyzeSchema, renderDiagnostics } = await import('@kiln/schema');
  const { generateClient } = await import('@kiln/generator');
  const { default: ts } = await import('typescript');
  const text = schemaText(provider);
  const analyzed = analyzeSchema([{ path: SCHEMA, text }]);
  if (!analyzed.ir) throw new Error(`the blog schema does not analyze for ${provider}:\n${renderDiagnostics(analyzed.diagnostics, { sources: new Map([[SCHEMA, text]]) })}`);
  const { files } = generateClient(analyzed.ir, { outputDir, schemaDir: dirname(SCHEMA) });
  rmSync(outputDir, { recursive: true, force: true });
  mkdirSync(outputDir, { recursive: true });
  for (const file of files) {
    if (!file.path.endsWith('.ts')) throw new Error(`unexpected generated file ${file.path}`);
    const { outputText } = ts.transpileModule(file.content, {
      fileName: file.path,
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: false },
    });
    mkdirSync(dirname(file.path), { recursive: true });
    writeFileSync(file.path.replace(/\.ts$/, '.js'), outputText);
  }
  return join(outputDir, 'index.js');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const entry = await generateKilnClient(process.argv[2] ?? 'sqlite');
  console.log(`generated ${relative(process.cwd(), entry)}`);
}
