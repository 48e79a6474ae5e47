import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { FeatureKind } from '../../domain/model/feature-kinds';
import { getCommunities } from '../api/get-communities';
import { getDistrictFeatures } from '../api/get-district-features';
import type { PlanFeatureCollection } from '../api/types';
import type { DistrictData, PlanFeature } from './district-data';

/** One request of the district load; the progress bar counts these. */
export const LOAD_STEPS = [
  'communities',
  'buildings',
  'roads',
  'parking',
  'gates',
  'facilities',
] as const;
export type LoadStep = (typeof LOAD_STEPS)[number];

const STEP_KINDS: Record<Exclude<LoadStep, 'communities'>, readonly FeatureKind[]> = {
  buildings: ['building'],
  roads: ['road', 'footway'],
  parking: ['parking_area', 'parking_stall'],
  gates: ['gate'],
  facilities: ['facility'],
};

export type LoadState =
  | { status: 'idle' }
  | { status: 'loading'; districtId: string; done: readonly LoadStep[] }
  | { status: 'loaded'; data: DistrictData }
  | { status: 'error'; districtId: string; error: unknown };

const byKind = (fc: PlanFeatureCollection, kind: FeatureKind): PlanFeature[] =>
  fc.features.filter((f) => f.properties?.kind === kind);

/**
 * Owns the loading of one district's data: issues the requests in parallel, reports which have
 * finished (for the progress bar), cancels a load that a newer district choice replaced, and
 * aborts everything when the host leaves the page.
 */
export class DistrictDataController implements ReactiveController {
  state: LoadState = { status: 'idle' };
  private _abort: AbortController | undefined;
  private readonly _host: ReactiveControllerHost;

  constructor(host: ReactiveControllerHost) {
    this._host = host;
    host.addController(this);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this._abort?.abort();
    this._abort = undefined;
  }

  async load(districtId: string): Promise<void> {
    this._abort?.abort();
    const abort = new AbortController();
    this._abort = abort;
    const { signal } = abort;
    const done: LoadStep[] = [];
    this._set({ status: 'loading', districtId, done: [] });

    const track = async <T>(step: LoadStep, request: Promise<T>): Promise<T> => {
      const result = await request;
      if (!signal.aborted) {
        done.push(step);
        this._set({ status: 'loading', districtId, done: [...done] });
      }
      return result;
    };
    const features = (step: Exclude<LoadStep, 'communities'>) =>
      track(step, getDistrictFeatures(districtId, { kinds: STEP_KINDS[step], signal }));

    try {
      const [communities, buildings, roads, parking, gates, facilities] = await Promise.all([
        track('communities', getCommunities({ districtId, signal })),
        features('buildings'),
        features('roads'),
        features('parking'),
        features('gates'),
        features('facilities'),
      ]);
      if (signal.aborted) return;
      this._set({
        status: 'loaded',
        data: {
          districtId,
          communities: communities.features,
          buildings: buildings.features,
          roads: byKind(roads, 'road'),
          footways: byKind(roads, 'footway'),
          parking: parking.features,
          gates: gates.features,
          facilities: facilities.features,
          fireLanes: [],
          obstacles: [],
        },
      });
    } catch (error) {
      if (signal.aborted) return;
      abort.abort();
      this._set({ status: 'error', districtId, error });
    }
  }

  /**
   * Fetch the communities again (their figures changed, e.g. after a ledger import) and keep
   * every other layer: no loading state, the map does not flash.
   */
  async refreshCommunities(districtId: string): Promise<void> {
    const state = this.state;
    if (state.status !== 'loaded' || state.data.districtId !== districtId) return;
    const communities = await getCommunities({ districtId });
    if (this.state !== state) return;
    this._set({ status: 'loaded', data: { ...state.data, communities: communities.features } });
  }

  private _set(state: LoadState): void {
    this.state = state;
    this._host.requestUpdate();
  }
}
