import { css, html, LitElement } from 'lit';
import { cgcs2000GaussKruger } from '../../domain/export/cgcs2000-gauss-kruger';
import { translate, type Locale } from '../i18n/translate';

export type CadExportFormat = 'dxf' | 'zip' | 'gpkg';

const FORMATS: readonly CadExportFormat[] = ['dxf', 'zip', 'gpkg'];

/** EPSG code ranges of the four CGCS2000 Gauss-Krüger families, as option groups. */
const GK_GROUPS = [
  ['cadExport.group.gk3', 4534, 4554],
  ['cadExport.group.gk3prefix', 4513, 4533],
  ['cadExport.group.gk6prefix', 4491, 4501],
  ['cadExport.group.gk6', 4502, 4512],
] as const;

const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => a + i);

/**
 * Export for CAD and GIS (issue 11 item 3): a format select (DXF / Shapefile / GeoPackage), a
 * coordinate-system select (DXF: the scenario's own 3° zone by default, or any CGCS2000
 * Gauss-Krüger code; Shapefile and GeoPackage also WGS84, GCJ-02, BD-09) and a download link
 * to GET /api/scenarios/:id/export.{dxf|zip|gpkg}.
 */
export class RpmCadExport extends LitElement {
  static override properties = {
    locale: {},
    scenarioId: {},
    _format: { state: true },
    _crs: { state: true },
  };

  locale: Locale = 'zh-CN';
  scenarioId: string | null = null;
  private _format: CadExportFormat = 'dxf';
  /** '' = the server's default (DXF: the 3° zone of the centre; others: WGS84). */
  private _crs = '';

  static override styles = css`
    :host {
      /* Its own row of the compare bar, wrapping inside the narrow side panel. */
      display: flex;
      flex: 1 1 100%;
      flex-wrap: wrap;
      align-items: center;
      gap: 4px;
      min-width: 0;
    }
    select,
    a {
      font: inherit;
      background: var(--rpm-color-surface);
      color: var(--rpm-color-text);
      border: 1px solid var(--rpm-color-border-strong);
      border-radius: var(--rpm-radius-s);
      padding: 3px 6px;
      text-decoration: none;
      max-width: 100%;
      min-width: 0;
    }
    a {
      cursor: pointer;
    }
    select[data-cad-export='crs'] {
      flex: 1 1 8em;
    }
    .tag {
      color: var(--rpm-color-text-muted, #666);
    }
  `;

  /** The download URL for the current choice (exposed for tests). */
  get href(): string {
    const q = this._crs ? `?crs=${encodeURIComponent(this._crs)}` : '';
    return `/api/scenarios/${this.scenarioId}/export.${this._format}${q}`;
  }

  override render() {
    if (!this.scenarioId) return '';
    const t = (k: Parameters<typeof translate>[1]) => translate(this.locale, k);
    const zh = this.locale === 'zh-CN';
    const dxf = this._format === 'dxf';
    return html`
      <span class="tag">CAD/GIS</span>
      <select
        data-cad-export="format"
        aria-label=${t('cadExport.format')}
        @change=${(e: Event) => {
          this._format = (e.target as HTMLSelectElement).value as CadExportFormat;
          // Geographic coordinates make no sense in a DXF (metres): back to the default.
          if (this._format === 'dxf' && !this._crs.startsWith('EPSG:')) this._crs = '';
        }}
      >
        ${FORMATS.map(
          (f) =>
            html`<option value=${f} ?selected=${f === this._format}>
              ${t(`cadExport.format.${f}`)}
            </option>`,
        )}
      </select>
      <select
        data-cad-export="crs"
        aria-label=${t('cadExport.crs')}
        @change=${(e: Event) => (this._crs = (e.target as HTMLSelectElement).value)}
      >
        <option value="" ?selected=${this._crs === ''}>
          ${dxf ? t('cadExport.crs.autoZone') : 'WGS84'}
        </option>
        ${
          dxf
            ? ''
            : html`<optgroup label=${t('cadExport.group.web')}>
                ${['gcj02', 'bd09'].map(
                  (c) =>
                    html`<option value=${c} ?selected=${this._crs === c}>
                      ${c === 'gcj02' ? 'GCJ-02' : 'BD-09'}
                    </option>`,
                )}
              </optgroup>`
        }
        ${GK_GROUPS.map(
          ([key, a, b]) =>
            html`<optgroup label=${t(key)}>
              ${range(a, b).map((epsg) => {
                const crs = cgcs2000GaussKruger(epsg)!;
                const v = `EPSG:${epsg}`;
                // Short: the option group names the family; the title has the full name.
                const zone = crs.zonePrefix ? (zh ? `第${crs.zone}带 ` : `zone ${crs.zone} `) : '';
                return html`<option
                  value=${v}
                  title=${zh ? crs.label.zh : crs.label.en}
                  ?selected=${this._crs === v}
                >
                  ${v} · ${zone}${crs.centralMeridianDeg}°E
                </option>`;
              })}
            </optgroup>`,
        )}
      </select>
      <a
        data-cad-export="download"
        href=${this.href}
        title=${t('cadExport.download.title')}
        download
        >${t('cadExport.download')}</a
      >
    `;
  }
}

customElements.define('rpm-cad-export', RpmCadExport);

declare global {
  interface HTMLElementTagNameMap {
    'rpm-cad-export': RpmCadExport;
  }
}
