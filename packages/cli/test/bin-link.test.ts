import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PACKAGE_JSON } from './run-kiln.js';

/*
 * `pnpm install` links the `kiln` bin before `tsc -b` has built anything on a fresh clone (the
 * README's main job runs `kiln` from examples/blog), so the bin must be a committed file, not one
 * under build/.
 */
describe('the kiln bin', () => {
  const bin = (JSON.parse(readFileSync(PACKAGE_JSON, 'utf8')) as { bin: { kiln: string } }).bin.kiln;

  test('is a committed file outside build/', () => {
    expect(bin).not.toMatch(/build\//);
  });

  test('runs the command', () => {
    const r = spawnSync(process.execPath, [fileURLToPath(new URL(bin, new URL('file://' + PACKAGE_JSON))), '--version'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^\d+\.\d+\.\d+/);
  });
});
