/**
 * A FIFO lock. The SQLite driver has one connection, so an interactive transaction holds it and
 * every other query waits until the transaction ends, instead of running inside it.
 */
export class AsyncLock {
  private tail: Promise<void> = Promise.resolve();
  private holders = 0;

  get locked(): boolean {
    return this.holders > 0;
  }

  /** Resolves with a release function once every earlier holder has released. */
  acquire(): Promise<() => void> {
    let release!: () => void;
    const next = new Promise<void>((resolve) => (release = resolve));
    const ready = this.tail;
    this.tail = this.tail.then(() => next);
    this.holders++;
    return ready.then(() => () => {
      this.holders--;
      release();
    });
  }

  /** Waits until the lock is free at the moment of the call. */
  async idle(): Promise<void> {
    while (this.holders > 0) await this.tail;
  }
}
