import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import {
  DxfWriter,
  LWPolylineFlags,
  TextHorizontalAlignment,
  TextVerticalAlignment,
  Units,
  point3d,
} from '@tarikjabiri/dxf';
import { FEATURE_KINDS, isFeatureKind, type FeatureKind } from '../model/feature-kinds';
import { RULES } from '../standards/rules';
import { CAD_EXTRA_LAYERS, CAD_LAYERS } from './cad-layers';
import { offsetPolyline, type XY } from './offset-polyline';

/** The text style of every label: GB fonts that ship with AutoCAD (SHX + Chinese big font). */
export const DXF_TEXT_STYLE = {
  name: 'RPM_HZ',
  fontFileName: 'gbenor.shx',
  bigFontFileName: 'gbcbig.shx',
} as const;

/** Label heights in drawing metres (a 1:500 sheet prints 2 m as 4 mm). */
const TEXT_HEIGHT_M: Partial<Record<FeatureKind, number>> & { default: number } = {
  building: 2,
  parking_stall: 0.6,
  fire_lane: 1.5,
  default: 1.2,
};
/** Tree crowns are drawn as circles of this radius (the data has no crown size). */
export const TREE_CROWN_RADIUS_M = 2;

type Props = Record<string, unknown> & { props?: Record<string, unknown> | null };

const str = (v: unknown): string | null =>
  typeof v === 'string' && v.trim() !== '' ? v.trim() : typeof v === 'number' ? String(v) : null;

const xy = (p: Position): XY => [p[0]!, p[1]!];

/** A ring's vertices without the closing repeat (the LWPOLYLINE closed flag closes it). */
const openRing = (ring: Position[]): XY[] => {
  const pts = ring.map(xy);
  const [a, b] = [pts[0], pts[pts.length - 1]];
  return a && b && a[0] === b[0] && a[1] === b[1] ? pts.slice(0, -1) : pts;
};

/** The area centroid of a ring (shoelace), or the vertex mean for a degenerate one. */
const ringCentroid = (pts: readonly XY[]): XY => {
  let a = 0;
  let cx = 0;
  let cy = 0;
  const [ox, oy] = pts[0]!;
  for (let i = 0; i < pts.length; i++) {
    const [x0, y0] = pts[i]!;
    const [x1, y1] = pts[(i + 1) % pts.length]!;
    const cross = (x0 - ox) * (y1 - oy) - (x1 - ox) * (y0 - oy);
    a += cross;
    cx += (x0 - ox + x1 - ox) * cross;
    cy += (y0 - oy + y1 - oy) * cross;
  }
  if (Math.abs(a) < 1e-9) {
    const n = pts.length;
    return [pts.reduce((s, p) => s + p[0], 0) / n, pts.reduce((s, p) => s + p[1], 0) / n];
  }
  return [ox + cx / (3 * a), oy + cy / (3 * a)];
};

/** The middle of a polyline's longest segment and that segment's direction in degrees. */
const lineLabelAnchor = (pts: readonly XY[]): { at: XY; angleDeg: number } => {
  let best = 0;
  let bestLen = -1;
  for (let i = 0; i + 1 < pts.length; i++) {
    const len = Math.hypot(pts[i + 1]![0] - pts[i]![0], pts[i + 1]![1] - pts[i]![1]);
    if (len > bestLen) [best, bestLen] = [i, len];
  }
  const [a, b] = [pts[best]!, pts[Math.min(best + 1, pts.length - 1)]!];
  let angleDeg = (Math.atan2(b[1] - a[1], b[0] - a[0]) * 180) / Math.PI;
  // Keep text upright: read from left to right.
  if (angleDeg > 90) angleDeg -= 180;
  if (angleDeg <= -90) angleDeg += 180;
  return { at: [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2], angleDeg };
};

/** The fire lane's width: its own `widthM`, else the code minimum (GB 50016 §7.1.8: 4 m). */
export const fireLaneWidthM = (p: Props): number => {
  const w = Number(p['widthM']);
  return Number.isFinite(w) && w > 0 ? w : RULES.fireLane.minClearWidthM.value;
};

/**
 * The label text of a feature, or null: a building's name (and storeys), a stall's number
 * (its name, else `props.number`, else its 1-based position among the scenario's stalls), a
 * fire lane's name and width, any other feature's name.
 */
export function featureLabel(kind: FeatureKind, p: Props, stallIndex: number): string | null {
  const name = str(p['name']);
  switch (kind) {
    case 'building': {
      const levels = Number(p['levels']);
      const storeys = Number.isFinite(levels) && levels > 0 ? `${levels}层` : null;
      return [name, storeys].filter(Boolean).join(' ') || null;
    }
    case 'parking_stall':
      return name ?? str(p.props?.['number']) ?? String(stallIndex);
    case 'fire_lane':
      return `${name ?? '消防车道'} ${fireLaneWidthM(p).toFixed(1)}m`;
    default:
      return name;
  }
}

/**
 * A scenario's features as a DXF drawing, for AutoCAD, 天正 and CASS users.
 *
 * Input: features already projected to planar metres (x east, y north; e.g. CGCS2000
 * Gauss-Krüger by projectToGaussKruger), with the API's properties (kind, name, widthM, levels…).
 * Output: DXF text, AutoCAD 2007 format (AC1021), whose strings are UTF-8 by definition of that
 * version, so Chinese layer names and labels need no code page; $INSUNITS = 6 (metres).
 * - one layer per kind (CAD_LAYERS), one entity per feature part on it: polygons (buildings,
 *   stalls, lots, green…) as closed LWPOLYLINEs (holes as further closed ones), lines as open
 *   LWPOLYLINEs, fire lanes with constant width (group 43) = the lane's width, points as POINTs;
 * - fire lanes' edge lines (centre line ± width / 2) on XFCD_消防车道边线, tree crowns as circles
 *   on ZB_树冠, labels as TEXT on ZJ_注记 in style RPM_HZ (gbenor.shx + big font gbcbig.shx).
 * Features are written in FEATURE_KINDS order, then input order; kinds outside the table and
 * features without geometry are skipped. Deterministic.
 */
export function buildScenarioDxf(fc: FeatureCollection): string {
  const dxf = new DxfWriter();
  dxf.setUnits(Units.Meters);
  const style = dxf.tables.addStyle(DXF_TEXT_STYLE.name);
  style.fontFileName = DXF_TEXT_STYLE.fontFileName;
  style.bigFontFileName = DXF_TEXT_STYLE.bigFontFileName;
  for (const kind of FEATURE_KINDS) dxf.addLayer(CAD_LAYERS[kind].name, CAD_LAYERS[kind].aci);
  for (const l of Object.values(CAD_EXTRA_LAYERS)) dxf.addLayer(l.name, l.aci);

  const ext = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
  const grow = (pts: readonly XY[]) => {
    for (const [x, y] of pts) {
      ext.minX = Math.min(ext.minX, x);
      ext.minY = Math.min(ext.minY, y);
      ext.maxX = Math.max(ext.maxX, x);
      ext.maxY = Math.max(ext.maxY, y);
    }
  };
  const polyline = (pts: readonly XY[], layerName: string, closed: boolean, widthM = 0) => {
    if (pts.length < 2) return;
    grow(pts);
    dxf.addLWPolyline(
      pts.map((p) => ({ point: { x: p[0], y: p[1] } })),
      {
        layerName,
        flags: closed ? LWPolylineFlags.Closed : LWPolylineFlags.None,
        ...(widthM > 0 ? { constantWidth: widthM } : {}),
      },
    );
  };
  const label = (text: string, at: XY, heightM: number, angleDeg = 0) => {
    const p = point3d(at[0], at[1], 0);
    const t = dxf.addText(p, heightM, text, {
      layerName: CAD_EXTRA_LAYERS.labels.name,
      horizontalAlignment: TextHorizontalAlignment.Center,
      verticalAlignment: TextVerticalAlignment.Middle,
      secondAlignmentPoint: p,
      ...(angleDeg !== 0 ? { rotation: Number(angleDeg.toFixed(6)) } : {}),
    });
    t.textStyle = DXF_TEXT_STYLE.name;
  };

  const byKind = new Map<FeatureKind, Feature[]>();
  for (const f of fc.features) {
    const kind = String(f.properties?.['kind'] ?? '');
    if (!f.geometry || !isFeatureKind(kind)) continue;
    byKind.set(kind, [...(byKind.get(kind) ?? []), f]);
  }
  for (const kind of FEATURE_KINDS) {
    const layer = CAD_LAYERS[kind].name;
    const height = TEXT_HEIGHT_M[kind] ?? TEXT_HEIGHT_M.default;
    (byKind.get(kind) ?? []).forEach((f, index) => {
      const p = (f.properties ?? {}) as Props;
      const text = featureLabel(kind, p, index + 1);
      const widthM = kind === 'fire_lane' ? fireLaneWidthM(p) : 0;
      const parts = geometryParts(f.geometry!);
      for (const part of parts) {
        if (part.type === 'polygon') {
          const rings = part.rings.map(openRing);
          rings.forEach((r) => polyline(r, layer, true));
          if (text && rings[0] && rings[0].length >= 3) label(text, ringCentroid(rings[0]), height);
        } else if (part.type === 'line') {
          polyline(part.points, layer, false, widthM);
          if (widthM > 0) {
            polyline(
              offsetPolyline(part.points, widthM / 2),
              CAD_EXTRA_LAYERS.fireLaneEdges.name,
              false,
            );
            polyline(
              offsetPolyline(part.points, -widthM / 2),
              CAD_EXTRA_LAYERS.fireLaneEdges.name,
              false,
            );
          }
          if (text && part.points.length >= 2) {
            const a = lineLabelAnchor(part.points);
            label(text, a.at, height, a.angleDeg);
          }
        } else {
          grow([part.point]);
          dxf.addPoint(part.point[0], part.point[1], 0, { layerName: layer });
          if (kind === 'tree')
            dxf.addCircle(point3d(part.point[0], part.point[1], 0), TREE_CROWN_RADIUS_M, {
              layerName: CAD_EXTRA_LAYERS.treeCrowns.name,
            });
          if (text) label(text, [part.point[0], part.point[1] + height], height);
        }
      }
    });
  }
  if (Number.isFinite(ext.minX)) {
    dxf.setVariable('$EXTMIN', { 10: ext.minX, 20: ext.minY, 30: 0 });
    dxf.setVariable('$EXTMAX', { 10: ext.maxX, 20: ext.maxY, 30: 0 });
  }
  return dxf.stringify();
}

type Part =
  | { type: 'polygon'; rings: Position[][] }
  | { type: 'line'; points: XY[] }
  | { type: 'point'; point: XY };

/** A geometry as its simple parts (multi-geometries and collections flattened). */
function geometryParts(g: Geometry): Part[] {
  switch (g.type) {
    case 'Polygon':
      return [{ type: 'polygon', rings: g.coordinates }];
    case 'MultiPolygon':
      return g.coordinates.map((rings) => ({ type: 'polygon', rings }));
    case 'LineString':
      return [{ type: 'line', points: g.coordinates.map(xy) }];
    case 'MultiLineString':
      return g.coordinates.map((l) => ({ type: 'line', points: l.map(xy) }));
    case 'Point':
      return [{ type: 'point', point: xy(g.coordinates) }];
    case 'MultiPoint':
      return g.coordinates.map((p) => ({ type: 'point', point: xy(p) }));
    case 'GeometryCollection':
      return g.geometries.flatMap(geometryParts);
  }
}
