import { rmSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { generateExample } from './helpers/generate-example.js';
import { STRICT_OPTIONS, typeCheck } from './helpers/compile.js';
import { exampleNames, exampleProviders, GENERATED_DIR } from './helpers/paths.js';

/**
 * Stricter than the repository: the generated files must compile in any reasonable user
 * project, so every flag that could reject generated code is on. They are read without their
 * `// @ts-nocheck`, so they are really checked.
 */
const USER_OPTIONS: ts.CompilerOptions = {
  ...STRICT_OPTIONS,
  noUnusedLocals: true,
  noUnusedParameters: true,
  noImplicitReturns: true,
  noImplicitOverride: true,
  noPropertyAccessFromIndexSignature: true,
  exactOptionalPropertyTypes: true,
  verbatimModuleSyntax: true,
  isolatedModules: true,
  erasableSyntaxOnly: true,
};

describe('every schema example generates a client that compiles under strict', () => {
  const roots: string[] = [];
  const cases = exampleNames().flatMap((name) => exampleProviders(name).map((provider) => ({ name, provider })));

  beforeAll(() => {
    rmSync(join(GENERATED_DIR, 'examples'), { recursive: true, force: true });
  });

  test.each(cases)('$name on $provider generates', ({ name, provider }) => {
    const client = generateExample(name, join('examples', `${name}-${provider}`), provider);
    expect(client.files.length).toBe(5);
    roots.push(join(GENERATED_DIR, 'examples', `${name}-${provider}`, 'index.ts'));
  });

  test('all of them type-check, together, with the strictest user settings', () => {
    expect(roots).toHaveLength(cases.length);
    expect(typeCheck(roots, { options: USER_OPTIONS, checkGenerated: true })).toEqual([]);
  }, 60_000);

  test('and with the repository settings', () => {
    expect(typeCheck(roots, { checkGenerated: true })).toEqual([]);
  }, 60_000);
});
