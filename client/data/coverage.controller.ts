import type { Feature, FeatureCollection, Geometry, MultiPolygon, Point, Polygon } from 'geojson';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { addFacility } from '../../domain/coverage/add-facility';
import { buildWalkingNetwork } from '../../domain/coverage/build-walking-network';
import { computeCoverageState } from '../../domain/coverage/compute-coverage-state';
import { moveFacility } from '../../domain/coverage/move-facility';
import { removeFacility } from '../../domain/coverage/remove-facility';
import { summarizeCoverage } from '../../domain/coverage/summarize-coverage';
import type { CoverageResult, CoverageState, TierId } from '../../domain/coverage/types';
import { walkingIsochrones } from '../../domain/coverage/walking-isochrones';
import { FACILITY_CATEGORIES, type FacilityCategoryId } from '../../domain/standards/rules';
import type { CoverageOverlay } from '../map/coverage-layers';
import { labelPoint } from '../map/label-point';
import { coverageFacilities, districtToCoverageInput, facilityKey } from '../../domain/coverage/district-view-to-coverage-input';
import type { DistrictData } from './district-data';

/** The steps of a network build; the panel's progress bar counts them. */
export const COVERAGE_STEPS = ['input', 'network', 'fields'] as const;
export type CoverageStep = (typeof COVERAGE_STEPS)[number];

export type CoverageStatus =
  | { status: 'idle' }
  | { status: 'building'; done: number }
  | { status: 'ready' }
  | { status: 'error'; error: unknown };

type FacilityFeature = Feature<Point | Polygon | MultiPolygon>;

interface Placed {
  category: FacilityCategoryId;
  geometryJson: string;
  feature: FacilityFeature;
}

const nextFrame = (): Promise<void> => new Promise((ok) => setTimeout(ok, 0));

/** Facilities by key (see facilityKey), with their category and geometry. */
function placedOf(features: readonly FacilityFeature[]): Map<string, Placed> {
  const out = new Map<string, Placed>();
  for (const f of features) {
    out.set(String(f.id), {
      category: f.properties?.['category'] as FacilityCategoryId,
      geometryJson: JSON.stringify(f.geometry),
      feature: f,
    });
  }
  return out;
}

/**
 * Owns the 15-minute life-circle coverage of the district as the planner sees it. Builds the
 * walking network once per data load (roads, footways and buildings of the merged view, with
 * the baseline's facilities attached), keeps the baseline coverage state, and keeps the
 * current state in step with the facilities of the view INCREMENTALLY: each added, moved
 * (including a drag in progress, see `preview`) or deleted facility is one addFacility /
 * moveFacility / removeFacility, so results follow within a frame. Main thread: a district
 * builds in well under a second and the updates are a partial Dijkstra each.
 */
export class CoverageController implements ReactiveController {
  status: CoverageStatus = { status: 'idle' };
  /** Coverage with the baseline's facilities; null before the first build. */
  baseline: CoverageResult | null = null;
  /** Coverage with the view's facilities (and the drag preview). */
  current: CoverageResult | null = null;
  /** Milliseconds the last incremental update took (for the panel and tests). */
  lastUpdateMs = 0;
  /** What the panel shows: open or not, category, tier, building colouring, isochrones. */
  open = false;
  category: FacilityCategoryId = 'elderly_care';
  tier: TierId | 'all' = 'all';
  mode: 'distance' | 'pass' = 'distance';
  isochroneResult: FeatureCollection | null = null;
  private _overlayMemo: { key: unknown[]; value: CoverageOverlay | null } | undefined;
  private readonly _host: ReactiveControllerHost;
  private _enabled = false;
  private _networkKey = '';
  private _state: CoverageState | null = null;
  private _placed = new Map<string, Placed>();
  private _view: DistrictData | undefined;
  private _base: DistrictData | undefined;
  private _preview: { key: string; geometry: Point | Polygon | MultiPolygon } | null = null;
  private _generation = 0;

  constructor(host: ReactiveControllerHost) {
    this._host = host;
    host.addController(this);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this._generation++;
  }

  /** The coverage is only computed (and drawn) while the panel is open. */
  setOpen(on: boolean): void {
    this.open = on;
    if (!on) this.isochroneResult = null;
    this._host.requestUpdate();
    if (on === this._enabled) return;
    this._enabled = on;
    if (on) this.sync(this._view, this._base);
  }

  setCategory(category: FacilityCategoryId): void {
    this.category = category;
    this._host.requestUpdate();
  }

  setTier(tier: TierId | 'all'): void {
    this.tier = tier;
    const first = FACILITY_CATEGORIES.find((c) => tier === 'all' || c.tier === tier);
    if (tier !== 'all' && first && FACILITY_CATEGORIES.find((c) => c.id === this.category)?.tier !== tier)
      this.category = first.id;
    this._host.requestUpdate();
  }

  setMode(mode: 'distance' | 'pass'): void {
    this.mode = mode;
    this._host.requestUpdate();
  }

  /** Isochrones from the label point of `from` (a selected feature), or none. */
  setIsochrones(from: Geometry | null): void {
    const at = from ? labelPoint(from) : undefined;
    try {
      this.isochroneResult = at ? this.isochrones(at) : null;
    } catch (error) {
      console.warn('[coverage] isochrones', error);
      this.isochroneResult = null;
    }
    this._host.requestUpdate();
  }

  /** The map overlay of the coverage view (memoised on its inputs), or null when closed. */
  overlay(view: DistrictData | undefined): CoverageOverlay | null {
    const current = this.current;
    const key = [this.open, view, current, this.category, this.mode, this.isochroneResult];
    if (this._overlayMemo && key.every((k, i) => k === this._overlayMemo?.key[i]))
      return this._overlayMemo.value;
    let value: CoverageOverlay | null = null;
    if (this.open && view && current) {
      const byId = new Map(view.buildings.map((b) => [String(b.properties.id), b.geometry]));
      const buildings: CoverageOverlay['buildings'][number][] = [];
      for (const o of current.origins) {
        const geometry = byId.get(o.id);
        if (geometry) buildings.push({ geometry, distanceM: o.distancesM[this.category] ?? Infinity });
      }
      value = {
        buildings,
        mode: this.mode,
        radiusM: FACILITY_CATEGORIES.find((c) => c.id === this.category)?.maxDistanceM ?? 0,
        isochrones: this.isochroneResult,
      };
    }
    this._overlayMemo = { key, value };
    return value;
  }

  /** A facility of the view (by its plan id) being dragged to `geometry`; null ends it. */
  previewMove(planId: string | null, geometry: Geometry | null): void {
    const f = planId
      ? this._view?.facilities.find((x) => String(x.properties.id) === planId)
      : undefined;
    const g =
      geometry && ['Point', 'Polygon', 'MultiPolygon'].includes(geometry.type)
        ? (geometry as Point | Polygon | MultiPolygon)
        : null;
    this.preview(f ? facilityKey(f) : null, f ? g : null);
  }

  /**
   * Follows the data: `view` is the merged view (the active proposal in place of its
   * community's baseline), `base` the district's baseline as loaded.
   */
  sync(view: DistrictData | undefined, base: DistrictData | undefined): void {
    // A new view after a drag carries the saved geometry: the preview has done its job.
    if (view !== this._view) this._preview = null;
    this._view = view;
    this._base = base;
    if (!this._enabled || !view || !base) return;
    const key = this._keyOf(view);
    if (key !== this._networkKey) {
      this._networkKey = key;
      void this._build(view, base);
      return;
    }
    if (this.status.status === 'ready') this._safeApply();
  }

  /** A facility being dragged: coverage follows it before the move is saved. */
  preview(key: string | null, geometry: Point | Polygon | MultiPolygon | null): void {
    this._preview = key && geometry ? { key, geometry } : null;
    if (this.status.status === 'ready') this._safeApply();
  }

  /** Walking isochrones (5/10/15 min) from a point, or null before the network is built. */
  isochrones(at: [number, number]): FeatureCollection | null {
    const network = this._state?.network;
    return network ? (walkingIsochrones(network, at) as FeatureCollection) : null;
  }

  private _keyOf(view: DistrictData): string {
    const ids = (list: DistrictData['roads']) =>
      list.map((f) => `${String(f.properties.id)}.${String(f.properties.version)}`).join(',');
    return [
      view.districtId,
      ids(view.roads),
      ids(view.footways),
      ids(view.buildings),
      ids(view.gates),
    ].join('|');
  }

  private async _build(view: DistrictData, base: DistrictData): Promise<void> {
    const generation = ++this._generation;
    const step = async (done: number) => {
      this.status = { status: 'building', done };
      this._host.requestUpdate();
      await nextFrame();
      await nextFrame();
      return generation === this._generation;
    };
    try {
      if (!(await step(0))) return;
      const input = districtToCoverageInput(view);
      const baseFacilities = coverageFacilities(base.facilities);
      if (!(await step(1))) return;
      const network = buildWalkingNetwork({
        network: input.network,
        origins: input.origins,
        facilities: { type: 'FeatureCollection', features: baseFacilities },
      });
      if (!(await step(2))) return;
      const baseState = computeCoverageState(network);
      this.baseline = summarizeCoverage(baseState);
      this._state = baseState;
      this._placed = placedOf(baseFacilities);
      this.current = this.baseline;
      this.status = { status: 'ready' };
      this._applyFacilities();
      this._host.requestUpdate();
    } catch (error) {
      if (generation !== this._generation) return;
      console.error('[coverage]', error);
      this.status = { status: 'error', error };
      this._host.requestUpdate();
    }
  }

  /** Runs from render: an engine error is shown in the panel instead of breaking the app. */
  private _safeApply(): void {
    try {
      this._applyFacilities();
    } catch (error) {
      console.error('[coverage]', error);
      this.status = { status: 'error', error };
    }
  }

  /** Brings the current state to the view's facilities with incremental updates. */
  private _applyFacilities(): void {
    const view = this._view;
    let state = this._state;
    if (!view || !state) return;
    const started = performance.now();
    const wanted = placedOf(coverageFacilities(view.facilities));
    const preview = this._preview;
    const moved = preview ? wanted.get(preview.key) : undefined;
    if (preview && moved) {
      const feature = { ...moved.feature, geometry: preview.geometry };
      wanted.set(preview.key, {
        ...moved,
        feature,
        geometryJson: JSON.stringify(preview.geometry),
      });
    }
    let changed = false;
    for (const [key, had] of this._placed) {
      const now = wanted.get(key);
      if (now && now.category === had.category) {
        if (now.geometryJson !== had.geometryJson) {
          state = moveFacility(state, now.category, key, now.feature.geometry);
          changed = true;
        }
      } else {
        state = removeFacility(state, had.category, key);
        changed = true;
      }
    }
    for (const [key, now] of wanted) {
      const had = this._placed.get(key);
      if (had && had.category === now.category) continue;
      state = addFacility(state, now.feature);
      changed = true;
    }
    this._placed = wanted;
    if (!changed) return;
    this._state = state;
    this.current = summarizeCoverage(state);
    this.lastUpdateMs = performance.now() - started;
    this._host.requestUpdate();
  }
}
