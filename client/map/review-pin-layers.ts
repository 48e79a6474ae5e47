import type { Layer } from '@deck.gl/core';
import { GeoJsonLayer, TextLayer } from '@deck.gl/layers';
import type { FeatureCollection, Point } from 'geojson';
import type { ReviewEvent } from '../api/review';

export type ReviewPins = FeatureCollection<Point, { n: number; action: string; body: string }>;

export const REVIEW_PIN_LAYER_IDS = { pins: 'review-pins', labels: 'review-pin-labels' } as const;

/**
 * The pinned comments and returns of a review as points numbered 1, 2 … in order (the history
 * shows the same number on its "locate" button).
 */
export function reviewPinsOf(events: readonly ReviewEvent[]): ReviewPins {
  let n = 0;
  return {
    type: 'FeatureCollection',
    features: events.flatMap((e) =>
      e.at
        ? [
            {
              type: 'Feature' as const,
              id: e.id,
              geometry: { type: 'Point' as const, coordinates: [...e.at] },
              properties: { n: ++n, action: e.action, body: e.body ?? '' },
            },
          ]
        : [],
    ),
  };
}

/** Map layers of the review pins: a red disc (return) or amber disc (comment) with its number. */
export function buildReviewPinLayers(pins: ReviewPins | null | undefined): Layer[] {
  if (!pins || pins.features.length === 0) return [];
  return [
    new GeoJsonLayer<{ n: number; action: string }>({
      id: REVIEW_PIN_LAYER_IDS.pins,
      data: pins,
      pickable: false,
      pointType: 'circle',
      filled: true,
      stroked: true,
      getFillColor: (f) =>
        f.properties.action === 'return' ? [220, 38, 38, 235] : [245, 158, 11, 235],
      getLineColor: [255, 255, 255, 255],
      getLineWidth: 2,
      lineWidthUnits: 'pixels',
      getPointRadius: 11,
      pointRadiusUnits: 'pixels',
    }),
    new TextLayer<ReviewPins['features'][number]>({
      id: REVIEW_PIN_LAYER_IDS.labels,
      data: pins.features,
      getPosition: (f) => f.geometry.coordinates as [number, number],
      getText: (f) => String(f.properties.n),
      getSize: 12,
      getColor: [255, 255, 255, 255],
      fontWeight: 700,
      getTextAnchor: 'middle',
      getAlignmentBaseline: 'center',
    }),
  ];
}
