import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyzeSchema, Messages, renderDiagnostics, type AnalyzeResult, type Diagnostic } from '../src/index.js';
import { golden, UPDATING_GOLDEN } from './helpers/golden.js';

/*
 * Validation tests in the style of Prisma's psl: each `fixtures/invalid/<code>-<name>.schema` is
 * a small schema that must trigger the diagnostic `<code>`, and `<code>-<name>.expected` beside
 * it is exactly what the user sees (renderDiagnostics, colour off). Golden files are written
 * only with UPDATE_GOLDEN=1; read the diff before committing, it is the user's error output.
 */

/** The source folder (not the build output): fixtures are not copied by tsc. */
const FIXTURES_DIR = fileURLToPath(new URL('../../test/fixtures/invalid/', import.meta.url));

/** Codes that no fixture can or should trigger. K1009 means the parser itself failed (a defect). */
const EXEMPT_CODES = new Set(['K1009']);

const FILE_NAME = /^(K\d{4})-[a-z0-9]+(?:-[a-z0-9]+)*\.schema$/;

interface Fixture {
  file: string;
  /** The code in the file name, which the fixture must trigger. */
  code: string;
  /** The path given to the analyzer: stable, so the output does not depend on the machine. */
  path: string;
  text: string;
  expectedPath: string;
}

function listFixtures(): Fixture[] {
  return readdirSync(FIXTURES_DIR)
    .filter((f) => f.endsWith('.schema'))
    .sort()
    .map((file) => ({
      file,
      code: FILE_NAME.exec(file)?.[1] ?? '',
      path: `fixtures/invalid/${file}`,
      text: readFileSync(join(FIXTURES_DIR, file), 'utf8'),
      expectedPath: join(FIXTURES_DIR, file.replace(/\.schema$/, '.expected')),
    }));
}

function render(f: Fixture, diagnostics: readonly Diagnostic[]): string {
  return renderDiagnostics(diagnostics, { sources: new Map([[f.path, f.text]]), color: false });
}

const fixtures = listFixtures();
const catalogue = Object.values(Messages);

/** Analyses each fixture once; a throw is kept so that the "never throws" test reports it. */
const results = new Map<string, { result: AnalyzeResult } | { error: unknown }>();
function analyzed(f: Fixture): AnalyzeResult {
  let entry = results.get(f.file);
  if (!entry) {
    try {
      entry = { result: analyzeSchema([{ path: f.path, text: f.text }]) };
    } catch (error) {
      entry = { error };
    }
    results.set(f.file, entry);
  }
  if ('error' in entry) throw entry.error;
  return entry.result;
}

/** 1-based line and column of a 0-based offset, as the analyzer should compute them. */
function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lastNewline = before.lastIndexOf('\n');
  return { line: before.split('\n').length, column: offset - lastNewline };
}

describe('the fixture folder', () => {
  test('has at least 75 fixtures', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(75);
  });

  test('every fixture is named <code>-<kebab-case-name>.schema', () => {
    expect(fixtures.filter((f) => f.code === '').map((f) => f.file)).toEqual([]);
  });

  test('every code in a file name is in the catalogue', () => {
    const known = new Set(catalogue.map((m) => m.code));
    expect(fixtures.filter((f) => !known.has(f.code)).map((f) => f.file)).toEqual([]);
  });

  test('every .expected file has its .schema (no stale golden files)', () => {
    const schemas = new Set(fixtures.map((f) => f.file.replace(/\.schema$/, '')));
    const orphans = readdirSync(FIXTURES_DIR)
      .filter((f) => f.endsWith('.expected'))
      .filter((f) => !schemas.has(f.replace(/\.expected$/, '')));
    expect(orphans).toEqual([]);
  });
});

describe.each(fixtures.map((f) => [f.file, f] as const))('%s', (_file, f) => {
  test('analyzeSchema does not throw', () => {
    expect(() => analyzed(f)).not.toThrow();
  });

  test(`reports ${f.code || 'the code in its file name'}`, () => {
    // Independent of the golden file: holds even right after UPDATE_GOLDEN=1.
    const { diagnostics } = analyzed(f);
    const codes = diagnostics.map((d) => d.code);
    if (!codes.includes(f.code)) {
      throw new Error(`Expected ${f.code} among the diagnostics, got:\n${render(f, diagnostics) || '(none)'}`);
    }
    // Warnings must read as warnings, not errors, in what the user sees.
    const label = f.code.startsWith('K7') ? 'warning' : 'error';
    expect(render(f, diagnostics)).toContain(` - ${label} ${f.code}: `);
  });

  test('the IR is null exactly when there is an error', () => {
    const { ir, diagnostics } = analyzed(f);
    const hasError = diagnostics.some((d) => d.severity === 'error');
    if (hasError) expect(ir).toBeNull();
    else expect(ir).not.toBeNull(); // warnings alone never withhold the IR
  });

  test('every diagnostic has a span inside the file, with a line and column matching its offset', () => {
    for (const d of analyzed(f).diagnostics) {
      const where = `${d.code} "${d.message}"`;
      expect({ where, file: d.span.file }).toEqual({ where, file: f.path });
      const { start, end } = d.span;
      expect({ where, ok: 0 <= start.offset && start.offset <= end.offset && end.offset <= f.text.length }).toEqual({ where, ok: true });
      expect({ where, start: { line: start.line, column: start.column } }).toEqual({ where, start: lineAndColumn(f.text, start.offset) });
      // The exclusive end of a span that stops just after a line break may be written either as
      // the start of the next line or as one column past the end of the line it closes.
      const endAt = { line: end.line, column: end.column };
      const accepted = [lineAndColumn(f.text, end.offset)];
      if (end.offset > 0 && f.text[end.offset - 1] === '\n') {
        const last = lineAndColumn(f.text, end.offset - 1);
        accepted.push({ line: last.line, column: last.column + 1 });
      }
      expect({ where, end: endAt }).toEqual({ where, end: accepted.find((p) => p.line === endAt.line && p.column === endAt.column) ?? accepted[0] });
    }
  });

  test('each diagnostic has the severity and code of a catalogue entry', () => {
    const byCode = new Map(catalogue.map((m) => [m.code, m.severity]));
    for (const d of analyzed(f).diagnostics) {
      expect({ code: d.code, severity: d.severity }).toEqual({ code: d.code, severity: byCode.get(d.code) });
      // K7xxx are the warnings; everything else is an error.
      expect({ code: d.code, severity: d.severity }).toEqual({ code: d.code, severity: d.code.startsWith('K7') ? 'warning' : 'error' });
    }
  });

  test(`renders as ${f.file.replace(/\.schema$/, '.expected')}`, () => {
    const actual = render(f, analyzed(f).diagnostics);
    const g = golden(f.expectedPath, actual);
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
    const again = analyzeSchema([{ path: f.path, text: f.text }]);
    expect(render(f, again.diagnostics)).toBe(render(f, analyzed(f).diagnostics));
  });
});

describe('the catalogue', () => {
  test('codes are unique', () => {
    const seen = new Map<string, string>();
    const clashes: string[] = [];
    for (const [name, m] of Object.entries(Messages)) {
      const other = seen.get(m.code);
      if (other !== undefined) clashes.push(`${m.code}: ${other} and ${name}`);
      seen.set(m.code, name);
    }
    expect(clashes).toEqual([]);
  });

  test('codes follow the K<digit><3 digits> scheme, and only K7xxx are warnings', () => {
    for (const m of catalogue) {
      expect(m.code).toMatch(/^K[1-7]\d{3}$/);
      expect({ code: m.code, severity: m.severity }).toEqual({ code: m.code, severity: m.code.startsWith('K7') ? 'warning' : 'error' });
    }
  });

  test(`every code except ${[...EXEMPT_CODES].join(', ')} is triggered by some fixture`, () => {
    const triggered = new Set<string>();
    for (const f of fixtures) {
      try {
        for (const d of analyzed(f).diagnostics) triggered.add(d.code);
      } catch {
        // reported by that fixture's own test
      }
    }
    const missing = Object.entries(Messages)
      .filter(([, m]) => !EXEMPT_CODES.has(m.code) && !triggered.has(m.code))
      .map(([name, m]) => `${m.code} (${name})`);
    expect(missing).toEqual([]);
  });

  test('no fixture triggers an exempt code (it would mean the parser failed)', () => {
    const hits = fixtures.filter((f) => {
      try {
        return analyzed(f).diagnostics.some((d) => EXEMPT_CODES.has(d.code));
      } catch {
        return false;
      }
    });
    expect(hits.map((f) => f.file)).toEqual([]);
  });
});
