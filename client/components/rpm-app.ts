import { css, html, LitElement, nothing } from 'lit';
import { FACILITY_CATEGORIES } from '../../domain/standards/rules';
import { ApiError } from '../api/api-error';
import { getDistricts } from '../api/get-districts';
import { getHealth } from '../api/get-health';
import type { District } from '../api/types';
import { DistrictDataController, LOAD_STEPS } from '../data/district-data.controller';
import {
  pickedId,
  type CommunityFeature,
  type DistrictData,
  type PickedFeature,
} from '../data/district-data';
import { readStoredLocale, storeLocale } from '../i18n/locale-store';
import { translate, type Locale } from '../i18n/translate';
import { bboxOf } from '../map/bbox-of';
import { DEFAULT_VISIBILITY, type LayerGroup, type LayerVisibility } from '../map/layer-groups';
import type { EngineStatus } from './rpm-header';
import type { RpmMap } from './rpm-map';
import './rpm-community-list';
import './rpm-details-panel';
import './rpm-error-banner';
import './rpm-header';
import './rpm-layer-panel';
import './rpm-map';
import './rpm-progress-bar';

/** Localised text for a failed call: network trouble, or the server's own code and message. */
function errorMessage(locale: Locale, error: unknown): string {
  if (error instanceof ApiError) {
    return error.code === 'network'
      ? translate(locale, 'error.network')
      : translate(locale, 'error.server', { code: error.code, message: error.message });
  }
  return translate(locale, 'error.server', {
    code: 'client',
    message: error instanceof Error ? error.message : String(error),
  });
}

/**
 * The application shell: header, community list, map, layer and details panels. Holds the
 * app state (language, district, layer visibility, hovered and pinned feature) and passes it
 * down; children report user intent with events.
 */
export class RpmApp extends LitElement {
  static override properties = {
    _locale: { state: true },
    _districts: { state: true },
    _districtId: { state: true },
    _districtsError: { state: true },
    _engine: { state: true },
    _visibility: { state: true },
    _hovered: { state: true },
    _selected: { state: true },
    _mapError: { state: true },
    _errorDismissed: { state: true },
  };

  private _locale: Locale = readStoredLocale();
  private _districts: District[] | undefined;
  private _districtId: string | null = null;
  private _districtsError: unknown = null;
  private _engine: EngineStatus = { state: 'unknown' };
  private _visibility: LayerVisibility = DEFAULT_VISIBILITY;
  private _hovered: PickedFeature | null = null;
  private _selected: PickedFeature | null = null;
  private _mapError: unknown = null;
  private _errorDismissed = false;
  private readonly _loader = new DistrictDataController(this);

  static override styles = css`
    :host {
      display: grid;
      grid-template-rows: var(--rpm-header-height) 1fr;
      grid-template-columns: var(--rpm-sidebar-width) 1fr var(--rpm-panel-width);
      grid-template-areas:
        'header header header'
        'list map panel';
      height: 100%;
      min-height: 0;
    }
    rpm-header {
      grid-area: header;
    }
    rpm-community-list {
      grid-area: list;
      border-right: 1px solid var(--rpm-color-border);
      min-height: 0;
    }
    main {
      grid-area: map;
      position: relative;
      min-width: 0;
      min-height: 0;
    }
    rpm-map {
      position: absolute;
      inset: 0;
    }
    .overlays {
      position: absolute;
      top: 0;
      left: 0;
      right: 0;
      z-index: 4;
      display: flex;
      flex-direction: column;
      pointer-events: none;
    }
    rpm-error-banner {
      margin: var(--rpm-space-3) auto 0;
      width: min(560px, calc(100% - 32px));
      pointer-events: auto;
    }
    .panel {
      grid-area: panel;
      display: flex;
      flex-direction: column;
      min-height: 0;
      background: var(--rpm-color-surface);
      border-left: 1px solid var(--rpm-color-border);
    }
    rpm-layer-panel {
      flex: none;
      max-height: 62%;
      overflow-y: auto;
      border-bottom: 1px solid var(--rpm-color-border);
    }
    rpm-details-panel {
      flex: 1;
    }
    @media (max-width: 1100px) {
      :host {
        --rpm-sidebar-width: 240px;
        --rpm-panel-width: 270px;
      }
    }
  `;

  override connectedCallback(): void {
    super.connectedCallback();
    document.documentElement.lang = this._locale;
    document.title = translate(this._locale, 'app.title');
    void this._loadHealth();
    void this._loadDistricts();
  }

  override render() {
    const state = this._loader.state;
    const data: DistrictData | undefined = state.status === 'loaded' ? state.data : undefined;
    const district = this._districts?.find((d) => String(d.id) === this._districtId);
    const pinned = this._selected !== null;
    return html`
      <rpm-header
        .locale=${this._locale}
        .districts=${this._districts ?? []}
        .districtId=${this._districtId}
        .engine=${this._engine}
        @rpm-locale-change=${(e: CustomEvent<{ locale: Locale }>) => this._setLocale(e.detail.locale)}
        @rpm-district-change=${(e: CustomEvent<{ districtId: string }>) =>
          this._selectDistrict(e.detail.districtId)}
      ></rpm-header>
      <rpm-community-list
        .locale=${this._locale}
        .communities=${data?.communities ?? []}
        .selectedId=${this._selected?.type === 'community' ? pickedId(this._selected) : null}
        ?loading=${state.status === 'loading' || this._districts === undefined}
        @rpm-community-select=${(e: CustomEvent<{ community: CommunityFeature }>) =>
          this._flyToCommunity(e.detail.community)}
      ></rpm-community-list>
      <main>
        <rpm-map
          .locale=${this._locale}
          .data=${data}
          .visibility=${this._visibility}
          .selected=${this._selected}
          .bounds=${district?.bbox}
          @rpm-feature-hover=${(e: CustomEvent<{ feature: PickedFeature | null }>) =>
            (this._hovered = e.detail.feature)}
          @rpm-feature-click=${(e: CustomEvent<{ feature: PickedFeature | null }>) =>
            (this._selected = e.detail.feature)}
          @rpm-map-error=${(e: CustomEvent<{ error: unknown }>) => {
            this._mapError = e.detail.error;
            this._errorDismissed = false;
          }}
        ></rpm-map>
        <div class="overlays">${this._renderProgress()} ${this._renderError()}</div>
      </main>
      <div class="panel">
        <rpm-layer-panel
          .locale=${this._locale}
          .visibility=${this._visibility}
          .facilityCategories=${this._facilityCategories(data)}
          @rpm-layer-toggle=${(e: CustomEvent<{ group: LayerGroup; visible: boolean }>) =>
            (this._visibility = { ...this._visibility, [e.detail.group]: e.detail.visible })}
        ></rpm-layer-panel>
        <rpm-details-panel
          .locale=${this._locale}
          .feature=${this._selected ?? this._hovered}
          ?pinned=${pinned}
          @rpm-details-clear=${() => (this._selected = null)}
        ></rpm-details-panel>
      </div>
    `;
  }

  private _renderProgress() {
    const state = this._loader.state;
    if (this._districts === undefined && !this._districtsError) {
      return html`<rpm-progress-bar
        .label=${translate(this._locale, 'loading.district', { done: 0, total: LOAD_STEPS.length })}
      ></rpm-progress-bar>`;
    }
    if (state.status !== 'loading') return nothing;
    const pending = LOAD_STEPS.filter((s) => !state.done.includes(s))
      .map((s) => translate(this._locale, `loading.step.${s}`))
      .join(this._locale === 'en' ? ', ' : '、');
    const label = translate(this._locale, 'loading.district', {
      done: state.done.length,
      total: LOAD_STEPS.length,
    });
    return html`<rpm-progress-bar
      .value=${state.done.length}
      .max=${LOAD_STEPS.length}
      .label=${pending ? `${label} · ${pending}` : label}
    ></rpm-progress-bar>`;
  }

  private _renderError() {
    if (this._errorDismissed) return nothing;
    const state = this._loader.state;
    const error =
      this._districtsError ?? (state.status === 'error' ? state.error : null) ?? this._mapError;
    if (!error) return nothing;
    const isMapError = error === this._mapError;
    const message = isMapError
      ? translate(this._locale, 'error.mapInit', {
          message: error instanceof Error ? error.message : String(error),
        })
      : errorMessage(this._locale, error);
    return html`<rpm-error-banner
      .locale=${this._locale}
      .message=${message}
      ?retryable=${!isMapError}
      @rpm-retry=${this._retry}
      @rpm-dismiss=${() => (this._errorDismissed = true)}
    ></rpm-error-banner>`;
  }

  private _facilityCategories(data: DistrictData | undefined): string[] {
    if (!data) return [];
    const present = new Set(data.facilities.map((f) => f.properties.category));
    return FACILITY_CATEGORIES.filter((c) => present.has(c.id)).map((c) => c.id);
  }

  private async _loadHealth(): Promise<void> {
    try {
      this._engine = { state: 'ok', health: await getHealth() };
    } catch {
      this._engine = { state: 'down' };
    }
  }

  private async _loadDistricts(): Promise<void> {
    this._districtsError = null;
    this._districts = undefined;
    try {
      const districts = await getDistricts();
      this._districts = districts;
      const first = districts[0];
      if (first) this._selectDistrict(String(first.id));
    } catch (error) {
      this._districtsError = error;
      this._districts = [];
      this._errorDismissed = false;
    }
  }

  private _selectDistrict(districtId: string): void {
    if (districtId === this._districtId && this._loader.state.status !== 'error') return;
    this._districtId = districtId;
    this._selected = null;
    this._hovered = null;
    this._errorDismissed = false;
    void this._loader.load(districtId);
  }

  private _flyToCommunity(community: CommunityFeature): void {
    this._selected = {
      type: 'community',
      properties: community.properties,
      geometry: community.geometry,
    };
    const bbox = bboxOf([community.geometry]);
    if (bbox) this.renderRoot.querySelector<RpmMap>('rpm-map')?.flyTo(bbox);
  }

  private _setLocale(locale: Locale): void {
    this._locale = locale;
    storeLocale(locale);
    document.documentElement.lang = locale;
    document.title = translate(locale, 'app.title');
  }

  private _retry(): void {
    this._errorDismissed = false;
    if (this._districtsError) {
      void this._loadDistricts();
      void this._loadHealth();
    } else if (this._districtId) {
      void this._loader.load(this._districtId);
    }
  }
}

customElements.define('rpm-app', RpmApp);

declare global {
  interface HTMLElementTagNameMap {
    'rpm-app': RpmApp;
  }
}
