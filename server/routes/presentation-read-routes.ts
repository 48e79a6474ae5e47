import { Router, type Response } from 'express';
import type { FeatureCollection } from 'geojson';
import { z } from 'zod';
import { convertCrs, CRS_IDS } from '../../domain/geo/convert-crs';
import type { Catalog } from '../db/catalog';
import type { Database } from '../db/database';
import { makeStoryStore } from '../db/story-store';
import { notFound } from '../http/api-error';
import { featureQuerySchema, idParams, idSchema, parse } from '../http/parse';
import { scenarioIndicators } from '../presentation/scenario-indicators';
import { toCsv } from '../presentation/to-csv';

const DISTRICT = { zh: '片区', en: 'District' };
const SCENARIO = { zh: '方案', en: 'Scenario' };
const STORY = { zh: '演示', en: 'Story' };

export const crsSchema = z.enum(CRS_IDS, { message: `crs must be one of ${CRS_IDS.join(', ')}` });
export const exportQuerySchema = featureQuerySchema.extend({ crs: crsSchema.default('wgs84') });

/** GeoJSON as a download, in the coordinate system asked for (storage is always WGS84). */
const sendExport = (
  res: Response,
  fc: FeatureCollection,
  crs: (typeof CRS_IDS)[number],
  file: string,
) => {
  res
    .type('application/geo+json')
    .setHeader('Content-Disposition', `attachment; filename="${file}-${crs}.geojson"`)
    .setHeader('X-Feature-Count', String(fc.features.length))
    .send(JSON.stringify(convertCrs(fc, 'wgs84', crs)));
};

const sendCsv = (res: Response, file: string, text: string) => {
  res
    .type('text/csv; charset=utf-8')
    .setHeader('Content-Disposition', `attachment; filename="${file}.csv"`)
    .send(text);
};

/**
 * Presenting and exchanging (issue 7), reads only: stories, the before/after of a scenario
 * (diff and indicators), GeoJSON exports in WGS84 / GCJ-02 / BD-09, CSV of the register and
 * of a scenario's indicators. Writes live in presentation-write-routes.ts.
 */
export function presentationReadRoutes(deps: { catalog: Catalog; db: Database }): Router {
  const { catalog } = deps;
  const stories = makeStoryStore(deps.db);
  const r = Router();

  r.get('/stories', async (req, res) => {
    const q = parse(z.object({ district: idSchema.optional() }), req.query);
    res.json(await stories.list(q.district));
  });

  r.get('/stories/:id', async (req, res) => {
    const { id } = parse(idParams, req.params);
    const story = await stories.get(id);
    if (!story) throw notFound(STORY, id);
    res.json(story);
  });

  /** The changed features of a scenario against its baseline (added / removed / modified). */
  r.get('/scenarios/:id/diff', async (req, res) => {
    const { id } = parse(idParams, req.params);
    const { crs } = parse(z.object({ crs: crsSchema.default('wgs84') }), req.query);
    const { diff } = await scenarioIndicators(catalog, id);
    res.type('application/geo+json').send(JSON.stringify({ ...convertCrs(diff, 'wgs84', crs) }));
  });

  r.get('/scenarios/:id/indicators', async (req, res) => {
    const { id } = parse(idParams, req.params);
    const { diff, ...rest } = await scenarioIndicators(catalog, id);
    res.json({ ...rest, changes: diff.summary });
  });

  r.get('/scenarios/:id/indicators.csv', async (req, res) => {
    const { id } = parse(idParams, req.params);
    const i = await scenarioIndicators(catalog, id);
    const p = i.parking;
    const cov = i.coverage;
    const rows: unknown[][] = [
      ['parking.stalls', '停车位', p.existing, p.proposed, p.net],
      ['parking.removed', '减少车位', '', p.removed, ''],
      ['parking.added', '新增车位', '', p.added, ''],
      [
        'fireLanes.violations',
        '消防通道违规',
        i.fireLanes.baseline.errors,
        i.fireLanes.proposal.errors,
        i.fireLanes.proposal.errors - i.fireLanes.baseline.errors,
      ],
      [
        'fireLanes.warnings',
        '消防通道提示',
        i.fireLanes.baseline.warnings,
        i.fireLanes.proposal.warnings,
        i.fireLanes.proposal.warnings - i.fireLanes.baseline.warnings,
      ],
      [
        'coverage.min15Share',
        '15分钟生活圈覆盖率',
        cov.baseline.min15Share,
        cov.proposal.min15Share,
        cov.baseline.min15Share === null || cov.proposal.min15Share === null
          ? ''
          : cov.proposal.min15Share - cov.baseline.min15Share,
      ],
      ...Object.keys(cov.baseline.byCategory).map((c) => [
        `coverage.${c}`,
        `覆盖率 ${c}`,
        cov.baseline.byCategory[c],
        cov.proposal.byCategory[c],
        (cov.proposal.byCategory[c] ?? 0) - (cov.baseline.byCategory[c] ?? 0),
      ]),
      ['changes.added', '新增要素', '', i.diff.summary.added, ''],
      ['changes.removed', '删除要素', '', i.diff.summary.removed, ''],
      ['changes.modified', '修改要素', '', i.diff.summary.modified, ''],
    ];
    sendCsv(
      res,
      `scenario-${id}-indicators`,
      toCsv(['indicator', '指标', 'baseline 现状', 'proposal 方案', 'delta 变化'], rows),
    );
  });

  r.get('/scenarios/:id/export.geojson', async (req, res) => {
    const { id } = parse(idParams, req.params);
    const q = parse(exportQuerySchema, req.query);
    if (!(await catalog.getScenario(id))) throw notFound(SCENARIO, id);
    const fc = await catalog.scenarioFeatures(id, { kinds: q.kind, bbox: q.bbox });
    sendExport(res, JSON.parse(fc.json) as FeatureCollection, q.crs, `scenario-${id}`);
  });

  r.get('/districts/:id/export.geojson', async (req, res) => {
    const { id } = parse(idParams, req.params);
    const q = parse(exportQuerySchema, req.query);
    if (!(await catalog.districtExists(id))) throw notFound(DISTRICT, id);
    const fc = await catalog.districtFeatures(id, { kinds: q.kind, bbox: q.bbox });
    sendExport(res, JSON.parse(fc.json) as FeatureCollection, q.crs, `district-${id}`);
  });

  return r;
}
