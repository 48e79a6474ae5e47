import { css, html, LitElement, nothing } from 'lit';
import type { AreaSummary, CoverageResult, TierId } from '../../domain/coverage/types';
import { FACILITY_CATEGORIES, RULES, type FacilityCategoryId } from '../../domain/standards/rules';
import { COVERAGE_STEPS, type CoverageStatus } from '../data/coverage.controller';
import {
  facilityCategoryName,
  formatNumber,
  translate,
  type Locale,
  type MessageKey,
} from '../i18n/translate';
import {
  BEYOND_COLOR,
  DISTANCE_STOPS,
  FAIL_COLOR,
  ISOCHRONE_COLORS,
  PASS_COLOR,
  UNREACHABLE_COLOR,
} from '../map/coverage-ramp';
import { cssColor } from '../map/palette';
import { plannerStyles } from './planner-styles';

export type CoverageTier = TierId | 'all';
export type CoverageMode = 'distance' | 'pass';

const TIERS: readonly CoverageTier[] = ['all', 'min15', 'min10', 'min5'];

/** A share as a percentage with one decimal (the number the e2e test reads back). */
const percent = (share: number): number => Math.round(share * 1000) / 10;

/**
 * The 15-minute life-circle panel (GB 50180-2018): category and tier pickers, the colouring of
 * the buildings, a bar chart per category of the share of households within the category's
 * radius for the planned community and the district with the change against the baseline, the
 * community's gaps, the legend and the isochrone button. Rendering only: CoverageController
 * computes. Emits `rpm-coverage-toggle` `{ open }`, `rpm-coverage-category` `{ category }`,
 * `rpm-coverage-tier` `{ tier }`, `rpm-coverage-mode` `{ mode }` and `rpm-coverage-isochrone`
 * `{ on }`.
 */
export class RpmCoveragePanel extends LitElement {
  static override properties = {
    locale: {},
    open: { type: Boolean },
    status: { attribute: false },
    current: { attribute: false },
    baseline: { attribute: false },
    communityId: {},
    category: {},
    tier: {},
    mode: {},
    isochrones: { type: Boolean },
    canIsochrone: { type: Boolean },
    lastUpdateMs: { type: Number },
  };

  locale: Locale = 'zh-CN';
  open = false;
  status: CoverageStatus = { status: 'idle' };
  current: CoverageResult | null = null;
  baseline: CoverageResult | null = null;
  communityId: string | null = null;
  category: FacilityCategoryId = 'elderly_care';
  tier: CoverageTier = 'all';
  mode: CoverageMode = 'distance';
  isochrones = false;
  canIsochrone = false;
  lastUpdateMs = 0;

  static override styles = [
    plannerStyles,
    css`
      :host {
        display: block;
        flex: none;
        border-bottom: 1px solid var(--rpm-color-border);
      }
      h2 button {
        all: unset;
        cursor: pointer;
        display: flex;
        width: 100%;
        justify-content: space-between;
      }
      .row {
        display: flex;
        gap: 8px;
        align-items: center;
        margin-bottom: 6px;
        flex-wrap: wrap;
      }
      label {
        font-size: var(--rpm-font-size-s);
        color: var(--rpm-color-text-muted);
      }
      select {
        font: inherit;
        max-width: 100%;
      }
      .chart {
        list-style: none;
        margin: 6px 0;
        padding: 0;
      }
      .chart li {
        padding: 3px 4px;
        border-radius: var(--rpm-radius-s);
        cursor: pointer;
      }
      .chart li[data-selected] {
        background: var(--rpm-color-surface-muted);
        outline: 1px solid var(--rpm-color-border-strong);
      }
      .name {
        font-size: var(--rpm-font-size-s);
        display: flex;
        justify-content: space-between;
      }
      .bar {
        display: grid;
        grid-template-columns: 44px 1fr 92px;
        gap: 4px;
        align-items: center;
        font-size: 11px;
      }
      .track {
        height: 8px;
        background: var(--rpm-color-surface-muted);
        border-radius: 4px;
        overflow: hidden;
      }
      .fill {
        height: 100%;
        background: rgb(26 152 80);
      }
      .bar[data-area='district'] .fill {
        background: rgb(102 112 133);
      }
      .value {
        text-align: right;
        font-variant-numeric: tabular-nums;
      }
      .up {
        color: rgb(26 127 55);
      }
      .down {
        color: rgb(200 40 40);
      }
      .legend {
        font-size: 11px;
        margin: 6px 0;
      }
      .ramp {
        height: 10px;
        border-radius: 2px;
      }
      .ticks {
        display: flex;
        justify-content: space-between;
      }
      .swatch {
        display: inline-block;
        width: 10px;
        height: 10px;
        border-radius: 2px;
        margin: 0 4px 0 8px;
        vertical-align: middle;
      }
      .muted {
        color: var(--rpm-color-text-muted);
        font-size: var(--rpm-font-size-s);
      }
      .gaps {
        margin: 4px 0;
        padding-left: 18px;
        font-size: var(--rpm-font-size-s);
      }
    `,
  ];

  override render() {
    const t = (key: MessageKey, vars?: Record<string, string | number>) =>
      translate(this.locale, key, vars);
    return html`<h2>
        <button
          data-action="toggle-coverage"
          aria-expanded=${this.open ? 'true' : 'false'}
          @click=${() => this._emit('rpm-coverage-toggle', { open: !this.open })}
        >
          <span>${t('coverage.title')}</span
          ><span aria-hidden="true">${this.open ? '▾' : '▸'}</span>
        </button>
      </h2>
      ${this.open ? html`<div class="body">${this._renderBody()}</div>` : nothing}`;
  }

  private _renderBody() {
    const t = (key: MessageKey, vars?: Record<string, string | number>) =>
      translate(this.locale, key, vars);
    const s = this.status;
    if (s.status === 'error') {
      return html`<p class="muted" role="alert">
        ${t('coverage.error', { message: s.error instanceof Error ? s.error.message : String(s.error) })}
      </p>`;
    }
    if (s.status !== 'ready' || !this.current) {
      const done = s.status === 'building' ? s.done : 0;
      return html`<rpm-progress-bar
        data-coverage-progress
        .value=${done}
        .max=${COVERAGE_STEPS.length}
        .label=${t('coverage.building', { done, total: COVERAGE_STEPS.length })}
      ></rpm-progress-bar>`;
    }
    const categories = this._categories();
    const radius = FACILITY_CATEGORIES.find((c) => c.id === this.category)?.maxDistanceM ?? 0;
    const community = this._area(this.current);
    return html`
      <div class="row">
        <label
          >${t('coverage.tier')}
          <select
            data-control="tier"
            @change=${(e: Event) =>
              this._emit('rpm-coverage-tier', { tier: (e.target as HTMLSelectElement).value })}
          >
            ${TIERS.map(
              (tier) =>
                html`<option value=${tier} ?selected=${tier === this.tier}>
                  ${t(`coverage.tier.${tier}`)}
                </option>`,
            )}
          </select>
        </label>
        <label
          >${t('coverage.category')}
          <select
            data-control="category"
            @change=${(e: Event) =>
              this._emit('rpm-coverage-category', {
                category: (e.target as HTMLSelectElement).value,
              })}
          >
            ${FACILITY_CATEGORIES.map(
              (c) =>
                html`<option value=${c.id} ?selected=${c.id === this.category}>
                  ${facilityCategoryName(this.locale, c.id)}
                </option>`,
            )}
          </select>
        </label>
      </div>
      <div class="row">
        <label
          >${t('coverage.mode')}
          <select
            data-control="mode"
            @change=${(e: Event) =>
              this._emit('rpm-coverage-mode', { mode: (e.target as HTMLSelectElement).value })}
          >
            <option value="distance" ?selected=${this.mode === 'distance'}>
              ${t('coverage.mode.distance')}
            </option>
            <option value="pass" ?selected=${this.mode === 'pass'}>
              ${t('coverage.mode.pass')}
            </option>
          </select>
        </label>
        <button
          data-action="isochrone"
          ?disabled=${!this.isochrones && !this.canIsochrone}
          title=${t('coverage.isochroneHint')}
          @click=${() => this._emit('rpm-coverage-isochrone', { on: !this.isochrones })}
        >
          ◎ ${this.isochrones ? t('coverage.isochroneClear') : t('coverage.isochrone')}
        </button>
      </div>
      ${this._renderLegend(radius)}
      <p class="muted">${t('coverage.chartCaption')}</p>
      ${this._renderTierShare(community)}
      ${
        community?.dataEdge
          ? html`<p class="muted" data-data-edge title=${t('coverage.dataEdgeHint')}>
              ⚠ ${t('coverage.dataEdge')}: ${t('coverage.dataEdgeHint')}
            </p>`
          : nothing
      }
      <ul class="chart">
        ${categories.map((id) => this._renderCategory(id))}
      </ul>
      ${this._renderGaps(community)}
      <p class="muted" data-update-ms=${this.lastUpdateMs.toFixed(1)}>
        ${t('coverage.updated', { ms: formatNumber(this.locale, this.lastUpdateMs, 1) })}
      </p>
    `;
  }

  private _categories(): FacilityCategoryId[] {
    return FACILITY_CATEGORIES.filter((c) => this.tier === 'all' || c.tier === this.tier).map(
      (c) => c.id,
    );
  }

  /** The planned community's summary, or null when none is planned (or it has no buildings). */
  private _area(result: CoverageResult | null): AreaSummary | null {
    if (!result || this.communityId === null) return null;
    return result.communities.find((c) => c.communityId === this.communityId) ?? null;
  }

  private _renderTierShare(community: AreaSummary | null) {
    if (this.tier === 'all' || this.tier === 'block') return nothing;
    const area = community ?? this.current?.district;
    const summary = area?.byTier[this.tier];
    if (!summary) return nothing;
    return html`<p class="muted" data-tier-share=${percent(summary.share)}>
      ${translate(this.locale, 'coverage.tierShare', {
        tier: translate(this.locale, `coverage.tier.${this.tier}`),
        share: `${formatNumber(this.locale, percent(summary.share))} %`,
      })}
    </p>`;
  }

  private _renderCategory(id: FacilityCategoryId) {
    const bars: {
      area: 'community' | 'district';
      now: AreaSummary | null;
      was: AreaSummary | null;
    }[] = [
      { area: 'community', now: this._area(this.current), was: this._area(this.baseline) },
      {
        area: 'district',
        now: this.current?.district ?? null,
        was: this.baseline?.district ?? null,
      },
    ];
    const radius = FACILITY_CATEGORIES.find((c) => c.id === id)?.maxDistanceM ?? 0;
    return html`<li
      data-category=${id}
      ?data-selected=${id === this.category}
      @click=${() => this._emit('rpm-coverage-category', { category: id })}
    >
      <div class="name">
        <span>${facilityCategoryName(this.locale, id)}</span>
        <span class="muted">${translate(this.locale, 'coverage.radius', { radius })}</span>
      </div>
      ${bars.map(({ area, now, was }) => {
        const summary = now?.byCategory[id];
        if (!summary) return nothing;
        const share = percent(summary.share);
        const before = was?.byCategory[id];
        const delta = before ? Math.round((share - percent(before.share)) * 10) / 10 : 0;
        return html`<div class="bar" data-area=${area} data-share=${share} data-delta=${delta}>
          <span>${translate(this.locale, `coverage.${area}`)}</span>
          <div class="track"><div class="fill" style="width:${share}%"></div></div>
          <span class="value">
            <span class="share">${formatNumber(this.locale, share)} %</span>
            ${
              delta > 0
                ? html`<span class="delta up">▲${formatNumber(this.locale, delta)}</span>`
                : delta < 0
                  ? html`<span class="delta down">▼${formatNumber(this.locale, -delta)}</span>`
                  : nothing
            }
          </span>
        </div>`;
      })}
    </li>`;
  }

  private _renderGaps(community: AreaSummary | null) {
    if (!community) return nothing;
    const gaps = community.gaps.filter((g) => this._categories().includes(g.category));
    // At the data edge the misses are incomplete data, not service gaps (issue 12 §3).
    const title = community.dataEdge
      ? `${translate(this.locale, 'coverage.gaps')} (${translate(this.locale, 'coverage.dataEdge')})`
      : translate(this.locale, 'coverage.gaps');
    return html`<h3 class="muted">${title}</h3>
      ${
        gaps.length === 0
          ? html`<p class="muted">${translate(this.locale, 'coverage.noGaps')}</p>`
          : html`<ol class="gaps">
              ${gaps.slice(0, 8).map(
                (g) =>
                  html`<li data-gap=${g.category}>
                    ${facilityCategoryName(this.locale, g.category)}:
                    ${translate(this.locale, 'coverage.gap', {
                      households: formatNumber(this.locale, g.householdsUncovered, 0),
                      buildings: g.buildingsUncovered,
                    })}
                  </li>`,
              )}
            </ol>`
      }`;
  }

  private _renderLegend(radius: number) {
    const t = (key: MessageKey, vars?: Record<string, string | number>) =>
      translate(this.locale, key, vars);
    const swatch = (c: readonly [number, number, number]) =>
      html`<span class="swatch" style="background:${cssColor(c)}"></span>`;
    const maxM = DISTANCE_STOPS[DISTANCE_STOPS.length - 1]!.distanceM;
    const gradient = DISTANCE_STOPS.map(
      (s) => `${cssColor(s.color)} ${(s.distanceM / maxM) * 100}%`,
    ).join(', ');
    const iso = this.isochrones
      ? html`<div>
          ${(['min5', 'min10', 'min15'] as const).map((tier, i) => {
            // The bands are the tiers (walking-isochrones.ts): 5/10/15 分钟 = 300/500/1000 m.
            const { minutes, maxDistanceM } = RULES.lifeCircle.tiers[tier].value;
            return html`${swatch(ISOCHRONE_COLORS[i]!)}${t('coverage.isochroneBand', {
              minutes,
              distanceM: maxDistanceM,
            })}`;
          })}
        </div>`
      : nothing;
    if (this.mode === 'pass') {
      return html`<div class="legend" data-legend="pass">
        ${swatch(PASS_COLOR)}${t('coverage.legend.pass', { radius })}
        ${swatch(FAIL_COLOR)}${t('coverage.legend.fail', { radius })}
        ${swatch(UNREACHABLE_COLOR)}${t('coverage.legend.unreachable')} ${iso}
      </div>`;
    }
    return html`<div class="legend" data-legend="distance">
      <div class="ramp" style="background:linear-gradient(to right, ${gradient})"></div>
      <div class="ticks">${DISTANCE_STOPS.map((s) => html`<span>${s.distanceM} m</span>`)}</div>
      <div>
        ${swatch(BEYOND_COLOR)}&gt; ${maxM} m
        ${swatch(UNREACHABLE_COLOR)}${t('coverage.legend.unreachable')}
      </div>
      ${iso}
    </div>`;
  }

  private _emit(type: string, detail: unknown): void {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }
}

customElements.define('rpm-coverage-panel', RpmCoveragePanel);

declare global {
  interface HTMLElementTagNameMap {
    'rpm-coverage-panel': RpmCoveragePanel;
  }
}
