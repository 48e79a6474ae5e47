import type { ReactiveController, ReactiveControllerHost } from 'lit';
import {
  commitLedgerImport,
  previewLedgerImport,
  type LedgerPreview,
} from '../api/register-ledger';
import type { Id } from '../api/types';

/**
 * A ledger import from the district register: upload → the server's preview (held here while
 * the dialog shows it) → confirm (commit, one transaction) or cancel. `onCommitted` runs after a
 * commit so the owner reloads the register and the choropleth.
 */
export class RegisterImportController implements ReactiveController {
  preview: LedgerPreview | null = null;
  busy = false;
  error: unknown = null;
  /** The counts of the last commit, shown until the next upload. */
  done: { communitiesUpdated: number; itemsInserted: number; itemsUpdated: number } | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly onCommitted: () => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}
  hostDisconnected(): void {}

  get open(): boolean {
    return this.preview !== null || this.busy || this.error !== null;
  }

  async upload(districtId: Id, file: File, locale: string): Promise<void> {
    this.busy = true;
    this.error = null;
    this.done = null;
    this.preview = null;
    this.host.requestUpdate();
    try {
      this.preview = await previewLedgerImport(districtId, file, locale);
    } catch (err) {
      this.error = err;
    } finally {
      this.busy = false;
      this.host.requestUpdate();
    }
  }

  async commit(districtId: Id, locale: string): Promise<void> {
    if (!this.preview) return;
    this.busy = true;
    this.error = null;
    this.host.requestUpdate();
    try {
      this.done = await commitLedgerImport(districtId, this.preview.token, locale);
      this.preview = null;
      this.onCommitted();
    } catch (err) {
      this.error = err;
    } finally {
      this.busy = false;
      this.host.requestUpdate();
    }
  }

  cancel(): void {
    this.preview = null;
    this.error = null;
    this.host.requestUpdate();
  }
}
