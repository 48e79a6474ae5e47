import type { FeatureCollection, LineString, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { localProjection } from '../../../domain/geo/local-projection';
import type { AisleCentrelineProperties } from '../../../domain/parking/types';
import { aisleMarks } from '../../../client/map/aisle-marks';

const P = localProjection([116.35, 40.0]);

const centreline = (
  oneWay: boolean,
  from: [number, number],
  to: [number, number],
): FeatureCollection<LineString, AisleCentrelineProperties> => ({
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { aisle: 0, role: 'aisle', oneWay, widthM: oneWay ? 4.5 : 9 },
      geometry: { type: 'LineString', coordinates: [P.toLonLat(from), P.toLonLat(to)] },
    },
  ],
});

describe('aisleMarks (client/map): how the map shows the driving direction', () => {
  it('dashes a two-way 20 m centreline: 2 m dash, 2 m gap → 5 dashes', () => {
    const marks = aisleMarks(centreline(false, [0, 0], [20, 0]));
    expect(marks.features.map((f) => f.properties.mark)).toEqual(Array(5).fill('dash'));
    const [a, b] = (marks.features[1]!.geometry as LineString).coordinates.map((q) => P.toLocal(q));
    expect(a![0]).toBeCloseTo(4, 6);
    expect(b![0]).toBeCloseTo(6, 6);
  });

  it('puts arrowheads every 9 m along a one-way 30 m centreline, pointing its way (west here)', () => {
    //  ◄ ◄ ◄   drawn from x = 30 to x = 0: arrows at 4.5, 13.5, 22.5 m from the start
    const marks = aisleMarks(centreline(true, [30, 0], [0, 0]));
    expect(marks.features).toHaveLength(3);
    for (const f of marks.features) {
      expect(f.properties.mark).toBe('arrow');
      const [base1, tip, base2] = (f.geometry as Polygon).coordinates[0]!.map((q) => P.toLocal(q));
      // The tip lies 2.4 m further west than the base, on the centreline.
      expect(base1![0] - tip![0]).toBeCloseTo(2.4, 6);
      expect(tip![1]).toBeCloseTo(0, 6);
      expect(base1![1] + base2![1]).toBeCloseTo(0, 6);
    }
    const tips = marks.features.map(
      (f) => P.toLocal((f.geometry as Polygon).coordinates[0]![1]!)[0],
    );
    expect(tips.map((x) => Math.round(x * 10) / 10)).toEqual([23.1, 14.1, 5.1]);
  });
});
