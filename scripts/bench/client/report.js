// Turns timed batches into the summary (median, min, ratio to raw, fastest ORM, Kiln's bar) and
// prints it as a table.

import { median } from './measure.js';
import { WORKLOADS, workloadNumber } from './workloads.js';

const ORMS = ['kysely', 'drizzle', 'kiln'];

/** Per workload: each contender's numbers (or why it has none), the fastest ORM, Kiln's marks. */
export function summarize({ workloads, contenders, measured, results }) {
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
        batches: r.samples.length,
        callsPerBatch: r.batchSize,
        samplesUs: r.samples.map((x) => round(x)),
      };
    }
    const rawMedian = cells.raw?.medianUs;
    for (const c of contenders) if (cells[c].status === 'measured' && rawMedian) cells[c].ratio = round(cells[c].medianUs / rawMedian, 3);
    const orms = ORMS.filter((c) => cells[c]?.status === 'measured');
    const fastestOrm = orms.length ? orms.reduce((a, b) => (cells[b].medianUs < cells[a].medianUs ? b : a)) : null;
    const k = cells.kiln?.status === 'measured' ? cells.kiln : null;
    const ky = cells.kysely?.status === 'measured' ? cells.kysely : null;
    return {
      number: workloadNumber(w.key),
      key: w.key,
      label: w.label,
      kind: w.kind,
      rawBar: w.bar ?? null,
      contenders: cells,
      fastestOrm,
      kilnBeatsKysely: k && ky ? k.medianUs < ky.medianUs : null,
      kilnWithinRawBar: k && w.bar && k.ratio !== undefined ? k.ratio <= w.bar : null,
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

export function printReport(report, { contenders, notes, failures, settings }) {
  const env = report.environment;
  const rows = report.database.rows;
  const n = (x) => x.toLocaleString('en-US');
  console.log('client: the generated client against Kysely, Drizzle and raw better-sqlite3 (SQLite, blog schema)');
  console.log(
    `node ${env.node}, ${env.platform}; SQLite ${env.sqlite} (better-sqlite3 ${env['better-sqlite3']}), kysely ${env.kysely}, drizzle-orm ${env['drizzle-orm']}`,
  );
  console.log(
    `data: ${n(rows.users)} users, ${n(rows.posts)} posts, ${n(rows.comments)} comments, ${n(rows.tags)} tags, ${n(rows.postTags)} post-tag links, ${n(rows.profiles)} profiles`,
  );
  console.log(`      in ${report.database.path} (rollback journal, foreign keys on; each contender has its own connection)`);
  const floor = report.environment.statementFloor;
  console.log(
    `file cost: raw's by-primary-key statement takes ${floor.fileUs} µs on this file and ${floor.memoryUs} µs on an in-memory copy (per-statement file locking; part of every contender's time, so it narrows the ratios)`,
  );
  for (const note of notes) console.log(note);
  const checked = contenders.filter((c) => c !== 'raw' && report.contenders[c] === 'measured');
  const bad = new Set(failures.map((f) => f.contender));
  if (checked.length) {
    console.log(
      `checked against raw before timing: ${checked.map((c) => `${c} ${bad.has(c) ? 'WRONG (see below)' : 'ok'}`).join(', ')}`,
    );
  }

  console.log('');
  console.log(
    `median µs per call; × = median / raw's median, same run. ${settings.rounds} timed batches of ~${settings.batchMs} ms per contender, interleaved, after warm-up.`,
  );
  const LABEL = 50;
  const CELL = 18;
  const head = ['#'.padStart(2), 'workload'.padEnd(LABEL), 'raw'.padStart(9), ...contenders.filter((c) => c !== 'raw').map((c) => c.padStart(CELL)), '  fastest ORM'];
  console.log(head.join(' '));
  for (const w of report.workloads) {
    const raw = w.contenders.raw;
    const line = [String(w.number).padStart(2), w.label.padEnd(LABEL), (raw.status === 'measured' ? us(raw.medianUs) : raw.status).padStart(9)];
    for (const c of contenders.filter((x) => x !== 'raw')) {
      const cell = w.contenders[c];
      if (cell.status !== 'measured') {
        line.push((cell.status === 'wrong' ? 'WRONG' : cell.status).padStart(CELL));
        continue;
      }
      let text = cell.ratio === undefined ? us(cell.medianUs) : `${us(cell.medianUs)} ${cell.ratio.toFixed(2)}×`;
      if (c === 'kiln') text += (w.kilnBeatsKysely ? ' ★' : '  ') + (w.kilnWithinRawBar === false ? '!' : ' ');
      line.push(text.padStart(CELL));
    }
    line.push(`  ${w.fastestOrm ?? '-'}`);
    console.log(line.join(' '));
  }

  console.log('');
  console.log(
    '★ Kiln is faster than Kysely; ! Kiln is over 1.5× raw where that is the bar. The bar: Kiln beats Kysely on every workload, and stays within 1.5× raw on ' +
      WORKLOADS.map((w, i) => (w.bar ? i + 1 : null))
        .filter(Boolean)
        .join(', ') +
      '.',
  );
  if (contenders.includes('kiln')) {
    const bar = report.kilnBar;
    if (!bar.evaluated) console.log('Kiln: not measured, so the bar is not evaluated.');
    else if (bar.met) console.log('Kiln: meets the bar on every workload.');
    else console.log(`Kiln: misses the bar on ${bar.missed.map((m) => `${workloadNumber(m.workload)} (${m.why})`).join(', ')}.`);
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
}

/** Kiln's bar over the whole run: beat Kysely everywhere, stay within the raw ratio where set. */
export function kilnBar(summary) {
  const measured = summary.filter((w) => w.contenders.kiln?.status === 'measured');
  if (measured.length === 0) return { evaluated: false, met: null, missed: [] };
  const missed = summary
    .filter((w) => w.contenders.kiln?.status !== 'measured' || w.kilnBeatsKysely === false || w.kilnWithinRawBar === false)
    .map((w) => ({
      workload: w.key,
      why:
        w.contenders.kiln?.status !== 'measured'
          ? w.contenders.kiln?.status ?? 'not run'
          : w.kilnBeatsKysely === false
            ? 'slower than Kysely'
            : `${w.contenders.kiln.ratio}× raw, over ${w.rawBar}×`,
    }));
  return { evaluated: true, met: missed.length === 0, missed };
}
