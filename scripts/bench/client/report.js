// Turns timed batches into the summary (median, min, ratio to the baseline, fastest ORM, Kiln's
// bar) and prints it as a table.

import { median } from './measure.js';
import { workloadNumber } from './workloads.js';

const ORMS = ['kysely', 'drizzle', 'kiln'];
const PEERS = ['kysely', 'drizzle'];

/** Per workload: each contender's numbers (or why it has none), the fastest ORM, Kiln's marks. */
export function summarize({ workloads, contenders, measured, results, baseline, rawBar }) {
  return workloads.map((w) => {
    const cells = {};
    for (const c of contenders) {
      const r = results.find((x) => x.workload === w.key && x.contender === c);
      if (!r) {
        cells[c] = { status: measured.includes(c) ? 'wrong' : 'skipped' };
        continue;
      }
      cells[c] = {
        status: 'measured',
        medianUs: round(median(r.samples)),
        minUs: round(Math.min(...r.samples)),
        maxUs: round(Math.max(...r.samples)),
        cpuUs: round(median(r.cpu)),
        batches: r.samples.length,
        callsPerBatch: r.batchSize,
        samplesUs: r.samples.map((x) => round(x)),
      };
    }
    const baseMedian = cells[baseline]?.medianUs;
    for (const c of contenders) if (cells[c].status === 'measured' && baseMedian) cells[c].ratio = round(cells[c].medianUs / baseMedian, 3);
    const orms = ORMS.filter((c) => cells[c]?.status === 'measured');
    const fastestOrm = orms.length ? orms.reduce((a, b) => (cells[b].medianUs < cells[a].medianUs ? b : a)) : null;
    const k = cells.kiln?.status === 'measured' ? cells.kiln : null;
    const peers = PEERS.filter((c) => cells[c]?.status === 'measured');
    const bar = rawBar(w);
    return {
      number: workloadNumber(w.key),
      key: w.key,
      label: w.label,
      kind: w.kind,
      rawBar: bar,
      contenders: cells,
      fastestOrm,
      // Beats every peer that was measured; a peer with a wrong result does not count as beaten.
      kilnBeatsPeers: k && peers.length ? peers.every((c) => k.medianUs < cells[c].medianUs) : null,
      kilnWithinRawBar: k && bar && k.ratio !== undefined ? k.ratio <= bar : null,
    };
  });
}

function round(x, digits = 2) {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

function us(x) {
  if (x >= 1000) return Math.round(x).toLocaleString('en-US');
  if (x >= 100) return x.toFixed(0);
  return x.toFixed(1);
}

export function printReport(report, { provider, contenders, notes, failures, context, settings }) {
  const env = report.environment;
  const rows = report.database.rows;
  const n = (x) => x.toLocaleString('en-US');
  const base = provider.baseline;
  console.log(`client on ${provider.title}: the generated client against Kysely, Drizzle and ${provider.baselineLabel} (blog schema)`);
  console.log(`node ${env.node}, ${env.platform}; ${env.server} (${env.driver}), kysely ${env.kysely}, drizzle-orm ${env['drizzle-orm']}`);
  console.log(
    `data: ${n(rows.users)} users, ${n(rows.posts)} posts, ${n(rows.comments)} comments, ${n(rows.tags)} tags, ${n(rows.postTags)} post-tag links, ${n(rows.profiles)} profiles`,
  );
  console.log(`      in ${report.database.where} (${report.database.settings})`);
  for (const line of context.lines) console.log(line);
  for (const note of notes) console.log(note);
  const checked = contenders.filter((c) => c !== base && report.contenders[c] === 'measured');
  const bad = new Set(failures.map((f) => f.contender));
  if (checked.length) {
    console.log(`checked against ${base} before timing: ${checked.map((c) => `${c} ${bad.has(c) ? 'WRONG (see below)' : 'ok'}`).join(', ')}`);
  }

  console.log('');
  console.log(
    `median µs per call; × = median / ${base}'s median, same run. ${settings.rounds} timed batches of ~${settings.batchMs} ms per contender, interleaved, after warm-up.`,
  );
  const LABEL = Math.max(8, ...report.workloads.map((w) => w.label.length));
  const CELL = 17;
  const others = contenders.filter((c) => c !== base);
  const head = ['#'.padStart(2), 'workload'.padEnd(LABEL), base.padStart(9), ...others.map((c) => c.padStart(CELL)), '  fastest ORM'];
  console.log(head.join(' '));
  for (const w of report.workloads) {
    const raw = w.contenders[base];
    const line = [String(w.number).padStart(2), w.label.padEnd(LABEL), (raw.status === 'measured' ? us(raw.medianUs) : raw.status).padStart(9)];
    for (const c of others) {
      const cell = w.contenders[c];
      if (cell.status !== 'measured') {
        line.push((cell.status === 'wrong' ? 'WRONG' : cell.status).padStart(CELL));
        continue;
      }
      let text = cell.ratio === undefined ? us(cell.medianUs) : `${us(cell.medianUs)} ${cell.ratio.toFixed(2)}×`;
      if (c === 'kiln') text += (w.kilnBeatsPeers ? ' ★' : '  ') + (w.kilnWithinRawBar === false ? '!' : ' ');
      line.push(text.padStart(CELL));
    }
    line.push(`  ${w.fastestOrm ?? '-'}`);
    console.log(line.join(' '));
  }

  console.log('');
  const barred = report.workloads.filter((w) => w.rawBar);
  const bars = [...new Set(barred.map((w) => w.rawBar))];
  const barText = bars
    .map((b) => {
      const on = barred.filter((w) => w.rawBar === b);
      return `${b.toFixed(1)}× ${base} on ${on.length === report.workloads.length ? 'every workload' : on.map((w) => w.number).join(', ')}`;
    })
    .join('; ');
  console.log(`★ Kiln is faster than every peer (Kysely and Drizzle); ! Kiln is over its ratio to ${base}. The bar: Kiln beats every peer on every workload${barText ? `, and stays within ${barText}` : ''}.`);
  if (contenders.includes('kiln')) {
    const bar = report.kilnBar;
    if (!bar.evaluated) console.log('Kiln: not measured, so the bar is not evaluated.');
    else if (bar.met) console.log('Kiln: meets the bar on every workload.');
    else console.log(`Kiln: misses the bar on ${bar.missed.map((m) => `${workloadNumber(m.workload)} (${m.why})`).join(', ')}.`);
  }
  for (const x of report.inspection ?? []) {
    const w = report.workloads.find((y) => y.key === x.workload);
    if (!w) continue;
    const parts = Object.entries(x.contenders).map(([c, r]) => {
      const t = r.tables[x.table] ?? { scans: 0, rows: 0 };
      return `${c} ${n(t.rows)} rows in ${n(t.scans)} scan${t.scans === 1 ? '' : 's'} (${r.statements} statement${r.statements === 1 ? '' : 's'})`;
    });
    console.log('');
    console.log(`${w.number}: rows of "${x.table}" read for one call ${JSON.stringify(x.input)} (EXPLAIN ANALYZE of every statement sent): ${parts.join(', ')}`);
  }
  console.log('');
  console.log('spread, µs per call: min / median / max over the timed batches');
  for (const w of report.workloads) {
    const parts = contenders
      .filter((c) => w.contenders[c].status === 'measured')
      .map((c) => {
        const x = w.contenders[c];
        return `${c} ${us(x.minUs)}/${us(x.medianUs)}/${us(x.maxUs)}`;
      });
    console.log(`${String(w.number).padStart(2)} ${parts.join('   ')}`);
  }
  console.log('');
  console.log("this process's CPU µs per call (median): the client's own work, without the wait for the database");
  for (const w of report.workloads) {
    const parts = contenders.filter((c) => w.contenders[c].status === 'measured').map((c) => `${c} ${us(w.contenders[c].cpuUs)}`);
    console.log(`${String(w.number).padStart(2)} ${parts.join('   ')}`);
  }
}

/** Kiln's bar over the whole run: beat every peer everywhere, stay within the raw ratio where set. */
export function kilnBar(summary) {
  const measured = summary.filter((w) => w.contenders.kiln?.status === 'measured');
  if (measured.length === 0) return { evaluated: false, met: null, missed: [] };
  const missed = summary
    .filter((w) => w.contenders.kiln?.status !== 'measured' || w.kilnBeatsPeers === false || w.kilnWithinRawBar === false)
    .map((w) => {
      const k = w.contenders.kiln;
      const why = [];
      if (k?.status !== 'measured') why.push(k?.status ?? 'not run');
      else {
        const slower = PEERS.filter((c) => w.contenders[c]?.status === 'measured' && w.contenders[c].medianUs <= k.medianUs);
        if (slower.length) why.push(`slower than ${slower.join(' and ')}`);
        if (w.kilnWithinRawBar === false) why.push(`${k.ratio}× raw, over ${w.rawBar}×`);
      }
      return { workload: w.key, why: why.join('; ') };
    });
  return { evaluated: true, met: missed.length === 0, missed };
}
