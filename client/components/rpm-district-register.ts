import { css, html, LitElement, nothing } from 'lit';
import { STAGE_KEYS, stageKey } from '../../domain/model/renewal-stages';
import type { DistrictRegister, RegisterRow } from '../api/get-district-register';
import { ApiError } from '../api/api-error';
import { RegisterImportController } from '../data/register-import.controller';
import { formatNumber, translate, type Locale } from '../i18n/translate';
import './rpm-register-import-dialog';
import { INDICATORS, type Choropleth, type Indicator } from '../map/indicator-colors';

type SortKey =
  | 'name'
  | 'builtYear'
  | 'households'
  | 'buildings'
  | 'floorAreaSqM'
  | 'stage'
  | 'budgetWan'
  | 'parkingAdded'
  | 'coverageGaps'
  | 'violations';

const STAGE_ORDER: readonly string[] = STAGE_KEYS;

const sortValue = (r: RegisterRow, k: SortKey): number | string => {
  if (k === 'name') return r.name;
  if (k === 'stage') return STAGE_ORDER.indexOf(stageKey(r.stage));
  if (k === 'coverageGaps') return r.coverageGaps.length;
  return r[k] ?? -1;
};

/**
 * The district register beside the map: one row per community (name, built year, households,
 * buildings, floor area, stage, category mix, budget, parking added, coverage gaps, fire-lane
 * violations, review state), sortable by any column, filtered by stage and a search, with a
 * totals row, the choropleth's indicator and legend, and a CSV link. Emits
 * `rpm-indicator-change` `{ indicator }`, `rpm-register-row` `{ row }` (fly there) and
 * `rpm-register-back` (fly back to the district).
 */
export class RpmDistrictRegister extends LitElement {
  static override properties = {
    locale: {},
    register: { attribute: false },
    indicator: {},
    choropleth: { attribute: false },
    csvUrl: {},
    xlsxUrl: {},
    districtId: {},
    canImport: { type: Boolean },
    focusedId: {},
    loading: { type: Boolean },
    _sort: { state: true },
    _desc: { state: true },
    _stage: { state: true },
    _query: { state: true },
  };

  locale: Locale = 'zh-CN';
  register: DistrictRegister | null = null;
  indicator: Indicator = 'stage';
  choropleth: Choropleth | null = null;
  csvUrl = '';
  /** The Excel export (register.xlsx); empty hides the link. */
  xlsxUrl = '';
  districtId: string | null = null;
  /** The signed-in role may import a ledger (planner, reviewer, admin). */
  canImport = false;
  focusedId: string | null = null;
  /** Ledger import (台账导入): upload → preview dialog → commit; then the owner reloads. */
  private _import = new RegisterImportController(this, () =>
    this._emit('rpm-register-imported', { districtId: this.districtId }),
  );
  loading = false;
  private _sort: SortKey = 'name';
  private _desc = false;
  private _stage = '';
  private _query = '';

  static override styles = css`
    :host {
      display: flex;
      flex-direction: column;
      min-height: 0;
      background: var(--rpm-color-surface, #fff);
      font-size: var(--rpm-font-size-s, 12px);
    }
    header {
      display: flex;
      flex-wrap: wrap;
      gap: 6px;
      align-items: center;
      padding: 8px;
      border-bottom: 1px solid var(--rpm-color-border);
    }
    h2 {
      font-size: 14px;
      margin: 0 8px 0 0;
    }
    input,
    select,
    a.csv {
      font: inherit;
      padding: 3px 6px;
    }
    .legend {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      padding: 6px 8px;
      border-bottom: 1px solid var(--rpm-color-border);
    }
    .swatch {
      display: inline-block;
      width: 12px;
      height: 12px;
      border-radius: 2px;
      margin-right: 4px;
      vertical-align: -2px;
    }
    .scroll {
      overflow: auto;
      min-height: 0;
      flex: 1;
    }
    table {
      border-collapse: collapse;
      width: 100%;
      white-space: nowrap;
    }
    th,
    td {
      padding: 4px 6px;
      border-bottom: 1px solid var(--rpm-color-border, #e5e7eb);
      text-align: right;
    }
    th:first-child,
    td:first-child {
      text-align: left;
    }
    th {
      position: sticky;
      top: 0;
      background: #f3f4f6;
      cursor: pointer;
      user-select: none;
    }
    tbody tr {
      cursor: pointer;
    }
    tbody tr:hover,
    tbody tr[data-focused] {
      background: #eff6ff;
    }
    tfoot td {
      font-weight: 600;
      background: #f9fafb;
      text-align: left;
    }
    .muted {
      color: var(--rpm-color-muted, #6b7280);
      padding: 8px;
    }
    label.import {
      border: 1px solid var(--rpm-color-border, #d1d5db);
      border-radius: 3px;
      padding: 3px 6px;
      cursor: pointer;
      background: #f9fafb;
    }
    label.import input {
      position: absolute;
      width: 1px;
      height: 1px;
      opacity: 0;
    }
    .done {
      color: #15803d;
    }
  `;

  override render() {
    const t = (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>) =>
      translate(this.locale, key, vars);
    const reg = this.register;
    const rows = reg ? this._rows(reg.communities) : [];
    const n = (x: number | null, d = 0) => (x === null ? '—' : formatNumber(this.locale, x, d));
    const col = (k: SortKey, key: Parameters<typeof translate>[1]) =>
      html`<th
        data-sort=${k}
        aria-sort=${this._sort === k ? (this._desc ? 'descending' : 'ascending') : 'none'}
        @click=${() => this._sortBy(k)}
      >
        ${t(key)}${this._sort === k ? (this._desc ? ' ▼' : ' ▲') : ''}
      </th>`;
    return html`<header>
        <h2>${t('district.title')}</h2>
        <label
          >${t('district.indicator')}
          <select
            data-field="indicator"
            .value=${this.indicator}
            @change=${(e: Event) =>
              this._emit('rpm-indicator-change', {
                indicator: (e.target as HTMLSelectElement).value,
              })}
          >
            ${INDICATORS.map(
              (i) =>
                html`<option value=${i} ?selected=${i === this.indicator}>
                  ${t(`district.indicator.${i}`)}
                </option>`,
            )}
          </select></label
        >
        <input
          type="search"
          data-field="search"
          placeholder=${t('district.search')}
          .value=${this._query}
          @input=${(e: Event) => (this._query = (e.target as HTMLInputElement).value)}
        />
        <select
          data-field="stage"
          .value=${this._stage}
          @change=${(e: Event) => (this._stage = (e.target as HTMLSelectElement).value)}
        >
          <option value="">${t('district.allStages')}</option>
          ${STAGE_ORDER.map(
            (s) => html`<option value=${s}>${t(`stage.${s as 'publicity'}`)}</option>`,
          )}
        </select>
        ${
          this.csvUrl
            ? html`<a class="csv" data-action="csv" href=${this.csvUrl} download
                >${t('district.csv')}</a
              >`
            : nothing
        }
        ${
          this.xlsxUrl
            ? html`<a class="csv" data-action="xlsx" href=${this.xlsxUrl} download
                >${t('district.xlsx')}</a
              >`
            : nothing
        }
        ${
          this.canImport && this.districtId
            ? html`<label class="import"
                ><span data-action="import">${t('district.import')}</span
                ><input
                  type="file"
                  data-field="ledger-file"
                  accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
                  @change=${(e: Event) => this._upload(e.target as HTMLInputElement)}
              /></label>`
            : nothing
        }
        ${
          this._import.done
            ? html`<span class="done" data-import-done
                >${t('ledgerImport.done', {
                  communities: this._import.done.communitiesUpdated,
                  inserted: this._import.done.itemsInserted,
                  updated: this._import.done.itemsUpdated,
                })}</span
              >`
            : nothing
        }
        ${
          this.focusedId
            ? html`<button
                type="button"
                data-action="back"
                @click=${() => this._emit('rpm-register-back', {})}
              >
                ${t('district.back')}
              </button>`
            : nothing
        }
      </header>
      ${this._renderLegend()} ${this._renderImport()}
      ${
        !reg
          ? html`<div class="muted">${this.loading ? t('district.loading') : ''}</div>`
          : html`<div class="scroll">
              <table>
                <thead>
                  <tr>
                    ${col('name', 'register.name')} ${col('builtYear', 'register.builtYear')}
                    ${col('households', 'register.households')}
                    ${col('buildings', 'register.buildings')}
                    ${col('floorAreaSqM', 'register.floorArea')} ${col('stage', 'register.stage')}
                    <th>${t('register.mix')}</th>
                    ${col('budgetWan', 'register.budget')}
                    ${col('parkingAdded', 'register.parking')}
                    ${col('coverageGaps', 'register.coverage')}
                    ${col('violations', 'register.violations')}
                    <th>${t('register.review')}</th>
                  </tr>
                </thead>
                <tbody>
                  ${rows.map(
                    (r) =>
                      html`<tr
                        data-community-id=${r.id}
                        ?data-focused=${String(r.id) === this.focusedId}
                        @click=${() => this._emit('rpm-register-row', { row: r })}
                      >
                        <td>
                          <span
                            class="swatch"
                            style="background: rgb(${(this.choropleth?.colors.get(String(r.id)) ?? [200, 200, 200]).join(' ')})"
                          ></span
                          >${r.name}
                        </td>
                        <td>${r.builtYear ?? '—'}</td>
                        <td>${n(r.households)}</td>
                        <td>${n(r.buildings)}</td>
                        <td>${n(r.floorAreaSqM)}</td>
                        <td data-stage=${stageKey(r.stage)}>${t(`stage.${stageKey(r.stage)}`)}</td>
                        <td>
                          ${n(r.categoryMixWan.basic, 1)}/${n(r.categoryMixWan.improvement, 1)}/${n(
                            r.categoryMixWan.upgrade,
                            1,
                          )}
                        </td>
                        <td>${n(r.budgetWan, 1)}</td>
                        <td data-metric="parkingAdded">${r.parkingAdded}</td>
                        <td data-metric="coverageGaps" title=${r.coverageGaps.join(', ')}>
                          ${r.coverageGaps.length}
                          ${
                            r.coverageDataEdge
                              ? html`<span
                                  class="muted"
                                  data-data-edge
                                  title=${translate(this.locale, 'coverage.dataEdgeHint')}
                                  >⚠ ${translate(this.locale, 'coverage.dataEdge')}</span
                                >`
                              : nothing
                          }
                        </td>
                        <td data-metric="violations">${r.violations}</td>
                        <td data-review-state=${r.reviewState ?? ''}>
                          ${r.reviewState ? t(`review.state.${r.reviewState}`) : '—'}
                        </td>
                      </tr>`,
                  )}
                </tbody>
                <tfoot>
                  <tr>
                    <td colspan="12" data-totals>
                      ${t('district.totals', {
                        n: rows.length,
                        buildings: rows.reduce((s, r) => s + r.buildings, 0),
                        area: formatNumber(
                          this.locale,
                          rows.reduce((s, r) => s + (r.floorAreaSqM ?? 0), 0) / 10_000,
                          1,
                        ),
                        budget: formatNumber(
                          this.locale,
                          rows.reduce((s, r) => s + (r.budgetWan ?? 0), 0),
                          1,
                        ),
                      })}
                    </td>
                  </tr>
                </tfoot>
              </table>
            </div>`
      }`;
  }

  private _renderImport() {
    const imp = this._import;
    if (!imp.open) return nothing;
    const error = imp.error
      ? imp.error instanceof ApiError
        ? imp.error.message
        : String(imp.error)
      : '';
    return html`<rpm-register-import-dialog
      .locale=${this.locale}
      .preview=${imp.preview}
      ?busy=${imp.busy}
      .error=${error}
      @rpm-import-cancel=${() => imp.cancel()}
      @rpm-import-confirm=${() => this.districtId && void imp.commit(this.districtId, this.locale)}
    ></rpm-register-import-dialog>`;
  }

  private _upload(input: HTMLInputElement): void {
    const file = input.files?.[0];
    if (!file || !this.districtId) return;
    void this._import.upload(this.districtId, file, this.locale);
    // The same file may be chosen again after a fix.
    input.value = '';
  }

  private _renderLegend() {
    const legend = this.choropleth?.legend ?? [];
    if (!legend.length) return nothing;
    const t = (key: Parameters<typeof translate>[1]) => translate(this.locale, key);
    return html`<div
      class="legend"
      aria-label=${t('district.legend')}
      data-legend=${this.indicator}
    >
      ${legend.map(
        (s) =>
          html`<span
            ><span class="swatch" style="background: rgb(${s.color.join(' ')})"></span>${
              this.indicator === 'stage' ? t(`stage.${s.label as 'publicity'}`) : s.label
            }</span
          >`,
      )}
    </div>`;
  }

  /** Filtered by stage and search (name contains), sorted by the chosen column. */
  private _rows(all: RegisterRow[]): RegisterRow[] {
    const q = this._query.trim().toLowerCase();
    const rows = all.filter(
      (r) =>
        (!this._stage || stageKey(r.stage) === this._stage) &&
        (!q || r.name.toLowerCase().includes(q)),
    );
    const k = this._sort;
    const dir = this._desc ? -1 : 1;
    return [...rows].sort((a, b) => {
      const va = sortValue(a, k);
      const vb = sortValue(b, k);
      const c =
        typeof va === 'string' && typeof vb === 'string'
          ? va.localeCompare(vb, 'zh-CN')
          : Number(va) - Number(vb);
      return c * dir || a.id - b.id;
    });
  }

  private _sortBy(k: SortKey): void {
    if (this._sort === k) this._desc = !this._desc;
    else {
      this._sort = k;
      this._desc = k !== 'name';
    }
  }

  private _emit(name: string, detail: unknown): void {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }
}

customElements.define('rpm-district-register', RpmDistrictRegister);

declare global {
  interface HTMLElementTagNameMap {
    'rpm-district-register': RpmDistrictRegister;
  }
}
