import { checkInvariants } from './helpers/check-invariants.js';
import { listExamples, loadExample } from './helpers/examples.js';
import { FuzzCases, type CaseKind, type FuzzCase } from './helpers/fuzz-cases.js';

/*
 * Randomized robustness test. Thousands of inputs (random schemas from the grammar, and
 * random damage done to the examples and to those), each rebuilt from the run's seed and its
 * own index, go through the parser, the analyzer and the formatter, which must never throw and
 * must report every problem as a well-formed diagnostic (see helpers/check-invariants.ts).
 *
 * A failure prints the case index and the input. To rerun one case after `tsc -b`:
 *   FUZZ_CASE=<index> node --experimental-vm-modules --no-warnings=ExperimentalWarning \
 *     node_modules/jest/bin/jest.js packages/schema/build/test/fuzz
 * FUZZ_SEED=<n> runs other inputs; FUZZ_SCALE=<k> runs k times as many (e.g. 10 for a long
 * run before a release).
 */

function numberFromEnv(name: string): number | null {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return null;
  const n = Number(raw);
  if (!Number.isFinite(n)) throw new Error(`${name}=${raw} is not a number.`);
  return n;
}

const SEED = (numberFromEnv('FUZZ_SEED') ?? 0x6b696c6e) >>> 0; // "kiln"
const SCALE = Math.max(0.01, numberFromEnv('FUZZ_SCALE') ?? 1);
const ONLY = numberFromEnv('FUZZ_CASE');
const TIMEOUT_MS = 120_000;

/** Cases per kind at FUZZ_SCALE=1: 3,000 in all, about 10 s of CPU. */
const COUNTS: Record<CaseKind, number> = {
  grammar: 1200,
  'example-mutation': 1000,
  'grammar-mutation': 800,
};

const cases = new FuzzCases(
  SEED,
  listExamples().flatMap((e) => loadExample(e)),
);

if (ONLY !== null && cases.kindOf(ONLY) === undefined) throw new Error(`FUZZ_CASE=${ONLY}: there is no such case.`);

function indexesOf(kind: CaseKind): number[] {
  if (ONLY !== null) return cases.kindOf(ONLY) === kind ? [ONLY] : [];
  return cases.indexes(kind, Math.round(COUNTS[kind] * SCALE));
}

function describeCase(c: FuzzCase, problems: string[]): string {
  const rerun = `FUZZ_CASE=${c.index}${process.env.FUZZ_SEED !== undefined ? ` FUZZ_SEED=${SEED}` : ''}`;
  return [
    `fuzz case ${c.index} (${c.kind}${c.kind === 'grammar' ? (c.clean ? ', clean' : ', with mistakes') : ''}), seed ${SEED}; rerun it alone with ${rerun}`,
    ...problems.slice(0, 10).map((p) => `  - ${p}`),
    ...(problems.length > 10 ? [`  ... and ${problems.length - 10} more`] : []),
    ...c.sources.map((s) => `--- ${s.path}, as a JS string ---\n${JSON.stringify(s.text)}\n--- ${s.path} ---\n${s.text}\n---`),
  ].join('\n');
}

/** Runs `check` on each case of a kind; fails with the first few broken cases, described in full. */
function runCases(kind: CaseKind, check: (c: FuzzCase) => string[]): void {
  const described: string[] = [];
  let failed = 0;
  const indexes = indexesOf(kind);
  for (const index of indexes) {
    const c = cases.make(index);
    const problems = check(c);
    if (problems.length === 0) continue;
    failed++;
    if (described.length < 3) described.push(describeCase(c, problems));
  }
  if (failed > 0) {
    throw new Error(`${failed} of ${indexes.length} ${kind} fuzz cases failed. The first ${described.length}:\n\n${described.join('\n\n')}`);
  }
}

const coverage = { clean: 0, cleanIR: 0, codes: new Map<string, number>() };

test(`grammar: ${indexesOf('grammar').length} generated schemas keep the invariants; the clean ones format idempotently to the same IR`, () => {
  runCases('grammar', (c) => {
    // The formatter checks cost a second format and analysis, so they run on the clean half
    // only; the other half has the same syntax, with semantic mistakes.
    const report = checkInvariants(c.sources, { formatter: c.clean });
    if (c.clean) {
      coverage.clean++;
      if (report.hasIR) coverage.cleanIR++;
      for (const code of new Set(report.errorCodes)) coverage.codes.set(code, (coverage.codes.get(code) ?? 0) + 1);
    }
    return report.problems;
  });
}, TIMEOUT_MS);

test(`example mutations: ${indexesOf('example-mutation').length} damaged examples keep the invariants`, () => {
  runCases('example-mutation', (c) => checkInvariants(c.sources).problems);
}, TIMEOUT_MS);

test(`grammar mutations: ${indexesOf('grammar-mutation').length} damaged generated schemas keep the invariants`, () => {
  runCases('grammar-mutation', (c) => checkInvariants(c.sources).problems);
}, TIMEOUT_MS);

test('the generator reaches the IR builder: clean generated schemas analyze without errors', () => {
  // Not an invariant of the analyzer but of this test: if clean generated schemas stop getting
  // an IR, the fuzz test only exercises error paths. Either the generator breaks a rule (fix
  // helpers/schema-grammar.ts) or the analyzer rejects a valid schema.
  if (ONLY !== null || coverage.clean < 100) return;
  const top = [...coverage.codes.entries()].sort((a, b) => b[1] - a[1]).slice(0, 8);
  if (coverage.cleanIR / coverage.clean < 0.9) {
    throw new Error(
      `Only ${coverage.cleanIR} of ${coverage.clean} clean generated schemas got an IR. ` +
        `The most frequent error codes among the rest: ${top.map(([code, n]) => `${code} x${n}`).join(', ')}. ` +
        'Rerun a grammar case with FUZZ_CASE=<index> to see whether the generator or the analyzer is wrong.',
    );
  }
});
