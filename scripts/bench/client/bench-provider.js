// One provider's run of the client bench: a fresh database, every contender's connection, the
// correctness checks, the timed batches, the table and the JSON results. Called by run.js once
// per provider.

import { mkdirSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { diff } from './compare.js';
import { measure } from './measure.js';
import { kilnBar, printReport, summarize } from './report.js';
import { expectedCounts } from './seed.js';
import { ormVersions } from './versions.js';
import * as kiln from './kiln.js';

const here = dirname(fileURLToPath(import.meta.url));
export const resultsFile = (provider) => join(here, '..', 'results', `client-${provider}.json`);

/** Set on Ctrl-C: what fails afterwards (statements on dropped connections) is not reported. */
let stopping = false;
export const isStopping = () => stopping;

/** Inputs checked per read workload: the first calls of the timed sequence. */
const READ_CHECKS = [0, 1, 2];

/**
 * Runs the bench on `provider` (a module of providers.js). Returns true when every contender
 * returned right results, false when one did not or the database could not be set up, and
 * 'skipped' when the provider's server cannot be reached.
 */
export async function benchProvider(provider, workloads, settings) {
  const started = Date.now();
  const all = [...provider.contenders, kiln];
  const wanted = settings.contenders
    ? [provider.baseline, ...settings.contenders.filter((c) => c !== provider.baseline)]
    : all.map((c) => c.name);
  const unknown = wanted.filter((c) => !all.some((m) => m.name === c));
  if (unknown.length) {
    console.log(`${provider.title}: no contender ${unknown.join(', ')} here (known: ${all.map((m) => m.name).join(', ')}); skipped.`);
  }
  const chosen = all.filter((m) => wanted.includes(m.name));

  const why = await provider.unavailable();
  if (why) {
    console.log(`${provider.title}: skipped: ${why}.`);
    return 'skipped';
  }

  const notes = [];
  const failures = [];
  const open = new Map();
  // Kiln is measured as the packages are now: regenerate its client (in a child process, so the
  // generator's heap stays out of this one) unless KILN_BENCH_CLIENT names one to use.
  const skip = new Set();
  if (wanted.includes('kiln') && !process.env.KILN_BENCH_CLIENT && settings.generate !== false) {
    const gen = spawnSync(process.execPath, [join(here, 'generate-kiln-client.js'), provider.name], { encoding: 'utf8' });
    if (gen.status !== 0) {
      skip.add('kiln');
      notes.push(`kiln: skipped: could not generate the blog client (${reason(gen.stderr || gen.error?.message)}). Build the packages first: pnpm build.`);
    }
  }

  // Ctrl-C drops the database too (a server database needs a connection to drop it, so this
  // cannot wait for the 'exit' event); during creation, as soon as it exists.
  let database = null;
  let interrupted = false;
  const interrupt = () => {
    stopping = true;
    console.error(`\n${provider.title}: interrupted; removing the benchmark database`);
    const done = () => process.exit(130);
    (settings.keepDb ? Promise.resolve() : database.remove()).then(done, done);
  };
  const onInterrupt = () => {
    if (interrupted) return;
    interrupted = true;
    if (database) interrupt();
  };
  process.on('SIGINT', onInterrupt);
  try {
    database = await provider.createDatabase();
  } catch (e) {
    process.removeListener('SIGINT', onInterrupt);
    console.error(`${provider.title}: could not create the benchmark database: ${e.message}`);
    return false;
  }
  if (interrupted) {
    interrupt();
    return new Promise(() => {}); // exits once the database is removed
  }
  database.provider = provider.name;
  // Also on an early exit (an exception, process.exit) for a file.
  const removeOnExit = () => settings.keepDb || database.removeSync?.();
  process.once('exit', removeOnExit);
  let admin = null;
  try {
    const expected = expectedCounts();
    const short = Object.keys(expected).filter((k) => database.counts[k] !== expected[k]);
    if (short.length) {
      failures.push({ contender: 'seed', workload: null, problem: `the database holds ${short.map((k) => `${database.counts[k]} ${k} (expected ${expected[k]})`).join(', ')}` });
      return finish(false);
    }
    admin = await provider.openAdmin(database);
    const versions = { ...(await provider.versions()), ...ormVersions() };
    const context = await provider.context(database);

    for (const mod of chosen.filter((m) => !skip.has(m.name))) {
      try {
        open.set(mod.name, await mod.open(database));
      } catch (e) {
        if (e instanceof kiln.KilnUnavailable) notes.push(`kiln: skipped: ${e.message}.`);
        else failures.push({ contender: mod.name, workload: null, problem: `could not open: ${e.stack ?? e}` });
      }
    }
    if (!open.has(provider.baseline)) return finish(false);

    // 1. Correctness: every contender against the baseline (and writes against the database).
    const wrong = new Set(); // `${contender}/${workload}` pairs not measured
    for (const w of workloads) {
      for (const problem of await verifyWorkload(w, open, admin, provider.baseline)) {
        failures.push({ workload: w.key, ...problem });
        wrong.add(`${problem.contender}/${w.key}`);
      }
      await admin.cleanup();
    }

    // What each contender reads for one call, where the provider can tell (not timed).
    const inspection = provider.inspect ? await provider.inspect(database, workloads, open, (name, key) => wrong.has(`${name}/${key}`)) : [];

    // 2. Timing, workload by workload, contenders interleaved.
    const results = [];
    for (const w of workloads) {
      const runners = [...open]
        .filter(([name]) => !wrong.has(`${name}/${w.key}`))
        .map(([name, adapter]) => ({ name, fn: adapter[w.key], tag: `bench:${name}:`, i: 0 }));
      if (runners.length === 0) continue;
      const afterBatch = w.kind === 'write' ? () => admin.cleanup() : async () => {};
      const { samples, cpu, batchSizes } = await measure(w, runners, { ...settings, afterBatch });
      for (const r of runners) results.push({ workload: w.key, contender: r.name, samples: samples.get(r.name), cpu: cpu.get(r.name), batchSize: batchSizes.get(r.name) });
      if (settings.progress) process.stderr.write(`  ${provider.name}: ${w.key} done\n`);
    }

    const contenders = chosen.map((m) => m.name);
    const summary = summarize({ workloads, contenders, measured: [...open.keys()], results, baseline: provider.baseline, rawBar: provider.rawBar });
    const elapsedS = (Date.now() - started) / 1000;
    const file = resultsFile(provider.name);
    const report = {
      bench: `client-${provider.name}`,
      provider: provider.name,
      date: new Date().toISOString(),
      environment: { node: process.version, platform: `${process.platform}/${process.arch}`, ...versions, ...context.data },
      database: { where: database.where, settings: database.settings, rows: database.counts, pool: database.pool ?? null },
      baseline: provider.baseline,
      settings: { rounds: settings.rounds, batchMs: settings.batchMs, warmupMs: settings.warmupMs },
      contenders: Object.fromEntries(contenders.map((c) => [c, open.has(c) ? 'measured' : failures.some((f) => f.contender === c) ? 'failed' : 'skipped'])),
      notes,
      failures: failures.map(({ contender, workload, problem }) => ({ contender, workload, problem })),
      workloads: summary,
      inspection,
      kilnBar: kilnBar(summary),
      elapsedSeconds: elapsedS,
    };
    printReport(report, { provider, contenders, notes, failures, context, settings });
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(report, null, 2) + '\n');
    console.log(`\nresults: ${relative(process.cwd(), file) || file} (${elapsedS.toFixed(1)} s)`);
    return finish(failures.length === 0);
  } finally {
    for (const adapter of open.values()) await adapter.close().catch(() => undefined);
    await admin?.close().catch(() => undefined);
    process.removeListener('exit', removeOnExit);
    process.removeListener('SIGINT', onInterrupt);
    if (settings.keepDb) console.log(`database kept: ${database.where}`);
    else await database.remove();
  }

  function finish(ok) {
    if (failures.length > 0) {
      console.error(`\n${provider.title}: ${failures.length} wrong result(s); those pairs were not timed:`);
      for (const f of failures) console.error(`  ${f.contender}${f.workload ? ` / ${f.workload}` : ''}: ${f.problem}`);
    }
    return ok;
  }
}

/**
 * Runs the workload's check inputs on every open contender, the baseline first, and returns the
 * problems found ({ contender, problem }). Reads must equal the baseline's result; writes are
 * checked by the workload's own `verify` (database read-back, and the baseline's result with
 * volatile values masked).
 */
async function verifyWorkload(w, open, admin, baseline) {
  const problems = [];
  const order = [baseline, ...[...open.keys()].filter((n) => n !== baseline)];
  if (w.kind === 'read') {
    const expected = [];
    try {
      for (const i of READ_CHECKS) expected.push(await open.get(baseline)[w.key](w.input(i, `verify:${baseline}:`)));
    } catch (e) {
      // Nothing to compare with: no contender is timed on this workload.
      return [...open.keys()].map((name) => ({ contender: name, problem: name === baseline ? `threw ${e.stack ?? e}` : `not checked: ${baseline} threw` }));
    }
    for (const name of order) {
      try {
        for (const [k, i] of READ_CHECKS.entries()) {
          const got = await open.get(name)[w.key](w.input(i, `verify:${name}:`));
          const d = diff(got, expected[k], `input ${JSON.stringify(w.input(i, ''))} vs ${baseline}`);
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
    try {
      const ctx = { admin, startedAt: Date.now(), raw: rawResult, rawStored, before: await w.before?.(input, { admin }) };
      const result = await open.get(name)[w.key](input);
      if (name === baseline) {
        rawResult = ctx.raw = result;
        rawStored = ctx.rawStored = (await w.afterRaw?.(input, { admin })) ?? null;
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
