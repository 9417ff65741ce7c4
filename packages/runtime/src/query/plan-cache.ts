/**
 * Compiled plans by shape key. Bounded: a workload that keeps producing new shapes (JSON values
 * of varying structure, IN lists of many lengths) evicts its oldest plans instead of growing.
 */
export class PlanCache<T> {
  private readonly entries = new Map<string, T>();
  hits = 0;
  misses = 0;

  constructor(private readonly capacity = 2000) {}

  get(key: string): T | undefined {
    const plan = this.entries.get(key);
    if (plan === undefined) this.misses++;
    else this.hits++;
    return plan;
  }

  set(key: string, plan: T): void {
    if (this.entries.size >= this.capacity) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, plan);
  }

  get size(): number {
    return this.entries.size;
  }
}
