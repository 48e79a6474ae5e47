import { Router, type Response } from 'express';
import type { FeatureCollection, Position } from 'geojson';
import { z } from 'zod';
import { buildScenarioDxf } from '../../domain/export/build-scenario-dxf';
import { gaussKrugerZoneFor } from '../../domain/export/cgcs2000-gauss-kruger';
import { parseExportCrs, type ExportCrs } from '../../domain/export/export-crs';
import { projectToGaussKruger } from '../../domain/export/project-to-gauss-kruger';
import { convertCrs } from '../../domain/geo/convert-crs';
import type { Catalog } from '../db/catalog';
import { writeGeoPackage, writeShapefileZip, type GisExportCrs } from '../export/write-gis-export';
import { ApiError, notFound } from '../http/api-error';
import { idParams, issue, parse } from '../http/parse';

const SCENARIO = { zh: '方案', en: 'Scenario' };

const CRS_HELP = {
  zh: 'crs 应为 wgs84、gcj02、bd09 或 CGCS2000 高斯-克吕格投影的 EPSG 代码 (3° 带 EPSG:4534–4554 / 4513–4533, 6° 带 EPSG:4491–4512)',
  en: 'crs must be wgs84, gcj02, bd09 or a CGCS2000 Gauss-Krüger EPSG code (3° zones EPSG:4534–4554 / 4513–4533, 6° zones EPSG:4491–4512)',
};

const crsQuery = z.object({
  crs: z
    .string()
    .optional()
    .transform((s, ctx): ExportCrs | undefined => {
      if (s === undefined || s === '') return undefined;
      const crs = parseExportCrs(s);
      if (!crs) ctx.addIssue(issue(`${CRS_HELP.zh}, 收到 "${s}"`, `${CRS_HELP.en}, got "${s}"`));
      return crs ?? z.NEVER;
    }),
});

/** [lon, lat] of the middle of the features' bounding box, or undefined when there are none. */
function bboxCentre(fc: FeatureCollection): [number, number] | undefined {
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  const walk = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number') {
      const [x, y] = c as Position;
      [w, s, e, n] = [Math.min(w, x!), Math.min(s, y!), Math.max(e, x!), Math.max(n, y!)];
    } else if (Array.isArray(c)) c.forEach(walk);
  };
  for (const f of fc.features) {
    const g = f.geometry;
    if (g && g.type !== 'GeometryCollection') walk(g.coordinates);
  }
  return Number.isFinite(w) ? [(w + e) / 2, (s + n) / 2] : undefined;
}

const GEOGRAPHIC_NOTE = {
  wgs84: 'WGS84 longitude/latitude (EPSG:4326)',
  gcj02:
    'GCJ-02 (国测局 "Mars" coordinates of Amap/Tencent maps), labelled EPSG:4326 because GCJ-02 has no EPSG code: the .prj says WGS84 but the coordinates are offset by GCJ-02 / GCJ-02 无 EPSG 代码, .prj 标为 WGS84, 坐标为 GCJ-02 偏移坐标',
  bd09: 'BD-09 (Baidu map coordinates), labelled EPSG:4326 because BD-09 has no EPSG code: the .prj says WGS84 but the coordinates are offset by BD-09 / BD-09 无 EPSG 代码, .prj 标为 WGS84, 坐标为百度偏移坐标',
} as const;

/** The features in the export's coordinates, and how the files are labelled. */
function inCrs(
  fc: FeatureCollection,
  crs: ExportCrs,
): { fc: FeatureCollection; gis: GisExportCrs } {
  if (crs.type === 'gk')
    return {
      fc: projectToGaussKruger(fc, crs.crs),
      gis: { srs: `EPSG:${crs.crs.epsg}`, note: `${crs.crs.label.en} / ${crs.crs.label.zh}` },
    };
  return {
    fc: convertCrs(fc, 'wgs84', crs.id),
    gis: { srs: 'EPSG:4326', note: GEOGRAPHIC_NOTE[crs.id] },
  };
}

const crsTag = (crs: ExportCrs) => (crs.type === 'gk' ? `epsg${crs.crs.epsg}` : crs.id);

const sendFile = (
  res: Response,
  body: string | Buffer,
  type: string,
  file: string,
  name: string,
  count: number,
) => {
  res
    .type(type)
    .setHeader(
      'Content-Disposition',
      `attachment; filename="${file}"; filename*=UTF-8''${encodeURIComponent(name)}`,
    )
    .setHeader('X-Feature-Count', String(count))
    .send(body);
};

/**
 * Exports for CAD and GIS users (issue 11 item 3, docs/survey-import-api.md §5): a scenario — a
 * proposal or a baseline — as DXF (CGCS2000 Gauss-Krüger metres, default the 3° zone of the
 * scenario's centre), a zip of Shapefiles or a GeoPackage (default WGS84; GCJ-02, BD-09 or
 * Gauss-Krüger on request). Reads only: whoever can read the scenario can export it.
 */
export function surveyExportRoutes(deps: { catalog: Catalog }): Router {
  const { catalog } = deps;
  const r = Router();

  const load = async (id: number) => {
    const scenario = await catalog.getScenario(id);
    if (!scenario) throw notFound(SCENARIO, id);
    const fc = JSON.parse((await catalog.scenarioFeatures(id, {})).json) as FeatureCollection;
    const base = `scenario-${id}`;
    return { scenario, fc, base };
  };

  r.get('/scenarios/:id/export.dxf', async (req, res) => {
    const { id } = parse(idParams, req.params);
    const q = parse(crsQuery, req.query);
    const { scenario, fc, base } = await load(id);
    let crs = q.crs;
    if (!crs) {
      const centre =
        bboxCentre(fc) ??
        bboxCentre(
          JSON.parse(
            (await catalog.communities({ communityId: scenario.communityId ?? -1 })).json,
          ) as FeatureCollection,
        );
      crs = { type: 'gk', crs: gaussKrugerZoneFor(centre?.[0] ?? 117) };
    }
    if (crs.type !== 'gk')
      throw new ApiError('VALIDATION', {
        zh: `DXF 需要以米为单位的投影坐标: crs 应为 CGCS2000 高斯-克吕格 EPSG 代码 (如 EPSG:4548), 不能是 ${crs.id}`,
        en: `DXF needs projected coordinates in metres: crs must be a CGCS2000 Gauss-Krüger EPSG code (e.g. EPSG:4548), not ${crs.id}`,
      });
    const dxf = buildScenarioDxf(projectToGaussKruger(fc, crs.crs));
    const tag = crsTag(crs);
    sendFile(
      res,
      dxf,
      'image/vnd.dxf',
      `${base}-${tag}.dxf`,
      `${scenario.name}-${tag}.dxf`,
      fc.features.length,
    );
  });

  r.get('/scenarios/:id/export.zip', async (req, res) => {
    const { id } = parse(idParams, req.params);
    const q = parse(crsQuery, req.query);
    const { scenario, fc, base } = await load(id);
    const crs = q.crs ?? { type: 'geographic', id: 'wgs84' };
    const out = inCrs(fc, crs);
    const zip = await writeShapefileZip(out.fc, out.gis, `${scenario.name} (scenario ${id})`);
    const tag = crsTag(crs);
    sendFile(
      res,
      zip,
      'application/zip',
      `${base}-${tag}-shp.zip`,
      `${scenario.name}-${tag}-shp.zip`,
      fc.features.length,
    );
  });

  r.get('/scenarios/:id/export.gpkg', async (req, res) => {
    const { id } = parse(idParams, req.params);
    const q = parse(crsQuery, req.query);
    const { scenario, fc, base } = await load(id);
    const crs = q.crs ?? { type: 'geographic', id: 'wgs84' };
    const out = inCrs(fc, crs);
    const gpkg = await writeGeoPackage(out.fc, out.gis);
    const tag = crsTag(crs);
    sendFile(
      res,
      gpkg,
      'application/geopackage+sqlite3',
      `${base}-${tag}.gpkg`,
      `${scenario.name}-${tag}.gpkg`,
      fc.features.length,
    );
  });

  return r;
}
