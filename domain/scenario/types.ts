import type { Feature, FeatureCollection, Geometry } from 'geojson';

/** How a feature changed from the baseline (现状) to a proposal (方案). */
export type ChangeKind = 'added' | 'removed' | 'modified';

/** Fields a diff compares besides the geometry (API feature properties; `props` as a whole). */
export const DIFF_FIELDS = [
  'kind',
  'name',
  'category',
  'widthM',
  'levels',
  'heightM',
  'capacity',
  'props',
] as const;

export type DiffField = (typeof DIFF_FIELDS)[number] | 'geometry';

export interface ChangeProperties {
  change: ChangeKind;
  kind: string;
  /** The proposal feature's id (added, modified) or null (removed). */
  proposalId: number | string | null;
  /** The baseline feature's id (removed, modified) or null (added). */
  baselineId: number | string | null;
  /** modified: which fields differ, in DIFF_FIELDS order, geometry first. */
  changed: DiffField[];
  name: string | null;
}

export type ChangeFeature = Feature<Geometry, ChangeProperties>;

export interface ScenarioDiff extends FeatureCollection<Geometry, ChangeProperties> {
  /** Counts per change and per kind. */
  summary: {
    added: number;
    removed: number;
    modified: number;
    unchanged: number;
    byKind: Record<string, { added: number; removed: number; modified: number }>;
  };
}
