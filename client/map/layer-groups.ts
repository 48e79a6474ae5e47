/**
 * What the layer panel toggles. Each group maps to stable deck.gl layer ids (the e2e test and
 * picking rely on these strings) or, for `basemap`, to the MapLibre vector-tile layers.
 */
export const LAYER_GROUPS = [
  'communities',
  'buildings',
  'roads',
  'footways',
  'parking',
  'gates',
  'facilities',
  'basemap',
] as const;

export type LayerGroup = (typeof LAYER_GROUPS)[number];
export type LayerVisibility = Record<LayerGroup, boolean>;

export const DEFAULT_VISIBILITY: LayerVisibility = {
  communities: true,
  buildings: true,
  roads: true,
  footways: true,
  parking: true,
  gates: true,
  facilities: true,
  basemap: true,
};

export const DECK_LAYER_IDS = {
  communities: 'communities',
  communityLabels: 'community-labels',
  buildings: 'buildings',
  roads: 'roads',
  footways: 'footways',
  parking: 'parking',
  gates: 'gates',
  facilities: 'facilities',
  facilityLabels: 'facility-labels',
  fireLanes: 'fire-lanes',
  obstacles: 'obstacles',
  pendingShape: 'pending-shape',
  preview: 'parking-preview',
} as const;

export type DeckLayerId = (typeof DECK_LAYER_IDS)[keyof typeof DECK_LAYER_IDS];
