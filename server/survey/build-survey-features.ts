import { RULES } from '../../domain/standards/rules';
import type { Feature, Geometry, Position } from 'geojson';
import { convertCrs } from '../../domain/geo/convert-crs';
import { pointInRing } from '../../domain/geo/point-in-ring';
import { applyHelmert, fitHelmert, type Helmert } from '../../domain/survey/fit-helmert';
import { cm3, epsgOfCm3 } from '../../domain/survey/guess-gk-zone';
import { ApiError } from '../http/api-error';
import { closedRing, closeRing } from './close-polylines';
import {
  mapCoords,
  readSurveyFeatures,
  listOgrLayers,
  type RawFeature,
} from './read-survey-features';
import { reprojectFeatures, transformPoints } from './reproject';
import { withSurveyDataset } from './survey-dataset';

export interface LayerMapping {
  kind: string;
  category?: string | undefined;
  fields?:
    | Partial<
        Record<'name' | 'levels' | 'width_m' | 'households' | 'category' | 'height_m', string>
      >
    | undefined;
}

export interface SurveyRequest {
  crs: string;
  units: 'm' | 'mm';
  local?:
    | {
        helmert?: (Helmert & { base?: string | undefined }) | undefined;
        controlPoints?: { source: number[]; target: number[] }[] | undefined;
      }
    | undefined;
  mapping: Record<string, LayerMapping>;
  labels: boolean;
}

export interface SurveyBuild {
  features: Feature[];
  /** Features the reader could not turn into the mapped kind (open outline for a building …). */
  unusable: { layer: string; index: number; reason: { zh: string; en: string } }[];
  residual: { rmsM: number; maxM: number; points: { index: number; residualM: number }[] } | null;
  bounds: [number, number, number, number];
}

const POINT_KINDS = new Set(['tree', 'gate']);
const LINE_KINDS = new Set(['road', 'fire_lane']);
/** CASS-style floors label: structure letter + floors ("砖6", "混3", "砼12") or a bare number. */
const FLOORS = /^(?:砖|混|钢|砼|框|简|建)?\s*(\d{1,3})\s*(?:层|F)?$/i;

/** Ends closer than this close a polyline (metres; CAD snapping leaves a few millimetres). */
const CLOSE_TOL_M = RULES.surveyImport.closeToleranceM.value;

const average = (cs: Position[]): Position => [
  cs.reduce((s, c) => s + c[0]!, 0) / cs.length,
  cs.reduce((s, c) => s + c[1]!, 0) / cs.length,
];

/** The geometry a raw feature gives for a kind, or a reason why it gives none. */
function shape(f: RawFeature, kind: string, tol: number): Geometry | { zh: string; en: string } {
  const asPolygon = (g: Geometry): Geometry | null => {
    if (g.type === 'Polygon' || g.type === 'MultiPolygon') return g;
    if (g.type === 'LineString' && closedRing(g.coordinates, tol))
      return { type: 'Polygon', coordinates: [closeRing(g.coordinates)] };
    return null;
  };
  if (POINT_KINDS.has(kind) || (kind === 'facility' && f.geometry.type === 'Point')) {
    if (f.geometry.type === 'Point') return f.geometry; // an INSERT's insertion point too
    const ring = f.geometry.type === 'LineString' ? f.geometry.coordinates : null;
    if (ring && closedRing(ring, tol))
      return { type: 'Point', coordinates: average(ring.slice(0, -1)) };
    return {
      zh: '需要点或闭合小图形 (如树的圆)',
      en: 'needs a point or a small closed shape (a tree circle)',
    };
  }
  if (LINE_KINDS.has(kind)) {
    if (f.geometry.type === 'LineString' || f.geometry.type === 'MultiLineString')
      return f.geometry;
    if (f.geometry.type === 'Polygon')
      return { type: 'LineString', coordinates: f.geometry.coordinates[0]! };
    return { zh: '需要线', en: 'needs a line' };
  }
  // polygon kinds: building, parking_stall, parking_area, green, boundary, obstacle, facility
  if (f.exploded) {
    const p = f.exploded.map(asPolygon).find(Boolean);
    if (p) return p;
    return { zh: '图块中没有闭合轮廓', en: 'the block has no closed outline' };
  }
  return (
    asPolygon(f.geometry) ?? {
      zh:
        f.geometry.type === 'LineString'
          ? '多段线未闭合'
          : `几何类型 ${f.geometry.type} 不能作为面`,
      en:
        f.geometry.type === 'LineString'
          ? 'polyline is not closed'
          : `a ${f.geometry.type} cannot be an area`,
    }
  );
}

/** Shoelace area of a closed polyline or polygon's outer ring, m² (0 for anything else). */
function ringAreaSqM(g: Geometry, scale: number): number {
  const ring =
    g.type === 'Polygon'
      ? g.coordinates[0]!
      : g.type === 'LineString' && closedRing(g.coordinates, CLOSE_TOL_M / scale)
        ? g.coordinates
        : null;
  if (!ring || ring.length < 4) return 0;
  let a = 0;
  for (let i = 0; i < ring.length - 1; i++)
    a += ring[i]![0]! * ring[i + 1]![1]! - ring[i + 1]![0]! * ring[i]![1]!;
  return (Math.abs(a) / 2) * scale * scale;
}

const NUMERIC = {
  levels: 'levels',
  width_m: 'widthM',
  households: 'households',
  height_m: 'heightM',
} as const;

/** Typed properties from the mapped attribute fields. */
function typedProps(props: Record<string, unknown>, m: LayerMapping): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [prop, field] of Object.entries(m.fields ?? {})) {
    if (!field) continue;
    const v = props[field];
    if (v === null || v === undefined || v === '') continue;
    if (prop in NUMERIC) {
      const n = Number(String(v).replace(/[^\d.]/g, ''));
      if (Number.isFinite(n) && n > 0)
        out[prop] = prop === 'levels' || prop === 'households' ? Math.round(n) : n;
    } else out[prop] = String(v);
  }
  if (m.category && out.category === undefined) out.category = m.category;
  return out;
}

/**
 * Turn an upload into WGS84 features of the mapped kinds: read with GDAL, shape each feature
 * for its kind (closed polylines → polygons, INSERT → exploded block or its insertion point),
 * scale mm → m, apply a local grid's Helmert (given, or fitted to control points in the base
 * GK zone), fill names/floors from texts inside polygons, reproject with PROJ (or gcoord for
 * GCJ-02/BD-09), and refuse coordinates outside China.
 */
export async function buildSurveyFeatures(
  bytes: Buffer,
  fileName: string,
  req: SurveyRequest,
): Promise<SurveyBuild> {
  const scale = req.units === 'mm' ? 0.001 : 1;
  const features: Feature[] = [];
  const texts: { at: Position; text: string }[] = [];
  const unusable: SurveyBuild['unusable'] = [];
  const perLayer = new Map<string, number>();
  const tol = CLOSE_TOL_M / scale;
  // Areas in m²: projected files by their unit; geographic ones (KML, GeoJSON, WGS84 CSV)
  // by the metres of a degree at the feature's latitude.
  const geographic = /^(wgs84|gcj02|bd09|EPSG:4326|EPSG:4490)$/.test(req.crs);
  const areaScale = (g: Geometry): number => {
    if (!geographic) return scale;
    const first = JSON.stringify(g).match(/-?\d+(\.\d+)?,(-?\d+(\.\d+)?)/);
    const lat = first ? Number(first[2]) : 0;
    return 111_320 * Math.sqrt(Math.cos((lat * Math.PI) / 180));
  };
  await withSurveyDataset(bytes, fileName, async (ds) => {
    const layers = await listOgrLayers(ds);
    await readSurveyFeatures(ds, layers, (f) => {
      const m = req.mapping[f.layer];
      if (f.text !== undefined) {
        if (m?.kind !== 'ignore' && f.geometry.type === 'Point')
          texts.push({ at: f.geometry.coordinates, text: f.text });
        return;
      }
      const index = perLayer.get(f.layer) ?? 0;
      perLayer.set(f.layer, index + 1);
      if (!m || m.kind === 'ignore') return;
      // A CASS 绿化 layer holds tree blocks and the green outlines around them: mapped to
      // `tree`, a drawn (not inserted) closed outline of treeLayerGreenMinAreaSqM or more is a green area.
      const kind =
        m.kind === 'tree' &&
        !f.exploded &&
        ringAreaSqM(f.geometry, areaScale(f.geometry)) >=
          RULES.surveyImport.treeLayerGreenMinAreaSqM.value
          ? 'green'
          : m.kind;
      const g = shape(f, kind, tol);
      if (!('type' in g)) {
        unusable.push({ layer: f.layer, index, reason: g });
        return;
      }
      features.push({
        type: 'Feature',
        geometry: g,
        properties: { kind, ...typedProps(f.props, m), layer: f.layer, index },
      });
    });
  });

  let residual: SurveyBuild['residual'] = null;
  let transform: (p: Position) => Position =
    scale === 1 ? (p) => p : (p) => [p[0]! * scale, p[1]! * scale];
  let srs = req.crs;
  if (req.crs === 'local') {
    const local = req.local ?? {};
    let h: Helmert;
    if (local.controlPoints && local.controlPoints.length >= 2) {
      const cps = local.controlPoints;
      const lon = cps.reduce((s, c) => s + c.target[0]!, 0) / cps.length;
      srs = local.helmert?.base ?? `EPSG:${epsgOfCm3(cm3(lon))}`;
      const targets = await transformPoints(
        cps.map((c) => c.target),
        'EPSG:4326',
        srs,
      );
      const fit = fitHelmert(
        cps.map((c, i) => ({
          source: [c.source[0]! * scale, c.source[1]! * scale],
          target: targets[i]!,
        })),
      );
      h = fit;
      residual = { rmsM: fit.rmsM, maxM: fit.maxM, points: fit.points };
    } else if (local.helmert) {
      h = local.helmert;
      srs = local.helmert.base ?? '';
      if (!srs)
        throw new ApiError('VALIDATION', {
          zh: '局部坐标的四参数需要基准坐标系 base (如 EPSG:4548)',
          en: 'a local grid Helmert needs its base CRS (e.g. EPSG:4548)',
        });
    } else {
      throw new ApiError('VALIDATION', {
        zh: '局部坐标需要四参数 (helmert) 或至少 2 个控制点',
        en: 'a local grid needs a Helmert transform or at least 2 control points',
      });
    }
    const before = transform;
    transform = (p) => applyHelmert(h, before(p));
  }

  // Labels: texts inside a polygon fill its name and floors (in file coordinates, before PROJ).
  const moved = features.map((f) => ({ ...f, geometry: mapCoords(f.geometry!, transform) }));
  if (req.labels && texts.length) {
    const at = texts.map((t) => ({ ...t, at: transform(t.at) }));
    for (const f of moved) {
      const g = f.geometry;
      const rings =
        g.type === 'Polygon'
          ? [g.coordinates[0]!]
          : g.type === 'MultiPolygon'
            ? g.coordinates.map((p) => p[0]!)
            : [];
      if (!rings.length) continue;
      const props = f.properties!;
      for (const t of at) {
        if (!rings.some((r) => pointInRing(t.at as [number, number], r as [number, number][])))
          continue;
        const floors = FLOORS.exec(t.text);
        if (floors && props.levels === undefined && props.kind === 'building')
          props.levels = Number(floors[1]);
        else if (!floors && props.name === undefined) props.name = t.text;
      }
    }
  }

  let wgs84: Feature[];
  if (srs === 'wgs84' || srs === 'EPSG:4326') wgs84 = moved;
  else if (srs === 'gcj02' || srs === 'bd09') {
    checkDegrees(moved);
    wgs84 = convertCrs({ type: 'FeatureCollection', features: moved }, srs, 'wgs84').features;
  } else wgs84 = await reprojectFeatures(moved, srs);
  const bounds = boundsOf(wgs84);
  checkInChina(bounds, req, features);
  return { features: wgs84, unusable, residual, bounds };
}

function boundsOf(features: Feature[]): [number, number, number, number] {
  const b: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const f of features)
    mapCoords(f.geometry!, (p) => {
      b[0] = Math.min(b[0], p[0]!);
      b[1] = Math.min(b[1], p[1]!);
      b[2] = Math.max(b[2], p[0]!);
      b[3] = Math.max(b[3], p[1]!);
      return p;
    });
  return b;
}

function checkDegrees(features: Feature[]): void {
  const b = boundsOf(features);
  if (b[0] < -180 || b[2] > 180 || b[1] < -90 || b[3] > 90)
    outsideChina(b, {
      zh: '坐标不是经纬度: 请选高斯-克吕格或局部坐标',
      en: 'coordinates are not degrees: pick a Gauss-Krüger or local grid',
    });
}

/** China's extent, with a margin: lon 73–136°E, lat 3–54°N. */
function checkInChina(
  b: [number, number, number, number],
  req: SurveyRequest,
  raw: Feature[],
): void {
  if (!Number.isFinite(b[0])) return;
  if (b[0] >= 73 && b[2] <= 136 && b[1] >= 3 && b[3] <= 54) return;
  const src = boundsOf(raw);
  let cause: { zh: string; en: string };
  if (req.units === 'm' && Math.abs(src[3]) > 1e8)
    cause = {
      zh: '坐标像是毫米: 请把单位选为 mm',
      en: 'the coordinates look like millimetres: choose units mm',
    };
  else if (src[0] > src[1] && src[0] > 1e6 && src[1] < 1e7)
    cause = { zh: 'X/Y 可能对调 (北坐标写在了前面)', en: 'x and y look swapped (northing first)' };
  else if (/^EPSG:45(1[3-9]|2\d|3[0-3])$|^EPSG:449\d|^EPSG:450[01]$/.test(req.crs) && src[0] < 1e7)
    cause = {
      zh: '所选坐标系带带号, 但坐标没有带号: 请选无带号 (中央经线) 的坐标系',
      en: 'the chosen CRS expects a zone prefix the coordinates lack: pick the central-meridian variant',
    };
  else
    cause = { zh: '投影带或中央经线可能选错', en: 'probably the wrong zone or central meridian' };
  outsideChina(b, cause);
}

function outsideChina(b: number[], cause: { zh: string; en: string }): never {
  const where = b.map((n) => n.toFixed(3)).join(', ');
  throw new ApiError(
    'CRS_OUTSIDE_CHINA',
    {
      zh: `坐标转换后落在中国境外 (${where}): ${cause.zh}`,
      en: `the coordinates land outside China (${where}): ${cause.en}`,
    },
    { bounds: b },
  );
}
