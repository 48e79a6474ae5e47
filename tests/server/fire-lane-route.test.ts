import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import express from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { errorHandler } from '../../server/http/error-handler';
import { fireLaneRoutes } from '../../server/routes/fire-lane-routes';

const app = express()
  .use(express.json({ limit: '5mb' }))
  .use('/api', fireLaneRoutes())
  .use(errorHandler);
const URL = '/api/analysis/fire-lanes';

const fixture = (name: string): unknown =>
  JSON.parse(
    readFileSync(join(import.meta.dirname, '../domain/fire-lanes/in', `${name}.geojson`), 'utf8'),
  );

describe('POST /api/analysis/fire-lanes', () => {
  it('reports the stall and the tree in the clear width, with their ids', async () => {
    const res = await request(app)
      .post(URL)
      .send({ features: fixture('clear-width-stall') })
      .expect(200);
    // + the lane's free end without a turnaround (GB 50016 §7.1.9, every dead end: issue 12).
    expect(res.body.summary).toMatchObject({ total: 3, errors: 3, warnings: 0 });
    expect(res.body.summary.byRule['clear-width']).toBe(2);
    expect(res.body.summary.byRule['dead-end']).toBe(1);
    expect(
      res.body.violations.features.map(
        (f: { properties: { featureId?: string; laneId: string } }) =>
          f.properties.featureId ?? f.properties.laneId,
      ),
    ).toEqual(['stall-7', 'tree-1', 'lane-1']);
    expect(res.body.violations.features[0].properties).toMatchObject({
      ruleId: 'clear-width',
      severity: 'error',
      laneId: 'lane-1',
      measured: 0.5,
      required: 2,
    });
  });

  it('applies option overrides: a 13 m turnaround fails a 15 m project rule', async () => {
    const features = fixture('dead-end-13m-turnaround');
    const ok = await request(app).post(URL).send({ features }).expect(200);
    // The 13 m square passes 12 m; the 150 m road is the GB 50180 > 120 m warning (issue 12).
    expect(ok.body.summary).toMatchObject({ total: 1, errors: 0, warnings: 1 });
    expect(ok.body.summary.byRule['dead-end-length']).toBe(1);
    const res = await request(app)
      .post(URL)
      .send({ features, options: { turnaroundSideM: 15 } })
      .expect(200);
    expect(res.body.violations.features[0].properties).toMatchObject({
      ruleId: 'dead-end',
      measured: 13,
      required: 15,
    });
  });

  it('rejects a body without a FeatureCollection (400, bilingual)', async () => {
    const res = await request(app).post(URL).send({ features: [] }).expect(400);
    expect(res.body.error.code).toBe('VALIDATION');
    const en = await request(app)
      .post(URL)
      .set('Accept-Language', 'en')
      .send({ features: { type: 'FeatureCollection', features: [] }, options: { bogus: 1 } })
      .expect(400);
    expect(en.body.error.message).toMatch(/bogus/);
  });

  it('turns a domain InputError into 422 INVALID_GEOMETRY in zh and en', async () => {
    const features = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { kind: 'fire_lane' },
          geometry: {
            type: 'LineString',
            coordinates: [
              [40.0, 116.35],
              [40.001, 116.35],
            ],
          },
        },
      ],
    };
    const zh = await request(app).post(URL).send({ features }).expect(422);
    expect(zh.body.error.code).toBe('INVALID_GEOMETRY');
    expect(zh.body.error.message).toMatch(/经度|纬度/);
    expect(zh.body.error.details).toEqual({ code: 'LAT_LON_SWAPPED' });
    const en = await request(app)
      .post(URL)
      .set('Accept-Language', 'en')
      .send({
        features: {
          type: 'FeatureCollection',
          features: [
            {
              type: 'Feature',
              properties: { kind: 'fire_lane' },
              geometry: { type: 'Point', coordinates: [116.35, 40] },
            },
          ],
        },
      })
      .expect(422);
    expect(en.body.error.message).toMatch(/must be a centreline/);
  });

  it('rejects a bad option value from the domain as 400 VALIDATION', async () => {
    const res = await request(app)
      .post(URL)
      .send({
        features: fixture('not-connected'),
        options: { rescueSiteDistanceFromWallM: { minM: 12, maxM: 5 } },
      })
      .expect(400);
    expect(res.body.error.details).toEqual({ code: 'INVALID_OPTION' });
  });
});
