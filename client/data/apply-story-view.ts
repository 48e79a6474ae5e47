import type { CompareMode, Story, StoryView } from '../api/story-types';
import { applyCamera } from '../map/camera';
import { LAYER_GROUPS, type LayerVisibility } from '../map/layer-groups';
import type { MapInstance } from '../map/map-controller';

/** What showing a saved view needs from the app (rpm-app implements it with closures). */
export interface PresentationHost {
  districtId(): string | null;
  /** Select the district and resolve once its data is loaded. */
  selectDistrict(id: string): Promise<void>;
  /** Open the community's scenarios (no-op when already open). */
  openCommunity(id: string): Promise<void>;
  selectScenario(id: string): Promise<void>;
  setVisibility(visibility: LayerVisibility): void;
  setCompareMode(mode: CompareMode): void;
  /** Resolves once the shell has re-rendered and the maps have taken their new size. */
  settle(): Promise<void>;
  /** The proposal map, once it exists. */
  map(): Promise<MapInstance>;
}

/**
 * Shows one saved view: the story's district and community, the view's scenario, its layers
 * (groups named are shown, the others hidden; none named: all shown), compare mode and camera
 * (a short flight between views of one district, a jump otherwise).
 */
export async function applyStoryView(
  host: PresentationHost,
  story: Pick<Story, 'districtId' | 'communityId'> | null,
  view: StoryView,
): Promise<void> {
  let moved = false;
  if (story && String(story.districtId) !== host.districtId()) {
    await host.selectDistrict(String(story.districtId));
    moved = true;
  }
  if (story?.communityId != null) await host.openCommunity(String(story.communityId));
  if (view.scenarioId !== null) await host.selectScenario(String(view.scenarioId));
  const shown = new Set(view.layers);
  host.setVisibility(
    Object.fromEntries(
      LAYER_GROUPS.map((g) => [g, shown.size === 0 || shown.has(g)]),
    ) as LayerVisibility,
  );
  host.setCompareMode(view.compareMode);
  // Side by side halves the proposal map: move the camera once it has its new size.
  await host.settle();
  applyCamera(await host.map(), view.camera, !moved);
}
