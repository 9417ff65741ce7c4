import { fileURLToPath } from 'node:url';
import { kiln } from './run-kiln.js';

/** The workspace root: this file compiles to packages/cli/build/test/. */
const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

describe('the committed migrations of the README example', () => {
  test('examples/blog/migrations lead exactly to schema-examples/blog (a schema change needs a new migration)', () => {
    const r = kiln(ROOT, ['migrate', 'diff', '--from', 'migrations:examples/blog/migrations', '--to', 'schema:schema-examples/blog/schema.schema']);
    expect(r.stderr).toMatch(/No difference/);
    expect(r.stdout).toBe('');
    expect(r.status).toBe(0);
  });
});
