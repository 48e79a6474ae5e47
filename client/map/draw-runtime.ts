import type { Feature, Geometry, LineString, Point, Polygon, Position } from 'geojson';
import type { Map as MapLibreMap } from 'maplibre-gl';
import {
  TerraDraw,
  TerraDrawLineStringMode,
  TerraDrawPointMode,
  TerraDrawPolygonMode,
  TerraDrawRectangleMode,
  TerraDrawSelectMode,
  type GeoJSONStoreFeatures,
  type SnapToCustom,
} from 'terra-draw';
import { TerraDrawMapLibreGLAdapter } from 'terra-draw-maplibre-gl-adapter';
import type { DrawTool } from './draw-tools';
import { snapToFeatures } from './snap-to-features';

export interface DrawCallbacks {
  /** The shape being drawn changed (every pointer move); null when drawing stopped. */
  onDrawChange: (tool: DrawTool, geometry: Geometry | null) => void;
  /** A shape was finished with the given tool. */
  onDrawFinish: (tool: DrawTool, geometry: Geometry) => void;
  /** The feature being edited in select mode was moved or reshaped. */
  onEdit: (featureId: string, geometry: Geometry) => void;
  /** The feature being edited is being dragged (every pointer move, before onEdit). */
  onEditMove?: (featureId: string, geometry: Geometry) => void;
}

/** An editable feature: its app id and geometry. */
export interface EditTarget {
  id: string;
  geometry: Geometry;
}

const MODE_OF_TOOL: Record<DrawTool, string> = {
  select: 'select',
  lot: 'polygon',
  lotRect: 'rectangle',
  kerb: 'linestring',
  fireLane: 'linestring',
  tree: 'point',
  facility: 'point',
  boundary: 'polygon',
  boundarySplit: 'linestring',
};

/**
 * How close (px) a click must come to the first vertex to close a polygon, or to the last one to
 * finish (a double click). terra-draw's default, 40 px, also closes when the next vertex is
 * placed within 40 px of the previous one: the inner corner of an L or U drawn at a usual zoom
 * (the arm's 15–30 m are 20–40 px at z17) closed the lot early as a triangle (issue 17). Just
 * over the snapping tolerance keeps closing deliberate (click the first vertex, double-click, or
 * press Enter) and still lets a click on a vertex that snapped up to SNAP_TOLERANCE_PX away
 * close or finish. Lines (kerbs, fire lanes) keep terra-draw's default.
 */
export const SNAP_TOLERANCE_PX = 10;
export const CLOSE_POINTER_PX = SNAP_TOLERANCE_PX + 2;

/** terra-draw keeps at most 9 decimals (≈ 0.1 mm); more fails its validation. */
const round = (p: Position): Position => [
  Math.round((p[0] as number) * 1e9) / 1e9,
  Math.round((p[1] as number) * 1e9) / 1e9,
];

/** The terra-draw form of a geometry it can edit, or null (multi-geometries are not editable). */
function toDrawFeature(
  target: EditTarget,
): { mode: string; geometry: Point | LineString | Polygon } | null {
  const g = target.geometry;
  if (g.type === 'Point')
    return { mode: 'point', geometry: { type: 'Point', coordinates: round(g.coordinates) } };
  if (g.type === 'LineString')
    return {
      mode: 'linestring',
      geometry: { type: 'LineString', coordinates: g.coordinates.map(round) },
    };
  if (g.type === 'Polygon' && g.coordinates.length === 1)
    return {
      mode: 'polygon',
      geometry: { type: 'Polygon', coordinates: g.coordinates.map((r) => r.map(round)) },
    };
  return null;
}

type Bounds = [number, number, number, number];
const boundsCache = new WeakMap<Feature, Bounds>();
function boundsOf(f: Feature): Bounds {
  const cached = boundsCache.get(f);
  if (cached) return cached;
  const b: Bounds = [Infinity, Infinity, -Infinity, -Infinity];
  const visit = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number') {
      b[0] = Math.min(b[0], c[0]);
      b[1] = Math.min(b[1], c[1] as number);
      b[2] = Math.max(b[2], c[0]);
      b[3] = Math.max(b[3], c[1] as number);
    } else if (Array.isArray(c)) for (const x of c) visit(x);
  };
  if (f.geometry && 'coordinates' in f.geometry) visit(f.geometry.coordinates);
  boundsCache.set(f, b);
  return b;
}

/**
 * terra-draw on the MapLibre map: the drawing tools, and the edit handles (move, reshape,
 * midpoints) of the one feature selected for editing. The app's features are drawn by deck.gl;
 * terra-draw only holds what is being drawn or edited. Snaps to the vertices and edges of the
 * loaded features (buildings, roads, kerbs, lanes) with a custom snapping function, since
 * terra-draw's own snapping only knows its own features.
 */
export class DrawRuntime {
  private readonly _draw: TerraDraw;
  private _tool: DrawTool = 'select';
  private _snapFeatures: readonly Feature[] = [];
  private _editing: EditTarget | null = null;
  private _editDrawId: string | number | null = null;
  private _started = false;
  private _pendingEdit: EditTarget | null = null;

  constructor(
    private readonly _map: MapLibreMap,
    private readonly _callbacks: DrawCallbacks,
  ) {
    const snapping = { toCustom: this._snap, toCoordinate: true } as const;
    const styles = {
      fillColor: '#2f80ed',
      fillOpacity: 0.12,
      outlineColor: '#1f4e79',
      outlineWidth: 2,
    } as const;
    this._draw = new TerraDraw({
      adapter: new TerraDrawMapLibreGLAdapter({ map: _map, coordinatePrecision: 9 }),
      modes: [
        new TerraDrawSelectMode({
          keyEvents: null,
          flags: {
            polygon: {
              feature: {
                draggable: true,
                coordinates: { draggable: true, midpoints: true, snappable: snapping },
              },
            },
            linestring: {
              feature: {
                draggable: true,
                coordinates: { draggable: true, midpoints: true, snappable: snapping },
              },
            },
            point: { feature: { draggable: true } },
          },
        }),
        new TerraDrawPolygonMode({ snapping, styles, pointerDistance: CLOSE_POINTER_PX }),
        new TerraDrawRectangleMode({ styles }),
        new TerraDrawLineStringMode({
          snapping,
          styles: { lineStringColor: '#1f4e79', lineStringWidth: 3 },
        }),
        new TerraDrawPointMode({ styles: { pointColor: '#2e7d32', pointWidth: 6 } }),
      ],
    });
    const start = () => {
      this._draw.start();
      this._started = true;
      this._draw.on('change', this._onChange);
      this._draw.on('finish', this._onFinish);
      this._draw.setMode(MODE_OF_TOOL[this._tool]);
      if (this._pendingEdit) this.setEditing(this._pendingEdit);
    };
    if (_map.isStyleLoaded()) start();
    else _map.once('load', start);
  }

  get tool(): DrawTool {
    return this._tool;
  }

  /** Switches tool; an unfinished shape of the previous tool is discarded. */
  setTool(tool: DrawTool): void {
    if (tool === this._tool) return;
    const previous = this._tool;
    this._tool = tool;
    if (!this._started) return;
    if (previous !== 'select') this._callbacks.onDrawChange(previous, null);
    this._clear();
    this._draw.setMode(MODE_OF_TOOL[tool]);
  }

  /** Abandons the shape being drawn (Esc). */
  cancel(): void {
    if (!this._started || this._tool === 'select') return;
    this._clear();
    this._draw.setMode(MODE_OF_TOOL[this._tool]);
    this._callbacks.onDrawChange(this._tool, null);
  }

  /** Features to snap to (the loaded data of the view). */
  setSnapFeatures(features: readonly Feature[]): void {
    this._snapFeatures = features;
  }

  /** The feature that gets edit handles in select mode, or null for none. */
  setEditing(target: EditTarget | null): void {
    if (!this._started) {
      this._pendingEdit = target;
      return;
    }
    const same =
      target &&
      this._editing &&
      target.id === this._editing.id &&
      JSON.stringify(toDrawFeature(target)?.geometry) ===
        JSON.stringify(this._currentEditGeometry());
    if (same) return;
    this._editing = target;
    if (this._tool !== 'select') return;
    this._clear();
    if (!target) return;
    const form = toDrawFeature(target);
    if (!form) return;
    const id = this._draw.getFeatureId();
    const [result] = this._draw.addFeatures([
      {
        id,
        type: 'Feature',
        geometry: form.geometry,
        properties: { mode: form.mode, planId: target.id },
      },
    ]);
    if (!result?.valid) {
      console.warn('[draw] not editable:', result?.reason);
      return;
    }
    this._editDrawId = id;
    this._draw.selectFeature(id);
  }

  destroy(): void {
    if (this._started) this._draw.stop();
  }

  private _currentEditGeometry(): Geometry | undefined {
    if (this._editDrawId === null) return undefined;
    return this._draw.getSnapshotFeature(this._editDrawId)?.geometry;
  }

  private _clear(): void {
    this._editDrawId = null;
    this._draw.clear();
  }

  private readonly _snap: SnapToCustom = (event) => {
    const tolerancePx = SNAP_TOLERANCE_PX;
    const pointer = { x: event.containerX, y: event.containerY };
    const a = this._map.unproject([pointer.x - tolerancePx, pointer.y + tolerancePx]);
    const b = this._map.unproject([pointer.x + tolerancePx, pointer.y - tolerancePx]);
    const near = this._snapFeatures.filter((f) => {
      const [w, s, e, n] = boundsOf(f);
      return e >= a.lng && w <= b.lng && n >= a.lat && s <= b.lat;
    });
    if (near.length === 0) return undefined;
    return snapToFeatures(
      pointer,
      near,
      (lng, lat) => this._map.project([lng, lat]),
      (x, y) => this._map.unproject([x, y]),
      tolerancePx,
    );
  };

  private readonly _onChange = (ids: Array<string | number>): void => {
    if (this._tool === 'select') {
      this._onEditMove(ids);
      return;
    }
    for (const id of ids) {
      const f = this._draw.getSnapshotFeature(id);
      if (f && this._isShape(f)) {
        this._callbacks.onDrawChange(this._tool, f.geometry);
        return;
      }
    }
  };

  private readonly _onFinish = (id: string | number, context: { action: string }): void => {
    const f = this._draw.getSnapshotFeature(id);
    if (!f) return;
    if (this._tool === 'select') {
      const planId = f.properties['planId'];
      if (typeof planId === 'string' && context.action !== 'draw') {
        this._editing = { id: planId, geometry: f.geometry };
        this._callbacks.onEdit(planId, f.geometry);
      }
      return;
    }
    if (context.action !== 'draw') return;
    const tool = this._tool;
    // The app keeps the finished shape (and draws it with deck.gl): clear terra-draw's copy.
    this._draw.removeFeatures([id]);
    this._callbacks.onDrawFinish(tool, f.geometry);
  };

  /** Reports the edited feature's geometry while it is dragged (live coverage, issue #5). */
  private _onEditMove(ids: Array<string | number>): void {
    if (this._editDrawId === null || !ids.includes(this._editDrawId)) return;
    const f = this._draw.getSnapshotFeature(this._editDrawId);
    const planId = f?.properties['planId'];
    if (f && typeof planId === 'string') this._callbacks.onEditMove?.(planId, f.geometry);
  }

  /** A drawn shape, not one of terra-draw's guidance points (closing, snapping, midpoints). */
  private _isShape(f: GeoJSONStoreFeatures): boolean {
    const p = f.properties;
    return (
      p['mode'] === MODE_OF_TOOL[this._tool] &&
      !p['closingPoint'] &&
      !p['snappingPoint'] &&
      !p['coordinatePoint'] &&
      !p['midPoint'] &&
      !p['selectionPoint']
    );
  }
}
