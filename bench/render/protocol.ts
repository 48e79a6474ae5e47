/**
 * What the bench (Node) and the bench page (browser) exchange through `page.evaluate`: plain
 * JSON, typed once here and imported as types only on both sides.
 */

/** [west, south, east, north] in degrees. */
export type Bbox = [number, number, number, number];

/** The two maps panned side by side in time: background only, and every building. */
export type StyleKind = 'empty' | 'buildings';

export interface PanOptions {
  /** Absolute tile URL template (workers cannot resolve page-relative URLs). */
  tileUrl: string;
  center: [number, number];
  zoom: number;
  /** Radius of the circular pan path in CSS pixels. */
  radiusPx: number;
  /** Steps (frames) in one lap of the path. */
  stepsPerLap: number;
  /** Points of the path visited (each until 'idle') before measuring: loads its tiles. */
  warmupPoints: number;
  /** Laps measured, per map and per measure. */
  laps: number;
  /** Presented frames: the maps take turns on screen every this many steps. */
  turnSteps: number;
}

export interface PanStyleResult {
  /** Presented frames: intervals between animation frames while panning, in ms. */
  frameMs: number[];
  /** Frame cost: each step rendered synchronously and waited for on the GPU, in ms. */
  costMs: number[];
  /** Features drawn at the starting viewport (queryRenderedFeatures). */
  renderedFeatures: number;
}

export type PanResult = Record<StyleKind, PanStyleResult>;

/** 'none': the empty map (background only), the floor every source's first render includes. */
export type SourceKind = 'tiles' | 'geojson' | 'none';

export interface FirstRenderOptions {
  source: SourceKind;
  /** Vector tile URL template (source 'tiles'). */
  tileUrl: string;
  /** Absolute URL of GET /api/districts/:id/features, without query (source 'geojson': one
   *  source holding buildings, roads and green). */
  featuresUrl: string;
  bbox: Bbox;
  /** Give up after this long. */
  timeoutMs: number;
}

export interface FirstRenderResult {
  source: SourceKind;
  /** From `new Map()` (style and bounds given) to the first 'idle' with features on screen. */
  ms: number;
  /** Zoom the map settled at after fitting the bbox. */
  zoom: number;
  /** Features on screen at that moment (queryRenderedFeatures over the feature layers). */
  renderedFeatures: number;
}

/** Installed by the bench page as `window.renderBench`. */
export interface RenderBenchApi {
  /** Resolves once MapLibre is loaded and WebGL works; returns the WebGL renderer string. */
  ready(): Promise<string>;
  pan(options: PanOptions): Promise<PanResult>;
  firstRender(options: FirstRenderOptions): Promise<FirstRenderResult>;
}
