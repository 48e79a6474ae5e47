import { css, html, LitElement, nothing } from 'lit';
import {
  FIRE_LANE_RULE_IDS,
  type FireLaneResult,
  type FireLaneViolation,
} from '../../domain/fire-lanes/types';
import type { InputError } from '../../domain/geo/input-error';
import type { ApiFeature, Id } from '../api/types';
import { LANE_WIDTHS_M } from '../data/compliance.controller';
import { formatMeasure, ruleName } from '../format/describe-violation';
import { formatNumber, translate, type Locale } from '../i18n/translate';
import { plannerStyles } from './planner-styles';

/** At most this many findings are listed; the report has them all. */
const MAX_LISTED = 60;

/**
 * The live fire-lane check of the active scenario: totals, counts by rule (localised), the
 * findings (click flies the map there), lane width buttons, "mark road as fire lane", the
 * one-click removal of stalls in a lane's clear width, and the printable report link.
 *
 * Emits `rpm-violation-focus` `{ violation }`, `rpm-lane-width` `{ widthM }` (for lanes drawn
 * next), `rpm-lane-set-width` `{ id, widthM }` (the selected lane), `rpm-road-mark` `{ road }`
 * and `rpm-remove-blocking` `{ laneId }` (laneId null: every lane).
 */
export class RpmCompliancePanel extends LitElement {
  static override properties = {
    locale: {},
    result: { attribute: false },
    error: { attribute: false },
    picked: { attribute: false },
    laneWidthM: { type: Number },
    selectedLane: { attribute: false },
    selectedRoad: { attribute: false },
    blockingAll: { type: Number },
    blockingSelected: { type: Number },
    editable: { type: Boolean },
    scenarioId: {},
    laneCount: { type: Number },
  };

  locale: Locale = 'zh-CN';
  result: FireLaneResult | null = null;
  error: InputError | null = null;
  picked: FireLaneViolation | null = null;
  laneWidthM = 4;
  /** The selected fire lane of the active scenario, if any. */
  selectedLane: ApiFeature | null = null;
  /** The selected road (any scenario), if any: it can be marked as a fire lane. */
  selectedRoad: ApiFeature | null = null;
  /** Stalls in the clear width of every lane, and of the selected lane. */
  blockingAll = 0;
  blockingSelected = 0;
  editable = false;
  scenarioId: Id | null = null;
  /** Lanes checked (drawn, marked, being drawn): none yet shows how to add one. */
  laneCount = 0;

  static override styles = [
    plannerStyles,
    css`
      .summary {
        display: grid;
        grid-template-columns: repeat(3, 1fr);
        gap: 6px;
        margin-bottom: var(--rpm-space-2);
      }
      .summary div {
        border: 1px solid var(--rpm-color-border);
        border-radius: var(--rpm-radius-s);
        padding: 4px 6px;
        text-align: center;
      }
      .summary .n {
        display: block;
        font-size: var(--rpm-font-size-l);
        font-weight: 600;
      }
      [data-summary='errors'] .n {
        color: rgb(214 40 40);
      }
      [data-summary='warnings'] .n {
        color: rgb(200 110 0);
      }
      ul {
        list-style: none;
        margin: 0 0 var(--rpm-space-2);
        padding: 0;
        font-size: var(--rpm-font-size-s);
      }
      .rules li {
        display: flex;
        justify-content: space-between;
        padding: 1px 0;
      }
      .rules li[data-count='0'] {
        color: var(--rpm-color-text-muted);
      }
      .findings li button {
        width: 100%;
        text-align: left;
        border: none;
        border-left: 3px solid rgb(214 40 40);
        border-radius: 0;
        padding: 2px 6px;
        margin-bottom: 2px;
        font-size: var(--rpm-font-size-s);
      }
      .findings li[data-severity='warning'] button {
        border-left-color: rgb(240 140 0);
      }
      .findings li[data-picked] button {
        background: var(--rpm-color-brand-soft);
      }
      .row {
        display: flex;
        flex-wrap: wrap;
        gap: 6px;
        align-items: center;
        margin-bottom: var(--rpm-space-2);
      }
      button[aria-pressed='true'] {
        background: var(--rpm-color-brand-soft);
        border-color: var(--rpm-color-brand);
      }
      .picked {
        border: 1px solid var(--rpm-color-border);
        border-radius: var(--rpm-radius-s);
        padding: 4px 8px;
        margin-bottom: var(--rpm-space-2);
        font-size: var(--rpm-font-size-s);
      }
      h3 {
        margin: var(--rpm-space-2) 0 4px;
        font-size: var(--rpm-font-size-s);
        color: var(--rpm-color-text-muted);
      }
      a.print {
        font-size: var(--rpm-font-size-s);
      }
    `,
  ];

  override render() {
    const t = (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>) =>
      translate(this.locale, key, vars);
    const r = this.result;
    const lang = this.locale === 'en' ? 'en' : 'zh';
    return html`<h2>${t('compliance.title')}</h2>
      <div class="body">
        ${this._renderWidths()}
        ${
          this.error
            ? html`<p class="muted" data-error>
                ${t('compliance.inputError', {
                  message: this.locale === 'en' ? this.error.en : this.error.zh,
                })}
              </p>`
            : nothing
        }
        ${
          this.laneCount === 0
            ? html`<p class="muted" data-no-lanes>${t('compliance.noLanes')}</p>`
            : nothing
        }
        ${r ? this._renderResult(r) : nothing}
        ${
          this.scenarioId !== null
            ? html`<a
                class="print"
                data-action="print-report"
                target="_blank"
                rel="noopener"
                href=${`/report/scenarios/${encodeURIComponent(String(this.scenarioId))}/compliance?lang=${lang}`}
                >${t('compliance.print')}</a
              >`
            : nothing
        }
      </div>`;
  }

  private _renderWidths() {
    const t = (key: Parameters<typeof translate>[1]) => translate(this.locale, key);
    const m = (w: number) => formatNumber(this.locale, w, 1);
    const lane = this.selectedLane;
    const road = this.selectedRoad;
    return html`
      <div class="row" data-widths>
        <span class="muted">${t('compliance.laneWidth')}</span>
        ${LANE_WIDTHS_M.map(
          (w) =>
            html`<button
              data-lane-width=${w}
              aria-pressed=${String(this.laneWidthM === w)}
              @click=${() => this._emit('rpm-lane-width', { widthM: w })}
            >
              ${m(w)} m
            </button>`,
        )}
      </div>
      ${
        lane && this.editable
          ? html`<div class="row" data-selected-lane>
                <span class="muted">${t('compliance.setWidth')}</span>
                ${LANE_WIDTHS_M.map(
                  (w) =>
                    html`<button
                      data-set-width=${w}
                      aria-pressed=${String((lane.properties.widthM ?? 4) === w)}
                      @click=${() =>
                        this._emit('rpm-lane-set-width', { id: lane.properties.id, widthM: w })}
                    >
                      ${m(w)} m
                    </button>`,
                )}
              </div>
              ${
                this.blockingSelected > 0
                  ? html`<div class="row">
                      <button
                        class="danger"
                        data-action="remove-blocking-lane"
                        @click=${() => this._emit('rpm-remove-blocking', { laneId: lane.properties.id })}
                      >
                        ${translate(this.locale, 'compliance.removeBlocking', {
                          n: this.blockingSelected,
                        })}
                      </button>
                    </div>`
                  : nothing
              }`
          : nothing
      }
      ${
        road && this.editable
          ? html`<div class="row">
              <button
                data-action="mark-fire-lane"
                @click=${() => this._emit('rpm-road-mark', { road })}
              >
                ${t('compliance.markRoad')}
              </button>
            </div>`
          : nothing
      }
    `;
  }

  private _renderResult(r: FireLaneResult) {
    const t = (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>) =>
      translate(this.locale, key, vars);
    const s = r.summary;
    const listed = r.violations.features.slice(0, MAX_LISTED);
    const picked = this.picked;
    return html`
      <div class="summary">
        <div data-summary="total" data-count=${s.total}>
          <span class="n">${s.total}</span>${t('compliance.total')}
        </div>
        <div data-summary="errors" data-count=${s.errors}>
          <span class="n">${s.errors}</span>${t('compliance.errors')}
        </div>
        <div data-summary="warnings" data-count=${s.warnings}>
          <span class="n">${s.warnings}</span>${t('compliance.warnings')}
        </div>
      </div>
      ${picked ? this._renderPicked(picked) : nothing}
      ${
        this.blockingAll > 0 && this.editable
          ? html`<div class="row">
              <button
                class="danger"
                data-action="remove-blocking-all"
                @click=${() => this._emit('rpm-remove-blocking', { laneId: null })}
              >
                ${t('compliance.removeAllBlocking', { n: this.blockingAll })}
              </button>
            </div>`
          : nothing
      }
      <ul class="rules">
        ${FIRE_LANE_RULE_IDS.map(
          (id) =>
            html`<li data-rule=${id} data-count=${s.byRule[id]}>
              <span>${ruleName(this.locale, id)}</span><span>${s.byRule[id]}</span>
            </li>`,
        )}
      </ul>
      ${
        s.total === 0
          ? html`<p class="muted">${t('compliance.none')}</p>`
          : html`<h3>${t('compliance.findings')}</h3>
              <ul class="findings">
                ${listed.map(
                  (v) =>
                    html`<li
                      data-rule=${v.properties.ruleId}
                      data-severity=${v.properties.severity}
                      ?data-picked=${picked !== null && picked.id === v.id}
                    >
                      <button
                        title=${v.properties.clause}
                        @click=${() => this._emit('rpm-violation-focus', { violation: v })}
                      >
                        ${this.locale === 'en' ? v.properties.messageEn : v.properties.messageZh}
                      </button>
                    </li>`,
                )}
              </ul>`
      }
    `;
  }

  private _renderPicked(v: FireLaneViolation) {
    const p = v.properties;
    const t = (key: Parameters<typeof translate>[1]) => translate(this.locale, key);
    return html`<div class="picked" data-picked-rule=${p.ruleId}>
      <strong>${this.locale === 'en' ? p.messageEn : p.messageZh}</strong><br />
      ${ruleName(this.locale, p.ruleId)} · ${t('compliance.clause')} ${p.clause} ·
      ${t(`compliance.severity.${p.severity}`)}<br />
      ${t('compliance.measured')} ${formatMeasure(this.locale, p.measured, p.unit)} /
      ${t('compliance.required')} ${formatMeasure(this.locale, p.required, p.unit)}
    </div>`;
  }

  private _emit(type: string, detail: unknown): void {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }
}

customElements.define('rpm-compliance-panel', RpmCompliancePanel);

declare global {
  interface HTMLElementTagNameMap {
    'rpm-compliance-panel': RpmCompliancePanel;
  }
}
