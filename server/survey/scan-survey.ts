import type { Geometry } from 'geojson';
import { guessGkZone, type ZoneGuess } from '../../domain/survey/guess-gk-zone';
import { guessLayerKind } from '../../domain/survey/guess-layer-kind';
import { crsChoices, type CrsChoice } from './crs-choices';
import { closedRing } from './close-polylines';
import {
  dxfInsUnits,
  listOgrLayers,
  readSurveyFeatures,
  sampleLayer,
  type OgrLayerInfo,
} from './read-survey-features';
import type { SurveyDataset } from './survey-dataset';
import { withSurveyDataset, type SurveyFormat } from './survey-dataset';

export interface SurveyLayer {
  name: string;
  count: number;
  geometryTypes: Record<string, number>;
  fields: string[];
  sample: Record<string, unknown>;
  guess: { kind: string } | null;
}

/** The upload answer (docs/survey-import-api.md §1) minus uploadId and remembered. */
export interface SurveyScan {
  fileName: string;
  format: SurveyFormat;
  layers: SurveyLayer[];
  crs: { detected: string | null; guess: ZoneGuess | null; choices: CrsChoice[] };
  bounds: [number, number, number, number] | null;
  units: { guess: 'm' | 'mm'; reason: { zh: string; en: string } };
  textCount: number;
}

/** Geometry type as the mapping table shows it: closed polylines count as polygons. */
function shownType(g: Geometry, exploded?: Geometry[]): string {
  const polygonal = (x: Geometry) =>
    x.type === 'Polygon' || (x.type === 'LineString' && closedRing(x.coordinates, 1e-6));
  if (exploded) return exploded.some(polygonal) ? 'Polygon' : 'Point';
  return polygonal(g) ? 'Polygon' : g.type;
}

/**
 * Read an upload once with GDAL: per layer its count, geometry types, fields, first
 * attributes and a kind guessed from its name; the CRS GDAL identifies, else a guess from the
 * coordinates (`nearLon`: the target community's longitude, for GK without zone prefix); units
 * from the DXF header ($INSUNITS) or the size of the numbers.
 */
export async function scanSurvey(
  bytes: Buffer,
  fileName: string,
  nearLon?: number,
  onProgress: (done: number, total: number) => void = () => {},
): Promise<SurveyScan> {
  return withSurveyDataset(bytes, fileName, async (ds) => {
    const ogrLayers = await listOgrLayers(ds);
    if (
      (ds.format === 'shapefile' || ds.format === 'gpkg') &&
      ogrLayers.length > 0 &&
      ogrLayers.every((l) => DECLARED.has(l.geometry ?? '') && l.extent)
    )
      return fromDeclared(ds, ogrLayers, fileName, nearLon);
    const total = ogrLayers.reduce((n, l) => n + l.count, 0);
    let done = 0;
    onProgress(0, total);
    const layers = new Map<string, SurveyLayer & { fieldSet: Set<string> }>();
    let textCount = 0;
    const b = [Infinity, Infinity, -Infinity, -Infinity] as [number, number, number, number];
    const grow = (x: number, y: number) => {
      b[0] = Math.min(b[0], x);
      b[1] = Math.min(b[1], y);
      b[2] = Math.max(b[2], x);
      b[3] = Math.max(b[3], y);
    };
    await readSurveyFeatures(ds, ogrLayers, (f) => {
      if (++done % 2000 === 0) onProgress(Math.min(done, total), total);
      if (f.text !== undefined) {
        textCount++;
        return;
      }
      let l = layers.get(f.layer);
      if (!l) {
        l = {
          name: f.layer,
          count: 0,
          geometryTypes: {},
          fields: [],
          sample: {},
          guess: null,
          fieldSet: new Set(),
        };
        const kind = guessLayerKind(f.layer);
        l.guess = kind ? { kind } : null;
        const sample = Object.fromEntries(
          Object.entries(f.props).filter(
            ([, v]) => v !== null && v !== undefined && typeof v !== 'object',
          ),
        );
        l.sample = sample;
        layers.set(f.layer, l);
      }
      l.count++;
      const t = shownType(f.geometry, f.exploded);
      l.geometryTypes[t] = (l.geometryTypes[t] ?? 0) + 1;
      for (const [k, v] of Object.entries(f.props))
        if (v !== null && v !== undefined) l.fieldSet.add(k);
      eachXY(f.geometry, grow);
    });
    onProgress(total, total);
    const bounds = Number.isFinite(b[0]) ? b : null;
    const detected =
      ogrLayers.find((l) => l.epsg)?.epsg ??
      (ds.format === 'kml' || ds.format === 'geojson' ? 'EPSG:4326' : null);
    const guess = detected ? null : bounds ? guessGkZone(bounds, nearLon) : null;
    return {
      fileName,
      format: ds.format,
      layers: [...layers.values()].map(({ fieldSet, ...l }) => ({ ...l, fields: [...fieldSet] })),
      crs: { detected, guess, choices: crsChoices(detected ?? guess?.epsg ?? null) },
      bounds,
      units: guessUnits(ds.format === 'dxf' ? dxfInsUnits(bytes) : null, bounds),
      textCount,
    };
  });
}

/**
 * Shapefiles and GeoPackages declare their layers' geometry type, fields, count and extent:
 * for point and polygon layers that header is the scan (no closed polyline can hide in them),
 * plus the first features for the sample, so a 100k-feature upload is not read twice.
 */
const DECLARED = new Map([
  ['Point', 'Point'],
  ['3D Point', 'Point'],
  ['Multi Point', 'MultiPoint'],
  ['3D Multi Point', 'MultiPoint'],
  ['Polygon', 'Polygon'],
  ['3D Polygon', 'Polygon'],
  ['Multi Polygon', 'MultiPolygon'],
  ['3D Multi Polygon', 'MultiPolygon'],
]);

async function fromDeclared(
  ds: SurveyDataset,
  ogrLayers: OgrLayerInfo[],
  fileName: string,
  nearLon: number | undefined,
): Promise<SurveyScan> {
  const layers: SurveyLayer[] = [];
  for (const l of ogrLayers) {
    let sample: Record<string, unknown> = {};
    let first = true;
    await sampleLayer(ds, l.name, 1, (f) => {
      if (!first) return;
      first = false;
      sample = Object.fromEntries(
        Object.entries(f.props).filter(
          ([, v]) => v !== null && v !== undefined && typeof v !== 'object',
        ),
      );
    });
    const kind = guessLayerKind(l.name);
    layers.push({
      name: l.name,
      count: l.count,
      geometryTypes: l.count ? { [DECLARED.get(l.geometry!)!]: l.count } : {},
      fields: l.fields,
      sample,
      guess: kind ? { kind } : null,
    });
  }
  const b = ogrLayers.reduce<[number, number, number, number]>(
    (acc, l) => [
      Math.min(acc[0], l.extent![0]),
      Math.min(acc[1], l.extent![1]),
      Math.max(acc[2], l.extent![2]),
      Math.max(acc[3], l.extent![3]),
    ],
    [Infinity, Infinity, -Infinity, -Infinity],
  );
  const detected = ogrLayers.find((l) => l.epsg)?.epsg ?? null;
  const guess = detected ? null : guessGkZone(b, nearLon);
  return {
    fileName,
    format: ds.format,
    layers: layers.filter((l) => l.count > 0),
    crs: { detected, guess, choices: crsChoices(detected ?? guess?.epsg ?? null) },
    bounds: b,
    units: guessUnits(null, b),
    textCount: 0,
  };
}

function eachXY(g: Geometry, f: (x: number, y: number) => void): void {
  const walk = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number') f(c[0], c[1] as number);
    else if (Array.isArray(c)) c.forEach(walk);
  };
  if (g.type === 'GeometryCollection') g.geometries.forEach((x) => eachXY(x, f));
  else walk(g.coordinates);
}

function guessUnits(
  insUnits: number | null,
  bounds: [number, number, number, number] | null,
): SurveyScan['units'] {
  if (insUnits === 4)
    return {
      guess: 'mm',
      reason: {
        zh: 'DXF 文件头 $INSUNITS = 4 (毫米)',
        en: 'DXF header $INSUNITS = 4 (millimetres)',
      },
    };
  if (insUnits === 6)
    return {
      guess: 'm',
      reason: { zh: 'DXF 文件头 $INSUNITS = 6 (米)', en: 'DXF header $INSUNITS = 6 (metres)' },
    };
  // Gauss-Krüger northings in China are 2·10⁶–6·10⁶ m: a thousand times more is millimetres.
  if (bounds && Math.max(Math.abs(bounds[1]), Math.abs(bounds[3])) > 1e8)
    return {
      guess: 'mm',
      reason: {
        zh: '坐标数值约为米制高斯坐标的 1000 倍',
        en: 'coordinates are ~1000× metric Gauss-Krüger values',
      },
    };
  return { guess: 'm', reason: { zh: '坐标数值符合米制', en: 'coordinate magnitudes fit metres' } };
}
