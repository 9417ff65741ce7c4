// Compares each provider's hand-copied DDL (<provider>/ddl.js) with what Kiln's migration planner
// creates for the blog schema now (`renderChanges(planFromEmpty(ir), provider)`), statement by
// statement. Prints the first difference per provider; exits 1 when any differs. Needs the
// packages built (`pnpm build`). The bench itself does not depend on the planner.
//
//   node scripts/bench/client/check-ddl.js

import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PROVIDERS, schemaText } from './generate-kiln-client.js';

/** Per provider, null when the copy matches, else the first differing statement. */
export async function checkDdl() {
  const { analyzeSchema } = await import('@kiln/schema');
  const { planFromEmpty, renderChanges } = await import('@kiln/migrate');
  const out = {};
  for (const provider of PROVIDERS) {
    const analyzed = analyzeSchema([{ path: 'blog.schema', text: schemaText(provider) }]);
    if (!analyzed.ir) throw new Error(`the blog schema does not analyze for ${provider}`);
    const planned = renderChanges(planFromEmpty(analyzed.ir), provider).flatMap((c) => c.sql);
    const copied = (await import(`./${provider}/ddl.js`)).schemaSql();
    const i = Array.from({ length: Math.max(planned.length, copied.length) }, (_, k) => k).find((k) => planned[k] !== copied[k]);
    out[provider] = i === undefined ? null : { index: i, planned: planned[i] ?? '(none)', copied: copied[i] ?? '(none)' };
  }
  return out;
}

if (process.argv[1] && realpathSync(resolve(process.argv[1])) === realpathSync(fileURLToPath(import.meta.url))) {
  const result = await checkDdl();
  for (const [provider, d] of Object.entries(result)) {
    if (!d) console.log(`${provider}: the same statements as the planner`);
    else console.log(`${provider}: statement ${d.index + 1} differs\n  planner: ${d.planned}\n  ddl.js:  ${d.copied}`);
  }
  if (Object.values(result).some(Boolean)) process.exitCode = 1;
}
