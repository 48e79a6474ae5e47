import type { Layer } from '@deck.gl/core';
import { GeoJsonLayer, PathLayer } from '@deck.gl/layers';
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import type { FireLaneViolation, FireLaneViolationProps } from '../../domain/fire-lanes/types';

/** Minimum clear width (m), GB 50016-2014 §7.1.8: the envelope is never drawn narrower. */
const MIN_CLEAR_WIDTH_M = 4;

/** Stable deck.gl ids of the compliance layers (picking and the e2e test use them). */
export const COMPLIANCE_LAYER_IDS = {
  envelopes: 'fire-lane-envelopes',
  centrelines: 'fire-lane-centrelines',
  violations: 'fire-lane-violations',
  allowedArcs: 'fire-lane-allowed-arcs',
} as const;

/** What the map shows of the live fire-lane check. */
export interface ComplianceOverlay {
  /** Lane centrelines (fire_lane features, roads marked `fireLane`, the lane being drawn). */
  lanes: readonly Feature[];
  violations: FeatureCollection<Geometry, FireLaneViolationProps> | null;
  picked: FireLaneViolation | null;
}

interface LanePath {
  path: Position[];
  widthM: number;
  draft: boolean;
}

const ERROR_RGB = [214, 40, 40] as const;
const WARNING_RGB = [240, 140, 0] as const;

function pathsOf(lanes: readonly Feature[]): LanePath[] {
  const out: LanePath[] = [];
  for (const f of lanes) {
    const p = (f.properties ?? {}) as { widthM?: number | null; id?: unknown };
    const widthM = Math.max(Number(p.widthM ?? MIN_CLEAR_WIDTH_M) || 0, MIN_CLEAR_WIDTH_M);
    const draft = typeof p.id === 'string' && p.id.startsWith('draft');
    const g = f.geometry;
    if (g?.type === 'LineString') out.push({ path: g.coordinates, widthM, draft });
    else if (g?.type === 'MultiLineString')
      for (const line of g.coordinates) out.push({ path: line, widthM, draft });
  }
  return out;
}

/**
 * The fire-lane compliance layers: each lane's clear-width envelope (max(widthM, 4) m wide,
 * translucent red, in metres so it scales with the map), its centreline, and the violations
 * (red errors, orange warnings; the picked one outlined thicker), and at each bend that fails
 * the turning radius the arc it allows (`allowedArc`: the tightest centreline arc that stays
 * on the legs and inside the clear width, check-turning-radius.rule.ts), drawn dark red over
 * the bend so the planner sees how much the corner must open. Only the violations pick.
 */
export function buildComplianceLayers(overlay: ComplianceOverlay | undefined): Layer[] {
  if (!overlay) return [];
  const paths = pathsOf(overlay.lanes);
  const picked = overlay.picked;
  const isPicked = (v: FireLaneViolation): boolean =>
    !!picked &&
    v.properties.ruleId === picked.properties.ruleId &&
    String(v.properties.featureId) === String(picked.properties.featureId) &&
    String(v.properties.laneId) === String(picked.properties.laneId);
  const color = (v: FireLaneViolation, a: number): [number, number, number, number] => {
    const c = v.properties.severity === 'error' ? ERROR_RGB : WARNING_RGB;
    return [c[0], c[1], c[2], a];
  };
  return [
    new PathLayer<LanePath>({
      id: COMPLIANCE_LAYER_IDS.envelopes,
      data: paths,
      getPath: (d) => d.path as [number, number][],
      getWidth: (d) => d.widthM,
      widthUnits: 'meters',
      widthMinPixels: 2,
      capRounded: true,
      jointRounded: true,
      getColor: (d) => (d.draft ? [214, 40, 40, 50] : [214, 40, 40, 70]),
      pickable: false,
      parameters: { depthCompare: 'always', depthWriteEnabled: false },
    }),
    new PathLayer<LanePath>({
      id: COMPLIANCE_LAYER_IDS.centrelines,
      data: paths,
      getPath: (d) => d.path as [number, number][],
      getWidth: 1.5,
      widthUnits: 'pixels',
      getColor: [180, 20, 20, 230],
      pickable: false,
      parameters: { depthCompare: 'always', depthWriteEnabled: false },
    }),
    new PathLayer<FireLaneViolation>({
      id: COMPLIANCE_LAYER_IDS.allowedArcs,
      data: ((overlay.violations?.features ?? []) as FireLaneViolation[]).filter(
        (v) => (v.properties.allowedArc?.length ?? 0) > 1,
      ),
      getPath: (v) => v.properties.allowedArc as [number, number][],
      getWidth: (v) => (isPicked(v) ? 4 : 2.5),
      widthUnits: 'pixels',
      capRounded: true,
      getColor: [120, 0, 0, 230],
      pickable: false,
      updateTriggers: { getWidth: picked },
      parameters: { depthCompare: 'always', depthWriteEnabled: false },
    }),
    new GeoJsonLayer<FireLaneViolationProps>({
      id: COMPLIANCE_LAYER_IDS.violations,
      data: (overlay.violations?.features ?? []) as FireLaneViolation[],
      pickable: true,
      stroked: true,
      filled: true,
      pointType: 'circle',
      getFillColor: (f) => color(f as FireLaneViolation, 90),
      getLineColor: (f) => color(f as FireLaneViolation, 255),
      getLineWidth: (f) => (isPicked(f as FireLaneViolation) ? 4 : 2),
      lineWidthUnits: 'pixels',
      getPointRadius: 7,
      pointRadiusUnits: 'pixels',
      autoHighlight: true,
      highlightColor: [255, 255, 255, 90],
      updateTriggers: { getLineWidth: picked },
      parameters: { depthCompare: 'always', depthWriteEnabled: false },
    }),
  ];
}
