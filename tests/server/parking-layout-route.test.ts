import express from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { localProjection } from '../../domain/geo/local-projection';
import { checkStallReachability } from '../../domain/parking/check-stall-reachability';
import { errorHandler } from '../../server/http/error-handler';
import { analysisRoutes } from '../../server/routes/analysis-routes';

const app = express().use(express.json()).use('/api', analysisRoutes()).use(errorHandler);
const URL = '/api/analysis/parking-layout';

/** A w × h m rectangle near the demo district, as lon/lat. */
const rect = (w: number, h: number): number[][][] => {
  const p = localProjection([116.35, 40.0]);
  return [
    (
      [
        [0, 0],
        [w, 0],
        [w, h],
        [0, h],
        [0, 0],
      ] as const
    ).map((q) => p.toLonLat(q)),
  ];
};

describe('POST /api/analysis/parking-layout', () => {
  it('lays out a 40 × 40 m lot given as a Feature', async () => {
    const res = await request(app)
      .post(URL)
      .send({
        boundary: {
          type: 'Feature',
          properties: {},
          geometry: { type: 'Polygon', coordinates: rect(40, 40) },
        },
        options: { evShare: 0.1 },
      })
      .expect(200);
    // Two 9 m aisles joined by a connector from the default entrance (tests/domain/parking
    // golden rect-40x40): 60 stalls, EV ⌈10 % × 60⌉ = 6, accessible ⌈0.5 % × 60⌉ = 1
    // (GB 50763-2012 §7.3.3; was ⌈2 % × 60⌉ = 2 from the superseded JGJ 50, issue 12).
    expect(res.body.count).toBe(60);
    expect(res.body.countsByType).toEqual({ standard: 53, accessible: 1, ev: 6 });
    expect(res.body.stalls.features).toHaveLength(60);
    expect(res.body.stalls.features[0].properties).toMatchObject({ index: 0, angleDeg: 90 });
    expect(res.body.entrance.properties).toEqual({ source: 'longestEdge', offsetM: 0 });
    const roles = res.body.aisles.features.map(
      (f: { properties: { role?: string } }) => f.properties.role,
    );
    expect(roles.filter((r: string) => r === 'aisle')).toHaveLength(2);
    expect(roles.filter((r: string) => r === 'connector')).toHaveLength(1);
    expect(res.body.centrelines.features).toHaveLength(3);
  });

  it('takes the entrance the planner picked, moved onto the lot edge, and its aisles reach it', async () => {
    const p = localProjection([116.35, 40.0]);
    const res = await request(app)
      .post(URL)
      .send({
        boundary: { type: 'Polygon', coordinates: rect(40, 40) },
        entrance: { type: 'Point', coordinates: p.toLonLat([41, 20]) },
      })
      .expect(200);
    expect(res.body.entrance.properties).toEqual({ source: 'given', offsetM: 1 });
    const [x, y] = p.toLocal(res.body.entrance.geometry.coordinates);
    expect(x).toBeCloseTo(40, 6);
    expect(y).toBeCloseTo(20, 6);
    const check = checkStallReachability({
      stalls: res.body.stalls,
      aisles: res.body.aisles,
      entrance: res.body.entrance.geometry,
    });
    expect(check.reachableCount).toBe(res.body.count);
    expect(check.oneNetwork).toBe(true);
  });

  it('refuses an entrance far from the lot with 422 INVALID_ENTRANCE, in English when asked', async () => {
    const p = localProjection([116.35, 40.0]);
    const res = await request(app)
      .post(URL)
      .set('Accept-Language', 'en')
      .send({
        boundary: { type: 'Polygon', coordinates: rect(40, 40) },
        entrance: p.toLonLat([100, 20]),
      })
      .expect(422);
    expect(res.body.error.code).toBe('INVALID_GEOMETRY');
    expect(res.body.error.details).toEqual({ code: 'INVALID_ENTRANCE' });
    expect(res.body.error.message).toMatch(/60\.0 m from the lot edge/);
    const zh = await request(app)
      .post(URL)
      .send({ boundary: { type: 'Polygon', coordinates: rect(40, 40) }, entrance: 'north' })
      .expect(400);
    expect(zh.body.error.code).toBe('VALIDATION');
    expect(zh.body.error.message).toMatch(/^请求参数有误 — entrance/);
  });

  it('lays out a kerb row from a bare LineString', async () => {
    const p = localProjection([116.35, 40.0]);
    const res = await request(app)
      .post(URL)
      .send({
        boundary: { type: 'LineString', coordinates: [p.toLonLat([0, 0]), p.toLonLat([60, 0])] },
        options: { angle: 'parallel', side: 'right' },
      })
      .expect(200);
    // 60 m / 6.0 m = 10 parallel stalls; the accessible one needs 1.2 m more: 9 fit.
    expect(res.body.count).toBe(9);
    expect(res.body.mode).toBe('kerb');
  });

  it('turns a self-intersecting boundary into 422 INVALID_GEOMETRY, in the asked language', async () => {
    const bowtie = {
      type: 'Polygon',
      coordinates: [
        [
          [116.35, 40.0],
          [116.351, 40.001],
          [116.351, 40.0],
          [116.35, 40.001],
          [116.35, 40.0],
        ],
      ],
    };
    const zh = await request(app).post(URL).send({ boundary: bowtie }).expect(422);
    expect(zh.body.error.code).toBe('INVALID_GEOMETRY');
    expect(zh.body.error.message).toMatch(/自相交/);
    const en = await request(app)
      .post(URL)
      .set('Accept-Language', 'en')
      .send({ boundary: bowtie })
      .expect(422);
    expect(en.body.error.message).toMatch(/intersects itself/);
  });

  it('reports swapped lat/lon', async () => {
    const swapped = rect(30, 30).map((r) => r.map(([lon, lat]) => [lat, lon]));
    const res = await request(app)
      .post(URL)
      .set('Accept-Language', 'en')
      .send({ boundary: { type: 'Polygon', coordinates: swapped } })
      .expect(422);
    expect(res.body.error.message).toMatch(/lat\/lon swapped/);
  });

  it.each([
    [{ boundary: { type: 'Point', coordinates: [116.35, 40] } }, /boundary/],
    [
      { boundary: { type: 'Polygon', coordinates: rect(30, 30) }, options: { angle: 'deg75' } },
      /angle/,
    ],
    [
      { boundary: { type: 'Polygon', coordinates: rect(30, 30) }, options: { evShare: 2 } },
      /evShare/,
    ],
    [
      { boundary: { type: 'Polygon', coordinates: rect(30, 30) }, options: { colour: 1 } },
      /colour/,
    ],
  ])('rejects an invalid body with 400 VALIDATION (%#)', async (body, message) => {
    const res = await request(app).post(URL).set('Accept-Language', 'en').send(body).expect(400);
    expect(res.body.error.code).toBe('VALIDATION');
    expect(res.body.error.message).toMatch(message);
  });
});
