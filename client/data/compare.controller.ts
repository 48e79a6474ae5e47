import type { Feature, FeatureCollection } from 'geojson';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { diffScenarios } from '../../domain/scenario/diff-scenarios';
import type { ChangeFeature, ScenarioDiff } from '../../domain/scenario/types';
import { getScenarioIndicators } from '../api/get-scenario-indicators';
import type { CompareMode, ScenarioIndicators } from '../api/story-types';
import type { ChangeOverlay } from '../map/change-layers';
import type { PlannerView } from './planner-state';

const fc = (features: readonly unknown[]): FeatureCollection => ({
  type: 'FeatureCollection',
  features: features as Feature[],
});

/**
 * Before/after comparison of the active proposal with its baseline: the mode (off, swipe,
 * side by side), the swipe position, the live lineage diff (domain diffScenarios, recomputed
 * when either side changes) and the stored scenario's indicators from the server (the shared
 * parking, fire-lane and coverage engines), refetched when the active scenario changes.
 */
export class CompareController implements ReactiveController {
  mode: CompareMode = 'none';
  /** Swipe divider, 0 (left edge) … 1 (right edge). */
  position = 0.5;
  indicators: ScenarioIndicators | null = null;
  indicatorsError: unknown = null;
  private _diffKey: unknown[] = [];
  private _diff: ScenarioDiff | null = null;
  private _indicatorsKey: unknown = null;
  private _abort: AbortController | undefined;
  private readonly _host: ReactiveControllerHost;

  constructor(host: ReactiveControllerHost) {
    this._host = host;
    host.addController(this);
  }

  hostDisconnected(): void {
    this._abort?.abort();
  }

  setMode(mode: CompareMode): void {
    this.mode = mode;
    this._host.requestUpdate();
  }

  setPosition(position: number): void {
    this.position = Math.min(1, Math.max(0, position));
    this._host.requestUpdate();
  }

  /** Whether the view can be compared: a proposal of a community is active. */
  static comparable(view: PlannerView): boolean {
    const active = view.scenarios.find((s) => String(s.id) === view.activeId);
    return view.communityId !== null && !view.loading && active?.kind === 'proposal';
  }

  /** The diff of the view's proposal against its baseline (null when not comparable). */
  diff(view: PlannerView): ScenarioDiff | null {
    if (!CompareController.comparable(view)) return null;
    const key = [view.baseline, view.active];
    if (key.every((k, i) => k === this._diffKey[i])) return this._diff;
    this._diffKey = key;
    this._diff = diffScenarios(fc(view.baseline), fc(view.active));
    return this._diff;
  }

  /** Highlights for one side: the proposal shows added and modified, the baseline removed. */
  overlay(view: PlannerView, side: 'baseline' | 'proposal'): ChangeOverlay | null {
    const d = this.mode === 'none' ? null : this.diff(view);
    if (!d) return null;
    const keep = (f: ChangeFeature) =>
      side === 'baseline' ? f.properties.change !== 'added' : f.properties.change !== 'removed';
    return { features: d.features.filter(keep) };
  }

  /** Fetch the stored indicators of the active proposal once per (scenario, save). */
  syncIndicators(view: PlannerView): void {
    const key = this.mode === 'none' || !CompareController.comparable(view) ? null : view.active;
    if (key === this._indicatorsKey) return;
    this._indicatorsKey = key;
    this._abort?.abort();
    if (key === null || view.activeId === null) {
      this.indicators = null;
      return;
    }
    const abort = (this._abort = new AbortController());
    getScenarioIndicators(view.activeId, abort.signal).then(
      (indicators) => {
        if (abort.signal.aborted) return;
        this.indicators = indicators;
        this.indicatorsError = null;
        this._host.requestUpdate();
      },
      (error: unknown) => {
        if (abort.signal.aborted) return;
        this.indicatorsError = error;
        this._host.requestUpdate();
      },
    );
  }
}
