import { PROVIDERS } from '../helpers/databases.js';
import { irOf } from '../helpers/examples.js';
import { VERSIONS, versionSchema } from './versions.js';

describe('the evolution schemas', () => {
  test('there are at least twelve versions', () => {
    expect(VERSIONS.length).toBeGreaterThanOrEqual(12);
  });

  test.each(PROVIDERS.flatMap((p) => VERSIONS.map((v) => [p, v.title, v] as const)))('%s %s: analyzes without errors', (provider, _title, version) => {
    expect(irOf(versionSchema(version, provider)).models.length).toBeGreaterThan(0);
  });
});
