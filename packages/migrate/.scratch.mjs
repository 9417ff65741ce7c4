import { analyzeSchema, readSchemaSources } from '@kiln/schema';
import { planMigration, databaseSchemaFromIr, renderChanges, renderScript, describeChange } from './build/src/index.js';
import { readdirSync } from 'node:fs';
const root = '/work/main/schema-examples';
for (const name of readdirSync(root)) {
  if (name === 'README.md') continue;
  for (const provider of ['sqlite','postgresql','mysql']) {
    const srcs = readSchemaSources(`${root}/${name}`, '/work/main').map(s => ({...s, text: s.text.replace(/provider\s*=\s*"(sqlite|postgresql|mysql)"/, `provider = "${provider}"`)}));
    const r = analyzeSchema(srcs);
    if (!r.ir) continue;
    const db = databaseSchemaFromIr(r.ir);
    const plan = planMigration(db, db, { provider });
    const empty = planMigration({namespaces:[],enums:[],tables:[],views:[]}, db, { provider });
    const back = planMigration(db, {namespaces:[],enums:[],tables:[],views:[]}, { provider });
    console.log(name, provider, plan.changes.length, plan.warnings.length, 'fromEmpty', empty.changes.length, 'toEmpty', back.changes.length);
    renderChanges(empty.changes, provider); renderChanges(back.changes, provider);
  }
}
