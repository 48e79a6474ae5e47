import type { FeatureCollection } from 'geojson';
import { bboxOf } from './bbox-of';
import type { MapInstance } from './map-controller';
import { DISTRICT_FIT_PADDING } from './district-fit-padding';

const SOURCE = 'survey-preview';
const LAYERS = ['survey-preview-fill', 'survey-preview-line', 'survey-preview-point'] as const;

/** One colour per kind, so the preview reads at a glance (orange family: "not saved yet"). */
const KIND_COLOR = [
  'match',
  ['get', 'kind'],
  'building',
  '#d9480f',
  'parking_stall',
  '#1c7ed6',
  'parking_area',
  '#4dabf7',
  'road',
  '#868e96',
  'fire_lane',
  '#e03131',
  'green',
  '#2f9e44',
  'tree',
  '#2b8a3e',
  'boundary',
  '#c2255c',
  '#f08c00',
] as unknown as string;

/**
 * Draws an import preview (WGS84 GeoJSON with `properties.kind`) on the main map, above the
 * basemap, dashed so it reads as "not saved", and frames it. Replaces any earlier preview.
 */
export function drawSurveyPreview(
  map: MapInstance,
  fc: FeatureCollection,
  bounds?: [number, number, number, number],
): void {
  removeSurveyPreview(map);
  map.addSource(SOURCE, { type: 'geojson', data: fc });
  map.addLayer({
    id: LAYERS[0],
    type: 'fill',
    source: SOURCE,
    filter: ['==', ['geometry-type'], 'Polygon'],
    paint: { 'fill-color': KIND_COLOR, 'fill-opacity': 0.35 },
  });
  map.addLayer({
    id: LAYERS[1],
    type: 'line',
    source: SOURCE,
    filter: ['!=', ['geometry-type'], 'Point'],
    paint: { 'line-color': KIND_COLOR, 'line-width': 1.6, 'line-dasharray': [3, 2] },
  });
  map.addLayer({
    id: LAYERS[2],
    type: 'circle',
    source: SOURCE,
    filter: ['==', ['geometry-type'], 'Point'],
    paint: {
      'circle-color': KIND_COLOR,
      'circle-radius': 4,
      'circle-stroke-color': '#fff',
      'circle-stroke-width': 1,
    },
  });
  const b = bounds ?? bboxOf(fc.features.map((f) => f.geometry));
  if (b)
    map.fitBounds(
      [
        [b[0], b[1]],
        [b[2], b[3]],
      ],
      { padding: { ...DISTRICT_FIT_PADDING }, maxZoom: 18, duration: 0 },
    );
}

export function removeSurveyPreview(map: MapInstance): void {
  for (const id of LAYERS) if (map.getLayer(id)) map.removeLayer(id);
  if (map.getSource(SOURCE)) map.removeSource(SOURCE);
}
