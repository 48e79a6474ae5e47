/** Layer kinds a scenario's features can have (DESIGN.md "Layers"). */
export const FEATURE_KINDS = [
  'building',
  'road',
  'footway',
  'fire_lane',
  'parking_stall',
  'parking_area',
  'bike_shed',
  'ev_charger',
  'facility',
  'green',
  'tree',
  'obstacle',
  'gate',
  'boundary',
] as const;

export type FeatureKind = (typeof FEATURE_KINDS)[number];

export const isFeatureKind = (s: string): s is FeatureKind =>
  (FEATURE_KINDS as readonly string[]).includes(s);
