// Client benchmark: Kiln's generated client against Kysely, Drizzle and the raw driver, on the
// blog schema, ten workloads, on SQLite (better-sqlite3), PostgreSQL (pg) and MySQL/MariaDB
// (mysql2). Per provider it reports the median µs per call of each contender and its ratio to
// the raw driver measured in the same run, prints a table and writes
// scripts/bench/results/client-<provider>.json (git-ignored).
//
// A benchmark, not a test: it never fails on time. It returns false (exit code 1) only when a
// contender returns a wrong result or throws, since then there is nothing valid to measure.
// Kiln is skipped, with a note, while its generated client cannot be imported; a provider whose
// server cannot be reached is skipped with a note.
//
//   pnpm bench client --provider postgresql     (from the workspace root: tsc -b, then the runner)
//   node scripts/bench/run.js client [options]  (through the bench runner)
//   node scripts/bench/client/run.js [options]  (alone)
//     --provider sqlite|postgresql|mysql|all   which databases (default all; a list works too)
//     --contenders kysely,kiln    only these (the provider's raw baseline is always added)
//     --workloads 1,5,insertMany  only these (numbers or keys)
//     --rounds 20 --batch-ms 30   timed batches per contender, and their target length
//     --quick                     5 rounds of 10 ms (a smoke run; numbers are rough)
//     --keep-db                   leave the database in place and print where it is
//     --no-generate               use the Kiln clients already in client/generated/
//
// Kiln's client is regenerated from schema-examples/blog for each provider into
// client/generated/kiln-<provider>/ before each run (generate-kiln-client.js; needs
// `pnpm build`), unless KILN_BENCH_CLIENT points at one.

import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchProvider, isStopping } from './bench-provider.js';
import { PROVIDERS, loadProvider } from './providers.js';
import { WORKLOADS } from './workloads.js';

const DEFAULTS = { rounds: 20, batchMs: 30, warmupMs: 200, minWarmupCalls: 5, maxBatch: 20000 };

/**
 * Runs the bench. `options` are run options (see parseArgs), or `{ argv: [...] }`: command-line
 * flags, as scripts/bench/run.js passes them.
 */
export async function main(options = {}) {
  let settings, workloads, providers;
  try {
    settings = { ...DEFAULTS, ...(options.argv ? parseArgs(options.argv) : options) };
    workloads = selectWorkloads(settings.workloads);
    providers = selectProviders(settings.providers);
  } catch (e) {
    console.error(`client: ${e.message}`);
    return false;
  }
  let ok = true;
  const ran = [];
  for (const [i, name] of providers.entries()) {
    if (i > 0) console.log('');
    let result;
    try {
      result = await benchProvider(await loadProvider(name), workloads, settings);
    } catch (e) {
      // Interrupted: the handler removes the database and exits; the failures it causes are noise.
      if (isStopping()) await new Promise(() => {});
      throw e;
    }
    if (result === false) ok = false;
    if (result !== 'skipped') ran.push(name);
  }
  if (ran.length === 0) {
    console.log('client: no provider could be measured.');
    return false;
  }
  return ok;
}

function selectWorkloads(filter) {
  if (!filter || filter.length === 0) return WORKLOADS;
  const chosen = WORKLOADS.filter((w, i) => filter.includes(w.key) || filter.includes(String(i + 1)));
  if (chosen.length === 0) throw new Error(`no workload matches ${filter.join(', ')}`);
  return chosen;
}

function selectProviders(list) {
  if (!list || list.length === 0 || list.includes('all')) return PROVIDERS;
  for (const p of list) if (!PROVIDERS.includes(p)) throw new Error(`unknown provider "${p}" (known: ${PROVIDERS.join(', ')}, all)`);
  return PROVIDERS.filter((p) => list.includes(p));
}

export function parseArgs(argv) {
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
    if (a === '--provider' || a === '--providers') options.providers = list();
    else if (a === '--contenders') options.contenders = list();
    else if (a === '--workloads') options.workloads = list();
    else if (a === '--rounds') options.rounds = Math.round(number());
    else if (a === '--batch-ms') options.batchMs = number();
    else if (a === '--quick') Object.assign(options, { rounds: 5, batchMs: 10, warmupMs: 50 });
    else if (a === '--keep-db') options.keepDb = true;
    else if (a === '--no-generate') options.generate = false;
    else if (a === '--progress') options.progress = true;
    else throw new Error(`unknown option ${a} (see the comment at the top of scripts/bench/client/run.js)`);
  }
  return options;
}

if (process.argv[1] && realpathSync(resolve(process.argv[1])) === realpathSync(fileURLToPath(import.meta.url))) {
  let options;
  try {
    options = parseArgs(process.argv.slice(2));
    selectWorkloads(options.workloads);
    selectProviders(options.providers);
  } catch (e) {
    console.error(e.message);
    process.exit(2);
  }
  if ((await main(options)) === false) process.exitCode = 1;
}
