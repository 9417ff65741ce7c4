import type { Provider } from '@kiln/schema';
import type { Scenario } from './migrate.js';
import { addValues, enumValues, pgEnums } from './scenarios-enums.js';
import { hostile, indexesFor, sqliteRebuild } from './scenarios-rebuilds.js';
import { joinTable, keys, renames } from './scenarios-tables.js';

export { addValues, enumValues, pgEnums } from './scenarios-enums.js';
export { hostile, indexesFor, sqliteRebuild } from './scenarios-rebuilds.js';
export { joinTable, keys, renames } from './scenarios-tables.js';

/** Every scenario for `provider`. */
export function scenariosFor(provider: Provider): Scenario[] {
  return [renames, keys, joinTable, sqliteRebuild, pgEnums, enumValues, addValues, indexesFor(provider), hostile].filter(
    (s) => s.providers === undefined || s.providers.includes(provider),
  );
}
