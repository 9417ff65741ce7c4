import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  analyzeSchema,
  formatSchema,
  renderDiagnostics,
  serializeIR,
  type Diagnostic,
  type Provider,
  type SchemaIR,
  type SchemaSource,
} from '../src/index.js';
import { declaredProvider, listExamples, loadExample, readExample, withProvider, type Example } from './helpers/examples.js';
import { golden, UPDATING_GOLDEN } from './helpers/golden.js';

/*
 * Every example in schema-examples/ must analyze cleanly on each provider its example.json
 * lists, and its IR must match the golden file schema-examples/<name>/ir/<provider>.ir.json.
 * Golden files are written only with UPDATE_GOLDEN=1; review the diff before committing.
 */

const examples = listExamples();

function render(diagnostics: readonly Diagnostic[], sources: readonly SchemaSource[]): string {
  return renderDiagnostics(diagnostics, { sources: new Map(sources.map((s) => [s.path, s.text])) });
}

/** Analyzes and returns the IR, failing with the rendered diagnostics if there are any. */
function analyzeClean(sources: readonly SchemaSource[]): SchemaIR {
  const result = analyzeSchema(sources);
  if (result.diagnostics.length > 0 || result.ir === null) {
    throw new Error(`Expected no diagnostics and an IR, got:\n${render(result.diagnostics, sources)}`);
  }
  return result.ir;
}

function goldenPath(example: Example, provider: Provider): string {
  return join(example.dir, 'ir', `${provider}.ir.json`);
}

function formatSources(sources: readonly SchemaSource[]): SchemaSource[] {
  return sources.map((s) => {
    const formatted = formatSchema(s.text, s.path);
    if (formatted.diagnostics.length > 0) {
      throw new Error(`formatSchema reported diagnostics:\n${render(formatted.diagnostics, [s])}`);
    }
    return { path: s.path, text: formatted.text };
  });
}

test('the three main examples exist', () => {
  expect(examples.map((e) => e.name)).toEqual(expect.arrayContaining(['blog', 'store', 'saas']));
});

describe.each(examples.map((e) => [e.name, e] as const))('example %s', (_name, example) => {
  const sources = loadExample(example);

  test('the datasource names a provider the example supports', () => {
    // The tests replace the provider line, but a user runs the file as written, so the
    // provider it names must be one the example is valid on.
    expect(example.providers).toContain(declaredProvider(sources));
  });

  test('has no golden file for a provider it does not support', () => {
    let files: string[] = [];
    try {
      files = readdirSync(join(example.dir, 'ir'));
    } catch {
      // no goldens yet
    }
    const expected = example.providers.map((p) => `${p}.ir.json`);
    expect(files.filter((f) => !expected.includes(f))).toEqual([]);
  });

  test('is formatted (kiln format leaves it unchanged)', () => {
    // Examples are what users copy: they are written in the formatter's layout.
    for (const s of sources) expect(formatSchema(s.text, s.path).text).toBe(s.text);
  });

  test('formatting is idempotent', () => {
    for (const s of sources) {
      const once = formatSchema(s.text, s.path);
      expect(once.diagnostics).toEqual([]);
      const twice = formatSchema(once.text, s.path);
      expect(twice.diagnostics).toEqual([]);
      expect(twice.text).toBe(once.text);
    }
  });

  if (example.variantOf !== undefined) {
    const baseName = example.variantOf;
    test(`declares the same models, enums, views and fields as ${baseName}`, () => {
      // A variant is a copy of its base with provider-specific pieces changed; this catches a
      // model or field added to one and forgotten in the other. The variant may add fields.
      const base = readExample(baseName);
      const baseIR = analyzeClean(withProvider(loadExample(base), base.providers[0]!));
      const variantIR = analyzeClean(withProvider(sources, example.providers[0]!));
      const shape = (ir: SchemaIR) => ({
        enums: ir.enums.map((e) => `${e.name}: ${e.values.map((v) => v.name).join(' ')}`),
        models: ir.models.map((m) => m.name),
        views: ir.views.map((v) => `${v.name}: ${v.fields.map((f) => f.name).join(' ')}`),
      });
      expect(shape(variantIR)).toEqual(shape(baseIR));
      for (const model of baseIR.models) {
        const variantModel = variantIR.models.find((m) => m.name === model.name);
        expect(variantModel?.fields.map((f) => f.name)).toEqual(
          expect.arrayContaining(model.fields.map((f) => f.name)),
        );
      }
    });
  }

  describe.each(example.providers)('on %s', (provider) => {
    const onProvider = withProvider(sources, provider);

    test('the provider line is replaced', () => {
      expect(declaredProvider(onProvider)).toBe(provider);
    });

    test('analyzes with no diagnostics', () => {
      const ir = analyzeClean(onProvider);
      // Guards the provider substitution as much as the analyzer.
      expect(ir.datasource?.provider).toBe(provider);
    });

    test(`matches the golden IR ir/${provider}.ir.json`, () => {
      const actual = serializeIR(analyzeClean(onProvider));
      const g = golden(goldenPath(example, provider), actual);
      switch (g.kind) {
        case 'written':
          expect(UPDATING_GOLDEN).toBe(true);
          return;
        case 'missing':
          throw new Error(g.message);
        case 'compare':
          expect(actual).toBe(g.expected);
          return;
      }
    });

    test('analysis is deterministic', () => {
      const first = serializeIR(analyzeClean(onProvider));
      // New source objects, so nothing the first run might have cached on them is reused.
      const second = serializeIR(analyzeClean(onProvider.map((s) => ({ ...s }))));
      expect(second).toBe(first);
    });

    test('the formatted schema has the same IR', () => {
      const ir = serializeIR(analyzeClean(onProvider));
      const formatted = formatSources(onProvider);
      expect(serializeIR(analyzeClean(formatted))).toBe(ir);
    });
  });
});
