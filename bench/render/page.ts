/**
 * The bench page's script (browser). Served transpiled by the bench at /bench/page.js; it loads
 * MapLibre from node_modules and installs `window.renderBench` (see protocol.ts), which the
 * bench drives with page.evaluate. Nothing here measures in Node: every figure is taken in the
 * page with performance.now() and requestAnimationFrame.
 */
import type {
  FilterSpecification,
  LayerSpecification,
  Map as MapLibreMap,
  StyleSpecification,
} from 'maplibre-gl';
import type {
  FirstRenderOptions,
  FirstRenderResult,
  PanOptions,
  PanResult,
  RenderBenchApi,
  StyleKind,
} from './protocol';

type MapLibre = typeof import('maplibre-gl');

/** A variable, so TypeScript does not resolve the browser URL as a module. */
const MAPLIBRE_URL = '/vendor/maplibre-gl/maplibre-gl.mjs';
const maplibre = (await import(MAPLIBRE_URL)) as MapLibre;

const TILE_SOURCE_OPTIONS = { minzoom: 12, maxzoom: 16 } as const;
const BACKGROUND: LayerSpecification = {
  id: 'background',
  type: 'background',
  paint: { 'background-color': '#f3f1ec' },
};

/** The feature layers: buildings and green as fills, roads as lines (no symbols: no glyphs). */
type FeatureKind = 'building' | 'road' | 'green';

/** One layer per kind: a source-layer of the tiles, or a `kind` filter on the GeoJSON source. */
function featureLayer(kind: FeatureKind, source: string, fromTiles: boolean): LayerSpecification {
  const where = fromTiles
    ? { source, 'source-layer': kind }
    : { source, filter: ['==', ['get', 'kind'], kind] as FilterSpecification };
  if (kind === 'road') {
    return {
      id: kind,
      type: 'line',
      ...where,
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': '#ffffff', 'line-width': 2 },
    };
  }
  const color = kind === 'green' ? '#cfe6c4' : 'rgb(222 216 206)';
  return { id: kind, type: 'fill', ...where, paint: { 'fill-color': color } };
}

function tileStyle(tileUrl: string, kinds: FeatureKind[]): StyleSpecification {
  return {
    version: 8,
    sources: { baseline: { type: 'vector', tiles: [tileUrl], ...TILE_SOURCE_OPTIONS } },
    layers: [BACKGROUND, ...kinds.map((k) => featureLayer(k, 'baseline', true))],
  };
}

function geojsonStyle(featuresUrl: string, kinds: FeatureKind[]): StyleSpecification {
  // One GeoJSON source holding every kind, fetched from the features API by a MapLibre worker.
  return {
    version: 8,
    sources: { district: { type: 'geojson', data: `${featuresUrl}?kind=${kinds.join(',')}` } },
    layers: [BACKGROUND, ...kinds.map((k) => featureLayer(k, 'district', false))],
  };
}

function panStyle(style: StyleKind, tileUrl: string): StyleSpecification {
  if (style === 'empty') return { version: 8, sources: {}, layers: [BACKGROUND] };
  return tileStyle(tileUrl, ['road', 'building']);
}

const FIRST_RENDER_KINDS: FeatureKind[] = ['green', 'road', 'building'];

function newContainer(): HTMLElement {
  const div = document.createElement('div');
  div.className = 'map';
  document.body.append(div);
  return div;
}

interface BenchMap {
  map: MapLibreMap;
  container: HTMLElement;
  dispose: () => void;
}

function createMap(
  options: Omit<ConstructorParameters<MapLibre['Map']>[0], 'container'>,
): BenchMap {
  const container = newContainer();
  const map = new maplibre.Map({
    container,
    attributionControl: false,
    interactive: false,
    fadeDuration: 0,
    ...options,
  });
  map.on('error', (e) => console.warn('[map error]', e.error?.message ?? e));
  return {
    map,
    container,
    dispose: () => {
      map.remove();
      container.remove();
    },
  };
}

const nextFrame = (): Promise<number> => new Promise((resolve) => requestAnimationFrame(resolve));

/** The next 'idle' (everything loaded and drawn), forcing a repaint so it comes. */
function idle(map: MapLibreMap): Promise<void> {
  return new Promise((resolve) => {
    map.once('idle', () => resolve());
    map.triggerRepaint();
  });
}

function renderedFeatures(map: MapLibreMap, layers: readonly string[]): number {
  const present = layers.filter((id) => map.getLayer(id));
  return present.length ? map.queryRenderedFeatures({ layers: present }).length : 0;
}

/** The pan path: `stepsPerLap` points on a circle of `radiusPx` around `center`. */
function panPath(o: PanOptions): [number, number][] {
  const origin = maplibre.MercatorCoordinate.fromLngLat(o.center);
  // MapLibre's world is 512 px wide at zoom 0.
  const radius = o.radiusPx / (512 * 2 ** o.zoom);
  return Array.from({ length: o.stepsPerLap }, (_, i) => {
    const angle = (2 * Math.PI * i) / o.stepsPerLap;
    const at = new maplibre.MercatorCoordinate(
      origin.x + radius * Math.cos(angle),
      origin.y + radius * Math.sin(angle),
    );
    return at.toLngLat().toArray();
  });
}

/** Skipped at the start of each turn: the frames in which the page swaps the visible map. */
const SETTLE_FRAMES = 2;

/**
 * Presented frames: one step of the path per animation frame, the map rendering in its own
 * animation-frame callback as when a user drags it; returns the intervals between frames.
 */
async function presentedFrames(map: MapLibreMap, centers: [number, number][]): Promise<number[]> {
  for (let i = 0; i < SETTLE_FRAMES; i++) await nextFrame();
  const frames: number[] = [];
  let last = await nextFrame();
  for (const center of centers) {
    map.jumpTo({ center });
    const now = await nextFrame();
    frames.push(now - last);
    last = now;
  }
  return frames;
}

/**
 * Frame cost: one step rendered synchronously (map.redraw) and waited for on the GPU (a
 * one-pixel readPixels): MapLibre's plus SwiftShader's work for the frame, off the display's
 * 60 Hz grid and without compositing.
 */
function frameCost(map: MapLibreMap, center: [number, number]): number {
  const gl = map.getCanvas().getContext('webgl2');
  if (!gl) throw new Error('the map canvas has no WebGL2 context');
  const t0 = performance.now();
  map.jumpTo({ center });
  map.redraw();
  gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(4));
  return performance.now() - t0;
}

const STYLES: StyleKind[] = ['empty', 'buildings'];
/** Alternate which map goes first. */
const inTurn = (turn: number): StyleKind[] => (turn % 2 ? [...STYLES].reverse() : STYLES);

/**
 * Both maps are created together, stacked, and take turns (the other hidden) over the same
 * path: what slows the machine down meanwhile slows both alike.
 */
async function pan(o: PanOptions): Promise<PanResult> {
  const maps: Record<StyleKind, BenchMap> = {
    empty: createMap({ style: panStyle('empty', o.tileUrl), center: o.center, zoom: o.zoom }),
    buildings: createMap({
      style: panStyle('buildings', o.tileUrl),
      center: o.center,
      zoom: o.zoom,
    }),
  };
  const show = (visible: StyleKind | null): void => {
    for (const s of STYLES)
      maps[s].container.style.visibility = s === visible ? 'visible' : 'hidden';
  };
  try {
    const path = panPath(o);
    const every = Math.max(1, Math.floor(path.length / o.warmupPoints));
    const rendered = { empty: 0, buildings: 0 };
    for (const s of STYLES) {
      const { map } = maps[s];
      await idle(map);
      rendered[s] = renderedFeatures(map, ['building', 'road']);
      // Warm-up: every tile on the path is loaded before measuring.
      for (const center of path.filter((_, i) => i % every === 0)) {
        map.jumpTo({ center });
        await idle(map);
      }
    }
    if (rendered.buildings === 0) throw new Error('no buildings drawn before panning');

    const steps = Array.from({ length: o.laps * path.length }, (_, i) => path[i % path.length]!);
    const frameMs = { empty: [] as number[], buildings: [] as number[] };
    for (let k = 0; k < steps.length; k += o.turnSteps) {
      for (const s of inTurn(k / o.turnSteps)) {
        show(s);
        frameMs[s].push(...(await presentedFrames(maps[s].map, steps.slice(k, k + o.turnSteps))));
      }
    }
    show(null);
    const costMs = { empty: [] as number[], buildings: [] as number[] };
    for (const [k, center] of steps.entries()) {
      for (const s of inTurn(k)) costMs[s].push(frameCost(maps[s].map, center));
      // One animation frame between steps lets workers and the page run.
      await nextFrame();
    }
    const result = (s: StyleKind) => ({
      frameMs: frameMs[s],
      costMs: costMs[s],
      renderedFeatures: rendered[s],
    });
    return { empty: result('empty'), buildings: result('buildings') };
  } finally {
    for (const s of STYLES) maps[s].dispose();
  }
}

/**
 * Resolves at the first 'idle' with features on screen (or at the first 'idle' at all if
 * `features` is false) with their count; throws at `deadline`.
 */
async function firstIdle(map: MapLibreMap, features: boolean, deadline: number): Promise<number> {
  for (;;) {
    const timeout = Math.max(0, deadline - performance.now());
    await Promise.race([
      new Promise<void>((resolve) => map.once('idle', () => resolve())),
      new Promise<void>((resolve) => setTimeout(resolve, timeout)),
    ]);
    const count = renderedFeatures(map, FIRST_RENDER_KINDS);
    if (count > 0 || (!features && map.loaded())) return count;
    if (performance.now() >= deadline) throw new Error('nothing drawn before the deadline');
  }
}

async function firstRender(o: FirstRenderOptions): Promise<FirstRenderResult> {
  const style = {
    tiles: () => tileStyle(o.tileUrl, FIRST_RENDER_KINDS),
    geojson: () => geojsonStyle(o.featuresUrl, FIRST_RENDER_KINDS),
    none: () => panStyle('empty', o.tileUrl),
  }[o.source]();
  const t0 = performance.now();
  const { map, dispose } = createMap({ style, bounds: o.bbox, fitBoundsOptions: { padding: 16 } });
  try {
    const count = await firstIdle(map, o.source !== 'none', t0 + o.timeoutMs);
    const ms = performance.now() - t0;
    return { source: o.source, ms, zoom: map.getZoom(), renderedFeatures: count };
  } finally {
    dispose();
  }
}

async function ready(): Promise<string> {
  // Keep the worker pool alive between maps: no map pays for starting the workers.
  maplibre.prewarm();
  const gl = document.createElement('canvas').getContext('webgl2');
  if (!gl) throw new Error('no WebGL2 in this browser');
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  return String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
}

const api: RenderBenchApi = { ready, pan, firstRender };
(globalThis as unknown as { renderBench: RenderBenchApi }).renderBench = api;
document.body.dataset.ready = 'true';
