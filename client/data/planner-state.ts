import type { ApiFeature, Scenario } from '../api/types';
import type { FeatureChange } from '../api/update-feature';

/** A write the server refused as stale (409): the user's edit and the stored version. */
export interface EditConflict {
  featureId: string;
  /** What the user wrote; null for a delete. */
  mine: FeatureChange | null;
  /** The user's feature as shown (kept in the UI until they choose). */
  mineFeature: ApiFeature | null;
  /** The stored feature now; null when someone else deleted it. */
  theirs: ApiFeature | null;
}

export type SaveState =
  | { status: 'idle' }
  | { status: 'saving'; done: number; total: number }
  | { status: 'saved' }
  | { status: 'error'; error: unknown };

/** Everything the planner UI shows about the community being planned. */
export interface PlannerView {
  communityId: string | null;
  scenarios: readonly Scenario[];
  activeId: string | null;
  /** The community's baseline (现状) features. */
  baseline: readonly ApiFeature[];
  /** The active scenario's features (the baseline's when it is active). */
  active: readonly ApiFeature[];
  editBaseline: boolean;
  loading: boolean;
  save: SaveState;
  conflict: EditConflict | null;
  canUndo: boolean;
  canRedo: boolean;
}
