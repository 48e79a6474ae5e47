import {
  area,
  bbox as bboxOf,
  booleanPointInPolygon,
  difference,
  feature as toFeature,
  featureCollection,
  intersect,
  nearestPointOnLine,
  lineString,
  point,
  pointOnFeature,
} from '@turf/turf';
import Flatbush from 'flatbush';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { compassSide } from './compass-side';
import { compareOsmRefs } from './compare-osm-refs';
import type { ImportedCommunity } from './imported-district';
import type { ImportWarning } from './import-warning';
import { parseOsmYear } from './parse-osm-year';
import { provisionalCommunityName, type ProvisionalNameInput } from './provisional-community-name';
import type {
  BuildingPoint,
  NamedRoadLine,
  ResidentialAreaCandidate,
  ResidentialAreaOptions,
} from './residential-area-inputs';

type Area = Polygon | MultiPolygon;

interface Working {
  readonly c: ResidentialAreaCandidate;
  readonly name: string;
  geometry: Area;
  areaSqM: number;
  box: [number, number, number, number];
}

const M_PER_DEG_LAT = 110_540;
const M_PER_DEG_LON_EQUATOR = 111_320;

const nameOf = (c: ResidentialAreaCandidate): string =>
  (c.tags.name ?? c.tags['name:zh'] ?? '').trim();

const boxesOverlap = (a: readonly number[], b: readonly number[]): boolean =>
  (a[0] as number) <= (b[2] as number) &&
  (b[0] as number) <= (a[2] as number) &&
  (a[1] as number) <= (b[3] as number) &&
  (b[1] as number) <= (a[3] as number);

const asFeature = (g: Area): Feature<Area> => toFeature(g);

const box4 = (g: Area): [number, number, number, number] => {
  const b = bboxOf(g);
  return [b[0], b[1], b[2], b[3]];
};

const intersectionSqM = (a: Area, b: Area): number => {
  const i = intersect(featureCollection([asFeature(a), asFeature(b)]));
  return i === null ? 0 : area(i);
};

/** The value seen most often (ties: the smaller string), with its count. */
const mostCommon = (values: readonly string[]): [string, number] | undefined => {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: [string, number] | undefined;
  for (const [v, n] of counts) {
    if (!best || n > best[1] || (n === best[1] && v < best[0])) best = [v, n];
  }
  return best;
};

const buildingIndex = (buildings: readonly BuildingPoint[]): Flatbush | undefined => {
  if (buildings.length === 0) return undefined;
  const index = new Flatbush(buildings.length);
  for (const b of buildings) index.add(b.lon, b.lat, b.lon, b.lat);
  index.finish();
  return index;
};

const roadIndex = (roads: readonly NamedRoadLine[]): Flatbush | undefined => {
  if (roads.length === 0) return undefined;
  const index = new Flatbush(roads.length);
  for (const r of roads) {
    let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const p of r.coordinates) {
      w = Math.min(w, p[0] as number);
      e = Math.max(e, p[0] as number);
      s = Math.min(s, p[1] as number);
      n = Math.max(n, p[1] as number);
    }
    index.add(w, s, e, n);
  }
  index.finish();
  return index;
};

/** The nearest named road within maxM of a point, the side the point lies on, by metres. */
const nearestRoad = (
  roads: readonly NamedRoadLine[],
  index: Flatbush | undefined,
  lon: number,
  lat: number,
  maxM: number,
): ProvisionalNameInput | undefined => {
  if (!index) return undefined;
  const mPerDegLon = M_PER_DEG_LON_EQUATOR * Math.cos((lat * Math.PI) / 180);
  // Bounding-box distance in degrees of latitude: a generous prefilter, the exact test follows.
  const maxDeg = maxM / Math.min(M_PER_DEG_LAT, mPerDegLon);
  let best: { d: number; road: NamedRoadLine; east: number; north: number } | undefined;
  for (const i of index.neighbors(lon, lat, 32, maxDeg)) {
    const road = roads[i] as NamedRoadLine;
    if (road.coordinates.length < 2) continue;
    const near = nearestPointOnLine(lineString(road.coordinates as number[][]), point([lon, lat]));
    const [nx, ny] = near.geometry.coordinates as [number, number];
    const east = (lon - nx) * mPerDegLon;
    const north = (lat - ny) * M_PER_DEG_LAT;
    const d = Math.hypot(east, north);
    if (d <= maxM && (!best || d < best.d)) best = { d, road, east, north };
  }
  return best
    ? {
        basis: 'road',
        road: best.road.name,
        roadEn: best.road.nameEn,
        side: compassSide(best.east, best.north),
      }
    : undefined;
};

const skip = (
  w: Working,
  rule: ImportWarning['rule'],
  detail: string,
  warnings: ImportWarning[],
): void => {
  warnings.push({ rule, action: 'skipped', osmRef: w.c.osmRef, name: w.name || undefined, detail });
};

/**
 * Settles which residential areas become communities (小区) and what they are called.
 *
 * - An unnamed area lying (≥ `insideNamedShare`) inside a named one is part of that 小区:
 *   skipped (rule residential-area-inside-named-area).
 * - Other overlaps: the smaller area wins and the larger keeps the rest (its geometry minus
 *   the smaller ones), so every point lies in at most one community; a larger area with less
 *   than `minAreaSqM` left is skipped (residential-area-covered-by-smaller-areas).
 * - An unnamed area is a 小区 when it is at least `minAreaSqM` large OR holds at least
 *   `minBuildings` building points: a sliver of landuse with no building is skipped
 *   (residential-area-too-small), a large area whose buildings nobody mapped yet is kept, and
 *   so is a small compound with a building. Named areas are kept whatever their size: a
 *   mapper said they are a 小区.
 * - An unnamed area gets a provisional name: the addr:street most common among its buildings
 *   (with the house number most of those share, 学院路29号院), else the nearest named road
 *   within `nearestRoadMaxM` and the side the area lies on (学院路北侧居住区), else a number.
 *   A provisional name already taken gets "（2）", "（3）" … in osmRef order.
 *
 * Deterministic: communities come out in osmRef order, whatever the input order.
 */
export const resolveResidentialAreas = (
  candidates: readonly ResidentialAreaCandidate[],
  buildings: readonly BuildingPoint[],
  roads: readonly NamedRoadLine[],
  options: ResidentialAreaOptions,
): { communities: ImportedCommunity[]; warnings: ImportWarning[] } => {
  const warnings: ImportWarning[] = [];
  const all: Working[] = [...candidates]
    .sort((a, b) => compareOsmRefs(a.osmRef, b.osmRef))
    .map((c) => ({
      c,
      name: nameOf(c),
      geometry: c.geometry,
      areaSqM: area(c.geometry),
      box: box4(c.geometry),
    }));

  const named = all.filter((w) => w.name !== '');
  const outside: Working[] = [];
  for (const w of all) {
    if (w.name === '') {
      const host = named.find(
        (n) =>
          boxesOverlap(n.box, w.box) &&
          intersectionSqM(w.geometry, n.geometry) >= options.insideNamedShare * w.areaSqM,
      );
      if (host) {
        skip(
          w,
          'residential-area-inside-named-area',
          `lies inside ${host.c.osmRef} ${host.name}, part of that 小区`,
          warnings,
        );
        continue;
      }
    }
    outside.push(w);
  }

  // Smallest first: each larger area loses what the smaller accepted ones cover.
  const bySize = [...outside].sort(
    (a, b) => a.areaSqM - b.areaSqM || compareOsmRefs(a.c.osmRef, b.c.osmRef),
  );
  const accepted: Working[] = [];
  for (const w of bySize) {
    const overlapping = accepted.filter(
      (a) => boxesOverlap(a.box, w.box) && intersectionSqM(a.geometry, w.geometry) > 0,
    );
    if (overlapping.length > 0) {
      const rest = difference(
        featureCollection([
          asFeature(w.geometry),
          ...overlapping.map((a) => asFeature(a.geometry)),
        ]),
      );
      const restSqM = rest === null ? 0 : area(rest);
      if (rest === null || restSqM < options.minAreaSqM) {
        const by = overlapping.map((a) => a.c.osmRef).join(', ');
        skip(
          w,
          'residential-area-covered-by-smaller-areas',
          `covered by smaller residential areas (${by}); ${Math.round(restSqM)} m² left`,
          warnings,
        );
        continue;
      }
      w.geometry = rest.geometry;
      w.areaSqM = restSqM;
      w.box = box4(rest.geometry);
    }
    accepted.push(w);
  }

  const bIndex = buildingIndex(buildings);
  const rIndex = roadIndex(roads);
  const communities: ImportedCommunity[] = [];
  const taken = new Set(named.map((n) => n.name));
  let numbered = 0;
  for (const w of [...accepted].sort((a, b) => compareOsmRefs(a.c.osmRef, b.c.osmRef))) {
    const inside = bIndex
      ? bIndex
          .search(...w.box)
          .map((i) => buildings[i] as BuildingPoint)
          .filter((b) => booleanPointInPolygon([b.lon, b.lat], w.geometry))
      : [];
    const builtYear = parseOsmYear(w.c.tags.start_date) ?? parseOsmYear(w.c.tags['building:year']);
    if (w.name !== '') {
      communities.push({
        name: w.name,
        nameEn: w.c.tags['name:en'],
        osmRef: w.c.osmRef,
        geometry: w.geometry,
        builtYear,
      });
      continue;
    }
    if (w.areaSqM < options.minAreaSqM && inside.length < options.minBuildings) {
      skip(
        w,
        'residential-area-too-small',
        `unnamed residential area of ${Math.round(w.areaSqM)} m² (< ${options.minAreaSqM} m²) ` +
          `with ${inside.length} buildings (< ${options.minBuildings}), not a 小区`,
        warnings,
      );
      continue;
    }
    const street = mostCommon(inside.flatMap((b) => (b.street ? [b.street.trim()] : [])));
    let basis: ProvisionalNameInput | undefined;
    if (street) {
      const onStreet = inside.filter((b) => b.street?.trim() === street[0]);
      // "29" and "29号" are the same number.
      const number = mostCommon(
        onStreet.flatMap((b) => {
          const h = b.housenumber?.trim().replace(/号院?$/, '');
          return h ? [h] : [];
        }),
      );
      basis = {
        basis: 'address',
        street: street[0],
        housenumber: number && number[1] * 2 >= onStreet.length ? number[0] : undefined,
      };
    } else {
      const [lon, lat] = pointOnFeature(w.geometry).geometry.coordinates as [number, number];
      basis = nearestRoad(roads, rIndex, lon, lat, options.nearestRoadMaxM);
    }
    basis ??= { basis: 'numbered', n: ++numbered };
    let { name, nameEn } = provisionalCommunityName(basis);
    if (taken.has(name)) {
      let k = 2;
      while (taken.has(`${name}（${k}）`)) k++;
      name = `${name}（${k}）`;
      nameEn = `${nameEn} (${k})`;
    }
    taken.add(name);
    communities.push({
      name,
      nameEn,
      nameBasis: basis.basis,
      osmRef: w.c.osmRef,
      geometry: w.geometry,
      builtYear,
    });
  }
  return { communities, warnings };
};
