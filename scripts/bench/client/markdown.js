// Prints the last results (scripts/bench/results/client-<provider>.json) as the Markdown tables of
// the README's "last measured" section: median µs per call and the ratio to raw per contender,
// ★ where Kiln beats every peer, ! where it is over its ratio to raw.
//
//   node scripts/bench/client/markdown.js

import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PROVIDERS } from './providers.js';
import { resultsFile } from './bench-provider.js';

function us(x) {
  if (x >= 1000) return Math.round(x).toLocaleString('en-US');
  if (x >= 100) return x.toFixed(0);
  return x.toFixed(1);
}

export function markdownTables() {
  const out = [];
  for (const provider of PROVIDERS) {
    const file = resultsFile(provider);
    if (!existsSync(file)) continue;
    const r = JSON.parse(readFileSync(file, 'utf8'));
    const contenders = Object.keys(r.contenders);
    const env = r.environment;
    out.push(`**${env.server}** (${env.driver}, kysely ${env.kysely}, drizzle-orm ${env['drizzle-orm']}, node ${env.node}; ${r.settings.rounds} rounds of ~${r.settings.batchMs} ms):`, '');
    out.push(`| # | workload | ${contenders.join(' | ')} |`);
    out.push(`|---|---|${contenders.map(() => '--:').join('|')}|`);
    for (const w of r.workloads) {
      const cells = contenders.map((c) => {
        const x = w.contenders[c];
        if (x.status !== 'measured') return x.status;
        let text = c === r.baseline ? `${us(x.medianUs)} µs` : `${us(x.medianUs)} (${x.ratio.toFixed(2)}×)`;
        if (c === 'kiln') text += (w.kilnBeatsPeers ? ' ★' : '') + (w.kilnWithinRawBar === false ? ' !' : '');
        return text;
      });
      out.push(`| ${w.number} | ${w.label} | ${cells.join(' | ')} |`);
    }
    const bar = r.kilnBar;
    out.push('', bar.evaluated ? (bar.met ? 'Kiln meets the bar on every workload.' : `Kiln misses the bar on ${bar.missed.map((m) => `${r.workloads.find((w) => w.key === m.workload).number} (${m.why})`).join(', ')}.`) : 'Kiln was not measured.', '');
  }
  return out.join('\n');
}

if (process.argv[1] && realpathSync(resolve(process.argv[1])) === realpathSync(fileURLToPath(import.meta.url))) console.log(markdownTables());
