// Runs jest over the compiled tests and ends with one plain summary line
// ("tests: N passed, N failed, N skipped") that any CI log reader understands.
//
// The end-to-end suite (packages/e2e) runs once per database: first with everything else on
// SQLite, then again on PostgreSQL, on MySQL/MariaDB, and on MySQL/MariaDB as a MySQL 8.0 server
// (no RETURNING: the engine's insert-then-read path), each with KILN_TEST_PROVIDER set. The
// summary line adds them all up.
//
// Servers: KILN_TEST_POSTGRES_URL (default postgresql://postgres@127.0.0.1:5432/test) and
// KILN_TEST_MYSQL_URL (default mysql://root@127.0.0.1:3306/test). A server that does not answer
// is skipped with a warning, or fails the run when KILN_REQUIRE_DATABASES=1 (CI sets it).
// KILN_TEST_PROVIDERS=sqlite,postgresql picks the runs (default: all four).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const E2E = 'packages/e2e/build/test';
const args = process.argv.slice(2);
const requireDatabases = process.env.KILN_REQUIRE_DATABASES === '1';
const POSTGRES_URL = process.env.KILN_TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';
const MYSQL_URL = process.env.KILN_TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306/test';

/** The e2e runs on servers, after the default run (which has e2e on SQLite). */
const SERVER_RUNS = [
  { name: 'postgresql', env: { KILN_TEST_PROVIDER: 'postgresql' }, server: 'postgresql' },
  { name: 'mysql', env: { KILN_TEST_PROVIDER: 'mysql' }, server: 'mysql' },
  { name: 'mysql-no-returning', env: { KILN_TEST_PROVIDER: 'mysql', KILN_TEST_MYSQL_SERVER_VERSION: '8.0.36' }, server: 'mysql' },
];
const chosen = (process.env.KILN_TEST_PROVIDERS ?? 'sqlite,postgresql,mysql,mysql-no-returning').split(',').map((s) => s.trim());

// Most suites wait on a database, not the CPU: more workers than cores (jest's default is cores - 1,
// one worker on a 2-core machine) keeps the servers busy. Every test file has its own database.
const WORKERS = process.env.KILN_JEST_WORKERS ?? '4';

const dir = mkdtempSync(join(tmpdir(), 'kiln-jest-'));
const totals = { passed: 0, failed: 0, skipped: 0 };
const lines = [];
let status = 0;

/** Runs jest once; adds its counts to the totals. */
function jest(name, jestArgs, env) {
  const out = join(dir, `${name}.json`);
  const r = spawnSync(
    process.execPath,
    ['--experimental-vm-modules', '--no-warnings=ExperimentalWarning', 'node_modules/jest/bin/jest.js', '--json', `--outputFile=${out}`, `--maxWorkers=${WORKERS}`, ...jestArgs],
    { stdio: 'inherit', env: { ...process.env, ...env } },
  );
  try {
    const j = JSON.parse(readFileSync(out, 'utf8'));
    totals.passed += j.numPassedTests;
    totals.failed += j.numFailedTests;
    totals.skipped += j.numPendingTests;
    lines.push(`[${name}] ${j.numPassedTests} passed, ${j.numFailedTests} failed, ${j.numPendingTests} skipped`);
  } catch {
    totals.failed += 1;
    lines.push(`[${name}] jest wrote no results`);
  }
  if (r.status !== 0) status = r.status ?? 1;
}

/** Whether the server behind `url` accepts a connection (with the migrate package's drivers). */
async function reachable(server) {
  try {
    const migrate = await import('../packages/migrate/build/src/index.js');
    const conn =
      server === 'postgresql'
        ? await migrate.openPostgresExecutor(POSTGRES_URL, { connectTimeoutMs: 3000 })
        : await migrate.openMysqlExecutor(MYSQL_URL, { connectTimeoutMs: 3000 });
    await conn.close();
    return true;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

// Which of the arguments select e2e tests: none given means the whole suite.
const e2eArgs = args.length === 0 ? [E2E] : args.some((a) => a.includes('packages/e2e') || a.includes('e2e/build')) ? args : null;
// The default run: everything selected, e2e on SQLite. Without sqlite in KILN_TEST_PROVIDERS,
// everything selected but e2e.
if (chosen.includes('sqlite')) jest('sqlite', args, { KILN_TEST_PROVIDER: 'sqlite' });
else if (!e2eArgs || args.length === 0) jest('default', [...args, '--testPathIgnorePatterns', 'packages/e2e/'], {});

if (e2eArgs) {
  const answers = new Map();
  for (const run of SERVER_RUNS) {
    if (!chosen.includes(run.name)) continue;
    if (!answers.has(run.server)) answers.set(run.server, await reachable(run.server));
    const ok = answers.get(run.server);
    if (ok !== true) {
      const banner = `!!! ${run.server} is not reachable (${ok}): the e2e run "${run.name}" is ${requireDatabases ? 'FAILED (KILN_REQUIRE_DATABASES=1)' : 'SKIPPED'} !!!`;
      console.error('\n' + '!'.repeat(Math.min(banner.length, 120)) + '\n' + banner + '\n' + '!'.repeat(Math.min(banner.length, 120)) + '\n');
      lines.push(`[${run.name}] ${requireDatabases ? 'FAILED' : 'SKIPPED'}: ${run.server} not reachable`);
      if (requireDatabases) {
        totals.failed += 1;
        status = 1;
      }
      continue;
    }
    console.log(`\n=== e2e on ${run.name} ===`);
    jest(run.name, e2eArgs, run.env);
  }
}

rmSync(dir, { recursive: true, force: true });
for (const l of lines) console.log(l);
console.log(`tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(status);
