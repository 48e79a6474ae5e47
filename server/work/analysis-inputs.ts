import { checkVertexBudget } from '../http/check-vertex-budget';
import { parse } from '../http/parse';
import { parkingLayoutBodySchema } from '../routes/analysis-routes';
import { coverageBodySchema, isochroneBodySchema } from '../routes/coverage-routes';
import { fireLaneBodySchema } from '../routes/fire-lane-routes';
import type { AnalysisTask } from './analysis-tasks';

/**
 * The cheap checks in front of every analysis (issue 18): the body's shape (the route's zod
 * schema, the one the OpenAPI document shows) and its vertex totals against the caps of
 * feature writes. They run where the analysis runs: in the worker thread, on the raw request
 * bytes, so a 4 MB body is parsed and checked off the event loop (analysis-worker.ts).
 */
export const PREPARE: Record<AnalysisTask, (json: unknown) => unknown> = {
  'parking-layout': (json) => {
    const body = parse(parkingLayoutBodySchema, json);
    const boundary = body.boundary as {
      geometry?: { coordinates: unknown };
      coordinates?: unknown;
    };
    checkVertexBudget({
      boundary: {
        features: [{ geometry: boundary.geometry ?? (boundary as { coordinates: unknown }) }],
      },
      obstacles: body.obstacles,
      keepClear: body.keepClear,
      roads: body.roads,
    });
    return body;
  },
  'fire-lanes': (json) => {
    const body = parse(fireLaneBodySchema, json);
    checkVertexBudget({ features: body.features });
    return body;
  },
  coverage: (json) => {
    const body = parse(coverageBodySchema, json);
    checkVertexBudget({
      network: body.network,
      origins: body.origins,
      facilities: body.facilities,
      communities: body.communities,
    });
    return body;
  },
  'walking-isochrones': (json) => {
    const body = parse(isochroneBodySchema, json);
    checkVertexBudget({ network: body.network });
    return body;
  },
};

/** Request bytes (express.raw) as JSON; an empty body is no body, as express.json leaves it. */
export function jsonOf(input: unknown): unknown {
  if (!(input instanceof Uint8Array)) return input;
  if (input.byteLength === 0) return undefined;
  return JSON.parse(Buffer.from(input.buffer, input.byteOffset, input.byteLength).toString('utf8'));
}
