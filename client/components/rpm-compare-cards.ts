import { css, html, LitElement, nothing } from 'lit';
import type { ScenarioIndicators } from '../api/story-types';
import { formatNumber, translate, type Locale, type MessageKey } from '../i18n/translate';

interface Card {
  label: MessageKey;
  before: string;
  after: string;
  /** +1 better, −1 worse, 0 same. */
  trend: number;
}

const pct = (locale: Locale, x: number | null): string =>
  x === null ? '–' : `${formatNumber(locale, x * 100, 0)}%`;

/**
 * Before/after indicator cards of a comparison: car stalls (and the net change), fire-lane
 * violations and 15-minute life-circle coverage, each with the baseline's and the proposal's
 * value from GET /api/scenarios/:id/indicators (the shared domain engines, on the stored
 * scenario).
 */
export class RpmCompareCards extends LitElement {
  static override properties = {
    locale: {},
    indicators: { attribute: false },
  };

  locale: Locale = 'zh-CN';
  indicators: ScenarioIndicators | null = null;

  static override styles = css`
    :host {
      display: grid;
      grid-template-columns: repeat(3, minmax(110px, 1fr));
      gap: 6px;
      background: rgb(255 255 255 / 0.95);
      border: 1px solid var(--rpm-color-border);
      border-radius: var(--rpm-radius-m);
      box-shadow: var(--rpm-shadow-m);
      padding: 6px 8px;
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
    .values {
      font-size: 18px;
      font-weight: 700;
      font-variant-numeric: tabular-nums;
      white-space: nowrap;
    }
    .before {
      color: var(--rpm-color-text-muted);
      font-weight: 500;
    }
    .better {
      color: rgb(46 125 50);
    }
    .worse {
      color: var(--rpm-color-danger);
    }
    .loading {
      grid-column: 1 / -1;
      color: var(--rpm-color-text-muted);
      font-size: var(--rpm-font-size-s);
    }
  `;

  override render() {
    const i = this.indicators;
    if (!i) return html`<div class="loading">${translate(this.locale, 'compare.loading')}</div>`;
    const l = this.locale;
    const cov = i.coverage;
    const cards: Card[] = [
      {
        label: 'compare.parking',
        before: formatNumber(l, i.parking.existing, 0),
        after: `${formatNumber(l, i.parking.proposed, 0)} (${i.parking.net > 0 ? '+' : ''}${i.parking.net})`,
        trend: Math.sign(i.parking.net),
      },
      {
        label: 'compare.violations',
        before: String(i.fireLanes.baseline.errors),
        after: String(i.fireLanes.proposal.errors),
        trend: Math.sign(i.fireLanes.baseline.errors - i.fireLanes.proposal.errors),
      },
      {
        label: 'compare.coverage',
        before: pct(l, cov.baseline.min15Share),
        after: pct(l, cov.proposal.min15Share),
        trend: Math.sign((cov.proposal.min15Share ?? 0) - (cov.baseline.min15Share ?? 0)),
      },
    ];
    return html`${cards.map(
      (c) =>
        html`<div class="card" data-card=${c.label}>
          <div class="label">${translate(l, c.label)}</div>
          <div class="values">
            <span class="before">${c.before}</span> →
            <span class=${c.trend > 0 ? 'better' : c.trend < 0 ? 'worse' : ''}>${c.after}</span>
          </div>
        </div>`,
    )}
    ${nothing}`;
  }
}

customElements.define('rpm-compare-cards', RpmCompareCards);

declare global {
  interface HTMLElementTagNameMap {
    'rpm-compare-cards': RpmCompareCards;
  }
}
