import { css, html, LitElement, type PropertyValues } from 'lit';
import type { Bbox } from '../api/types';
import type { DistrictData, PickedFeature } from '../data/district-data';
import { describeFeature } from '../format/describe-feature';
import { translate, type Locale } from '../i18n/translate';
import type { ChangeOverlay } from '../map/change-layers';
import type { CoverageOverlay } from '../map/coverage-layers';
import { EMPTY_PLAN_OVERLAY, type PlanOverlay } from '../map/deck-layers';
import type { DrawTool } from '../map/draw-tools';
import { DEFAULT_VISIBILITY, type LayerVisibility } from '../map/layer-groups';
import {
  MapController,
  type EditTarget,
  type MapInstance,
  type MapOverlay,
} from '../map/map-controller';
import { maplibreStyles } from '../map/maplibre-css';

interface Tooltip {
  feature: PickedFeature;
  x: number;
  y: number;
}

/**
 * The map: MapLibre basemap from the project's vector tiles plus the deck.gl overlay of the
 * district's data. Rendering only; MapController owns the map's lifecycle.
 *
 * Emits `rpm-feature-hover` and `rpm-feature-click` (detail: `{ feature }`, null for empty
 * space) and `rpm-map-error`. Sets `data-ready="true"` once the current district data is on
 * the map and a frame has been fully drawn (the e2e test waits for it).
 *
 * Drawing: `tool` picks the terra-draw tool; `editing` is the feature that gets edit handles in
 * the select tool. Emits `rpm-draw-change` (detail `{ tool, geometry }`, geometry null when the
 * shape was abandoned), `rpm-draw-finish` (`{ tool, geometry }`) and `rpm-feature-edit`
 * (`{ id, geometry }`, a feature moved or reshaped).
 */
export class RpmMap extends LitElement {
  static override properties = {
    locale: {},
    data: { attribute: false },
    visibility: { attribute: false },
    selected: { attribute: false },
    bounds: { attribute: false },
    plan: { attribute: false },
    tool: {},
    editing: { attribute: false },
    coverage: { attribute: false },
    changes: { attribute: false },
    _tooltip: { state: true },
    _libraryLoading: { state: true },
  };

  locale: Locale = 'zh-CN';
  data: DistrictData | undefined;
  visibility: LayerVisibility = DEFAULT_VISIBILITY;
  selected: PickedFeature | null = null;
  /** The district's extent: the map jumps there when it changes. */
  bounds: Bbox | undefined;
  plan: PlanOverlay = EMPTY_PLAN_OVERLAY;
  tool: DrawTool = 'select';
  editing: EditTarget | null = null;
  /** The coverage view's buildings and isochrones (coverage-layers.ts), or null. */
  coverage: CoverageOverlay | null = null;
  /** Before/after: changed features to highlight (change-layers.ts), or null. */
  changes: ChangeOverlay | null = null;
  private _tooltip: Tooltip | null = null;
  private _libraryLoading = true;

  private readonly _controller = new MapController(this, {
    onHover: (feature, x, y) => {
      this._tooltip = feature ? { feature, x, y } : null;
      this._emit('rpm-feature-hover', { feature });
    },
    onClick: (feature, lngLat) => this._emit('rpm-feature-click', { feature, lngLat }),
    onError: (error) => this._emit('rpm-map-error', { error }),
    onReadyChange: (ready) => {
      if (ready) this.setAttribute('data-ready', 'true');
      else this.removeAttribute('data-ready');
    },
    onLoadingChange: (loading) => (this._libraryLoading = loading),
    draw: {
      onDrawChange: (tool, geometry) => this._emit('rpm-draw-change', { tool, geometry }),
      onDrawFinish: (tool, geometry) => this._emit('rpm-draw-finish', { tool, geometry }),
      onEdit: (id, geometry) => this._emit('rpm-feature-edit', { id, geometry }),
      onEditMove: (id, geometry) => this._emit('rpm-feature-editing', { id, geometry }),
    },
  });

  /** The MapLibre map, once the map library has loaded (read-only; for tests and tools). */
  get map(): MapInstance | undefined {
    return this._controller.map;
  }

  /** The deck.gl overlay, once the map library has loaded (read-only). */
  get overlay(): MapOverlay | undefined {
    return this._controller.overlay;
  }

  /** Flies the map to a bbox (e.g. a community picked from the list). */
  flyTo(bbox: Bbox): void {
    this._controller.fitBounds(bbox, true);
  }

  /** Abandons the shape being drawn (Esc). */
  cancelDrawing(): void {
    this._controller.cancelDrawing();
  }

  static override styles = [
    maplibreStyles,
    css`
      :host {
        display: block;
        position: relative;
        overflow: hidden;
        background: rgb(243 241 236);
      }
      .map {
        position: absolute;
        inset: 0;
      }
      .tooltip {
        position: absolute;
        z-index: 3;
        pointer-events: none;
        max-width: 260px;
        padding: 6px 10px;
        background: rgb(23 32 46 / 0.92);
        color: #fff;
        border-radius: var(--rpm-radius-m);
        box-shadow: var(--rpm-shadow-m);
        font-size: var(--rpm-font-size-s);
        line-height: 1.45;
      }
      .tooltip strong {
        display: block;
        font-size: var(--rpm-font-size-m);
      }
      .tooltip .hint {
        opacity: 0.65;
      }
      .loading {
        position: absolute;
        inset: 0;
        display: grid;
        place-items: center;
        color: var(--rpm-color-text-muted);
        font-size: var(--rpm-font-size-m);
      }
      .maplibregl-ctrl-attrib {
        font-size: 11px;
      }
      .maplibregl-ctrl-scale {
        border-color: #4b5563;
        color: #1f2933;
        background: rgb(255 255 255 / 0.8);
      }
    `,
  ];

  override render() {
    const tooltip = this._tooltip;
    return html`
      <div class="map" role="region" aria-label=${translate(this.locale, 'map.label')}></div>
      ${
        this._libraryLoading
          ? html`<div class="loading">${translate(this.locale, 'loading.map')}</div>`
          : ''
      }
      ${tooltip && this.tool === 'select' ? this._renderTooltip(tooltip) : ''}
    `;
  }

  protected override firstUpdated(): void {
    const container = this.renderRoot.querySelector<HTMLElement>('.map');
    if (container) this._controller.attach(container, this.locale);
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('bounds') && this.bounds) this._controller.fitBounds(this.bounds, false);
    if (changed.has('tool')) {
      this._tooltip = null;
      this._controller.setTool(this.tool);
    }
    if (changed.has('editing') || changed.has('tool')) this._controller.setEditing(this.editing);
    if (
      changed.has('data') ||
      changed.has('visibility') ||
      changed.has('locale') ||
      changed.has('selected') ||
      changed.has('plan') ||
      changed.has('coverage') ||
      changed.has('changes')
    ) {
      this._controller.setState({
        data: this.data,
        visibility: this.visibility,
        locale: this.locale,
        selected: this.selected,
        plan: this.plan,
        coverage: this.coverage,
        changes: this.changes,
      });
    }
  }

  private _renderTooltip({ feature, x, y }: Tooltip) {
    const d = describeFeature(this.locale, feature);
    const width = this.clientWidth;
    // Keep the tooltip inside the map: flip to the left of the pointer near the right edge.
    const left = x > width - 280 ? x - 270 : x + 14;
    return html`<div class="tooltip" style="left:${left}px;top:${y + 14}px">
      <strong>${d.title}</strong>
      ${d.subtitle !== d.title ? html`<span>${d.subtitle}</span><br />` : ''}
      <span class="hint">${translate(this.locale, 'tooltip.click')}</span>
    </div>`;
  }

  private _emit(type: string, detail: unknown): void {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }
}

customElements.define('rpm-map', RpmMap);

declare global {
  interface HTMLElementTagNameMap {
    'rpm-map': RpmMap;
  }
}
