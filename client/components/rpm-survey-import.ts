import { css, html, LitElement, nothing } from 'lit';
import { FACILITY_CATEGORIES } from '../../domain/standards/rules';
import {
  SURVEY_FIELDS,
  SURVEY_KINDS,
  type LayerMapping,
  type SurveyKind,
  type SurveyLayer,
  type SurveyText,
} from '../api/survey-import';
import type { SurveyAction, SurveyState } from '../data/survey-import.controller';
import { facilityCategoryName, formatNumber, translate, type Locale } from '../i18n/translate';
import type { MessageKey } from '../i18n/zh-CN';
import './rpm-progress-bar';

const ACCEPT = '.dxf,.zip,.gpkg,.kml,.geojson,.json,.csv';

/**
 * The survey import wizard (测绘/CAD 导入, issue 11), docked over the map so the preview and
 * the control-point clicks stay visible: file → CRS and units → layer mapping → preview with
 * counts, repaired and refused geometries and the control-point residual → one-transaction
 * commit. Renders `state` only; every change is one `rpm-survey-action` event (SurveyAction).
 */
export class RpmSurveyImport extends LitElement {
  static override properties = {
    locale: {},
    state: { attribute: false },
    blocker: {},
  };

  locale: Locale = 'zh-CN';
  state: SurveyState | null = null;
  /** Why preview cannot run yet (SurveyImportController.blocker), or null. */
  blocker: string | null = null;

  static override styles = css`
    :host {
      position: absolute;
      z-index: 6;
      top: 12px;
      right: 12px;
      width: min(520px, calc(100% - 24px));
      max-height: calc(100% - 24px);
      display: flex;
      flex-direction: column;
      background: var(--rpm-color-surface, #fff);
      border: 1px solid var(--rpm-color-border, #e5e7eb);
      border-radius: 6px;
      box-shadow: 0 8px 24px rgb(0 0 0 / 0.2);
      font-size: var(--rpm-font-size-s, 12px);
    }
    header,
    footer {
      display: flex;
      align-items: center;
      gap: 8px;
      padding: 8px 12px;
    }
    header {
      border-bottom: 1px solid var(--rpm-color-border, #e5e7eb);
    }
    footer {
      border-top: 1px solid var(--rpm-color-border, #e5e7eb);
      justify-content: flex-end;
      flex-wrap: wrap;
    }
    h2 {
      margin: 0;
      font-size: 14px;
      flex: 1;
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    .body {
      overflow: auto;
      padding: 8px 12px;
      display: flex;
      flex-direction: column;
      gap: 10px;
    }
    fieldset {
      border: 1px solid #eef0f3;
      border-radius: 4px;
      margin: 0;
      padding: 6px 8px;
    }
    legend {
      font-weight: 600;
      padding: 0 4px;
    }
    label {
      display: inline-flex;
      align-items: center;
      gap: 4px;
      margin-right: 10px;
    }
    select,
    input,
    button {
      font: inherit;
    }
    input[type='number'] {
      width: 96px;
    }
    table {
      border-collapse: collapse;
      width: 100%;
    }
    th,
    td {
      text-align: left;
      padding: 3px 4px;
      border-bottom: 1px solid #eef0f3;
      vertical-align: top;
    }
    th {
      background: #f3f4f6;
      position: sticky;
      top: -8px;
    }
    .muted {
      color: var(--rpm-color-muted, #6b7280);
    }
    .hint {
      color: var(--rpm-color-muted, #4b5563);
    }
    .error {
      color: #b91c1c;
    }
    .chips {
      display: flex;
      flex-wrap: wrap;
      gap: 6px;
    }
    .chip {
      background: #f3f4f6;
      border-radius: 10px;
      padding: 2px 8px;
    }
    .chip[data-bad] {
      background: #fee2e2;
    }
    .fields {
      display: flex;
      flex-wrap: wrap;
      gap: 2px 6px;
      margin-top: 2px;
    }
    .fields label {
      margin: 0;
    }
    button.primary {
      background: #2563eb;
      color: #fff;
      border: 1px solid #1d4ed8;
      border-radius: 4px;
      padding: 4px 12px;
    }
    button.primary:disabled {
      opacity: 0.5;
    }
    button[aria-pressed='true'] {
      background: #fef3c7;
    }
    .drop {
      border: 2px dashed #cbd5e1;
      border-radius: 6px;
      padding: 18px;
      text-align: center;
    }
  `;

  private _t(key: MessageKey, vars?: Record<string, string | number>): string {
    return translate(this.locale, key, vars);
  }

  private _text(m: SurveyText | undefined): string {
    if (!m) return '';
    return this.locale === 'en' ? m.en : m.zh;
  }

  private _act(action: SurveyAction): void {
    this.dispatchEvent(
      new CustomEvent<SurveyAction>('rpm-survey-action', {
        detail: action,
        bubbles: true,
        composed: true,
      }),
    );
  }

  override render() {
    const s = this.state;
    if (!s || s.step === 'closed') return nothing;
    const title = s.upload
      ? `${this._t('survey.title')} · ${s.upload.fileName}`
      : this._t('survey.title');
    return html`<section
      role="dialog"
      aria-label=${this._t('survey.title')}
      style="display:contents"
    >
      <header>
        <h2 title=${title}>${title}</h2>
        <button
          type="button"
          data-action="survey-close"
          aria-label=${this._t('survey.close')}
          @click=${() => this._act({ type: 'close' })}
        >
          ✕
        </button>
      </header>
      ${this._progress(s)}
      <div class="body">${this._body(s)}</div>
      ${this._footer(s)}
    </section>`;
  }

  private _progress(s: SurveyState) {
    // The server's own progress once the bytes are up (scan) or while a preview/commit runs.
    const job = s.job;
    const busy = s.step === 'uploading' || s.step === 'previewing' || s.step === 'committing';
    if (busy && job && job.phase !== 'done' && job.phase !== 'failed') {
      if (job.phase === 'reading' && job.total > 0) {
        const pct = Math.round((job.done / job.total) * 100);
        return html`<rpm-progress-bar
          .value=${pct}
          .max=${100}
          .label=${this._t('survey.phase.reading', { done: job.done, total: job.total, pct })}
        ></rpm-progress-bar>`;
      }
      return html`<rpm-progress-bar
        .label=${
          job.phase === 'queued'
            ? this._t('survey.phase.queued', { n: job.position ?? 1 })
            : this._t(`survey.phase.${job.phase === 'reading' ? 'starting' : job.phase}`)
        }
      ></rpm-progress-bar>`;
    }
    if (s.step === 'uploading')
      return html`<rpm-progress-bar
        .value=${Math.round(s.progress * 100)}
        .max=${100}
        .label=${this._t('survey.uploading', { pct: Math.round(s.progress * 100) })}
      ></rpm-progress-bar>`;
    if (s.step === 'previewing' || s.step === 'committing')
      return html`<rpm-progress-bar
        .label=${this._t(s.step === 'previewing' ? 'survey.previewing' : 'survey.committing')}
      ></rpm-progress-bar>`;
    return nothing;
  }

  private _body(s: SurveyState) {
    const error = s.error ? html`<div class="error" role="alert">${s.error}</div>` : nothing;
    if (s.step === 'pick' || s.step === 'uploading')
      return html`${error}
        <div class="drop">
          <p>${this._t('survey.formats')}</p>
          <input
            type="file"
            data-input="survey-file"
            accept=${ACCEPT}
            ?disabled=${s.step === 'uploading'}
            @change=${(e: Event) => {
              const input = e.target as HTMLInputElement;
              const file = input.files?.[0];
              if (file) this._act({ type: 'file', file });
              input.value = '';
            }}
          />
        </div>
        <p class="hint">${this._t('survey.privacy')}</p>`;
    if (s.step === 'done' && s.result)
      return html`<div data-result role="status">
        ${this._t('survey.done', { n: s.result.created })}
        <div class="chips">${this._chips(s.result.counts)}</div>
      </div>`;
    if (s.step === 'previewed' || s.step === 'committing') return html`${error}${this._preview(s)}`;
    return html`${error}${this._crs(s)}${this._layers(s)}`;
  }

  private _crs(s: SurveyState) {
    const u = s.upload!;
    const choices = u.crs.choices.length
      ? u.crs.choices
      : [{ id: 'wgs84', label: { zh: 'WGS84', en: 'WGS84' } }];
    return html`<fieldset>
      <legend>${this._t('survey.crs')}</legend>
      <div>
        ${
          u.crs.detected
            ? html`<span data-crs-detected
                >${this._t('survey.crs.detected', { crs: u.crs.detected })}</span
              >`
            : u.crs.guess
              ? html`<span data-crs-guess
                  >${this._t('survey.crs.guess', { crs: u.crs.guess.epsg })}
                  <span class="muted">${this._text(u.crs.guess.reason)}</span></span
                >`
              : html`<span class="muted">${this._t('survey.crs.none')}</span>`
        }
      </div>
      <label
        >${this._t('survey.crs.pick')}
        <select
          data-input="survey-crs"
          @change=${(e: Event) => this._act({ type: 'crs', crs: (e.target as HTMLSelectElement).value })}
        >
          ${choices.map(
            (c) =>
              html`<option value=${c.id} ?selected=${c.id === s.crs}>
                ${this._text(c.label)}
              </option>`,
          )}
          <option value="local" ?selected=${s.crs === 'local'}>
            ${this._t('survey.crs.local')}
          </option>
        </select></label
      >
      <label
        >${this._t('survey.units')}
        <select
          data-input="survey-units"
          @change=${(e: Event) =>
            this._act({ type: 'units', units: (e.target as HTMLSelectElement).value as 'm' })}
        >
          <option value="m" ?selected=${s.units === 'm'}>${this._t('survey.units.m')}</option>
          <option value="mm" ?selected=${s.units === 'mm'}>${this._t('survey.units.mm')}</option>
        </select></label
      >
      ${u.units?.reason ? html`<span class="muted">${this._text(u.units.reason)}</span>` : nothing}
      ${
        u.bounds
          ? html`<div class="muted" data-bounds>
              ${this._t('survey.bounds', {
                x: `${this._n(u.bounds[0])} – ${this._n(u.bounds[2])}`,
                y: `${this._n(u.bounds[1])} – ${this._n(u.bounds[3])}`,
              })}
            </div>`
          : nothing
      }
      ${s.crs === 'local' ? this._points(s) : nothing}
    </fieldset>`;
  }

  private _n(v: number): string {
    return formatNumber(this.locale, v, 2);
  }

  private _points(s: SurveyState) {
    const residual = s.preview?.residual;
    return html`<p class="hint">${this._t('survey.points.hint')}</p>
      <table data-table="control-points">
        <thead>
          <tr>
            <th>#</th>
            <th>${this._t('survey.points.source')}</th>
            <th>${this._t('survey.points.target')}</th>
            <th>${this._t('survey.points.residual')}</th>
            <th></th>
          </tr>
        </thead>
        <tbody>
          ${s.points.map((p, i) => {
            const r = residual?.points.find((q) => q.index === i);
            const source = (axis: 0 | 1, value: string) => {
              const v = value === '' ? NaN : Number(value);
              const x = axis === 0 ? v : (p.source?.[0] ?? NaN);
              const y = axis === 1 ? v : (p.source?.[1] ?? NaN);
              this._act({ type: 'point-source', index: i, source: [x, y] });
            };
            return html`<tr data-point=${i}>
              <td>${i + 1}</td>
              <td>
                <input
                  type="number"
                  step="any"
                  data-input="point-x"
                  placeholder="X"
                  .value=${p.source && Number.isFinite(p.source[0]) ? String(p.source[0]) : ''}
                  @change=${(e: Event) => source(0, (e.target as HTMLInputElement).value)}
                />
                <input
                  type="number"
                  step="any"
                  data-input="point-y"
                  placeholder="Y"
                  .value=${p.source && Number.isFinite(p.source[1]) ? String(p.source[1]) : ''}
                  @change=${(e: Event) => source(1, (e.target as HTMLInputElement).value)}
                />
              </td>
              <td>
                ${p.target ? html`<span data-target>${p.target[0].toFixed(6)}, ${p.target[1].toFixed(6)}</span>` : html`<span class="muted">—</span>`}
                <button
                  type="button"
                  data-action="point-pick"
                  aria-pressed=${s.picking === i ? 'true' : 'false'}
                  @click=${() => this._act({ type: 'point-pick', index: i })}
                >
                  ${this._t(s.picking === i ? 'survey.points.picking' : 'survey.points.pick')}
                </button>
              </td>
              <td>${r ? html`<span data-residual>${this._n(r.residualM)} m</span>` : '—'}</td>
              <td>
                <button
                  type="button"
                  aria-label=${this._t('survey.points.remove')}
                  @click=${() => this._act({ type: 'point-remove', index: i })}
                >
                  −
                </button>
              </td>
            </tr>`;
          })}
        </tbody>
      </table>
      <button
        type="button"
        data-action="point-add"
        @click=${() => this._act({ type: 'point-add' })}
      >
        ${this._t('survey.points.add')}
      </button>
      ${
        residual
          ? html`<div data-residual-summary>
              ${this._t('survey.points.rms', { rms: this._n(residual.rmsM), max: this._n(residual.maxM) })}
            </div>`
          : nothing
      }`;
  }

  private _layers(s: SurveyState) {
    const u = s.upload!;
    return html`<fieldset>
      <legend>${this._t('survey.layers', { n: u.layers.length })}</legend>
      <table data-table="layers">
        <thead>
          <tr>
            <th>${this._t('survey.layer.name')}</th>
            <th>${this._t('survey.layer.count')}</th>
            <th>${this._t('survey.layer.kind')}</th>
          </tr>
        </thead>
        <tbody>
          ${u.layers.map((layer) => this._layerRow(layer, s.mapping[layer.name] ?? { kind: 'ignore' }, u.remembered?.[layer.name] !== undefined))}
        </tbody>
      </table>
      ${
        (u.textCount ?? 0) > 0
          ? html`<label
              ><input
                type="checkbox"
                data-input="survey-labels"
                .checked=${s.labels}
                @change=${(e: Event) =>
                  this._act({ type: 'labels', on: (e.target as HTMLInputElement).checked })}
              />${this._t('survey.labels', { n: u.textCount ?? 0 })}</label
            >`
          : nothing
      }
    </fieldset>`;
  }

  private _layerRow(layer: SurveyLayer, m: LayerMapping, remembered: boolean) {
    const set = (patch: Partial<LayerMapping>) =>
      this._act({ type: 'layer', name: layer.name, mapping: { ...m, ...patch } });
    const types = Object.entries(layer.geometryTypes)
      .map(([t, n]) => `${t} ${n}`)
      .join(', ');
    return html`<tr data-layer=${layer.name} data-kind=${m.kind}>
      <td>
        <div>${layer.name}</div>
        <div class="muted">${types}</div>
      </td>
      <td>${layer.count}</td>
      <td>
        <select
          data-input="layer-kind"
          aria-label=${this._t('survey.layer.kind')}
          @change=${(e: Event) =>
            set({ kind: (e.target as HTMLSelectElement).value as SurveyKind })}
        >
          ${SURVEY_KINDS.map(
            (k) => html`<option value=${k} ?selected=${k === m.kind}>${this._kindName(k)}</option>`,
          )}
        </select>
        ${
          remembered
            ? html`<span class="muted" data-remembered>${this._t('survey.layer.remembered')}</span>`
            : layer.guess && layer.guess.kind === m.kind && m.kind !== 'ignore'
              ? html`<span class="muted" data-guessed>${this._t('survey.layer.guessed')}</span>`
              : nothing
        }
        ${
          m.kind === 'facility'
            ? html`<select
                data-input="layer-category"
                aria-label=${this._t('survey.layer.category')}
                @change=${(e: Event) => set({ category: (e.target as HTMLSelectElement).value })}
              >
                <option value="">${this._t('survey.layer.category')}</option>
                ${FACILITY_CATEGORIES.map(
                  (c) =>
                    html`<option value=${c.id} ?selected=${c.id === m.category}>
                      ${facilityCategoryName(this.locale, c.id)}
                    </option>`,
                )}
              </select>`
            : nothing
        }
        ${
          m.kind !== 'ignore' && layer.fields.length
            ? html`<div class="fields">
                ${SURVEY_FIELDS.map(
                  (f) =>
                    html`<label
                      >${this._t(`survey.field.${f}`)}
                      <select
                        data-input="field-${f}"
                        @change=${(e: Event) => {
                          const v = (e.target as HTMLSelectElement).value;
                          const fields = { ...(m.fields ?? {}) };
                          if (v) fields[f] = v;
                          else delete fields[f];
                          set({ fields });
                        }}
                      >
                        <option value="">—</option>
                        ${layer.fields.map(
                          (name) =>
                            html`<option value=${name} ?selected=${m.fields?.[f] === name}>
                              ${name}
                            </option>`,
                        )}
                      </select></label
                    >`,
                )}
              </div>`
            : nothing
        }
      </td>
    </tr>`;
  }

  private _kindName(k: SurveyKind): string {
    return k === 'ignore' ? this._t('survey.kind.ignore') : this._t(`kind.${k}` as MessageKey);
  }

  private _chips(counts: Record<string, number>) {
    return Object.entries(counts)
      .filter(([, n]) => n > 0)
      .map(
        ([k, n]) =>
          html`<span class="chip" data-count=${k}
            >${this._kindName(k as SurveyKind)} ${formatNumber(this.locale, n, 0)}</span
          >`,
      );
  }

  private _preview(s: SurveyState) {
    const p = s.preview!;
    const repaired = p.invalid.filter((i) => i.repaired);
    const refused = p.invalid.filter((i) => !i.repaired);
    return html`<div class="chips" data-preview-counts>${this._chips(p.counts)}</div>
      ${
        p.residual
          ? html`<div data-residual-summary>
              ${this._t('survey.points.rms', { rms: this._n(p.residual.rmsM), max: this._n(p.residual.maxM) })}
            </div>`
          : nothing
      }
      ${
        p.invalid.length
          ? html`<div class="chips">
                <span class="chip">${this._t('survey.repaired', { n: repaired.length })}</span>
                <span class="chip" data-bad
                  >${this._t('survey.refused', { n: refused.length })}</span
                >
              </div>
              <table data-table="invalid">
                <tbody>
                  ${p.invalid.slice(0, 200).map(
                    (i) =>
                      html`<tr>
                        <td>${i.layer} #${i.index + 1}</td>
                        <td>${this._text(i.reason)}</td>
                        <td>
                          ${this._t(i.repaired ? 'survey.invalid.repaired' : 'survey.invalid.refused')}
                        </td>
                      </tr>`,
                  )}
                </tbody>
              </table>`
          : html`<div class="muted">${this._t('survey.allValid')}</div>`
      }
      <p class="hint">${this._t('survey.previewHint')}</p>`;
  }

  private _footer(s: SurveyState) {
    if (s.step === 'done')
      return html`<footer>
        <button type="button" class="primary" @click=${() => this._act({ type: 'close' })}>
          ${this._t('survey.close')}
        </button>
      </footer>`;
    if (s.step === 'previewed' || s.step === 'committing')
      return html`<footer>
        <button type="button" data-action="survey-back" @click=${() => this._act({ type: 'back' })}>
          ${this._t('survey.back')}
        </button>
        <button
          type="button"
          class="primary"
          data-action="survey-commit"
          ?disabled=${s.step === 'committing'}
          @click=${() => this._act({ type: 'commit' })}
        >
          ${this._t('survey.commit', { n: Object.values(s.preview?.counts ?? {}).reduce((a, b) => a + b, 0) })}
        </button>
      </footer>`;
    if (s.step === 'configure' || s.step === 'previewing')
      return html`<footer>
        ${this.blocker ? html`<span class="muted">${this._t(`survey.blocker.${this.blocker}` as MessageKey)}</span>` : nothing}
        <button
          type="button"
          class="primary"
          data-action="survey-preview"
          ?disabled=${!!this.blocker || s.step === 'previewing'}
          @click=${() => this._act({ type: 'preview' })}
        >
          ${this._t('survey.preview')}
        </button>
      </footer>`;
    return nothing;
  }
}

customElements.define('rpm-survey-import', RpmSurveyImport);

declare global {
  interface HTMLElementTagNameMap {
    'rpm-survey-import': RpmSurveyImport;
  }
}
