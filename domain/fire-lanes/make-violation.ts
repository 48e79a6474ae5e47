import type { Geometry, Position } from 'geojson';
import type { LocalProjection, XY } from '../geo/local-projection';
import type { Rule } from '../standards/rules';
import type { FireLaneViolation, FireLaneViolationProps } from './types';

/** A problem's geometry in local metres, or a GeoJSON geometry copied from the input. */
export type ProblemGeometry =
  | { readonly type: 'Point'; readonly xy: XY }
  | { readonly type: 'LineString'; readonly xy: readonly XY[] }
  | { readonly type: 'MultiLineString'; readonly xy: readonly (readonly XY[])[] }
  | { readonly type: 'Polygon'; readonly xy: readonly (readonly XY[])[] }
  | { readonly type: 'MultiPolygon'; readonly xy: readonly (readonly (readonly XY[])[])[] }
  | { readonly type: 'input'; readonly geometry: Geometry };

/** Metres to centimetres: measured values are reported to 1 cm. */
export const roundM = (v: number): number => Math.round(v * 100) / 100;

const closeRing = (r: readonly XY[]): readonly XY[] => {
  const a = r[0];
  const b = r[r.length - 1];
  return a && b && (a[0] !== b[0] || a[1] !== b[1]) ? [...r, a] : r;
};

const toGeometry = (p: LocalProjection, g: ProblemGeometry): Geometry => {
  const ll = (xy: XY): Position => p.toLonLat(xy);
  switch (g.type) {
    case 'Point':
      return { type: 'Point', coordinates: ll(g.xy) };
    case 'LineString':
      return { type: 'LineString', coordinates: g.xy.map(ll) };
    case 'MultiLineString':
      return { type: 'MultiLineString', coordinates: g.xy.map((l) => l.map(ll)) };
    case 'Polygon':
      return { type: 'Polygon', coordinates: g.xy.map((r) => closeRing(r).map(ll)) };
    case 'MultiPolygon':
      return {
        type: 'MultiPolygon',
        coordinates: g.xy.map((poly) => poly.map((r) => closeRing(r).map(ll))),
      };
    case 'input':
      return structuredClone(g.geometry);
  }
};

/**
 * One violation as a GeoJSON Feature in WGS84: the clause, `verify` flag and governing code
 * come from the rules table entry, measured and required are rounded to 1 cm.
 */
export function makeViolation(
  projection: LocalProjection,
  geometry: ProblemGeometry,
  rule: Rule<unknown>,
  props: Omit<FireLaneViolationProps, 'clause' | 'verify' | 'governs'>,
): FireLaneViolation {
  const round = (v: number | null): number | null =>
    v === null ? null : props.unit === 'm' ? roundM(v) : v;
  return {
    type: 'Feature',
    geometry: toGeometry(projection, geometry),
    properties: {
      ...props,
      clause: rule.source,
      measured: round(props.measured),
      required: round(props.required),
      ...(rule.verify ? { verify: true as const } : {}),
      ...(rule.governs ? { governs: rule.governs } : {}),
    },
  };
}
