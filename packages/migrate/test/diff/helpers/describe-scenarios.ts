import type { Provider } from '@kiln/schema';
import { DB_TIMEOUT } from '../../helpers/apply-examples.js';
import { runScenario } from './migrate.js';
import { scenariosFor } from './scenarios.js';

/** One test per scenario that runs on `provider`: up with rows, checked, then down, checked. */
export function describeScenarios(provider: Provider, available: boolean): void {
  const scenarios = scenariosFor(provider);
  (available ? describe : describe.skip)(`planMigration applied to ${provider}`, () => {
    test.each(scenarios.map((s) => [s.title, s] as const))('%s', async (_title, scenario) => runScenario(provider, scenario), DB_TIMEOUT * 2);
  });
}
