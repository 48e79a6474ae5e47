import Flatbush from 'flatbush';
import { RULES } from '../../domain/standards/rules';
import type { Feature, Geometry, Position } from 'geojson';
import { convertCrs } from '../../domain/geo/convert-crs';
import { pointInRing } from '../../domain/geo/point-in-ring';
import { applyHelmert, fitHelmert, type Helmert } from '../../domain/survey/fit-helmert';
import { cm3, epsgOfCm3 } from '../../domain/survey/guess-gk-zone';
import { ApiError } from '../http/api-error';
import { closedRing, closeRing } from './close-polylines';
import { readSurveyFeatures, listOgrLayers, type RawFeature } from './read-survey-features';
import { transformPoints } from './reproject';
import { withSurveyDataset } from './survey-dataset';
import { mapGeometry } from '../../domain/geo/map-positions';

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

/**
 * The mapped features of an upload as rows for the database's staging table
 * (server/db/sql/survey-stage.sql), in file order, with their geometry in `srid` (the chosen
 * CRS: PostGIS reprojects them to WGS84 in the same statement that validates and repairs
 * them, so no feature is serialised twice).
 */
export interface SurveyRows {
  /** COPY text format, one row per feature: see STAGE_COLUMNS. */
  copy: Uint8Array;
  count: number;
  srid: number;
  /** Features the reader could not turn into the mapped kind (open outline for a building …). */
  unusable: { layer: string; index: number; reason: { zh: string; en: string } }[];
  residual: { rmsM: number; maxM: number; points: { index: number; residualM: number }[] } | null;
  /** Extent of the features as the file has them (for naming the cause of a wrong CRS). */
  sourceBounds: [number, number, number, number];
}

/** The staging table's columns, in COPY order (server/db/sql/survey-stage.sql). */
export const STAGE_COLUMNS = [
  'ord',
  'layer',
  'idx',
  'kind',
  'name',
  'category',
  'levels',
  'width_m',
  'height_m',
  'households',
  'gj',
] as const;

/** Progress of the read: features done of the file's total (GDAL's layer counts). */
export type OnProgress = (done: number, total: number) => void;

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
export async function buildSurveyRows(
  bytes: Buffer,
  fileName: string,
  req: SurveyRequest,
  onProgress: OnProgress = () => {},
): Promise<SurveyRows> {
  const scale = req.units === 'mm' ? 0.001 : 1;
  const features: Feature[] = [];
  const texts: { at: Position; text: string }[] = [];
  const unusable: SurveyRows['unusable'] = [];
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
    const total = layers.reduce((n, l) => n + l.count, 0);
    let done = 0;
    onProgress(0, total);
    await readSurveyFeatures(ds, layers, (f) => {
      if (++done % 2000 === 0) onProgress(Math.min(done, total), total);
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
    onProgress(total, total);
  });

  let residual: SurveyRows['residual'] = null;
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
  const moved = features.map((f) => ({ ...f, geometry: mapGeometry(f.geometry!, transform) }));
  if (req.labels && texts.length) fillLabels(moved, texts, transform);

  let srid: number;
  let out = moved;
  if (srs === 'wgs84' || srs === 'EPSG:4326') srid = 4326;
  else if (srs === 'gcj02' || srs === 'bd09') {
    checkDegrees(moved);
    out = convertCrs({ type: 'FeatureCollection', features: moved }, srs, 'wgs84').features;
    srid = 4326;
  } else srid = Number(/^EPSG:(\d+)$/.exec(srs)?.[1]);
  if (!Number.isInteger(srid))
    throw new ApiError('VALIDATION', {
      zh: `无法识别的坐标系: ${srs}`,
      en: `unknown coordinate system: ${srs}`,
    });
  // Refuse coordinates outside China before anything is staged: the extent's corners and edge
  // midpoints through PROJ (the extent of a 小区 or a district is far smaller than a zone).
  const box = boundsOf(out);
  if (out.length && Number.isFinite(box[0])) {
    let wgs = box;
    if (srid !== 4326) {
      const [x0, y0, x1, y1] = box;
      const xm = (x0 + x1) / 2;
      const ym = (y0 + y1) / 2;
      const pts = [
        [x0, y0],
        [xm, y0],
        [x1, y0],
        [x1, ym],
        [x1, y1],
        [xm, y1],
        [x0, y1],
        [x0, ym],
      ];
      const lonLat = await transformPoints(pts, `EPSG:${srid}`, 'EPSG:4326');
      wgs = [Infinity, Infinity, -Infinity, -Infinity];
      for (const [x, y] of lonLat) {
        const bad = !Number.isFinite(x) || !Number.isFinite(y);
        wgs[0] = Math.min(wgs[0], bad ? -Infinity : x);
        wgs[1] = Math.min(wgs[1], bad ? -Infinity : y);
        wgs[2] = Math.max(wgs[2], bad ? Infinity : x);
        wgs[3] = Math.max(wgs[3], bad ? Infinity : y);
      }
      if (!Number.isFinite(wgs[0]) || !Number.isFinite(wgs[2])) wgs = [-999, -999, 999, 999];
    }
    checkInChina(wgs, req, boundsOf(features));
  }
  return {
    copy: copyRows(out),
    count: out.length,
    srid,
    unusable,
    residual,
    sourceBounds: boundsOf(features),
  };
}

/** Texts inside a polygon fill its name, or its floors for a building ("砖6"). */
function fillLabels(
  features: Feature[],
  texts: { at: Position; text: string }[],
  transform: (p: Position) => Position,
): void {
  const at = texts.map((t) => ({ ...t, at: transform(t.at) }));
  // A spatial index of the texts: each polygon tests only the texts inside its box.
  const index = new Flatbush(at.length);
  for (const t of at) index.add(t.at[0]!, t.at[1]!, t.at[0]!, t.at[1]!);
  index.finish();
  for (const f of features) {
    const g = f.geometry;
    const rings =
      g.type === 'Polygon'
        ? [g.coordinates[0]!]
        : g.type === 'MultiPolygon'
          ? g.coordinates.map((p) => p[0]!)
          : [];
    if (!rings.length) continue;
    const props = f.properties!;
    const box = [Infinity, Infinity, -Infinity, -Infinity];
    for (const r of rings)
      for (const p of r) {
        box[0] = Math.min(box[0]!, p[0]!);
        box[1] = Math.min(box[1]!, p[1]!);
        box[2] = Math.max(box[2]!, p[0]!);
        box[3] = Math.max(box[3]!, p[1]!);
      }
    // Flatbush returns hits in index order, not file order: sort to keep the file's order.
    for (const i of index.search(box[0]!, box[1]!, box[2]!, box[3]!).sort((a, b) => a - b)) {
      const t = at[i]!;
      if (!rings.some((r) => pointInRing(t.at as [number, number], r as [number, number][])))
        continue;
      const floors = FLOORS.exec(t.text);
      if (floors && props.levels === undefined && props.kind === 'building')
        props.levels = Number(floors[1]);
      else if (!floors && props.name === undefined) props.name = t.text;
    }
  }
}

/** COPY text format: backslash, tab, newline and carriage return escaped; \N is NULL. */
const COPY_ESCAPES: Record<string, string> = {
  '\\': '\\\\',
  '\t': '\\t',
  '\n': '\\n',
  '\r': '\\r',
};
const text = (v: unknown): string =>
  typeof v === 'string' ? v.replace(/[\\\t\n\r]/g, (c) => COPY_ESCAPES[c]!) : '\\N';
const num = (v: unknown, max: number, integer = false): string =>
  typeof v === 'number' && Number.isFinite(v) && v > 0 && v < max
    ? String(integer ? Math.round(v) : v)
    : '\\N';

/**
 * The staging rows (STAGE_COLUMNS) with the feature table's bounds on typed columns (a value
 * out of range is left out, as an edit would refuse it). GeoJSON geometry is numbers only.
 */
function copyRows(features: Feature[]): Uint8Array {
  const lines: string[] = [];
  features.forEach((f, ord) => {
    const p = f.properties as Record<string, unknown>;
    const name = typeof p.name === 'string' ? p.name.slice(0, 200) : undefined;
    lines.push(
      [
        ord,
        text(p.layer),
        Number(p.index),
        text(p.kind),
        text(name),
        text(p.category),
        num(p.levels, 300, true),
        num(p.width_m, 500),
        num(p.height_m, 1000),
        typeof p.households === 'number' && Number.isFinite(p.households)
          ? String(Math.round(p.households))
          : '\\N',
        JSON.stringify(f.geometry),
      ].join('\t'),
    );
  });
  return Buffer.from(lines.length ? lines.join('\n') + '\n' : '');
}

function boundsOf(features: Feature[]): [number, number, number, number] {
  const b: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const f of features)
    mapGeometry(f.geometry!, (p) => {
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
export function checkInChina(
  b: [number, number, number, number],
  req: Pick<SurveyRequest, 'units' | 'crs'>,
  src: [number, number, number, number],
): void {
  if (!Number.isFinite(b[0])) return;
  if (b[0] >= 73 && b[2] <= 136 && b[1] >= 3 && b[3] <= 54) return;
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
