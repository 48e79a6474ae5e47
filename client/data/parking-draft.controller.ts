import type { Feature, FeatureCollection, Geometry, Polygon, Position } from 'geojson';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { InputError } from '../../domain/geo/input-error';
import { generateParkingLayout } from '../../domain/parking/generate-parking-layout';
import type {
  ParkingAngle,
  ParkingLayoutOptions,
  ParkingLayoutResult,
  ParkingManoeuvre,
} from '../../domain/parking/types';
import type { NewFeature } from '../api/create-feature';
import { aisleMarks } from '../map/aisle-marks';
import type { ParkingNetworkOverlay } from '../map/parking-network-layers';

/** The layout options the planner sets while drawing. */
export interface ParkingDraftOptions {
  angle: ParkingAngle;
  /** 前进停车 (default) or 后退停车 (JGJ 100 表4.3.4: 90° aisle 5.5 m, 60° 4.2 m). */
  manoeuvre?: ParkingManoeuvre;
  side: 'left' | 'right';
  /** 0–1. */
  evShare: number;
  accessibleCount: number;
}

export type ParkingTool = 'lot' | 'lotRect' | 'kerb';

export interface ParkingDraft {
  tool: ParkingTool;
  shape: Geometry;
  /** The shape is complete; the layout waits for confirm or discard. */
  finished: boolean;
  result: ParkingLayoutResult | null;
  error: InputError | null;
}

/** Properties of a previewed (unsaved) stall, shaped like a scenario feature's. */
export interface PreviewStallProperties {
  id: string;
  kind: 'parking_stall';
  category: string;
  stallType: string;
  /** Parking angle, degrees (0 parallel … 90). */
  angleDeg: number;
  sourceId: null;
}

/** What the layout must avoid, from the active scenario. */
export interface DraftContext {
  obstacles: FeatureCollection;
  keepClear: FeatureCollection;
  /** Roads and driveways: a lot's entrance defaults to the edge point nearest them. */
  roads?: FeatureCollection;
  /** The district's local rules as generator options (parkingOptionsOf, issue 12 §1). */
  ruleOptions?: ParkingLayoutOptions;
}

/**
 * Owns the parking layout being drawn: recomputes it with generateParkingLayout at most once
 * per animation frame while the shape changes (the domain function is pure and fast enough to
 * run in the browser), keeps the options, and turns the result into features to save.
 */
export class ParkingDraftController implements ReactiveController {
  options: ParkingDraftOptions = { angle: 'deg90', side: 'left', evShare: 0, accessibleCount: 0 };
  draft: ParkingDraft | null = null;
  /** The lot entrance the planner placed ([lon, lat]), or null for the default. */
  entrance: Position | null = null;
  private _preview: FeatureCollection<Polygon, PreviewStallProperties> | null = null;
  private _network: ParkingNetworkOverlay | null = null;
  private _frame: number | null = null;
  private readonly _host: ReactiveControllerHost;
  private readonly _context: () => DraftContext;

  constructor(host: ReactiveControllerHost, context: () => DraftContext) {
    this._host = host;
    this._context = context;
    host.addController(this);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    if (this._frame !== null) cancelAnimationFrame(this._frame);
    this._frame = null;
  }

  /** The stalls of the current layout, as unsaved features (ids `preview-N`). */
  get preview(): FeatureCollection<Polygon, PreviewStallProperties> | null {
    return this._preview;
  }

  /** The previewed lot's aisles, their direction marks and its entrance (lots only). */
  get network(): ParkingNetworkOverlay | null {
    return this._network;
  }

  /** The shape being drawn changed (null: drawing abandoned). */
  setShape(tool: ParkingTool, shape: Geometry | null, finished = false): void {
    if (!shape) {
      if (!this.draft?.finished) this.clear();
      return;
    }
    // A finished shape stays until confirmed or discarded; a new drawing replaces it.
    this.draft = {
      tool,
      shape,
      finished,
      result: this.draft?.result ?? null,
      error: null,
    };
    this._schedule(finished);
  }

  setOptions(options: ParkingDraftOptions): void {
    this.options = options;
    if (this.draft) this._schedule(true);
    else this._host.requestUpdate();
  }

  /** Places (or moves) the lot's entrance; the domain moves it onto the lot edge. */
  setEntrance(entrance: Position | null): void {
    this.entrance = entrance;
    if (this.draft) this._schedule(true);
    else this._host.requestUpdate();
  }

  /** Recomputes the layout (e.g. after the obstacles changed). */
  refresh(): void {
    if (this.draft) this._schedule(true);
  }

  clear(): void {
    if (this._frame !== null) cancelAnimationFrame(this._frame);
    this._frame = null;
    this.draft = null;
    this.entrance = null;
    this._preview = null;
    this._network = null;
    this._host.requestUpdate();
  }

  /** The features to save for the finished layout: the lot (if any), then its stalls. */
  featuresToSave(lotName: string): NewFeature[] {
    const draft = this.draft;
    const result = draft?.result;
    if (!draft || !result) return [];
    const o = this.options;
    const layout = {
      angle: o.angle,
      ...(o.manoeuvre ? { manoeuvre: o.manoeuvre } : {}),
      side: o.side,
      evShare: o.evShare,
      accessibleCount: o.accessibleCount,
      mode: result.mode,
      ...(result.entrance ? { entrance: result.entrance.geometry.coordinates } : {}),
    };
    const out: NewFeature[] = [];
    if (draft.shape.type === 'Polygon') {
      out.push({
        kind: 'parking_area',
        geometry: draft.shape,
        name: lotName,
        capacity: result.count,
        props: { layout },
      });
    }
    for (const s of result.stalls.features) {
      out.push({
        kind: 'parking_stall',
        geometry: s.geometry,
        category: s.properties.stallType,
        props: { angleDeg: s.properties.angleDeg, row: s.properties.row },
      });
    }
    return out;
  }

  private _schedule(now: boolean): void {
    if (now) {
      if (this._frame !== null) cancelAnimationFrame(this._frame);
      this._frame = null;
      this._compute();
      return;
    }
    if (this._frame !== null) return;
    this._frame = requestAnimationFrame(() => {
      this._frame = null;
      this._compute();
    });
  }

  private _compute(): void {
    const draft = this.draft;
    if (!draft) return;
    const o = this.options;
    const { obstacles, keepClear, roads, ruleOptions } = this._context();
    let result: ParkingLayoutResult | null = null;
    let error: InputError | null = null;
    const lot = draft.shape.type === 'Polygon';
    try {
      result = generateParkingLayout(
        {
          boundary: draft.shape as Polygon,
          obstacles,
          keepClear,
          ...(lot && roads ? { roads } : {}),
          ...(lot && this.entrance ? { entrance: this.entrance } : {}),
        },
        {
          ...ruleOptions,
          angle: o.angle,
          ...(o.manoeuvre ? { manoeuvre: o.manoeuvre } : {}),
          side: o.side,
          evShare: o.evShare,
          accessibleCount: o.accessibleCount,
        },
      );
    } catch (e) {
      // While drawing, a shape with too few points is normal: only report finished shapes.
      if (e instanceof InputError) error = draft.finished ? e : null;
      else throw e;
    }
    this.draft = { ...draft, result, error };
    this._network =
      result?.entrance && result.centrelines
        ? {
            aisles: result.aisles,
            marks: aisleMarks(result.centrelines),
            entrance: result.entrance,
          }
        : null;
    this._preview = result
      ? {
          type: 'FeatureCollection',
          features: result.stalls.features.map(
            (s, i): Feature<Polygon, PreviewStallProperties> => ({
              type: 'Feature',
              geometry: s.geometry,
              properties: {
                id: `preview-${i}`,
                kind: 'parking_stall',
                category: s.properties.stallType,
                stallType: s.properties.stallType,
                angleDeg: s.properties.angleDeg,
                sourceId: null,
              },
            }),
          ),
        }
      : null;
    this._host.requestUpdate();
  }
}
