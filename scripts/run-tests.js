// Runs jest over the compiled tests and ends with one plain summary line
// ("tests: N passed, N failed, N skipped") that any CI log reader understands.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = mkdtempSync(join(tmpdir(), 'kiln-jest-'));
const out = join(dir, 'results.json');
const jest = spawnSync(
  process.execPath,
  [
    '--experimental-vm-modules',
    '--no-warnings=ExperimentalWarning',
    'node_modules/jest/bin/jest.js',
    '--json',
    `--outputFile=${out}`,
    ...process.argv.slice(2),
  ],
  { stdio: 'inherit' },
);
let summary = 'tests: 0 passed, 0 failed';
try {
  const r = JSON.parse(readFileSync(out, 'utf8'));
  summary = `tests: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests} skipped`;
} catch {
  summary = 'tests: 0 passed, 1 failed (jest wrote no results)';
}
rmSync(dir, { recursive: true, force: true });
console.log(summary);
process.exit(jest.status ?? 1);
