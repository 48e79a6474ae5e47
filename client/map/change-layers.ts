import type { Layer } from '@deck.gl/core';
import { GeoJsonLayer } from '@deck.gl/layers';
import type { ChangeFeature, ChangeKind } from '../../domain/scenario/types';

/** The before/after highlight (null: nothing): the diff's features, of one side or both. */
export interface ChangeOverlay {
  features: readonly ChangeFeature[];
}

export const CHANGE_LAYER_ID = 'scenario-changes';

/** Green added, red removed, purple modified (orange is the proposal's own colour) (the sheet uses the same colours). */
export const CHANGE_COLORS: Record<ChangeKind, [number, number, number]> = {
  added: [46, 158, 68],
  removed: [217, 48, 37],
  modified: [142, 36, 170],
};

/**
 * The changed features drawn over the plan: a translucent fill and a bold outline in the
 * change's colour, points as rings. Not pickable, so clicks reach the plan's own layers.
 */
export function buildChangeLayers(overlay: ChangeOverlay | null | undefined): Layer[] {
  if (!overlay || overlay.features.length === 0) return [];
  return [
    new GeoJsonLayer<ChangeFeature['properties']>({
      id: CHANGE_LAYER_ID,
      data: overlay.features as ChangeFeature[],
      pickable: false,
      stroked: true,
      filled: true,
      getFillColor: (f) => [...CHANGE_COLORS[f.properties.change], 90],
      getLineColor: (f) => [...CHANGE_COLORS[f.properties.change], 255],
      getLineWidth: 3,
      lineWidthUnits: 'pixels',
      lineWidthMinPixels: 2,
      getPointRadius: 7,
      pointRadiusUnits: 'pixels',
    }),
  ];
}
