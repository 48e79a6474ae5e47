import { ApiError } from '../http/api-error';

/** Seconds a refused caller is told to wait (Retry-After). */
export const BUSY_RETRY_AFTER_S = 5;

/**
 * A counting gate with a bounded FIFO queue (issue 18): at most `limit` holders at once, at
 * most `maxQueue` waiting in arrival order; one more is refused. A waiter whose AbortSignal
 * fires leaves the queue and never runs. One class for every queue of the server: analyses,
 * survey reads (issue 11) and PDF printing (issue 13) with `enter`/`release` and a 503 BUSY
 * naming the work (`what`); the per-route budgets (map reads, heavy routes) and, with limit 1,
 * PGlite's one-statement-at-a-time queue with `acquire`/`run`.
 */
export class Admission {
  private _active = 0;
  private readonly _waiting: (() => void)[] = [];

  constructor(
    readonly limit: number,
    readonly maxQueue: number = Number.POSITIVE_INFINITY,
    private readonly what: { zh: string; en: string } = { zh: '请求', en: 'Requests' },
  ) {
    if (!(limit >= 1)) throw new RangeError(`Admission limit must be ≥ 1, got ${limit}`);
  }

  /** Holders now and waiters now. */
  get load(): { active: number; waiting: number } {
    return { active: this._active, waiting: this._waiting.length };
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
   * Wait for a place; `onQueued` hears the caller's position (1 = next) while it waits.
   * Resolves once admitted (the caller must `release()` exactly once afterwards); rejects with
   * 503 BUSY when the queue is full, or with the signal's reason if it aborts while waiting.
   */
  async enter(signal?: AbortSignal, onQueued?: (position: number) => void): Promise<void> {
    if (this._active < this.limit) {
      this._active++;
      return;
    }
    if (this._waiting.length >= this.maxQueue) throw this.busyError();
    await this._wait(signal, () => onQueued?.(this._waiting.length));
  }

  /** Give the place back; the first waiter gets it. */
  release(): void {
    this._active--;
    this._waiting.shift()?.();
  }

  /**
   * Resolves with a release function once admitted. Resolves `undefined` when the queue is
   * full (nothing was taken); rejects with the signal's reason if it aborts while waiting.
   */
  async acquire(signal?: AbortSignal): Promise<(() => void) | undefined> {
    if (signal?.aborted) throw signal.reason as Error;
    if (this._active < this.limit) {
      this._active++;
      return this._releaser();
    }
    if (this._waiting.length >= this.maxQueue) return undefined;
    await this._wait(signal);
    return this._releaser();
  }

  /** Run `fn` once admitted; a full queue is a RangeError (callers check `full` first). */
  async run<T>(fn: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    const release = await this.acquire(signal);
    if (!release) throw new RangeError('Admission queue full');
    try {
      return await fn();
    } finally {
      release();
    }
  }

  /** 503 BUSY with Retry-After: the queue is full. */
  busyError(): ApiError {
    return new ApiError(
      'BUSY',
      {
        zh: `${this.what.zh}繁忙 (${this._active} 个运行, ${this._waiting.length} 个排队), 请 ${BUSY_RETRY_AFTER_S} 秒后重试`,
        en: `${this.what.en} are busy (${this._active} running, ${this._waiting.length} waiting); retry in ${BUSY_RETRY_AFTER_S} s`,
      },
      { retryAfterS: BUSY_RETRY_AFTER_S },
    );
  }

  private _wait(signal?: AbortSignal, queued?: () => void): Promise<void> {
    return new Promise((resolve, reject) => {
      const go = () => {
        signal?.removeEventListener('abort', leave);
        this._active++;
        resolve();
      };
      const leave = () => {
        const i = this._waiting.indexOf(go);
        if (i >= 0) this._waiting.splice(i, 1);
        reject(signal!.reason as Error);
      };
      signal?.addEventListener('abort', leave, { once: true });
      this._waiting.push(go);
      queued?.();
    });
  }

  private _releaser(): () => void {
    let done = false;
    return () => {
      if (done) return;
      done = true;
      this.release();
    };
  }
}
