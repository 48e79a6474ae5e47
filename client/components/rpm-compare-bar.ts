import { css, html, LitElement } from 'lit';
import type { CompareMode } from '../api/story-types';
import { translate, type Locale } from '../i18n/translate';
// CAD/GIS exports (issue 11 item 3).
import './rpm-cad-export';

const MODES: readonly CompareMode[] = ['none', 'swipe', 'side'];

/**
 * The presenting toolbar of a planned community: compare mode (off / swipe / side by side),
 * exports (map PNG, GeoJSON in WGS84/GCJ-02/BD-09, CSV, one-page sheet PDF) and GeoJSON
 * import into the proposal. Renders links for the server's downloads; emits
 * `rpm-compare-mode` (`{ mode }`), `rpm-export-png`, `rpm-import` (`{ file, crs }`) and `rpm-survey-open` (the survey wizard).
 */
export class RpmCompareBar extends LitElement {
  static override properties = {
    locale: {},
    mode: {},
    scenarioId: {},
    communityId: {},
    districtId: {},
    comparable: { type: Boolean },
    editable: { type: Boolean },
    _crs: { state: true },
  };

  locale: Locale = 'zh-CN';
  mode: CompareMode = 'none';
  scenarioId: string | null = null;
  communityId: string | null = null;
  districtId: string | null = null;
  comparable = false;
  editable = false;
  private _crs: 'wgs84' | 'gcj02' | 'bd09' = 'wgs84';

  static override styles = css`
    :host {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 4px 6px;
      background: rgb(255 255 255 / 0.95);
      border: 1px solid var(--rpm-color-border);
      border-radius: var(--rpm-radius-m);
      box-shadow: var(--rpm-shadow-m);
      padding: 4px 6px;
      font-size: var(--rpm-font-size-s);
    }
    .group {
      display: inline-flex;
      border: 1px solid var(--rpm-color-border-strong);
      border-radius: var(--rpm-radius-s);
      overflow: hidden;
    }
    button,
    a,
    select,
    label.file {
      font: inherit;
      border: 0;
      background: var(--rpm-color-surface);
      color: var(--rpm-color-text);
      padding: 3px 8px;
      cursor: pointer;
      text-decoration: none;
    }
    .group button + button {
      border-left: 1px solid var(--rpm-color-border-strong);
    }
    button[aria-pressed='true'] {
      background: var(--rpm-color-brand);
      color: #fff;
    }
    button:disabled {
      opacity: 0.5;
      cursor: default;
    }
    a,
    label.file,
    select {
      border: 1px solid var(--rpm-color-border-strong);
      border-radius: var(--rpm-radius-s);
    }
    input[type='file'] {
      display: none;
    }
  `;

  override render() {
    const t = (k: Parameters<typeof translate>[1]) => translate(this.locale, k);
    const s = this.scenarioId;
    return html`
      <span class="group" role="group" aria-label=${t('compare.mode')}>
        ${MODES.map(
          (m) =>
            html`<button
              data-mode=${m}
              aria-pressed=${String(this.mode === m)}
              ?disabled=${m !== 'none' && !this.comparable}
              @click=${() => this._emit('rpm-compare-mode', { mode: m })}
            >
              ${t(`compare.mode.${m}`)}
            </button>`,
        )}
      </span>
      <button data-export="png" @click=${() => this._emit('rpm-export-png', {})}>
        ${t('export.png')}
      </button>
      <select
        aria-label=${t('export.crs')}
        @change=${(e: Event) => (this._crs = (e.target as HTMLSelectElement).value as 'wgs84')}
      >
        <option value="wgs84">WGS84</option>
        <option value="gcj02">GCJ-02</option>
        <option value="bd09">BD-09</option>
      </select>
      ${
        s
          ? html`<a
                data-export="geojson"
                href="/api/scenarios/${s}/export.geojson?crs=${this._crs}"
                download
                >${t('export.geojson')}</a
              >
              <a data-export="csv" href="/api/scenarios/${s}/indicators.csv" download
                >${t('export.csv')}</a
              >
              <!-- CAD/GIS exports (issue 11 item 3) -->
              <rpm-cad-export .locale=${this.locale} .scenarioId=${s}></rpm-cad-export>`
          : ''
      }
      ${
        this.districtId
          ? html`<a href="/api/districts/${this.districtId}/register.csv" download
              >${t('export.register')}</a
            >`
          : ''
      }
      ${
        this.communityId
          ? html`<a
              data-export="sheet"
              target="_blank"
              href="/api/communities/${this.communityId}/sheet.pdf${s ? `?scenario=${s}` : ''}"
              >${t('sheet.pdf')}</a
            >`
          : ''
      }
      ${
        this.editable
          ? html`<label class="file"
                >${t('import.geojson')}
                <input
                  type="file"
                  accept=".geojson,.json,application/geo+json,application/json"
                  @change=${this._onFile}
              /></label>
              <button data-action="survey-open" @click=${() => this._emit('rpm-survey-open', {})}>
                ${t('survey.open')}
              </button>`
          : ''
      }
    `;
  }

  private readonly _onFile = (e: Event): void => {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    if (file) this._emit('rpm-import', { file, crs: this._crs });
    input.value = '';
  };

  private _emit(type: string, detail: unknown): void {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }
}

customElements.define('rpm-compare-bar', RpmCompareBar);

declare global {
  interface HTMLElementTagNameMap {
    'rpm-compare-bar': RpmCompareBar;
  }
}
