import { css, html, LitElement, nothing } from 'lit';
import type { ApiFeature } from '../api/types';
import type { EditConflict } from '../data/planner-state';
import { translate, type Locale, type MessageKey } from '../i18n/translate';
import { plannerStyles } from './planner-styles';

const FIELDS = ['name', 'category', 'widthM', 'levels', 'capacity', 'version'] as const;

/**
 * A save that lost to someone else's (409): both versions side by side, and the choice to
 * re-apply the user's edit over the stored version or take the stored one. Emits
 * `rpm-conflict-resolve` `{ choice: 'mine' | 'theirs' }`.
 */
export class RpmConflictNotice extends LitElement {
  static override properties = {
    locale: {},
    conflict: { attribute: false },
  };

  locale: Locale = 'zh-CN';
  conflict: EditConflict | null = null;

  static override styles = [
    plannerStyles,
    css`
      :host {
        background: #fffaeb;
        border: 1px solid #f5c26b;
        border-radius: var(--rpm-radius-m);
        box-shadow: var(--rpm-shadow-m);
      }
      h2 {
        font-size: var(--rpm-font-size-m);
        color: #93370d;
        border-color: #f5c26b;
      }
      table {
        border-collapse: collapse;
        width: 100%;
        margin: 6px 0;
        font-size: var(--rpm-font-size-s);
      }
      th,
      td {
        text-align: left;
        padding: 2px 6px;
        border-bottom: 1px solid #f3e3c0;
      }
      td.diff {
        font-weight: 700;
      }
      .buttons {
        display: flex;
        gap: 6px;
        justify-content: flex-end;
      }
    `,
  ];

  override render() {
    const c = this.conflict;
    if (!c) return nothing;
    const t = (k: MessageKey, v?: Record<string, string | number>) => translate(this.locale, k, v);
    const mine = c.mineFeature;
    const theirs = c.theirs;
    const cell = (f: ApiFeature | null, field: (typeof FIELDS)[number]) => {
      const v = f?.properties[field];
      return v == null || v === '' ? t('value.none') : String(v);
    };
    return html`
      <h2 role="alert">${t('conflict.title')}</h2>
      <div class="body">
        <div class="muted">
          ${
            theirs
              ? t('conflict.body', { version: theirs.properties.version ?? '?' })
              : t('conflict.deletedBody')
          }
        </div>
        <table>
          <tr>
            <th></th>
            <th>${t('conflict.mine')}</th>
            <th>${t('conflict.theirs')}</th>
          </tr>
          ${FIELDS.map((field) => {
            const a =
              c.mine === null && field !== 'version' ? t('conflict.deleteMine') : cell(mine, field);
            const b = cell(theirs, field);
            return html`<tr>
              <th>${t(`field.${field}`)}</th>
              <td class=${a !== b && field !== 'version' ? 'diff' : ''}>${a}</td>
              <td>${b}</td>
            </tr>`;
          })}
        </table>
        <div class="buttons">
          <button data-action="take-theirs" @click=${() => this._resolve('theirs')}>
            ${t('conflict.takeTheirs')}
          </button>
          <button class="primary" data-action="reapply" @click=${() => this._resolve('mine')}>
            ${t('conflict.reapply')}
          </button>
        </div>
      </div>
    `;
  }

  private _resolve(choice: 'mine' | 'theirs'): void {
    this.dispatchEvent(
      new CustomEvent('rpm-conflict-resolve', {
        detail: { choice },
        bubbles: true,
        composed: true,
      }),
    );
  }
}

customElements.define('rpm-conflict-notice', RpmConflictNotice);

declare global {
  interface HTMLElementTagNameMap {
    'rpm-conflict-notice': RpmConflictNotice;
  }
}
