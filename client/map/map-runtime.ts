import { DISTRICT_FIT_PADDING } from './district-fit-padding';
import { MapLibreOverlay } from '@deck.gl/maplibre';
import {
  AttributionControl,
  Map as MapLibreMap,
  NavigationControl,
  ScaleControl,
  setWorkerUrl,
} from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import type { Bbox } from '../api/types';
import type { PickedFeature } from '../data/district-data';
import { translate, type Locale } from '../i18n/translate';
import { buildBasemapStyle, BASEMAP_LAYER_IDS } from './basemap-style';
import {
  buildDeckLayers,
  FACILITY_LABEL_MIN_ZOOM,
  toPickedFeature,
  type OverlayState,
} from './deck-layers';
import { DrawRuntime, type DrawCallbacks, type EditTarget } from './draw-runtime';
import type { DrawTool } from './draw-tools';

/** The part of the overlay state that the app owns (zoom is the map's own). */
export type RuntimeState = Omit<OverlayState, 'zoom'>;

export interface MapRuntimeOptions {
  container: HTMLElement;
  locale: Locale;
  bounds?: Bbox | undefined;
  onHover: (picked: PickedFeature | null, x: number, y: number) => void;
  onClick: (picked: PickedFeature | null, lngLat: [number, number]) => void;
  draw: DrawCallbacks;
}

/** Where the map looks before any district is known: central Beijing. */
const FALLBACK_CENTER: [number, number] = [116.39, 39.91];

export const OSM_ATTRIBUTION = '© OpenStreetMap contributors';

/**
 * The MapLibre map plus its deck.gl overlay. This module (and so maplibre-gl and deck.gl) is
 * loaded lazily by MapController, after the app shell has painted.
 */
export class MapRuntime {
  readonly map: MapLibreMap;
  readonly overlay: MapLibreOverlay;
  readonly draw: DrawRuntime;
  private _state: RuntimeState | undefined;
  private _labelZoomBand = false;

  constructor(options: MapRuntimeOptions) {
    const { container, locale, bounds } = options;
    // Bundlers move maplibre-gl away from its worker file: say where the worker went.
    setWorkerUrl(workerUrl);
    const tileUrl = `${globalThis.location.origin}/api/tiles/baseline/{z}/{x}/{y}.mvt`;
    this.map = new MapLibreMap({
      container,
      style: buildBasemapStyle(tileUrl),
      ...(bounds
        ? { bounds, fitBoundsOptions: { padding: { ...DISTRICT_FIT_PADDING } } }
        : { center: FALLBACK_CENTER, zoom: 12 }),
      maxZoom: 20,
      attributionControl: false,
      locale: {
        'NavigationControl.ZoomIn': translate(locale, 'map.zoomIn'),
        'NavigationControl.ZoomOut': translate(locale, 'map.zoomOut'),
        'NavigationControl.ResetBearing': translate(locale, 'map.resetBearing'),
      },
    });
    this.map.addControl(new NavigationControl({ visualizePitch: false }), 'top-right');
    this.map.addControl(new ScaleControl({ unit: 'metric', maxWidth: 120 }), 'bottom-left');
    this.map.addControl(
      new AttributionControl({ compact: false, customAttribution: OSM_ATTRIBUTION }),
      'bottom-right',
    );

    // MapLibreOverlay, not @deck.gl/mapbox's MapboxOverlay: the latter reads `map.transform`,
    // which maplibre-gl 6 no longer exposes, and throws on every interleaved frame.
    this.overlay = new MapLibreOverlay({
      interleaved: true,
      // Lanes and kerb lines are a few pixels wide: pick within a small radius of the pointer.
      pickingRadius: 5,
      layers: [],
      onHover: (info) => {
        const picked = toPickedFeature(info);
        // In a drawing tool terra-draw owns the cursor.
        if (this.draw.tool === 'select')
          this.map.getCanvas().style.cursor = picked ? 'pointer' : '';
        options.onHover(picked, info.x, info.y);
      },
    });
    this.map.addControl(this.overlay);
    this.draw = new DrawRuntime(this.map, options.draw);
    // Clicks are picked from the DOM event, not deck.gl's onClick: terra-draw handles the
    // pointer events first and the map's own click then no longer reaches the overlay. A press
    // that moved (a pan or a drag) is not a click.
    const canvas = this.map.getCanvasContainer();
    let down: { x: number; y: number } | null = null;
    canvas.addEventListener('pointerdown', (e) => (down = { x: e.clientX, y: e.clientY }), true);
    canvas.addEventListener(
      'click',
      (e) => {
        const moved = down ? Math.hypot(e.clientX - down.x, e.clientY - down.y) : 0;
        down = null;
        if (moved > 4) return;
        const rect = this.map.getCanvas().getBoundingClientRect();
        const info = this.overlay.pickObject({
          x: e.clientX - rect.left,
          y: e.clientY - rect.top,
          radius: 5,
        });
        const at = this.map.unproject([e.clientX - rect.left, e.clientY - rect.top]);
        options.onClick(info ? toPickedFeature(info) : null, [at.lng, at.lat]);
      },
      true,
    );

    this._labelZoomBand = this.map.getZoom() >= FACILITY_LABEL_MIN_ZOOM;
    this.map.on('zoomend', () => {
      const band = this.map.getZoom() >= FACILITY_LABEL_MIN_ZOOM;
      if (band !== this._labelZoomBand) {
        this._labelZoomBand = band;
        this._render();
      }
    });
    // Tile errors (e.g. a tile the server cannot build) must not break the overlay.
    this.map.on('error', (event) => console.warn('[map]', event.error?.message ?? event));
  }

  setState(state: RuntimeState): void {
    const basemapChanged = state.visibility.basemap !== this._state?.visibility.basemap;
    const dataChanged = state.data !== this._state?.data;
    this._state = state;
    if (basemapChanged) this._applyBasemapVisibility();
    if (dataChanged && state.data) {
      const d = state.data;
      this.draw.setSnapFeatures([
        ...d.buildings,
        ...d.roads,
        ...d.footways,
        ...d.parking,
        ...d.fireLanes,
      ]);
    }
    this._render();
  }

  setTool(tool: DrawTool): void {
    this.draw.setTool(tool);
  }

  setEditing(target: EditTarget | null): void {
    this.draw.setEditing(target);
  }

  cancelDrawing(): void {
    this.draw.cancel();
  }

  fitBounds(bbox: Bbox, animate: boolean): void {
    this.map.fitBounds(bbox, {
      padding: { ...DISTRICT_FIT_PADDING },
      maxZoom: 18,
      animate,
      duration: animate ? 900 : 0,
    });
  }

  /** Resolves after the next frame in which everything (tiles, overlay) is drawn. */
  whenIdle(): Promise<void> {
    return new Promise((resolve) => {
      this.map.once('idle', () => resolve());
      this.map.triggerRepaint();
    });
  }

  destroy(): void {
    this.draw.destroy();
    this.map.remove();
  }

  private _render(): void {
    if (!this._state) return;
    this.overlay.setProps({
      layers: buildDeckLayers({ ...this._state, zoom: this.map.getZoom() }),
    });
  }

  private _applyBasemapVisibility(): void {
    const apply = () => {
      const visibility = this._state?.visibility.basemap === false ? 'none' : 'visible';
      for (const id of BASEMAP_LAYER_IDS) {
        if (this.map.getLayer(id)) this.map.setLayoutProperty(id, 'visibility', visibility);
      }
    };
    if (this.map.isStyleLoaded()) apply();
    else this.map.once('load', apply);
  }
}

export const createMapRuntime = (options: MapRuntimeOptions): MapRuntime => new MapRuntime(options);
