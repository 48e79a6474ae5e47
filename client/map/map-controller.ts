import type { MapLibreOverlay } from '@deck.gl/maplibre';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Bbox } from '../api/types';
import type { PickedFeature } from '../data/district-data';
import type { Locale } from '../i18n/translate';
import type { DrawCallbacks, EditTarget } from './draw-runtime';
import type { DrawTool } from './draw-tools';
import type { MapRuntime, RuntimeState } from './map-runtime';

/** Types re-exported so components never import the map libraries themselves. */
export type MapInstance = MapLibreMap;
export type MapOverlay = MapLibreOverlay;
export type { EditTarget } from './draw-runtime';

export interface MapControllerCallbacks {
  onHover: (picked: PickedFeature | null, x: number, y: number) => void;
  /** `lngLat`: where the click was, [lon, lat] (e.g. to place a lot's entrance). */
  onClick: (picked: PickedFeature | null, lngLat: [number, number]) => void;
  /** The map could not be created (typically: no WebGL). */
  onError: (error: unknown) => void;
  /** True once the current data is on the map and a frame has been fully drawn. */
  onReadyChange: (ready: boolean) => void;
  /** True while the map libraries load. */
  onLoadingChange: (loading: boolean) => void;
  /** Drawing and editing with terra-draw. */
  draw: DrawCallbacks;
}

/**
 * Owns the map's lifecycle for rpm-map: loads maplibre-gl and deck.gl lazily (so the shell
 * paints first), creates the map once the element has a container, pushes state into it, and
 * removes it (WebGL context, workers, listeners) when the element leaves the page.
 */
export class MapController implements ReactiveController {
  private _runtime: MapRuntime | undefined;
  private _container: HTMLElement | undefined;
  private _state: RuntimeState | undefined;
  private _bounds: Bbox | undefined;
  private _locale: Locale = 'zh-CN';
  /** Increments on every create/destroy, so a slow lazy import cannot revive a removed map. */
  private _generation = 0;
  private _readyFor: object | undefined;
  private _tool: DrawTool = 'select';
  private _editing: EditTarget | null = null;
  private readonly _host: ReactiveControllerHost & HTMLElement;
  private readonly _callbacks: MapControllerCallbacks;

  constructor(host: ReactiveControllerHost & HTMLElement, callbacks: MapControllerCallbacks) {
    this._host = host;
    this._callbacks = callbacks;
    host.addController(this);
  }

  get map(): MapLibreMap | undefined {
    return this._runtime?.map;
  }

  get overlay(): MapLibreOverlay | undefined {
    return this._runtime?.overlay;
  }

  /** Called by the host once its container element exists (firstUpdated). */
  attach(container: HTMLElement, locale: Locale): void {
    this._container = container;
    this._locale = locale;
    if (this._host.isConnected && !this._runtime) void this._create();
  }

  hostConnected(): void {
    if (this._container && !this._runtime) void this._create();
  }

  hostDisconnected(): void {
    this._generation++;
    this._runtime?.destroy();
    this._runtime = undefined;
    this._readyFor = undefined;
    this._callbacks.onReadyChange(false);
  }

  setState(state: RuntimeState): void {
    const dataChanged = state.data !== this._state?.data;
    this._state = state;
    if (!this._runtime) return;
    this._runtime.setState(state);
    if (dataChanged) this._awaitReady();
  }

  setTool(tool: DrawTool): void {
    this._tool = tool;
    this._runtime?.setTool(tool);
  }

  setEditing(target: EditTarget | null): void {
    this._editing = target;
    this._runtime?.setEditing(target);
  }

  cancelDrawing(): void {
    this._runtime?.cancelDrawing();
  }

  /** Frames a bbox; the first framing of a district jumps, later ones fly. */
  fitBounds(bbox: Bbox, animate = true): void {
    this._bounds = bbox;
    this._runtime?.fitBounds(bbox, animate);
  }

  /** Asks MapLibre to re-measure its container (after a layout change). */
  resize(): void {
    this._runtime?.map.resize();
  }

  private async _create(): Promise<void> {
    const generation = ++this._generation;
    this._callbacks.onLoadingChange(true);
    try {
      const { createMapRuntime } = await import('./map-runtime');
      if (generation !== this._generation || !this._container) return;
      this._runtime = createMapRuntime({
        container: this._container,
        locale: this._locale,
        bounds: this._bounds,
        onHover: this._callbacks.onHover,
        onClick: this._callbacks.onClick,
        draw: this._callbacks.draw,
      });
      this._runtime.setTool(this._tool);
      this._runtime.setEditing(this._editing);
    } catch (error) {
      if (generation === this._generation) this._callbacks.onError(error);
      return;
    } finally {
      if (generation === this._generation) this._callbacks.onLoadingChange(false);
    }
    if (this._state) {
      this._runtime.setState(this._state);
      this._awaitReady();
    }
  }

  private _awaitReady(): void {
    const runtime = this._runtime;
    const data = this._state?.data;
    this._readyFor = data;
    this._callbacks.onReadyChange(false);
    if (!runtime || !data) return;
    void runtime.whenIdle().then(() => {
      if (this._runtime === runtime && this._readyFor === data) this._callbacks.onReadyChange(true);
    });
  }
}
