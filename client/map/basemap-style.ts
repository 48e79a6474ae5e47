import type { ExpressionSpecification, StyleSpecification } from 'maplibre-gl';
import { cssColor, LAYER_COLORS } from './palette';

/** Ids of the MapLibre layers drawn from the project's own vector tiles (the basemap group). */
export const BASEMAP_LAYER_IDS = [
  'base-green',
  'base-parking',
  'base-road-casing',
  'base-road',
  'base-footway',
  'base-building',
  'base-building-outline',
] as const;

const SOURCE = 'baseline';

/** Base road width in pixels at z12 and z18 by highway class (OSM `highway=*`). */
const roadWidth = (atZ12: [number, number, number], atZ18: [number, number, number]) =>
  [
    'interpolate',
    ['exponential', 1.7],
    ['zoom'],
    12,
    classWidth(atZ12),
    18,
    classWidth(atZ18),
  ] as ExpressionSpecification;

const classWidth = ([major, minor, service]: [number, number, number]): ExpressionSpecification => [
  'match',
  ['get', 'category'],
  ['motorway', 'trunk', 'primary', 'motorway_link', 'trunk_link', 'primary_link'],
  major,
  ['secondary', 'tertiary', 'secondary_link', 'tertiary_link'],
  minor,
  service,
];

/**
 * The MapLibre style, built in code. It references only this app's own tile endpoint: no
 * basemap from the internet, no glyphs, no sprite (so no symbol layers; labels are deck.gl
 * TextLayers using local fonts). The app therefore works offline.
 *
 * @param tileUrl absolute template, e.g. `https://host/api/tiles/baseline/{z}/{x}/{y}.mvt`
 *   (absolute because MapLibre's workers cannot resolve page-relative URLs).
 */
export function buildBasemapStyle(tileUrl: string): StyleSpecification {
  return {
    version: 8,
    name: 'renewal-planning-basemap',
    sources: {
      [SOURCE]: { type: 'vector', tiles: [tileUrl], minzoom: 12, maxzoom: 16 },
    },
    layers: [
      {
        id: 'background',
        type: 'background',
        paint: { 'background-color': cssColor(LAYER_COLORS.background) },
      },
      {
        id: 'base-green',
        type: 'fill',
        source: SOURCE,
        'source-layer': 'green',
        paint: { 'fill-color': cssColor(LAYER_COLORS.green) },
      },
      {
        id: 'base-parking',
        type: 'fill',
        source: SOURCE,
        'source-layer': 'parking_area',
        paint: { 'fill-color': cssColor(LAYER_COLORS.parkingArea, 0.18) },
      },
      {
        id: 'base-road-casing',
        type: 'line',
        source: SOURCE,
        'source-layer': 'road',
        layout: { 'line-cap': 'round', 'line-join': 'round' },
        paint: {
          'line-color': cssColor(LAYER_COLORS.roadCasing),
          'line-width': roadWidth([3, 2.2, 1.2], [34, 26, 14]),
        },
      },
      {
        id: 'base-road',
        type: 'line',
        source: SOURCE,
        'source-layer': 'road',
        layout: { 'line-cap': 'round', 'line-join': 'round' },
        paint: {
          'line-color': cssColor(LAYER_COLORS.road),
          'line-width': roadWidth([2, 1.4, 0.6], [30, 22, 11]),
        },
      },
      {
        id: 'base-footway',
        type: 'line',
        source: SOURCE,
        'source-layer': 'footway',
        minzoom: 14,
        paint: {
          'line-color': cssColor(LAYER_COLORS.footway, 0.8),
          'line-width': ['interpolate', ['linear'], ['zoom'], 14, 0.6, 18, 2],
          'line-dasharray': [2, 1.5],
        },
      },
      {
        id: 'base-building',
        type: 'fill',
        source: SOURCE,
        'source-layer': 'building',
        paint: { 'fill-color': 'rgb(222 216 206)' },
      },
      {
        id: 'base-building-outline',
        type: 'line',
        source: SOURCE,
        'source-layer': 'building',
        minzoom: 14,
        paint: { 'line-color': 'rgb(190 182 170)', 'line-width': 0.6 },
      },
    ],
  };
}
