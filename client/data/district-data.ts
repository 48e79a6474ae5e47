import type { Feature, Geometry } from 'geojson';
import type { FireLaneViolationProps } from '../../domain/fire-lanes/types';
import type { CommunityCollection, CommunityProperties, PlanFeatureProperties } from '../api/types';

export type PlanFeature = Feature<Geometry, PlanFeatureProperties>;
export type CommunityFeature = CommunityCollection['features'][number];

/** Everything the map shows for one district, split by the layer that draws it. */
export interface DistrictData {
  districtId: string;
  communities: CommunityFeature[];
  buildings: PlanFeature[];
  roads: PlanFeature[];
  footways: PlanFeature[];
  parking: PlanFeature[];
  gates: PlanFeature[];
  facilities: PlanFeature[];
  /** Fire lanes (消防车通道): drawn in proposals; the imported baseline has none. */
  fireLanes: PlanFeature[];
  /** Trees and other point or area obstacles drawn in proposals. */
  obstacles: PlanFeature[];
}

/** A feature the user hovers or clicks: a community outline or a scenario feature. */
export type PickedFeature =
  | { type: 'community'; properties: CommunityProperties; geometry: Geometry }
  | { type: 'feature'; properties: PlanFeatureProperties; geometry: Geometry }
  /** A fire-lane finding of the live compliance check; `id` is `violation-N`. */
  | { type: 'violation'; properties: FireLaneViolationProps & { id: string }; geometry: Geometry };

/** The picked feature's id as a string (ids arrive as numbers), or null. */
export const pickedId = (picked: PickedFeature | null | undefined): string | null =>
  picked ? String(picked.properties.id) : null;
