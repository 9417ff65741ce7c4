import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateExample } from './helpers/generate-example.js';
import { typeCheck } from './helpers/compile.js';
import { TYPES_DIR } from './helpers/paths.js';

/**
 * The type tests: test/types/*.ts use clients generated from schema-examples, with positive
 * cases (results checked with exact type equality) and `// @ts-expect-error` on everything that
 * must not compile. An unused `@ts-expect-error` is itself an error, so a case that wrongly
 * compiles fails here. Set KILN_EXPLAIN_TYPE_TESTS=1 to print the error behind each directive.
 */
const fixtures = readdirSync(TYPES_DIR)
  .filter((f) => f.endsWith('.ts'))
  .sort()
  .map((f) => join(TYPES_DIR, f));

describe('type tests', () => {
  beforeAll(() => {
    // blog-postgresql shows scalar lists, which need PostgreSQL.
    generateExample('blog');
    generateExample('store');
    generateExample('saas');
    generateExample('blog-postgresql', 'blog-postgresql', 'postgresql');
  });

  test('the fixtures hold many negative cases', () => {
    const directives = fixtures.reduce((n, f) => n + (readFileSync(f, 'utf8').match(/@ts-expect-error/g)?.length ?? 0), 0);
    expect(directives).toBeGreaterThanOrEqual(100);
  });

  test('every fixture compiles: positive cases hold, every @ts-expect-error catches an error', () => {
    expect(typeCheck(fixtures)).toEqual([]);
  }, 120_000);

  test('each @ts-expect-error stands on the line before the error it expects', () => {
    // Compile with the directives turned into plain comments: each must then have an error on
    // its next line, and no other line may have one.
    const expected = new Set<string>();
    const stripped = new Map<string, string>();
    for (const f of fixtures) {
      const lines = readFileSync(f, 'utf8').split('\n');
      lines.forEach((l, i) => {
        if (l.includes('// @ts-expect-error')) expected.add(`${f}:${i + 2}`);
      });
      stripped.set(f, lines.map((l) => l.replace('// @ts-expect-error', '// (expect error)')).join('\n'));
    }
    const errors = typeCheck(fixtures, { readFile: (f) => stripped.get(f) });
    const byLine = new Map<string, string[]>();
    for (const e of errors) {
      const m = /^(.*)\((\d+),\d+\): (.*)$/s.exec(e);
      if (!m) throw new Error(`unexpected diagnostic: ${e}`);
      const key = `${m[1]}:${m[2]}`;
      byLine.set(key, [...(byLine.get(key) ?? []), m[3]!]);
    }
    if (process.env.KILN_EXPLAIN_TYPE_TESTS) {
      for (const [k, v] of byLine) console.log(`${k.replace(TYPES_DIR, '')}\n  ${v.join('\n  ')}`);
    }
    expect([...expected].filter((k) => !byLine.has(k))).toEqual([]);
    expect([...byLine.keys()].filter((k) => !expected.has(k))).toEqual([]);
  }, 120_000);
});
