import type { Layer } from '@deck.gl/core';
import { GeoJsonLayer } from '@deck.gl/layers';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { distanceColor, ISOCHRONE_COLORS, passColor } from './coverage-ramp';
import type { Rgb } from './palette';

/** What the coverage view adds to the map (null: nothing). */
export interface CoverageOverlay {
  /** Residential buildings with their walking distance (m, Infinity: unreachable). */
  buildings: readonly { geometry: Geometry; distanceM: number }[];
  /** 'distance': continuous ramp; 'pass': within `radiusM` or not. */
  mode: 'distance' | 'pass';
  radiusM: number;
  /** Walking isochrones (walkingIsochrones output) or null. */
  isochrones: FeatureCollection | null;
}

export const COVERAGE_LAYER_IDS = {
  buildings: 'coverage-buildings',
  isochroneAreas: 'isochrone-areas',
  isochroneLines: 'isochrone-lines',
} as const;

const rgba = (c: Rgb, a: number): [number, number, number, number] => [c[0], c[1], c[2], a];

/** Band index of an isochrone feature: by its time, 5 → 0, 10 → 1, 15 → 2. */
const bandOf = (f: Feature): number => {
  const minutes = Number(f.properties?.['minutes'] ?? 15);
  return minutes <= 5 ? 0 : minutes <= 10 ? 1 : 2;
};

/**
 * The deck.gl layers of the coverage view: buildings coloured by walking distance or pass/fail,
 * isochrone outlines (largest band first, see walkingIsochrones) and the reached network lines.
 * Not pickable: clicks keep reaching the plan's own layers.
 */
export function buildCoverageLayers(overlay: CoverageOverlay | null | undefined): Layer[] {
  if (!overlay) return [];
  const { mode, radiusM } = overlay;
  const layers: Layer[] = [
    new GeoJsonLayer<{ distanceM: number }>({
      id: COVERAGE_LAYER_IDS.buildings,
      data: overlay.buildings.map((b) => ({
        type: 'Feature' as const,
        geometry: b.geometry,
        properties: { distanceM: b.distanceM },
      })),
      pickable: false,
      stroked: true,
      filled: true,
      getFillColor: (f) =>
        rgba(
          mode === 'pass'
            ? passColor(f.properties.distanceM, radiusM)
            : distanceColor(f.properties.distanceM),
          225,
        ),
      getLineColor: [255, 255, 255, 200],
      getLineWidth: 1,
      lineWidthUnits: 'pixels',
      updateTriggers: { getFillColor: [mode, radiusM] },
    }),
  ];
  const iso = overlay.isochrones;
  if (iso) {
    const areas = iso.features.filter((f) => f.geometry.type !== 'MultiLineString');
    const lines = iso.features.filter((f) => f.geometry.type === 'MultiLineString');
    layers.push(
      new GeoJsonLayer({
        id: COVERAGE_LAYER_IDS.isochroneAreas,
        data: areas,
        pickable: false,
        stroked: true,
        filled: true,
        getFillColor: (f) => rgba(ISOCHRONE_COLORS[bandOf(f)]!, 45),
        getLineColor: (f) => rgba(ISOCHRONE_COLORS[bandOf(f)]!, 230),
        getLineWidth: 2,
        lineWidthUnits: 'pixels',
      }),
      new GeoJsonLayer({
        id: COVERAGE_LAYER_IDS.isochroneLines,
        data: [...lines].sort((a, b) => bandOf(b) - bandOf(a)),
        pickable: false,
        getLineColor: (f) => rgba(ISOCHRONE_COLORS[bandOf(f)]!, 255),
        getLineWidth: 3,
        lineWidthUnits: 'pixels',
      }),
    );
  }
  return layers;
}
