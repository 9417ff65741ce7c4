// Runs every benchmark in this folder (each `*.js` file but this one, and each `<folder>/run.js`,
// in name order), or only
// those whose file name contains one of the arguments: `node scripts/bench/run.js schema`.
// Arguments from the first `-` on are options for the chosen benches (a bench that takes none
// ignores them): `node scripts/bench/run.js client --provider postgresql`.
// A bench module exports `main()`, which prints its results and returns false if it could not
// measure what it meant to (e.g. its input did not analyze). Benchmarks never fail on time.

import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { basename, join } from 'node:path';

const here = fileURLToPath(new URL('.', import.meta.url));
const self = basename(fileURLToPath(import.meta.url));
// Names first, then options for the benches: `client --provider postgresql` runs the benches
// whose name contains "client" and passes them `{ argv: ['--provider', 'postgresql'] }`.
const args = process.argv.slice(2);
const firstOption = args.findIndex((a) => a.startsWith('-'));
const filters = firstOption < 0 ? args : args.slice(0, firstOption);
const options = firstOption < 0 ? [] : args.slice(firstOption);

// A folder with a `run.js` is a bench too (`client/run.js`), for benches made of several files.
const benches = readdirSync(here, { withFileTypes: true })
  .flatMap((e) => {
    if (e.isFile() && e.name.endsWith('.js') && e.name !== self) return [e.name];
    if (e.isDirectory() && e.name !== 'node_modules' && existsSync(join(here, e.name, 'run.js'))) return [`${e.name}/run.js`];
    return [];
  })
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort();

if (benches.length === 0) {
  console.error(`No benchmark matches ${filters.join(', ')}.`);
  process.exit(1);
}

let failed = 0;
for (const [i, file] of benches.entries()) {
  if (i > 0) console.log('');
  console.log(`== ${file} ${'='.repeat(Math.max(0, 70 - file.length))}`);
  const mod = await import(pathToFileURL(join(here, file)).href);
  if (typeof mod.main !== 'function') {
    console.error(`${file} exports no main(); skipped.`);
    failed++;
    continue;
  }
  if ((await (options.length ? mod.main({ argv: options }) : mod.main())) === false) failed++;
}
if (failed > 0) process.exitCode = 1;
