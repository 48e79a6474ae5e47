import type { ReactiveController, ReactiveControllerHost } from 'lit';
import {
  getHistory,
  getReview,
  reviewStep,
  type HistoryEntry,
  type ReviewAction,
  type ReviewStatus,
} from '../api/review';
import type { Id } from '../api/types';

/**
 * The review state, comments and history of the active proposal: loaded when the scenario
 * changes, reloaded after each step. The server checks every transition and role.
 */
export class ReviewController implements ReactiveController {
  status: ReviewStatus | null = null;
  history: HistoryEntry[] = [];
  error: unknown = null;
  busy = false;
  private _scenarioId: string | null = null;
  private _generation = 0;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** Follow the active scenario (null: none); reloads when it changes. */
  follow(scenarioId: Id | null): void {
    const key = scenarioId === null ? null : String(scenarioId);
    if (key === this._scenarioId) return;
    this._scenarioId = key;
    this.status = null;
    this.history = [];
    this.error = null;
    if (key !== null) void this.reload();
  }

  /** Whether the proposal is open for edits (draft or returned). */
  get editable(): boolean {
    const s = this.status?.reviewState;
    return s === undefined || s === 'draft' || s === 'returned';
  }

  async reload(): Promise<void> {
    const id = this._scenarioId;
    if (id === null) return;
    const generation = ++this._generation;
    try {
      const [status, history] = await Promise.all([getReview(id), getHistory(id)]);
      if (generation !== this._generation) return;
      this.status = status;
      this.history = history.entries;
      this.error = null;
    } catch (err) {
      if (generation === this._generation) this.error = err;
    }
    this.host.requestUpdate();
  }

  async step(
    action: ReviewAction,
    text: string,
    at: [number, number] | null,
    locale: string,
  ): Promise<boolean> {
    const id = this._scenarioId;
    if (id === null) return false;
    this.busy = true;
    this.host.requestUpdate();
    const body =
      action === 'return'
        ? { reason: text, at }
        : action === 'comment'
          ? { body: text, at }
          : text
            ? { note: text }
            : {};
    try {
      await reviewStep(id, action, body, locale);
      this.error = null;
      await this.reload();
      return true;
    } catch (err) {
      this.error = err;
      return false;
    } finally {
      this.busy = false;
      this.host.requestUpdate();
    }
  }
}
