import { css, html, LitElement, nothing } from 'lit';
import type { ExistingSource, ParkingLedger } from '../../domain/metrics/types';
import { formatNumber, translate, type Locale, type MessageKey } from '../i18n/translate';

type Metric = 'existing' | 'removed' | 'added' | 'net';

const SOURCES: readonly ExistingSource[] = [
  'mapped',
  'capacity',
  'area_estimate',
  'kerb_estimate',
  'survey',
];

/**
 * The parking ledger as indicator cards: 现状 / 拆除 / 新增 / 净增, with ▲/▼ against the
 * baseline. Updates live while the planner draws (the ledger includes the preview).
 */
export class RpmLedgerCards extends LitElement {
  static override properties = {
    locale: {},
    ledger: { attribute: false },
  };

  locale: Locale = 'zh-CN';
  ledger: ParkingLedger | null = null;

  static override styles = css`
    :host {
      display: block;
      background: rgb(255 255 255 / 0.95);
      border: 1px solid var(--rpm-color-border);
      border-radius: var(--rpm-radius-m);
      box-shadow: var(--rpm-shadow-m);
      padding: 6px 8px 8px;
    }
    .title {
      font-size: var(--rpm-font-size-s);
      font-weight: 600;
      color: var(--rpm-color-text-muted);
      margin-bottom: 4px;
      display: flex;
      justify-content: space-between;
      gap: 12px;
    }
    .cards {
      display: grid;
      grid-template-columns: repeat(4, minmax(64px, 1fr));
      gap: 6px;
    }
    .card {
      border: 1px solid var(--rpm-color-border);
      border-radius: var(--rpm-radius-s);
      padding: 4px 8px;
      text-align: center;
    }
    .label {
      font-size: var(--rpm-font-size-s);
      color: var(--rpm-color-text-muted);
    }
    .value {
      font-size: 20px;
      font-weight: 700;
      font-variant-numeric: tabular-nums;
    }
    .up {
      color: rgb(46 125 50);
    }
    .down {
      color: var(--rpm-color-danger);
    }
    .badge {
      font-size: 11px;
      font-weight: 600;
      color: rgb(158 105 0);
      border: 1px solid rgb(230 180 60);
      border-radius: 3px;
      padding: 0 3px;
      margin-left: 3px;
      vertical-align: super;
    }
    .sources,
    .cleared {
      margin-top: 4px;
      font-size: var(--rpm-font-size-s);
      color: var(--rpm-color-text-muted);
    }
    .sources .estimate {
      color: rgb(158 105 0);
    }
    .warn {
      margin-top: 4px;
      font-size: var(--rpm-font-size-s);
      color: var(--rpm-color-danger);
    }
  `;

  override render() {
    const l = this.ledger;
    if (!l) return nothing;
    const t = (k: MessageKey, v?: Record<string, string | number>) => translate(this.locale, k, v);
    const n = (x: number) => formatNumber(this.locale, x, 0);
    // Estimates (area / kerb length) are flagged on the 现状 card: a survey count replaces them.
    const estimated = l.existingEstimated ?? 0;
    const badge = (metric: Metric) =>
      metric === 'existing' && estimated > 0
        ? html`<span
            class="badge"
            data-estimated=${estimated}
            title=${t('ledger.estimatedTitle', { n: n(estimated) })}
            >${t('ledger.estimatedBadge')}</span
          >`
        : nothing;
    const card = (metric: Metric, value: number, arrow: '▲' | '▼' | '', tone: string) =>
      html`<div class="card" data-metric=${metric}>
        <div class="label">${t(`ledger.${metric}`)}</div>
        <div class="value ${tone}">
          ${arrow ? html`<span aria-hidden="true">${arrow}</span>` : nothing}<span class="number"
            >${n(value)}</span
          >${badge(metric)}
        </div>
      </div>`;
    const bySource = l.existingBySource;
    const sources = bySource ? SOURCES.filter((s) => bySource[s] > 0) : [];
    const netArrow = l.net > 0 ? '▲' : l.net < 0 ? '▼' : '';
    return html`
      <div class="title">
        <span>${t('ledger.title')}</span>
        <span data-metric="proposed">${t('ledger.proposed', { n: n(l.proposed) })}</span>
      </div>
      <div class="cards">
        ${card('existing', l.existing, '', '')}
        ${card('removed', l.removed, l.removed > 0 ? '▼' : '', l.removed > 0 ? 'down' : '')}
        ${card('added', l.added, l.added > 0 ? '▲' : '', l.added > 0 ? 'up' : '')}
        ${card('net', Math.abs(l.net), netArrow, l.net > 0 ? 'up' : l.net < 0 ? 'down' : '')}
      </div>
      ${
        sources.length > 0
          ? html`<div class="sources" data-existing-sources>
              ${t('ledger.sources')}:
              ${sources.map(
                (s, i) =>
                  html`${i > 0 ? ' · ' : ''}<span
                      class=${s.endsWith('_estimate') ? 'estimate' : ''}
                      data-source=${s}
                      >${t(`ledger.source.${s}`)} ${n(bySource![s])}</span
                    >`,
              )}
            </div>`
          : nothing
      }
      ${
        (l.clearedForFireLanes ?? 0) > 0
          ? html`<div class="cleared" data-cleared=${l.clearedForFireLanes}>
              ${t('ledger.cleared', { n: n(l.clearedForFireLanes) })}
            </div>`
          : nothing
      }
      ${
        l.intruding.length > 0
          ? html`<div class="warn" role="alert">
              ${t('ledger.intruding', { n: l.intruding.length })}
            </div>`
          : nothing
      }
    `;
  }
}

customElements.define('rpm-ledger-cards', RpmLedgerCards);

declare global {
  interface HTMLElementTagNameMap {
    'rpm-ledger-cards': RpmLedgerCards;
  }
}
