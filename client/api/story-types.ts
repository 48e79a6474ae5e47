import type { Camera } from '../map/camera';

export type CompareMode = 'none' | 'swipe' | 'side';

/** One saved view of a story (server/db/story-store.ts). */
export interface StoryView {
  camera: Camera;
  layers: string[];
  scenarioId: number | null;
  compareMode: CompareMode;
  caption: string;
}

export interface Story {
  id: number;
  districtId: number;
  communityId: number | null;
  title: string;
  version: number;
  views: StoryView[];
}

/** GET /api/scenarios/:id/indicators: before/after numbers from the shared engines. */
export interface ScenarioIndicators {
  parking: { existing: number; removed: number; added: number; net: number; proposed: number };
  fireLanes: {
    baseline: { errors: number; warnings: number };
    proposal: { errors: number; warnings: number };
  };
  coverage: {
    baseline: { buildings: number; min15Share: number | null; byCategory: Record<string, number> };
    proposal: { buildings: number; min15Share: number | null; byCategory: Record<string, number> };
  };
  changes: { added: number; removed: number; modified: number; unchanged: number };
}
