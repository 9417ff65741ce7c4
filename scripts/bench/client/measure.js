// Timing: warm-up, then repeated timed batches with the contenders interleaved (each round
// runs one batch of every contender, in a rotated order), so drift in the machine's speed
// (frequency scaling, other processes, the garbage collector) is spread over all of them.

/** Every result is stored here, so no call can be optimised away. */
export let sink = null;

/**
 * Measures one workload for the given runners ({ name, fn, tag, i }), where `fn(input)` may
 * return a value or a promise; every call is awaited the same way for every contender.
 * `afterBatch()` runs outside the timed region (writes use it to delete what they inserted).
 * Returns, per runner name, the µs per call of every timed batch (wall clock, and this process's
 * CPU time) and the batch size.
 */
export async function measure(workload, runners, { rounds, batchMs, warmupMs, minWarmupCalls, maxBatch, afterBatch }) {
  const samples = new Map(runners.map((r) => [r.name, []]));
  const cpu = new Map(runners.map((r) => [r.name, []]));
  const batchSizes = new Map();

  for (const r of runners) {
    let calls = 0;
    const start = process.hrtime.bigint();
    let elapsed = 0n;
    const warmupNs = BigInt(Math.round(warmupMs * 1e6));
    while (calls < minWarmupCalls || elapsed < warmupNs) {
      sink = await r.fn(workload.input(r.i++, r.tag));
      calls++;
      elapsed = process.hrtime.bigint() - start;
    }
    await afterBatch();
    const perCallMs = Number(elapsed) / 1e6 / calls;
    batchSizes.set(r.name, Math.max(1, Math.min(maxBatch, Math.round(batchMs / perCallMs))));
  }

  for (let round = 0; round < rounds; round++) {
    for (let k = 0; k < runners.length; k++) {
      const r = runners[(round + k) % runners.length];
      const n = batchSizes.get(r.name);
      // Inputs are built before the clock starts: only the contender's own work is timed.
      const inputs = new Array(n);
      for (let j = 0; j < n; j++) inputs[j] = workload.input(r.i++, r.tag);
      const fn = r.fn;
      const c0 = process.cpuUsage();
      const t0 = process.hrtime.bigint();
      for (let j = 0; j < n; j++) sink = await fn(inputs[j]);
      const t1 = process.hrtime.bigint();
      const c1 = process.cpuUsage(c0);
      samples.get(r.name).push(Number(t1 - t0) / 1000 / n);
      // This process's CPU time (user + system) per call: the client's own work, without the
      // time spent waiting for the database (which runs in another process).
      cpu.get(r.name).push((c1.user + c1.system) / n);
      await afterBatch();
    }
  }
  return { samples, cpu, batchSizes };
}

export function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
