import { ApiError } from '../http/api-error';

/** Seconds a refused caller is told to wait (Retry-After). */
export const BUSY_RETRY_AFTER_S = 5;

/**
 * A small admission queue (issue 18, reused by the survey import, issue 11): at most `limit`
 * holders at once, at most `maxQueue` waiting in arrival order; one more is refused with
 * 503 BUSY and Retry-After. A waiter whose AbortSignal fires leaves the queue.
 * `what` names the work in the refusal ("分析任务" / "Analyses").
 */
export class Admission {
  private _active = 0;
  private readonly _waiting: (() => void)[] = [];

  constructor(
    readonly limit: number,
    readonly maxQueue: number,
    private readonly what: { zh: string; en: string },
  ) {}

  /** Holders now and waiters now. */
  get load(): { active: number; waiting: number } {
    return { active: this._active, waiting: this._waiting.length };
  }

  /** True when one more caller would be refused (for shedding before a body is read). */
  get full(): boolean {
    return this._active >= this.limit && this._waiting.length >= this.maxQueue;
  }

  /**
   * Wait for a place; `onQueued` hears the caller's position (1 = next) while it waits.
   * Resolves once admitted; the caller must `release()` exactly once afterwards.
   */
  enter(signal?: AbortSignal, onQueued?: (position: number) => void): Promise<void> {
    if (this._active < this.limit) {
      this._active++;
      return Promise.resolve();
    }
    if (this._waiting.length >= this.maxQueue) return Promise.reject(this.busyError());
    return new Promise((resolve, reject) => {
      const go = () => {
        signal?.removeEventListener('abort', leave);
        this._active++;
        resolve();
      };
      const leave = () => {
        const i = this._waiting.indexOf(go);
        if (i >= 0) this._waiting.splice(i, 1);
        reject(signal!.reason);
      };
      signal?.addEventListener('abort', leave, { once: true });
      this._waiting.push(go);
      onQueued?.(this._waiting.length);
    });
  }

  /** Give the place back; the first waiter gets it. */
  release(): void {
    this._active--;
    this._waiting.shift()?.();
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
}
