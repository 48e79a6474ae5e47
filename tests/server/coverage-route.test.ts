import express from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { errorHandler } from '../../server/http/error-handler';
import { coverageRoutes } from '../../server/routes/coverage-routes';
import { fc, gridLines, line, P, point } from '../domain/coverage/build';

const app = express()
  .use(express.json({ limit: '20mb' }))
  .use('/api', coverageRoutes())
  .use(errorHandler);
const URL = '/api/analysis/coverage';

// A 300 m street along y = 0 plus an island street at y = 400; a kindergarten at x = 0.
const body = {
  network: fc([
    ...gridLines(4, 1, 100),
    line(
      [
        [0, 400],
        [300, 400],
      ],
      { kind: 'footway', category: 'path' },
    ),
  ]),
  origins: fc([
    point(100, 10, { households: 60, communityId: 'A' }, 'near'),
    point(300, 10, { households: 40, communityId: 'A' }, 'far'),
    point(100, 390, { households: 10, communityId: 'B' }, 'island'),
  ]),
  facilities: fc([point(0, 0, { category: 'kindergarten' }, 'kg1')]),
  options: { categories: ['kindergarten', 'primary_school'], walkSpeedMPerMin: 60 },
};

describe('POST /api/analysis/coverage', () => {
  it('returns per-building distances, minutes and the summary', async () => {
    const res = await request(app).post(URL).send(body).expect(200);
    expect(res.body.categories).toEqual(['kindergarten', 'primary_school']);
    const [near, far, island] = res.body.origins;
    expect(near.id).toBe('near');
    expect(near.distancesM.kindergarten).toBeCloseTo(110, 5);
    expect(near.walkMinutes.kindergarten).toBeCloseTo(110 / 60, 5);
    expect(near.missing).toEqual(['primary_school']);
    expect(far.distancesM.kindergarten).toBeCloseTo(310, 5);
    expect(far.missing).toEqual(['kindergarten', 'primary_school']);
    expect(island.distancesM.kindergarten).toBeNull();
    expect(island.unreachable).toEqual(['kindergarten', 'primary_school']);
    const kg = res.body.summary.district.byCategory.kindergarten;
    expect(kg).toMatchObject({ radiusM: 300, householdsCovered: 60, householdsUnreachable: 10 });
    expect(kg.share).toBeCloseTo(60 / 110, 12);
    expect(res.body.summary.communities.map((c: { communityId: string }) => c.communityId)).toEqual(
      ['A', 'B'],
    );
    expect(res.body.summary.district.gaps[0]).toMatchObject({
      category: 'primary_school',
      householdsUncovered: 110,
    });
  });

  it('honours radius overrides', async () => {
    const res = await request(app)
      .post(URL)
      .send({ ...body, options: { categories: ['kindergarten'], radiiM: { kindergarten: 400 } } })
      .expect(200);
    expect(res.body.summary.district.byCategory.kindergarten.householdsCovered).toBe(100);
  });

  it('400 VALIDATION for an unknown category option and a non-collection', async () => {
    const a = await request(app)
      .post(URL)
      .send({ ...body, options: { categories: ['casino'] } })
      .expect(400);
    expect(a.body.error.code).toBe('VALIDATION');
    const b = await request(app)
      .post(URL)
      .send({ ...body, network: { type: 'Feature' } })
      .expect(400);
    expect(b.body.error.code).toBe('VALIDATION');
  });

  it('400 for a facility without a known category, 422 for a bad network geometry', async () => {
    const a = await request(app)
      .post(URL)
      .set('Accept-Language', 'en')
      .send({ ...body, facilities: fc([point(0, 0, { category: 'casino' })]) })
      .expect(400);
    expect(a.body.error.message).toMatch(/category/);
    const b = await request(app)
      .post(URL)
      .send({ ...body, network: fc([point(0, 0)]) })
      .expect(422);
    expect(b.body.error).toMatchObject({ code: 'INVALID_GEOMETRY', details: { code: 'NOT_LINE' } });
    const swapped = fc([
      {
        type: 'Feature',
        properties: {},
        geometry: {
          type: 'LineString',
          coordinates: [
            [40, 116],
            [40.001, 116],
          ],
        },
      },
    ]);
    const c = await request(app)
      .post(URL)
      .send({ ...body, network: swapped })
      .expect(422);
    expect(c.body.error.details.code).toBe('LAT_LON_SWAPPED');
  });
});

describe('POST /api/analysis/walking-isochrones', () => {
  it('returns reached lines per time band', async () => {
    const res = await request(app)
      .post('/api/analysis/walking-isochrones')
      .send({
        network: fc(gridLines(5, 5, 100)),
        at: P.toLonLat([200, 200]),
        options: { minutes: [1], walkSpeedMPerMin: 100 },
      })
      .expect(200);
    const lines = res.body.features.filter(
      (f: { geometry: { type: string } }) => f.geometry.type === 'MultiLineString',
    );
    expect(lines).toHaveLength(1);
    expect(lines[0].properties.reachedLengthM).toBeCloseTo(400, 2);
  });
});
