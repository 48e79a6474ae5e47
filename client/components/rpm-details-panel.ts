import { css, html, LitElement } from 'lit';
import type { PickedFeature } from '../data/district-data';
import { describeFeature } from '../format/describe-feature';
import { translate, type Locale, type MessageKey } from '../i18n/translate';

/**
 * Every property of the hovered or pinned (clicked) feature, with localised labels and units.
 * Emits `rpm-details-clear` when the user unpins.
 */
export class RpmDetailsPanel extends LitElement {
  static override properties = {
    locale: {},
    feature: { attribute: false },
    pinned: { type: Boolean },
  };

  locale: Locale = 'zh-CN';
  feature: PickedFeature | null = null;
  pinned = false;

  static override styles = css`
    :host {
      display: flex;
      flex-direction: column;
      min-height: 0;
    }
    h2 {
      margin: 0;
      padding: var(--rpm-space-3) var(--rpm-space-4);
      font-size: var(--rpm-font-size-l);
      font-weight: 600;
      border-bottom: 1px solid var(--rpm-color-border);
      display: flex;
      align-items: center;
      justify-content: space-between;
    }
    .mode {
      font-size: 11px;
      font-weight: 500;
      padding: 1px 8px;
      border-radius: 999px;
      background: var(--rpm-color-surface-muted);
      color: var(--rpm-color-text-muted);
      border: 1px solid var(--rpm-color-border);
    }
    .mode[data-pinned] {
      background: var(--rpm-color-brand-soft);
      color: var(--rpm-color-brand);
      border-color: #b8cbe0;
    }
    .body {
      overflow-y: auto;
      padding: var(--rpm-space-3) var(--rpm-space-4) var(--rpm-space-4);
    }
    .empty {
      color: var(--rpm-color-text-faint);
      line-height: 1.6;
    }
    .title {
      font-size: 16px;
      font-weight: 600;
      margin: 0;
      word-break: break-word;
    }
    .subtitle {
      color: var(--rpm-color-text-muted);
      font-size: var(--rpm-font-size-s);
      margin: 2px 0 var(--rpm-space-3);
    }
    dl {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 5px var(--rpm-space-3);
      margin: 0;
    }
    dt {
      color: var(--rpm-color-text-muted);
    }
    dd {
      margin: 0;
      font-variant-numeric: tabular-nums;
      word-break: break-all;
    }
    .est {
      margin-left: 6px;
      font-size: 11px;
      padding: 0 5px;
      border-radius: 3px;
      background: #fff7e6;
      color: #a15c00;
      border: 1px solid #f5d9a8;
    }
    h3 {
      margin: var(--rpm-space-4) 0 var(--rpm-space-2);
      font-size: var(--rpm-font-size-s);
      font-weight: 600;
      color: var(--rpm-color-text-muted);
      text-transform: uppercase;
      letter-spacing: 0.04em;
    }
    .tags dt,
    .tags dd {
      font-family: var(--rpm-font-mono);
      font-size: 11.5px;
    }
    button {
      font: inherit;
      font-size: var(--rpm-font-size-s);
      margin-top: var(--rpm-space-4);
      padding: 4px 12px;
      border: 1px solid var(--rpm-color-border-strong);
      border-radius: var(--rpm-radius-s);
      background: var(--rpm-color-surface);
      cursor: pointer;
    }
    button:hover {
      background: var(--rpm-color-surface-muted);
    }
  `;

  override render() {
    const t = (key: MessageKey) => translate(this.locale, key);
    const feature = this.feature;
    return html`
      <h2>
        ${t('details.title')}
        ${
          feature
            ? html`<span class="mode" ?data-pinned=${this.pinned}
                >${t(this.pinned ? 'details.pinned' : 'details.hover')}</span
              >`
            : ''
        }
      </h2>
      <div class="body">
        ${feature ? this._renderFeature(feature) : html`<p class="empty">${t('details.empty')}</p>`}
      </div>
    `;
  }

  private _renderFeature(feature: PickedFeature) {
    const d = describeFeature(this.locale, feature);
    const t = (key: MessageKey) => translate(this.locale, key);
    return html`
      <p class="title">${d.title}</p>
      <p class="subtitle">${d.subtitle}</p>
      <dl>
        ${d.rows.map(
          (row) =>
            html`<dt>${row.label}</dt>
              <dd>
                ${row.value}${row.estimated ? html`<span class="est">${t('value.estimated')}</span>` : ''}
              </dd>`,
        )}
      </dl>
      ${
        d.tags.length > 0
          ? html`<h3>${t('details.osmTags')}</h3>
              <dl class="tags">
                ${d.tags.map(
                  ([k, v]) =>
                    html`<dt>${k}</dt>
                      <dd>${v}</dd>`,
                )}
              </dl>`
          : ''
      }
      ${
        this.pinned
          ? html`<button type="button" @click=${this._clear}>${t('details.clear')}</button>`
          : ''
      }
    `;
  }

  private _clear(): void {
    this.dispatchEvent(new CustomEvent('rpm-details-clear', { bubbles: true, composed: true }));
  }
}

customElements.define('rpm-details-panel', RpmDetailsPanel);

declare global {
  interface HTMLElementTagNameMap {
    'rpm-details-panel': RpmDetailsPanel;
  }
}
