import type { Feature, LineString, Polygon } from 'geojson';
import type { XY } from '../geo/local-projection';
import { circlePolygon } from '../geo/buffer-polyline';
import { InputError } from '../geo/input-error';
import { validateLineString } from '../geo/validate-line-string';
import { validatePolygon } from '../geo/validate-polygon';
import { RULES } from '../standards/rules';
import { layoutLot } from './layout-lot';
import type { LocalShapes } from './local-shapes';
import { obstaclesToLocal } from './obstacles-to-local';
import { placeStalls } from './place-stalls';
import { planKerbRows } from './plan-kerb-rows';
import type { PlannedAisle, PlannedRow } from './planned-row';
import { stallsInIntervals } from './stalls-in-length';
import { resolveLotEntrance } from './resolve-lot-entrance';
import { resolveParkingOptions } from './resolve-parking-options';
import type { StallShape } from './stall-shape';
import { toLayoutResult } from './to-layout-result';
import type { ParkingLayoutInput, ParkingLayoutOptions, ParkingLayoutResult } from './types';

const bbox = (pts: readonly XY[], marginM: number): [number, number, number, number] => {
  let a = Infinity;
  let b = Infinity;
  let c = -Infinity;
  let d = -Infinity;
  for (const [x, y] of pts) {
    a = Math.min(a, x);
    b = Math.min(b, y);
    c = Math.max(c, x);
    d = Math.max(d, y);
  }
  return [a - marginM, b - marginM, c + marginM, d + marginM];
};

const join = (p: LocalShapes, q: LocalShapes): LocalShapes => ({
  rings: [...p.rings, ...q.rings],
  segments: [...p.segments, ...q.segments],
});

/**
 * Lays out parking stalls (JGJ 100-2015 表4.3.4 dimensions, overridable per layout) on a lot
 * polygon — double-loaded rows and aisles in the direction that fits the most stalls a car can
 * reach, the strips they leave filled with rows at shallower angles (option `fillStrips`), the
 * aisles joined by cross aisles into ONE network entered at `input.entrance` (default: the edge
 * point nearest `input.roads`, else the middle of the longest edge); a stall that no aisle of
 * that network serves is not placed (convex and concave lots, holes) — or in a
 * row along a kerb line, on one side, at 90°, 60°, 45°, 30° or parallel. Stalls stay inside the
 * lot, clear of obstacles, of each other and of keep-clear areas (fire lanes: GB 50016-2014
 * §7.1.8, 消防法 §28). Accessible stalls: max(requested, ⌈0.5 % × count⌉, GB 50763 §7.3.3 residential) with a 1.2 m wheelchair
 * aisle shared by pairs (GB 50763-2012 §3.14); EV stalls: ⌈evShare × count⌉. Input and output
 * are WGS84 lon/lat; the work is done in metres on a local tangent plane. Pure and deterministic;
 * throws an InputError (zh + en) for invalid input. Does not modify its input.
 */
export function generateParkingLayout(
  input: ParkingLayoutInput,
  options: ParkingLayoutOptions = {},
): ParkingLayoutResult {
  const opts = resolveParkingOptions(options);
  const { shape } = opts;
  const raw = input?.boundary as Feature<Polygon | LineString> | Polygon | LineString | undefined;
  const geometry = raw && raw.type === 'Feature' ? raw.geometry : raw;
  const rules = RULES.parking;
  const accessibleFor = (n: number): number =>
    Math.max(opts.accessibleCount, Math.ceil(opts.accessibleMinShare * n - 1e-9));

  if (geometry?.type === 'LineString') {
    const line = validateLineString(geometry, {
      maxLengthM: rules.layoutMaxKerbLengthM.value,
      maxVertices: rules.layoutMaxVertices.value,
    });
    const within = bbox(line.points, shape.depthM + shape.lengthM);
    const avoid = join(
      obstaclesToLocal(input.obstacles, line.projection, 'obstacles', within),
      obstaclesToLocal(input.keepClear, line.projection, 'keepClear', within),
    );
    const rows = planKerbRows(line.points, opts.side, shape, avoid);
    const total = placeStalls(rows, shape, 0).stalls.length;
    const accessibleRequired = accessibleFor(total);
    const first = line.points[1]!;
    const start = line.points[0]!;
    return toLayoutResult({
      mode: 'kerb',
      projection: line.projection,
      shape,
      rows,
      aisles: [],
      placed: placeStalls(rows, shape, accessibleRequired),
      angleRad: Math.atan2(first[1] - start[1], first[0] - start[0]),
      accessibleRequired,
      evShare: opts.evShare,
      lengthM: line.lengthM,
    });
  }
  if (geometry?.type !== 'Polygon') {
    const got = String((geometry as { type?: unknown } | undefined)?.type ?? typeof geometry);
    throw new InputError(
      'NOT_POLYGON',
      `停车布局的边界应为多边形 (停车场) 或线 (路缘), 收到 ${got}`,
      `Parking boundary must be a Polygon (lot) or a LineString (kerb), got ${got}`,
    );
  }
  const lot = validatePolygon(geometry, {
    maxAreaSqM: rules.layoutMaxAreaSqM.value,
    maxVertices: rules.layoutMaxVertices.value,
  });
  const within = bbox(lot.outer, 0);
  const obstacles = obstaclesToLocal(input.obstacles, lot.projection, 'obstacles', within);
  const keepClear = obstaclesToLocal(input.keepClear, lot.projection, 'keepClear', within);
  const fixed =
    opts.orientationDeg === undefined ? undefined : ((90 - opts.orientationDeg) * Math.PI) / 180;
  const entrance = resolveLotEntrance(lot.outer, lot.projection, input.entrance, input.roads);
  const connectorWidthM = rules.connectorAisleWidthM.value;
  const network = {
    pointLocal: entrance.pointLocal,
    rules: {
      connectorWidthM,
      twoWayMinWidthM: rules.twoWayAisleMinWidthM.value,
      // The gate: half a two-way aisle around the entrance stays clear of stalls, and an aisle
      // that comes that close is entered from it.
      entranceReachM: connectorWidthM / 2,
    },
  };
  const gate = { rings: [circlePolygon(entrance.pointLocal, connectorWidthM / 2)], segments: [] };
  const score = (rows: PlannedRow[]): number => {
    const n = rows.reduce((sum, r) => sum + stallsInIntervals(r.shape ?? shape, r.intervals), 0);
    return placeStalls(rows, shape, accessibleFor(n)).stalls.length;
  };
  const plan1 = (main: StallShape, fillers: readonly StallShape[]) =>
    layoutLot(
      [lot.outer, ...lot.holes],
      join(join(obstacles, keepClear), gate),
      obstacles,
      main,
      fixed,
      score,
      network,
      fillers,
    );
  // The table's aisles of angled and parallel rows are one-way: they need a loop (two such
  // aisles driven opposite ways, or a two-way one beside them). Where the lot has room for no
  // loop, the same rows on two-way aisles (widened to RULES.parking.twoWayAisleMinWidthM)
  // may hold more: try both and keep the better (the table's on ties).
  const twoWayM = rules.twoWayAisleMinWidthM.value;
  const widen = (s: StallShape): StallShape =>
    s.aisleWidthM < twoWayM ? { ...s, aisleWidthM: twoWayM } : s;
  let plan = plan1(shape, opts.fillerShapes);
  let planShape = shape;
  if (shape.aisleWidthM < twoWayM) {
    const wide = plan1(widen(shape), opts.fillerShapes.map(widen));
    if (score(wide.rows) > score(plan.rows)) {
      plan = wide;
      planShape = widen(shape);
    }
  }
  const rows: PlannedRow[] = plan.rows;
  const aisles: PlannedAisle[] = plan.aisles;
  const accessibleRequired = accessibleFor(plan.count);
  return toLayoutResult({
    mode: 'lot',
    projection: lot.projection,
    shape: planShape,
    rows,
    aisles,
    placed: placeStalls(rows, shape, accessibleRequired),
    angleRad: plan.angleRad,
    accessibleRequired,
    evShare: opts.evShare,
    areaSqM: lot.areaSqM,
    entrance,
  });
}
