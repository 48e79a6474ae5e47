import { css, html, LitElement, nothing } from 'lit';
import type { District, Health } from '../api/types';
import { LOCALES, translate, type Locale } from '../i18n/translate';

export type EngineStatus =
  { state: 'unknown' } | { state: 'ok'; health: Health } | { state: 'down' };

/**
 * The top bar: product name, the current district (a picker when there are several), the
 * database engine badge and the language switch. Emits `rpm-locale-change` and
 * `rpm-district-change`; owns no state.
 */
export class RpmHeader extends LitElement {
  static override properties = {
    locale: {},
    districts: { attribute: false },
    districtId: { attribute: false },
    engine: { attribute: false },
  };

  locale: Locale = 'zh-CN';
  districts: readonly District[] = [];
  districtId: string | null = null;
  engine: EngineStatus = { state: 'unknown' };

  static override styles = css`
    :host {
      display: flex;
      align-items: center;
      gap: var(--rpm-space-4);
      height: var(--rpm-header-height);
      padding: 0 var(--rpm-space-4);
      background: linear-gradient(90deg, var(--rpm-color-brand-strong), var(--rpm-color-brand));
      color: #fff;
      box-shadow: var(--rpm-shadow-m);
      position: relative;
      z-index: 2;
    }
    .brand {
      display: flex;
      align-items: center;
      gap: var(--rpm-space-3);
      min-width: 0;
    }
    .logo {
      width: 30px;
      height: 30px;
      flex: none;
    }
    h1 {
      margin: 0;
      font-size: 17px;
      font-weight: 600;
      letter-spacing: 0.04em;
      white-space: nowrap;
    }
    .subtitle {
      font-size: var(--rpm-font-size-s);
      opacity: 0.75;
      white-space: nowrap;
    }
    .divider {
      width: 1px;
      align-self: stretch;
      margin: 14px 0;
      background: rgb(255 255 255 / 0.25);
    }
    .district {
      display: flex;
      align-items: baseline;
      gap: var(--rpm-space-2);
      min-width: 0;
    }
    .district .label {
      font-size: var(--rpm-font-size-s);
      opacity: 0.7;
    }
    .district .name {
      font-size: var(--rpm-font-size-l);
      font-weight: 600;
      white-space: nowrap;
      overflow: hidden;
      text-overflow: ellipsis;
    }
    select {
      font: inherit;
      font-weight: 600;
      color: #fff;
      background: rgb(255 255 255 / 0.12);
      border: 1px solid rgb(255 255 255 / 0.3);
      border-radius: var(--rpm-radius-s);
      padding: 3px 6px;
    }
    select option {
      color: var(--rpm-color-text);
    }
    .spacer {
      flex: 1;
    }
    .engine {
      display: inline-flex;
      align-items: center;
      gap: 6px;
      padding: 3px 10px;
      border-radius: 999px;
      background: rgb(255 255 255 / 0.12);
      font-size: var(--rpm-font-size-s);
      white-space: nowrap;
    }
    .dot {
      width: 7px;
      height: 7px;
      border-radius: 50%;
      background: #9aa5b1;
    }
    .engine[data-state='ok'] .dot {
      background: #4ade80;
    }
    .engine[data-state='down'] .dot {
      background: #f87171;
    }
    .lang {
      display: inline-flex;
      border: 1px solid rgb(255 255 255 / 0.35);
      border-radius: var(--rpm-radius-s);
      overflow: hidden;
    }
    .lang button {
      font: inherit;
      font-size: var(--rpm-font-size-s);
      color: #fff;
      background: transparent;
      border: 0;
      padding: 4px 10px;
      cursor: pointer;
    }
    .lang button[aria-pressed='true'] {
      background: #fff;
      color: var(--rpm-color-brand-strong);
      font-weight: 600;
    }
    .lang button:focus-visible,
    select:focus-visible {
      outline: 2px solid #fff;
      outline-offset: -2px;
    }
  `;

  override render() {
    const t = (key: Parameters<typeof translate>[1]) => translate(this.locale, key);
    return html`
      <div class="brand">
        <svg class="logo" viewBox="0 0 32 32" aria-hidden="true">
          <rect x="1" y="1" width="30" height="30" rx="6" fill="rgb(255 255 255 / 0.14)" />
          <path d="M7 24V13l6-4 6 4v11z" fill="#fff" opacity="0.95" />
          <path d="M19 24v-8l4-3 3 2v9z" fill="#fff" opacity="0.6" />
          <path d="M5 25.5h22" stroke="#fbbf24" stroke-width="1.6" stroke-linecap="round" />
        </svg>
        <div>
          <h1>${t('app.title')}</h1>
          <div class="subtitle">${t('app.subtitle')}</div>
        </div>
      </div>
      <div class="divider"></div>
      ${this._renderDistrict()}
      <div class="spacer"></div>
      ${this._renderEngine()}
      <slot></slot>
      <div class="lang" role="group" aria-label=${t('header.language')}>
        ${LOCALES.map(
          (locale) => html`
            <button
              type="button"
              lang=${locale}
              aria-pressed=${locale === this.locale ? 'true' : 'false'}
              @click=${() => this._setLocale(locale)}
            >
              ${translate(this.locale, `lang.${locale}`)}
            </button>
          `,
        )}
      </div>
    `;
  }

  private _renderDistrict() {
    const current = this.districts.find((d) => String(d.id) === this.districtId);
    const nameOf = (d: District) => (this.locale === 'en' && d.nameEn) || d.name;
    const label = translate(this.locale, 'header.district');
    if (this.districts.length > 1) {
      return html`<label class="district">
        <span class="label">${label}</span>
        <select @change=${this._onDistrictChange} aria-label=${label}>
          ${this.districts.map(
            (d) =>
              html`<option value=${String(d.id)} ?selected=${String(d.id) === this.districtId}>
                ${nameOf(d)}
              </option>`,
          )}
        </select>
      </label>`;
    }
    return html`<div class="district">
      <span class="label">${label}</span>
      <span class="name"
        >${current ? nameOf(current) : translate(this.locale, 'header.noDistrict')}</span
      >
    </div>`;
  }

  private _renderEngine() {
    const engine = this.engine;
    const text =
      engine.state === 'ok'
        ? translate(
            this.locale,
            engine.health.engine === 'postgres' ? 'engine.postgres' : 'engine.pglite',
          )
        : translate(this.locale, engine.state === 'down' ? 'engine.offline' : 'engine.unknown');
    const title =
      engine.state === 'ok'
        ? `PostGIS ${engine.health.postgis} · migration ${engine.health.migrationLevel}`
        : nothing;
    return html`<span class="engine" data-state=${engine.state} title=${title}>
      <span class="dot"></span>${translate(this.locale, 'header.engine')}: ${text}
    </span>`;
  }

  private _setLocale(locale: Locale): void {
    if (locale === this.locale) return;
    this.dispatchEvent(
      new CustomEvent('rpm-locale-change', { detail: { locale }, bubbles: true, composed: true }),
    );
  }

  private _onDistrictChange(event: Event): void {
    const districtId = (event.target as HTMLSelectElement).value;
    this.dispatchEvent(
      new CustomEvent('rpm-district-change', {
        detail: { districtId },
        bubbles: true,
        composed: true,
      }),
    );
  }
}

customElements.define('rpm-header', RpmHeader);

declare global {
  interface HTMLElementTagNameMap {
    'rpm-header': RpmHeader;
  }
}
