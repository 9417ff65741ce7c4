// Timing helpers shared by the benches in this folder: warm up, then time each run of `f`.

/** Median, min and max of a list of milliseconds. */
export function stats(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, min: sorted[0], max: sorted[sorted.length - 1] };
}

/** Runs `f` `warmup` times untimed, then `iterations` times timed; returns their stats. */
export function time(f, warmup, iterations) {
  for (let i = 0; i < warmup; i++) f();
  const samples = [];
  for (let i = 0; i < iterations; i++) {
    const t = performance.now();
    f();
    samples.push(performance.now() - t);
  }
  return stats(samples);
}
