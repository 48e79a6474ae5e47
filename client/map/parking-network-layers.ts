import type { Layer } from '@deck.gl/core';
import { GeoJsonLayer } from '@deck.gl/layers';
import type { Feature, FeatureCollection, LineString, Point, Polygon } from 'geojson';
import type { AisleProperties, EntranceProperties } from '../../domain/parking/types';
import type { AisleMarkProperties } from './aisle-marks';

/** The aisle network of the lot being drawn: what parking-network-layers draws. */
export interface ParkingNetworkOverlay {
  readonly aisles: FeatureCollection<Polygon, AisleProperties>;
  /** Dashes (two-way) and arrows (one-way) along the centrelines (aisle-marks.ts). */
  readonly marks: FeatureCollection<LineString | Polygon, AisleMarkProperties>;
  readonly entrance: Feature<Point, EntranceProperties> | null;
}

export const PARKING_NETWORK_LAYER_IDS = {
  aisles: 'parking-preview-aisles',
  marks: 'parking-preview-aisle-marks',
  entrance: 'parking-preview-entrance',
} as const;

/**
 * Draws a previewed lot's driving aisles in grey (connectors a shade darker), their direction
 * (dashed centre line when two-way, arrows when one-way) and the entrance as a red marker.
 */
export function buildParkingNetworkLayers(
  network: ParkingNetworkOverlay | null | undefined,
): Layer[] {
  if (!network) return [];
  const layers: Layer[] = [
    new GeoJsonLayer<AisleProperties>({
      id: PARKING_NETWORK_LAYER_IDS.aisles,
      data: {
        ...network.aisles,
        features: network.aisles.features.filter((f) => f.properties.kind === 'drive'),
      },
      pickable: false,
      stroked: true,
      filled: true,
      getFillColor: (f) =>
        f.properties.role === 'connector' ? [120, 124, 130, 150] : [150, 154, 160, 140],
      getLineColor: [90, 94, 100, 200],
      getLineWidth: 1,
      lineWidthUnits: 'pixels',
    }),
    new GeoJsonLayer<AisleMarkProperties>({
      id: PARKING_NETWORK_LAYER_IDS.marks,
      data: network.marks,
      pickable: false,
      stroked: true,
      filled: true,
      getFillColor: [255, 255, 255, 240],
      getLineColor: [255, 255, 255, 240],
      getLineWidth: 2,
      lineWidthUnits: 'pixels',
    }),
  ];
  if (network.entrance)
    layers.push(
      new GeoJsonLayer({
        id: PARKING_NETWORK_LAYER_IDS.entrance,
        data: [network.entrance],
        pickable: false,
        stroked: true,
        filled: true,
        pointType: 'circle',
        getFillColor: [220, 38, 38, 255],
        getLineColor: [255, 255, 255, 255],
        getLineWidth: 2,
        lineWidthUnits: 'pixels',
        getPointRadius: 8,
        pointRadiusUnits: 'pixels',
      }),
    );
  return layers;
}
