// Migration planner benchmark: `planMigration` between two generated 300-model schemas that
// differ in about 10% of their models, against the bar of 200 ms, on each of the three
// dialects. A benchmark, not a test: it reports, it never fails on time.
//
//   pnpm bench                      (builds, then runs every bench in this folder)
//   node scripts/bench/diff.js      (this one alone, after `tsc -b`)

import { pathToFileURL } from 'node:url';
import { analyzeSchema, renderDiagnostics } from '@kiln/schema';
// The bench package does not depend on @kiln/migrate; its build is imported directly.
import { databaseSchemaFromIr, planMigration, renderChanges } from '../../packages/migrate/build/src/index.js';
import { generateSchema } from './schema.js';
import { time } from './lib/timing.js';

export const MODELS = 300;
export const BAR_MS = 200;
const WARMUP = 5;
const ITERATIONS = 20;

const name = (i) => `Model${String(i).padStart(4, '0')}`;

/**
 * The second version of `generateSchema(models)`: every tenth model changes the way a team's
 * schema changes between two migrations. In turn: a field renamed with a hint, a new optional
 * column and a new index, a default and a nullability changed, a compound unique dropped, and
 * the model (and its table) renamed with a hint. Every 40th model also moves its foreign key
 * to SetDefault.
 */
export function generateNextSchema(models) {
  let text = generateSchema(models);
  const renamed = [];
  for (let i = 0; i < models; i += 10) {
    const self = name(i);
    const start = text.indexOf(`model ${self} {`);
    const end = text.indexOf('\n}\n', start) + 3;
    let block = text.slice(start, end);
    switch ((i / 10) % 5) {
      case 0:
        block = block
          .replace('  name      String    @default("")', '  title     String    @default("") @renamedFrom("name")')
          .replace('@@unique([name, status])', '@@unique([title, status])');
        break;
      case 1:
        block = block.replace('  amount    Decimal?', '  amount    Decimal?\n  note      String?').replace('  @@index([nextId])', '  @@index([nextId])\n  @@index([code, amount])');
        break;
      case 2:
        block = block.replace('@default("")', '@default("unnamed")').replace('amount    Decimal?', 'amount    Decimal   @default(0)');
        break;
      case 3:
        block = block.replace(/\n {2}@@unique\(\[name, status\]\)/, '');
        break;
      case 4:
        block = block.replace(/\n {2}@@map\("[^"]*"\)/, '').replace(/\n}\n$/, `\n  @@renamedFrom("${self}")\n}\n`);
        renamed.push(self);
        break;
    }
    if (i % 40 === 0) block = block.replace('onDelete: SetNull', 'onDelete: SetDefault');
    text = text.slice(0, start) + block + text.slice(end);
  }
  // Every reference to a renamed model, but not the hint naming its old name.
  for (const self of renamed) text = text.replace(new RegExp(`\\b${self}\\b(?!")`, 'g'), `Renamed${self}`);
  return text;
}

const ms = (n) => `${n.toFixed(1)} ms`.padStart(10);

function databaseSchemaOf(text, path, provider) {
  const sources = [{ path, text: text.replace('provider = "postgresql"', `provider = "${provider}"`) }];
  const result = analyzeSchema(sources);
  if (result.ir === null) {
    console.log(`${path} (${provider}) does not analyze; not measured.`);
    console.log(renderDiagnostics(result.diagnostics.slice(0, 5), { sources: new Map([[path, sources[0].text]]) }));
    return null;
  }
  return databaseSchemaFromIr(result.ir);
}

/** Runs the benchmark and prints its table. Returns false if a generated schema does not analyze. */
export async function main() {
  console.log(`diff: planMigration between two ${MODELS}-model schemas (about 10% of the models changed)`);
  console.log(`node ${process.version}, ${process.platform}/${process.arch}`);
  const v1Text = generateSchema(MODELS);
  const v2Text = generateNextSchema(MODELS);
  let ok = true;
  for (const provider of ['postgresql', 'mysql', 'sqlite']) {
    const v1 = databaseSchemaOf(v1Text, 'v1.schema', provider);
    const v2 = databaseSchemaOf(v2Text, 'v2.schema', provider);
    if (v1 === null || v2 === null) {
      ok = false;
      continue;
    }
    const plan = planMigration(v1, v2, { provider });
    const kinds = new Map();
    for (const c of plan.changes) kinds.set(c.kind, (kinds.get(c.kind) ?? 0) + 1);
    const diff = time(() => planMigration(v1, v2, { provider }), WARMUP, ITERATIONS);
    const same = time(() => planMigration(v2, v2, { provider }), WARMUP, ITERATIONS);
    const render = time(() => renderChanges(plan.changes, provider), WARMUP, ITERATIONS);
    const verdict = diff.median < BAR_MS ? 'under the bar' : 'OVER THE BAR';
    const tables = v1.tables.length;
    console.log(`\n${provider}: ${tables} tables, ${plan.changes.length} changes, ${plan.warnings.length} warnings (${WARMUP} warm-up runs, ${ITERATIONS} measured)`);
    console.log(`  changes: ${[...kinds].map(([k, n]) => `${k} ${n}`).join(', ')}`);
    console.log(`  planMigration v1 → v2   median ${ms(diff.median)}   min ${ms(diff.min)}   max ${ms(diff.max)}`);
    console.log(`  planMigration v2 → v2   median ${ms(same.median)}   min ${ms(same.min)}   max ${ms(same.max)}   (no changes: ${planMigration(v2, v2, { provider }).changes.length === 0})`);
    console.log(`  renderChanges           median ${ms(render.median)}   min ${ms(render.min)}   max ${ms(render.max)}`);
    console.log(`  bar ${BAR_MS} ms: ${verdict} (median is ${((diff.median / BAR_MS) * 100).toFixed(0)}% of the bar)`);
  }
  return ok;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const ok = await main();
  if (!ok) process.exitCode = 1;
}
