/**
 * A counting gate with a bounded FIFO queue (issue 18 item 2): at most `limit` holders at once,
 * at most `maxQueue` waiting; one more is refused at once (the caller sheds it with 503). A
 * waiter whose AbortSignal fires leaves the queue and never runs. Used for the per-route
 * budgets (map reads, heavy routes) and, with limit 1, for PGlite's one-statement-at-a-time
 * queue, where an abandoned request's statements are skipped rather than run.
 */
export class Admission {
  private _active = 0;
  private readonly _waiting: (() => void)[] = [];

  constructor(
    readonly limit: number,
    readonly maxQueue: number = Number.POSITIVE_INFINITY,
  ) {
    if (!(limit >= 1)) throw new RangeError(`Admission limit must be ≥ 1, got ${limit}`);
  }

  get active(): number {
    return this._active;
  }

  get waiting(): number {
    return this._waiting.length;
  }

  /** Would one more caller be refused now? (Checked before reading a request's body.) */
  get full(): boolean {
    return this._active >= this.limit && this._waiting.length >= this.maxQueue;
  }

  /**
   * Resolves with a release function once admitted. Resolves `undefined` when the queue is
   * full (nothing was taken); rejects with the signal's reason if it aborts while waiting.
   */
  acquire(signal?: AbortSignal): Promise<(() => void) | undefined> {
    if (signal?.aborted) return Promise.reject(signal.reason as Error);
    if (this._active < this.limit) {
      this._active++;
      return Promise.resolve(this._releaser());
    }
    if (this._waiting.length >= this.maxQueue) return Promise.resolve(undefined);
    return new Promise((resolve, reject) => {
      const go = () => {
        signal?.removeEventListener('abort', leave);
        this._active++;
        resolve(this._releaser());
      };
      const leave = () => {
        const i = this._waiting.indexOf(go);
        if (i >= 0) this._waiting.splice(i, 1);
        reject(signal!.reason as Error);
      };
      signal?.addEventListener('abort', leave, { once: true });
      this._waiting.push(go);
    });
  }

  /** Run `fn` once admitted; `undefined` from acquire (queue full) is the caller's to handle. */
  async run<T>(fn: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    const release = await this.acquire(signal);
    if (!release) throw new RangeError('Admission queue full');
    try {
      return await fn();
    } finally {
      release();
    }
  }

  private _releaser(): () => void {
    let done = false;
    return () => {
      if (done) return;
      done = true;
      this._active--;
      this._waiting.shift()?.();
    };
  }
}
