// Client generation benchmark: `generateClient` on the 300-model schema of schema.js, the size of
// the generated client, and how long `tsc --noEmit` takes on a small file that uses it. Baselines
// measured in the same run: analyzeSchema of the same schema (the step before generation), tsc on
// an empty file (TypeScript's own start-up), and the same small file against a 3-model client of
// the same recipe (so the difference is what 297 more models cost). A benchmark, not a test: it
// reports and never fails on time. Bars: client under 5 MB of source; tsc under 1 s.
//
//   pnpm bench                       (builds, then runs every bench in this folder)
//   node scripts/bench/generate.js   (this one alone, after `tsc -b`)

import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { analyzeSchema } from '@kiln/schema';
import { generateSchema } from './schema.js';
import { stats, time } from './lib/timing.js';

const here = dirname(fileURLToPath(import.meta.url));
// The built generator, by path: this folder's package.json is shared with other benches.
const { generateClient } = await import(pathToFileURL(join(here, '..', '..', 'packages', 'generator', 'build', 'src', 'index.js')).href);
const TSC = createRequire(import.meta.url).resolve('typescript/lib/tsc.js', { paths: [join(here, '..', '..')] });
// Inside scripts/bench so the generated clients resolve @kiln/runtime; `generated/` is git-ignored.
const WORK = join(here, 'generated', 'generate-bench');

const MODELS = 300;
const BAR_BYTES = 5 * 1024 * 1024;
const BAR_TSC_MS = 1000;

/** What an application file does with the client: a read with relations, a create, an update. */
const USAGE = `import { KilnClient } from './client/index.js';

const db = new KilnClient();

export async function main(): Promise<number[]> {
  const rows = await db.model0001.findMany({
    where: { code: { startsWith: 'a' }, next: { is: { name: 'x' } } },
    select: { id: true, next: { select: { code: true } }, _count: true },
    orderBy: { createdAt: 'desc' },
    take: 10,
  });
  const first: number = rows[0]?.id ?? 0;
  const made = await db.model0002.create({ data: { code: 'c', status: 'VALUE_1', next: { connect: { id: 1 } } }, include: { previous: true } });
  await db.model0000.update({ where: { id: 1 }, data: { amount: { increment: '1.5' }, previous: { connect: [{ code: 'x' }] } } });
  return [first, made.previous.length];
}
`;

const TSCONFIG = {
  compilerOptions: {
    target: 'ES2022',
    lib: ['ES2023'],
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    strict: true,
    noUncheckedIndexedAccess: true,
    noEmit: true,
    skipLibCheck: true,
    types: [],
  },
  files: ['usage.ts'],
};

const ms = (n) => `${n.toFixed(0)} ms`.padStart(8);
const kib = (n) => `${(n / 1024).toFixed(0)} KiB`;

function analyze(models) {
  const r = analyzeSchema([{ path: `bench-${models}.schema`, text: generateSchema(models) }]);
  if (!r.ir) throw new Error(`the ${models}-model schema does not analyze: ${r.diagnostics[0]?.message}`);
  return r.ir;
}

/** A project folder: the generated client in client/, usage.ts, tsconfig.json. */
function project(name, client, { checked = false } = {}) {
  const dir = join(WORK, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'client'), { recursive: true });
  for (const f of client.files) {
    const text = checked ? f.content.replace(/^\/\/ @ts-nocheck$/m, '// (checked)') : f.content;
    writeFileSync(join(dir, 'client', f.path.slice(f.path.lastIndexOf('/') + 1)), text);
  }
  writeFileSync(join(dir, 'usage.ts'), USAGE);
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(TSCONFIG, null, 2));
  return dir;
}

/** Wall time of `tsc -p dir` (a fresh process each run, as in CI or an editor's first check). */
function tsc(dir, runs = 5) {
  const samples = [];
  for (let i = 0; i < runs + 1; i++) {
    const t = performance.now();
    const r = spawnSync(process.execPath, [TSC, '-p', dir], { encoding: 'utf8' });
    const elapsed = performance.now() - t;
    if (r.status !== 0) throw new Error(`tsc failed in ${dir}:\n${r.stdout}${r.stderr}`);
    if (i > 0) samples.push(elapsed); // the first run warms the file cache
  }
  return stats(samples);
}

export async function main() {
  console.log('generate: generateClient, client size, and tsc --noEmit on a file using the client');
  console.log(`node ${process.version}, ${process.platform}/${process.arch}`);
  try {
    const big = analyze(MODELS);
    const small = analyze(3);

    const generate = time(() => generateClient(big, { outputDir: join(WORK, 'out'), schemaDir: WORK }), 2, 5);
    const analyzeTime = time(() => analyzeSchema([{ path: 'b.schema', text: generateSchema(MODELS) }]), 2, 5);
    const client = generateClient(big, { outputDir: join(WORK, 'out'), schemaDir: WORK });
    const bytes = client.files.reduce((n, f) => n + Buffer.byteLength(f.content), 0);
    console.log(`\n${MODELS} models, ${big.models.reduce((n, m) => n + m.fields.length, 0)} fields, ${big.enums.length} enums`);
    console.log(`  generateClient        median ${ms(generate.median)}   min ${ms(generate.min)}   max ${ms(generate.max)}`);
    console.log(`  analyzeSchema         median ${ms(analyzeTime.median)}   (generation takes ${(generate.median / analyzeTime.median).toFixed(1)}x as long)`);
    console.log(`  client size           ${kib(bytes)} in ${client.files.length} files (bar 5 MiB: ${bytes < BAR_BYTES ? 'under' : 'OVER'}, ${((bytes / BAR_BYTES) * 100).toFixed(0)}% of it)`);
    for (const f of client.files) console.log(`    ${f.path.slice(f.path.lastIndexOf('/') + 1).padEnd(20)} ${kib(Buffer.byteLength(f.content)).padStart(9)}`);

    const empty = join(WORK, 'empty');
    rmSync(empty, { recursive: true, force: true });
    mkdirSync(empty, { recursive: true });
    writeFileSync(join(empty, 'usage.ts'), 'export const x = 1;\n');
    writeFileSync(join(empty, 'tsconfig.json'), JSON.stringify(TSCONFIG));
    const dirs = {
      empty,
      small: project('client-3', generateClient(small, { outputDir: join(WORK, 'client-3'), schemaDir: WORK })),
      big: project(`client-${MODELS}`, client),
      checked: project(`client-${MODELS}-checked`, client, { checked: true }),
    };
    const t = Object.fromEntries(Object.entries(dirs).map(([k, d]) => [k, tsc(d)]));
    console.log(`\ntsc --noEmit of a 15-line file with 3 calls (fresh process, median of 5 after a warm-up run)`);
    console.log(`  empty file (tsc start-up)                 median ${ms(t.empty.median)}   min ${ms(t.empty.min)}`);
    console.log(`  using a 3-model client                    median ${ms(t.small.median)}   min ${ms(t.small.min)}`);
    console.log(`  using the ${MODELS}-model client                median ${ms(t.big.median)}   min ${ms(t.big.min)}   (+${(t.big.median - t.small.median).toFixed(0)} ms for ${MODELS - 3} more models)`);
    console.log(`  same, generated files type-checked too    median ${ms(t.checked.median)}   min ${ms(t.checked.min)}   (what // @ts-nocheck saves: ${(t.checked.median - t.big.median).toFixed(0)} ms)`);
    console.log(`  bar ${BAR_TSC_MS} ms: ${t.big.median < BAR_TSC_MS ? 'under the bar' : 'OVER THE BAR'} (median is ${((t.big.median / BAR_TSC_MS) * 100).toFixed(0)}% of it; ${(t.big.median / t.empty.median).toFixed(1)}x tsc's start-up)`);
    return true;
  } catch (err) {
    console.log(`could not measure: ${err instanceof Error ? err.message : String(err)}`);
    return false;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const ok = await main();
  if (!ok) process.exitCode = 1;
}
