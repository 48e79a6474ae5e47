import { describe, expect, it } from 'vitest';
import { buildWalkingNetwork } from '../../../domain/coverage/build-walking-network';
import { computeCoverageState } from '../../../domain/coverage/compute-coverage-state';
import { summarizeCoverage } from '../../../domain/coverage/summarize-coverage';
import type { FacilityFeatures, OriginFeatures } from '../../../domain/coverage/types';
import { fc, gridLines, point } from './build';

describe('data edge: a community within 1 km of the data extent is flagged, not a gap', () => {
  it('3 km grid: the centre community is inside, the one 300 m from the west edge is not', () => {
    // Grid 0 … 3000 m both ways. Centre building (1500,1510): 1500 m from every edge.
    // West building (300,1510): 300 m < 1000 m (GB 50180 15-minute radius) from x = 0.
    const net = buildWalkingNetwork({
      network: fc(gridLines(31, 31, 100)),
      origins: fc([
        point(1500, 1510, { communityId: 'centre' }, 'c'),
        point(300, 1510, { communityId: 'west' }, 'w'),
      ]) as OriginFeatures,
      facilities: fc([point(1500, 1500, { category: 'kindergarten' })]) as FacilityFeatures,
    });
    const r = summarizeCoverage(computeCoverageState(net, { categories: ['kindergarten'] }));
    const by = Object.fromEntries(r.communities.map((c) => [c.communityId, c]));
    expect(by.centre!.dataEdge).toBeUndefined();
    expect(by.west!.dataEdge).toBe(true);
    expect(r.district.dataEdge).toBeUndefined();
  });
});
