import { css, html, LitElement, nothing } from 'lit';
import type { LedgerChange, LedgerPreview, LedgerPreviewRow } from '../api/register-ledger';
import type { MessageKey } from '../i18n/zh-CN';
import { formatNumber, translate, type Locale } from '../i18n/translate';

/**
 * The preview of a ledger import (台账导入预览): the sheets read, the counts (matched, unmatched,
 * conflicts, errors, not permitted), and per row its community, status, changes old → new and
 * cell errors, with confirm and cancel. Renders only; emits `rpm-import-confirm` and
 * `rpm-import-cancel`.
 */
export class RpmRegisterImportDialog extends LitElement {
  static override properties = {
    locale: {},
    preview: { attribute: false },
    busy: { type: Boolean },
    error: {},
  };

  locale: Locale = 'zh-CN';
  preview: LedgerPreview | null = null;
  busy = false;
  error = '';

  static override styles = css`
    :host {
      position: fixed;
      inset: 0;
      z-index: 50;
      display: flex;
      align-items: center;
      justify-content: center;
      background: rgb(17 24 39 / 0.45);
      font-size: var(--rpm-font-size-s, 12px);
    }
    .dialog {
      background: var(--rpm-color-surface, #fff);
      border-radius: 6px;
      box-shadow: 0 10px 30px rgb(0 0 0 / 0.25);
      width: min(1100px, 94vw);
      max-height: 88vh;
      display: flex;
      flex-direction: column;
    }
    header,
    footer {
      padding: 10px 14px;
      display: flex;
      gap: 8px;
      align-items: center;
      flex-wrap: wrap;
    }
    header {
      border-bottom: 1px solid var(--rpm-color-border, #e5e7eb);
    }
    footer {
      border-top: 1px solid var(--rpm-color-border, #e5e7eb);
      justify-content: flex-end;
    }
    h2 {
      font-size: 15px;
      margin: 0 12px 0 0;
    }
    .chip {
      padding: 2px 8px;
      border-radius: 10px;
      background: #f3f4f6;
    }
    .chip[data-kind='matched'] {
      background: #dcfce7;
    }
    .chip[data-kind='unmatched'] {
      background: #fef9c3;
    }
    .chip[data-kind='conflicts'],
    .chip[data-kind='invalid'] {
      background: #fee2e2;
    }
    .meta {
      padding: 6px 14px;
      color: var(--rpm-color-muted, #4b5563);
    }
    .meta div {
      margin: 2px 0;
    }
    .scroll {
      overflow: auto;
      flex: 1;
      min-height: 120px;
      border-top: 1px solid var(--rpm-color-border, #e5e7eb);
    }
    table {
      border-collapse: collapse;
      width: 100%;
    }
    th,
    td {
      padding: 4px 8px;
      border-bottom: 1px solid #eef0f3;
      text-align: left;
      vertical-align: top;
    }
    th {
      position: sticky;
      top: 0;
      background: #f3f4f6;
    }
    tr[data-status='unmatched'] td {
      background: #fefce8;
    }
    tr[data-status='invalid'] td,
    tr[data-status='duplicate'] td {
      background: #fef2f2;
    }
    tr[data-status='forbidden'] td {
      color: #6b7280;
    }
    .conflict {
      color: #b91c1c;
      font-weight: 600;
    }
    .old {
      color: #6b7280;
      text-decoration: line-through;
    }
    .error {
      color: #b91c1c;
    }
    .muted {
      color: var(--rpm-color-muted, #6b7280);
    }
    .apply {
      margin-right: auto;
    }
    button {
      font: inherit;
      padding: 4px 12px;
    }
    button.primary {
      background: #2563eb;
      color: #fff;
      border: 1px solid #1d4ed8;
      border-radius: 4px;
    }
    button.primary:disabled {
      opacity: 0.5;
    }
  `;

  private _t(key: MessageKey, vars?: Record<string, string | number>): string {
    return translate(this.locale, key, vars);
  }

  private _text(m: { zh: string; en: string }): string {
    return this.locale === 'en' ? m.en : m.zh;
  }

  private _value(c: LedgerChange, v: string | number | null): string {
    if (v === null) return '—';
    // Years and codes are not quantities: no thousands separators.
    if (c.field === 'builtYear' || typeof v === 'string') return this._word(c, v);
    return formatNumber(this.locale, v, 2);
  }

  private _word(c: LedgerChange, v: string | number): string {
    if (typeof v === 'number') return String(v);
    if (c.field === 'stage' || c.field === 'phase') return this._t(`stage.${v}` as MessageKey);
    if (c.field === 'category') return this._t(`register.category.${v}` as MessageKey);
    return v;
  }

  private _changes(r: LedgerPreviewRow) {
    if (r.status === 'unmatched') return nothing;
    if (r.changes.length === 0)
      return html`<span class="muted">${this._t('ledgerImport.unchanged')}</span>`;
    return html`${r.action === 'insert' ? html`<div>${this._t('ledgerImport.action.insert')}</div>` : nothing}
    ${r.changes.map(
      (c) =>
        html`<div data-field=${c.field} class=${c.conflict ? 'conflict' : ''}>
          ${this._t(`ledgerImport.field.${c.field}` as MessageKey)}:
          ${
            r.action === 'insert'
              ? nothing
              : html`<span class="old">${this._value(c, c.old)}</span>${
                    c.oldEstimated ? html` (${this._t('ledgerImport.estimated')})` : nothing
                  }
                  →`
          }
          <span class="new">${this._value(c, c.new)}</span>
        </div>`,
    )}`;
  }

  override render() {
    const p = this.preview;
    const s = p?.summary;
    const canApply = !!s && s.changedRows > 0 && !this.busy;
    return html`<div
      class="dialog"
      role="dialog"
      aria-modal="true"
      aria-label=${this._t('ledgerImport.title')}
    >
      <header>
        <h2>${this._t('ledgerImport.title')}${p?.fileName ? html` · ${p.fileName}` : nothing}</h2>
        ${
          s
            ? html`<span class="chip" data-kind="matched"
                  >${this._t('ledgerImport.summary.matched', { n: s.matched })}</span
                >
                <span class="chip" data-kind="unmatched"
                  >${this._t('ledgerImport.summary.unmatched', { n: s.unmatched })}</span
                >
                <span class="chip" data-kind="conflicts"
                  >${this._t('ledgerImport.summary.conflicts', { n: s.conflicts + s.duplicate })}</span
                >
                <span class="chip" data-kind="invalid"
                  >${this._t('ledgerImport.summary.invalid', { n: s.invalid })}</span
                >
                ${
                  s.forbidden
                    ? html`<span class="chip" data-kind="forbidden"
                        >${this._t('ledgerImport.summary.forbidden', { n: s.forbidden })}</span
                      >`
                    : nothing
                }`
            : nothing
        }
      </header>
      ${
        p
          ? html`<div class="meta">
                ${p.sheets.map(
                  (sh) =>
                    html`<div>
                      ${this._t('ledgerImport.sheet', {
                        name: sh.name,
                        kind: this._t(`ledgerImport.kind.${sh.kind}`),
                        row: sh.headerRow,
                        n: sh.dataRows,
                      })}
                    </div>`,
                )}
                ${p.ignoredSheets.map(
                  (sh) =>
                    html`<div>
                      ${this._t('ledgerImport.ignoredSheet', { name: sh.name, reason: this._text(sh.reason) })}
                    </div>`,
                )}
              </div>
              <div class="scroll">
                <table>
                  <thead>
                    <tr>
                      <th>${this._t('ledgerImport.col.row')}</th>
                      <th>${this._t('ledgerImport.col.label')}</th>
                      <th>${this._t('ledgerImport.col.match')}</th>
                      <th>${this._t('ledgerImport.col.status')}</th>
                      <th>${this._t('ledgerImport.col.changes')}</th>
                      <th>${this._t('ledgerImport.col.notes')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    ${p.rows.map(
                      (r) =>
                        html`<tr data-status=${r.status} data-sheet=${r.sheet} data-row=${r.row}>
                          <td>${r.sheet} ${r.row}</td>
                          <td>
                            ${r.label}${r.itemName ? html`<div>${r.itemName}</div>` : nothing}
                          </td>
                          <td>
                            ${r.communityName ?? '—'}
                            ${r.matchedBy ? html`<div class="muted">${this._t(`ledgerImport.by.${r.matchedBy}`)}</div>` : nothing}
                          </td>
                          <td>${this._t(`ledgerImport.status.${r.status}`)}</td>
                          <td>${this._changes(r)}</td>
                          <td>
                            ${r.errors.map((e) => html`<div class="error" data-cell=${e.cell}>${this._text(e.message)}</div>`)}
                            ${r.notes.map((n) => html`<div>${this._text(n)}</div>`)}
                          </td>
                        </tr>`,
                    )}
                  </tbody>
                </table>
              </div>`
          : html`<div class="meta">${this.busy ? this._t('ledgerImport.reading') : nothing}</div>`
      }
      <footer>
        ${this.error ? html`<span class="apply error" role="alert">${this.error}</span>` : nothing}
        ${
          s && !this.error
            ? html`<span class="apply" data-summary>
                ${
                  s.changedRows
                    ? this._t('ledgerImport.summary.apply', {
                        communities: s.communitiesUpdated,
                        inserted: s.itemsInserted,
                        updated: s.itemsUpdated,
                        changes: s.changes,
                        conflicts: s.conflicts,
                      })
                    : this._t('ledgerImport.nothing')
                }
              </span>`
            : nothing
        }
        <button
          type="button"
          data-action="import-cancel"
          @click=${() => this._emit('rpm-import-cancel')}
        >
          ${this._t(p ? 'ledgerImport.cancel' : 'ledgerImport.close')}
        </button>
        ${
          p
            ? html`<button
                type="button"
                class="primary"
                data-action="import-confirm"
                ?disabled=${!canApply}
                @click=${() => this._emit('rpm-import-confirm')}
              >
                ${this._t('ledgerImport.confirm')}
              </button>`
            : nothing
        }
      </footer>
    </div>`;
  }

  private _emit(name: string): void {
    this.dispatchEvent(new CustomEvent(name, { bubbles: true, composed: true }));
  }
}

customElements.define('rpm-register-import-dialog', RpmRegisterImportDialog);

declare global {
  interface HTMLElementTagNameMap {
    'rpm-register-import-dialog': RpmRegisterImportDialog;
  }
}
