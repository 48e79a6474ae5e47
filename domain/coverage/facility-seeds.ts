import type { Geometry } from 'geojson';
import { localProjection } from '../geo/local-projection';
import { accessCandidates } from './access-candidates';
import { nearestEdge, type NearestEdge } from './nearest-edge';
import type { Seed, WalkingNetwork } from './types';

/**
 * Where a new facility (or an isochrone's start point) enters an already built network, without
 * rebuilding it: its access point (access-candidates.ts) is snapped to the nearest network edge
 * (u, v) at parameter t, and the facility becomes two seeds, u at connector + t·L and v at
 * connector + (1 − t)·L. Exact for every node: the edges of a built network have no node in
 * their interior, so every path from the facility leaves through u or v. Empty when farther
 * than network.maxSnapM from every edge. Also returns the snap (for the isochrone).
 */
export function facilitySeeds(
  network: WalkingNetwork,
  geometry: Geometry,
): { seeds: Seed[]; snap: (NearestEdge & { connectorM: number }) | undefined } {
  const projection = localProjection(network.projectionOrigin);
  const what = { zh: '设施', en: 'Facility' };
  let best: NearestEdge | undefined;
  for (const [x, y] of accessCandidates(geometry, projection, what)) {
    const hit = nearestEdge(
      network.grid,
      network.nodeX,
      network.nodeY,
      network.edgeU,
      network.edgeV,
      x,
      y,
      network.maxSnapM,
    );
    if (hit && (!best || hit.distM < best.distM)) best = hit;
  }
  if (!best) return { seeds: [], snap: undefined };
  const lengthM = network.edgeLengthM[best.edge]!;
  return {
    seeds: [
      { node: network.edgeU[best.edge]!, offsetM: best.distM + best.t * lengthM },
      { node: network.edgeV[best.edge]!, offsetM: best.distM + (1 - best.t) * lengthM },
    ],
    snap: { ...best, connectorM: best.distM },
  };
}
