import { analyzeSchema, readSchemaSources } from '@kiln/schema';
import { planFromEmpty, renderChanges, renderScript } from '@kiln/migrate';
import { readFileSync } from 'node:fs';
const [,, example, provider] = process.argv;
let text = readFileSync(`schema-examples/${example}/schema.schema`, 'utf8');
text = text.replace(/provider = "sqlite"/, `provider = "${provider}"`);
const r = analyzeSchema([{ path: 'x.schema', text }]);
if (!r.ir) { console.log(r.diagnostics); process.exit(1); }
console.log(renderScript(renderChanges(planFromEmpty(r.ir), provider)));
