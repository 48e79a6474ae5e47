import { css, html, LitElement, nothing } from 'lit';
import type { ApiFeature } from '../api/types';
import type { FeatureChange } from '../api/update-feature';
import { translate, type Locale, type MessageKey } from '../i18n/translate';
import { plannerStyles } from './planner-styles';

export const STALL_TYPES = ['standard', 'accessible', 'ev', 'bay', 'bicycle'] as const;

const WIDTH_KINDS = new Set(['road', 'footway', 'fire_lane']);

/**
 * The editable properties of the selected feature of the active scenario: name, stall type
 * (parking_stall category), width in metres (roads, footways, fire lanes), floors (buildings),
 * capacity (lots). Emits `rpm-feature-update` `{ id, change }` with only the changed fields.
 */
export class RpmFeatureEditor extends LitElement {
  static override properties = {
    locale: {},
    feature: { attribute: false },
    editable: { type: Boolean },
    canSurvey: { type: Boolean },
    existing: { attribute: false },
  };

  locale: Locale = 'zh-CN';
  feature: ApiFeature | null = null;
  editable = false;
  /** Issue 12 §2: the user may record a survey count (baseline or proposal). */
  canSurvey = false;
  /** How the ledger counts this lot or road today (source and stalls), if it counts it. */
  existing: { stalls: number; source: string } | null = null;

  static override styles = [
    plannerStyles,
    css`
      form {
        display: grid;
        grid-template-columns: auto 1fr;
        gap: 6px 8px;
        align-items: center;
      }
      label {
        color: var(--rpm-color-text-muted);
      }
      .buttons {
        grid-column: 1 / -1;
        display: flex;
        justify-content: flex-end;
      }
      .kind {
        font-weight: 600;
        margin-bottom: 6px;
      }
      form.survey {
        margin-top: 10px;
        padding-top: 8px;
        border-top: 1px solid var(--rpm-color-border);
      }
      .survey .meta {
        grid-column: 1 / -1;
        font-size: var(--rpm-font-size-s);
        color: var(--rpm-color-text-muted);
      }
    `,
  ];

  override render() {
    const f = this.feature;
    if (!f) return nothing;
    const t = (k: MessageKey) => translate(this.locale, k);
    const p = f.properties;
    const disabled = !this.editable;
    // Keyed by id and version, so the form resets when the feature is saved or changes.
    return html`
      <h2>${t('editor.title')}</h2>
      <div class="body">
        <div class="kind">${t(`kind.${p.kind}` as MessageKey)} #${p.id} · v${p.version ?? 1}</div>
        ${disabled ? html`<p class="muted">${t('editor.readOnly')}</p>` : nothing}
        <form @submit=${this._submit} data-feature=${`${p.id}@${p.version}`}>
          <label for="name">${t('field.name')}</label>
          <input id="name" name="name" type="text" .value=${p.name ?? ''} ?disabled=${disabled} />
          ${
            p.kind === 'parking_stall'
              ? html`<label for="category">${t('editor.stallType')}</label>
                  <select id="category" name="category" ?disabled=${disabled}>
                    ${STALL_TYPES.map(
                      (s) =>
                        html`<option value=${s} ?selected=${(p.category ?? 'standard') === s}>
                          ${t(`stall.${s}`)}
                        </option>`,
                    )}
                  </select>`
              : nothing
          }
          ${
            WIDTH_KINDS.has(p.kind)
              ? html`<label for="widthM">${t('field.widthM')} (m)</label>
                  <input
                    id="widthM"
                    name="widthM"
                    type="number"
                    min="0.5"
                    max="100"
                    step="0.5"
                    .value=${p.widthM == null ? '' : String(p.widthM)}
                    ?disabled=${disabled}
                  />`
              : nothing
          }
          ${
            p.kind === 'building'
              ? html`<label for="levels">${t('field.levels')}</label>
                  <input
                    id="levels"
                    name="levels"
                    type="number"
                    min="1"
                    max="200"
                    step="1"
                    .value=${p.levels == null ? '' : String(p.levels)}
                    ?disabled=${disabled}
                  />`
              : nothing
          }
          ${
            p.kind === 'parking_area'
              ? html`<label for="capacity">${t('field.capacity')}</label>
                  <input
                    id="capacity"
                    name="capacity"
                    type="number"
                    min="0"
                    step="1"
                    .value=${p.capacity == null ? '' : String(p.capacity)}
                    ?disabled=${disabled}
                  />`
              : nothing
          }
          <div class="buttons">
            <button class="primary" type="submit" ?disabled=${disabled}>
              ${t('editor.apply')}
            </button>
          </div>
        </form>
        ${this._renderSurvey()}
      </div>
    `;
  }

  /** 现状调查车位数 of a lot or road: recorded with who and when; wins over any estimate. */
  private _renderSurvey() {
    const f = this.feature;
    if (!f || (f.properties.kind !== 'parking_area' && f.properties.kind !== 'road'))
      return nothing;
    const t = (k: MessageKey, v?: Record<string, string | number>) => translate(this.locale, k, v);
    const s = f.properties.parkingSurvey ?? null;
    const disabled = !this.canSurvey;
    const e = this.existing;
    return html`<form
      class="survey"
      data-survey=${`${f.properties.id}@${s?.at ?? ''}`}
      @submit=${this._submitSurvey}
    >
      <label for="surveyCount">${t('parkingSurvey.count')}</label>
      <input
        id="surveyCount"
        name="surveyCount"
        type="number"
        min="0"
        step="1"
        .value=${s ? String(s.count) : ''}
        ?disabled=${disabled}
      />
      <label for="surveyNote">${t('parkingSurvey.note')}</label>
      <input
        id="surveyNote"
        name="surveyNote"
        type="text"
        maxlength="500"
        .value=${s?.note ?? ''}
        ?disabled=${disabled}
      />
      ${
        e
          ? html`<div class="meta" data-existing-source=${e.source}>
              ${t('parkingSurvey.current', {
                n: e.stalls,
                source: t(`ledger.source.${e.source}` as MessageKey),
              })}
            </div>`
          : nothing
      }
      ${
        s
          ? html`<div class="meta" data-survey-recorded>
              ${t('parkingSurvey.recorded', { by: s.by ?? '–', at: new Date(s.at).toLocaleString(this.locale) })}
            </div>`
          : nothing
      }
      <div class="buttons">
        <button type="submit" data-action="save-survey" ?disabled=${disabled}>
          ${t('parkingSurvey.save')}
        </button>
      </div>
    </form>`;
  }

  private _submitSurvey(e: Event): void {
    e.preventDefault();
    const f = this.feature;
    if (!f) return;
    const form = e.target as HTMLFormElement;
    const raw = (form.elements.namedItem('surveyCount') as HTMLInputElement | null)?.value ?? '';
    const count = Number(raw);
    if (raw.trim() === '' || !Number.isInteger(count) || count < 0) return;
    const note = (form.elements.namedItem('surveyNote') as HTMLInputElement | null)?.value.trim();
    this.dispatchEvent(
      new CustomEvent('rpm-parking-survey', {
        detail: { id: f.properties.id, count, note: note ? note : null },
        bubbles: true,
        composed: true,
      }),
    );
  }

  private _submit(e: Event): void {
    e.preventDefault();
    const f = this.feature;
    if (!f) return;
    const form = e.target as HTMLFormElement;
    const value = (name: string): string | undefined =>
      (form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | null)?.value;
    const num = (name: string): number | null | undefined => {
      const v = value(name);
      if (v === undefined) return undefined;
      return v.trim() === '' ? null : Number(v);
    };
    const p = f.properties;
    const change: FeatureChange = {};
    const name = value('name')?.trim();
    if (name !== undefined && name !== (p.name ?? '')) change.name = name === '' ? null : name;
    const category = value('category');
    if (category !== undefined && category !== (p.category ?? 'standard'))
      change.category = category;
    const widthM = num('widthM');
    if (widthM !== undefined && widthM !== p.widthM) change.widthM = widthM;
    const levels = num('levels');
    if (levels !== undefined && levels !== p.levels) change.levels = levels;
    const capacity = num('capacity');
    if (capacity !== undefined && capacity !== p.capacity) change.capacity = capacity;
    if (Object.keys(change).length > 0) {
      this.dispatchEvent(
        new CustomEvent('rpm-feature-update', {
          detail: { id: p.id, change },
          bubbles: true,
          composed: true,
        }),
      );
    }
  }
}

customElements.define('rpm-feature-editor', RpmFeatureEditor);

declare global {
  interface HTMLElementTagNameMap {
    'rpm-feature-editor': RpmFeatureEditor;
  }
}
