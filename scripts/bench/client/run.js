// Client benchmark on SQLite: Kiln's generated client against Kysely, Drizzle and the raw
// better-sqlite3 driver, on the blog schema, nine workloads. Reports per workload the median
// µs per call of each contender and its ratio to raw measured in the same run, prints a table
// and writes scripts/bench/results/client-sqlite.json (git-ignored).
//
// A benchmark, not a test: it never fails on time. It returns false (exit code 1) only when a
// contender returns a wrong result or throws, since then there is nothing valid to measure.
// Kiln is skipped, with a note, while its generated client cannot be imported.
//
//   node scripts/bench/run.js client           (through the bench runner)
//   node scripts/bench/client/run.js [options]  (alone)
//     --contenders raw,kysely   only these (raw is always added: it is the baseline)
//     --workloads 1,5,insertMany  only these (numbers or keys)
//     --rounds 20 --batch-ms 30   timed batches per contender, and their target length
//     --quick                     5 rounds of 10 ms (a smoke run; numbers are rough)
//     --keep-db                   leave the database file in place and print its path
//     --no-generate               use the Kiln client already in client/generated/kiln/
//
// Kiln's client is regenerated from schema-examples/blog into client/generated/kiln/ before each
// run (generate-kiln-client.js; needs `pnpm build`), unless KILN_BENCH_CLIENT points at one.

import { mkdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { openAdmin } from './admin.js';
import { diff } from './compare.js';
import { measure } from './measure.js';
import { kilnBar, printReport, summarize } from './report.js';
import { createDatabase } from './seed.js';
import { statementFloor } from './floor.js';
import { WORKLOADS } from './workloads.js';
import * as raw from './adapters/raw.js';
import * as kysely from './adapters/kysely.js';
import * as drizzle from './adapters/drizzle.js';
import * as kiln from './adapters/kiln.js';

const here = dirname(fileURLToPath(import.meta.url));
export const RESULTS_FILE = join(here, '..', 'results', 'client-sqlite.json');
export const CONTENDERS = [raw, kysely, drizzle, kiln];

const DEFAULTS = { rounds: 20, batchMs: 30, warmupMs: 200, minWarmupCalls: 5, maxBatch: 20000 };
/** Inputs checked per read workload: the first calls of the timed sequence. */
const READ_CHECKS = [0, 1, 2];

export async function main(options = {}) {
  const settings = { ...DEFAULTS, ...options };
  const workloads = selectWorkloads(settings.workloads);
  const wanted = settings.contenders ? ['raw', ...settings.contenders.filter((c) => c !== 'raw')] : CONTENDERS.map((c) => c.name);
  for (const c of wanted) if (!CONTENDERS.some((m) => m.name === c)) throw new Error(`unknown contender "${c}" (known: ${CONTENDERS.map((m) => m.name).join(', ')})`);

  const started = Date.now();
  const database = createDatabase();
  // Also on an early exit (an exception, process.exit); the normal path removes it in `finally`.
  const removeOnExit = () => settings.keepDb || database.remove();
  process.once('exit', removeOnExit);
  const admin = openAdmin(database.path);
  const versions = readVersions();
  const floor = statementFloor(database.path);
  const notes = [];
  const failures = [];
  const open = new Map();

  try {
    // Kiln is measured as the packages are now: regenerate its client (in a child process, so the
    // generator's heap stays out of this one) unless KILN_BENCH_CLIENT names one to use.
    const skip = new Set();
    if (wanted.includes('kiln') && !process.env.KILN_BENCH_CLIENT && settings.generate !== false) {
      const gen = spawnSync(process.execPath, [join(here, 'generate-kiln-client.js')], { encoding: 'utf8' });
      if (gen.status !== 0) {
        skip.add('kiln');
        notes.push(`kiln: skipped: could not generate the blog client (${reason(gen.stderr || gen.error?.message)}). Build the packages first: pnpm build.`);
      }
    }
    for (const mod of CONTENDERS.filter((m) => wanted.includes(m.name) && !skip.has(m.name))) {
      try {
        open.set(mod.name, await mod.open(database.path));
      } catch (e) {
        if (e instanceof kiln.KilnUnavailable) {
          notes.push(`kiln: skipped: ${e.message}.`);
        } else {
          failures.push({ contender: mod.name, workload: null, problem: `could not open: ${e.stack ?? e}` });
        }
      }
    }
    if (!open.has('raw')) return finish(false);

    // 1. Correctness: every contender against raw (and writes against the database).
    const wrong = new Set(); // `${contender}/${workload}` pairs not measured
    for (const w of workloads) {
      for (const problem of await verifyWorkload(w, open, admin)) {
        failures.push({ workload: w.key, ...problem });
        wrong.add(`${problem.contender}/${w.key}`);
      }
      admin.cleanup();
    }

    // 2. Timing, workload by workload, contenders interleaved.
    const results = [];
    for (const w of workloads) {
      const runners = [...open]
        .filter(([name]) => !wrong.has(`${name}/${w.key}`))
        .map(([name, adapter]) => ({ name, fn: adapter[w.key], tag: `bench:${name}:`, i: 0 }));
      if (runners.length === 0) continue;
      const afterBatch = w.kind === 'write' ? async () => admin.cleanup() : async () => {};
      const { samples, batchSizes } = await measure(w, runners, { ...settings, afterBatch });
      for (const r of runners) results.push({ workload: w.key, contender: r.name, samples: samples.get(r.name), batchSize: batchSizes.get(r.name) });
    }

    const contenders = CONTENDERS.map((m) => m.name).filter((n) => wanted.includes(n));
    const summary = summarize({ workloads, contenders, measured: [...open.keys()], results });
    const elapsedS = (Date.now() - started) / 1000;
    const report = {
      bench: 'client-sqlite',
      date: new Date().toISOString(),
      environment: { node: process.version, platform: `${process.platform}/${process.arch}`, ...versions, statementFloor: floor },
      database: { path: database.path, rows: database.counts, journalMode: 'delete', foreignKeys: true },
      settings: { rounds: settings.rounds, batchMs: settings.batchMs, warmupMs: settings.warmupMs },
      contenders: Object.fromEntries(contenders.map((c) => [c, open.has(c) ? 'measured' : failures.some((f) => f.contender === c) ? 'failed' : 'skipped'])),
      notes,
      failures: failures.map(({ contender, workload, problem }) => ({ contender, workload, problem })),
      workloads: summary,
      kilnBar: kilnBar(summary),
      elapsedSeconds: elapsedS,
    };
    printReport(report, { workloads, contenders, open, notes, failures, database, resultsFile: RESULTS_FILE, settings });
    mkdirSync(dirname(RESULTS_FILE), { recursive: true });
    writeFileSync(RESULTS_FILE, JSON.stringify(report, null, 2) + '\n');
    console.log(`\nresults: ${relative(process.cwd(), RESULTS_FILE) || RESULTS_FILE} (${elapsedS.toFixed(1)} s)`);
    return finish(failures.length === 0);
  } finally {
    for (const adapter of open.values()) await adapter.close();
    admin.close();
    process.removeListener('exit', removeOnExit);
    if (settings.keepDb) console.log(`database kept: ${database.path}`);
    else database.remove();
  }

  function finish(ok) {
    if (failures.length > 0) {
      console.error(`\n${failures.length} wrong result(s); those pairs were not timed:`);
      for (const f of failures) console.error(`  ${f.contender}${f.workload ? ` / ${f.workload}` : ''}: ${f.problem}`);
    }
    return ok;
  }
}

/**
 * Runs the workload's check inputs on every open contender, raw first, and returns the problems
 * found ({ contender, problem }). Reads must equal raw's result; writes are checked by the
 * workload's own `verify` (database read-back, and raw's result with volatile values masked).
 */
async function verifyWorkload(w, open, admin) {
  const problems = [];
  const order = ['raw', ...[...open.keys()].filter((n) => n !== 'raw')];
  if (w.kind === 'read') {
    const expected = [];
    for (const i of READ_CHECKS) expected.push(await open.get('raw')[w.key](w.input(i, 'verify:raw:')));
    for (const name of order) {
      try {
        for (const [k, i] of READ_CHECKS.entries()) {
          const got = await open.get(name)[w.key](w.input(i, `verify:${name}:`));
          const d = diff(got, expected[k], `input ${JSON.stringify(w.input(i, ''))} vs raw`);
          if (d) {
            problems.push({ contender: name, problem: d });
            break;
          }
        }
      } catch (e) {
        problems.push({ contender: name, problem: `threw ${e.stack ?? e}` });
      }
    }
    return problems;
  }
  let rawResult = null;
  let rawStored = null;
  for (const name of order) {
    const input = w.input(0, `verify:${name}:`);
    const ctx = { admin, startedAt: Date.now(), raw: rawResult, rawStored, before: w.before?.(input, { admin }) };
    try {
      const result = await open.get(name)[w.key](input);
      if (name === 'raw') {
        rawResult = ctx.raw = result;
        rawStored = ctx.rawStored = w.afterRaw?.(input, { admin }) ?? null;
      }
      const d = await w.verify(result, input, ctx);
      if (d) problems.push({ contender: name, problem: d });
    } catch (e) {
      problems.push({ contender: name, problem: `threw ${e.stack ?? e}` });
    }
  }
  return problems;
}

/** The line of a child's stderr that says what went wrong. */
function reason(stderr = '') {
  const lines = stderr.split('\n').map((l) => l.trim()).filter(Boolean);
  return lines.find((l) => /Error\b/.test(l) && !l.startsWith('at ')) ?? lines[0] ?? 'no output';
}

function selectWorkloads(filter) {
  if (!filter || filter.length === 0) return WORKLOADS;
  const chosen = WORKLOADS.filter((w, i) => filter.includes(w.key) || filter.includes(String(i + 1)));
  if (chosen.length === 0) throw new Error(`no workload matches ${filter.join(', ')}`);
  return chosen;
}

function readVersions() {
  const require = createRequire(import.meta.url);
  const version = (pkg) => {
    // Walk up from the entry point: not every package exports its package.json.
    let dir = dirname(require.resolve(pkg));
    for (;;) {
      try {
        const json = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
        if (json.name === pkg) return json.version;
      } catch {}
      const up = dirname(dir);
      if (up === dir) return 'unknown';
      dir = up;
    }
  };
  const memory = new Database(':memory:');
  const sqlite = memory.prepare('SELECT sqlite_version() AS v').get().v;
  memory.close();
  return { sqlite, 'better-sqlite3': version('better-sqlite3'), kysely: version('kysely'), 'drizzle-orm': version('drizzle-orm') };
}

function parseArgs(argv) {
  const options = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
      return argv[++i];
    };
    const list = () => value().split(',').map((s) => s.trim()).filter(Boolean);
    const number = () => {
      const n = Number(value());
      if (!(n > 0)) throw new Error(`${a} needs a positive number`);
      return n;
    };
    if (a === '--contenders') options.contenders = list();
    else if (a === '--workloads') options.workloads = list();
    else if (a === '--rounds') options.rounds = Math.round(number());
    else if (a === '--batch-ms') options.batchMs = number();
    else if (a === '--quick') Object.assign(options, { rounds: 5, batchMs: 10, warmupMs: 50 });
    else if (a === '--keep-db') options.keepDb = true;
    else if (a === '--no-generate') options.generate = false;
    else throw new Error(`unknown option ${a} (see the comment at the top of scripts/bench/client/run.js)`);
  }
  return options;
}

if (process.argv[1] && realpathSync(resolve(process.argv[1])) === realpathSync(fileURLToPath(import.meta.url))) {
  let options;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error(e.message);
    process.exit(2);
  }
  if ((await main(options)) === false) process.exitCode = 1;
}
