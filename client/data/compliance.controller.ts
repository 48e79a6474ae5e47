import type { Feature, Geometry } from 'geojson';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { checkFireLanes } from '../../domain/fire-lanes/check-fire-lanes';
import type {
  FireLaneOptions,
  FireLaneResult,
  FireLaneViolation,
} from '../../domain/fire-lanes/types';
import { InputError } from '../../domain/geo/input-error';
import type { ApiFeature, Id } from '../api/types';
import { complianceInput } from './compliance-input';
import type { ComplianceOverlay } from '../map/compliance-layers';
import type { DistrictData } from './district-data';

/** What the check runs on; compared by identity to skip needless runs. */
export interface ComplianceSource {
  active: readonly ApiFeature[];
  /** The loaded district: its public roads and gates near the community are checked too. */
  district: DistrictData | undefined;
  baselineScenarioId: Id | null | undefined;
}

/** Seed plans widen lanes to 4.5 or 5 m (STANDARDS.md); 4 m is the minimum clear width. */
export const LANE_WIDTHS_M = [4, 4.5, 5] as const;

/**
 * Owns the live fire-lane check of the active scenario: runs the shared domain engine
 * (checkFireLanes, the same as GET /api/scenarios/:id/fire-lanes) in the browser at most once
 * per animation frame whenever the features or the lane being drawn change, and keeps the
 * width new lanes get and the violation the user picked.
 */
export class ComplianceController implements ReactiveController {
  result: FireLaneResult | null = null;
  error: InputError | null = null;
  /** The violation picked on the map or in the list. */
  picked: FireLaneViolation | null = null;
  /** Width (m) given to lanes drawn next. */
  laneWidthM: number = LANE_WIDTHS_M[0];
  /** What the map draws (lanes, violations, the picked one); a new object on every change. */
  overlay: ComplianceOverlay | null = null;
  private _lanes: Feature[] = [];
  private _source: ComplianceSource | null = null;
  private _draftLane: Geometry | null = null;
  /** The district's local rules as engine options (fireLaneOptionsOf; {} for the table). */
  private _options: FireLaneOptions = {};
  private _frame: number | null = null;
  private readonly _host: ReactiveControllerHost;

  constructor(host: ReactiveControllerHost) {
    this._host = host;
    host.addController(this);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    if (this._frame !== null) cancelAnimationFrame(this._frame);
    this._frame = null;
  }

  /** The scenario to check; null stops checking (no community planned). */
  setSource(source: ComplianceSource | null): void {
    const s = this._source;
    if (
      s === source ||
      (s &&
        source &&
        s.active === source.active &&
        s.district === source.district &&
        s.baselineScenarioId === source.baselineScenarioId)
    )
      return;
    this._source = source;
    if (!source) {
      this.result = null;
      this.error = null;
      this.picked = null;
      this.overlay = null;
      this._lanes = [];
      return;
    }
    this._schedule();
  }

  /**
   * The district's rule overrides (本项目地方标准, GET /api/districts/:id/rule-overrides) as
   * engine options, so the live check reads the same numbers as the server's report and sheet.
   */
  setOptions(options: FireLaneOptions): void {
    if (JSON.stringify(options) === JSON.stringify(this._options)) return;
    this._options = options;
    if (this._source) this._schedule();
  }

  /** The fire lane being drawn (null when not drawing): checked as if it were saved. */
  setDraftLane(geometry: Geometry | null): void {
    if (geometry === this._draftLane) return;
    this._draftLane = geometry;
    if (this._source) this._schedule();
  }

  setLaneWidth(widthM: number): void {
    this.laneWidthM = widthM;
    if (this._draftLane) this._schedule();
    this._host.requestUpdate();
  }

  pick(violation: FireLaneViolation | null): void {
    this.picked = violation;
    this._updateOverlay();
    this._host.requestUpdate();
  }

  /** Ids of the features standing in the clear width of `laneId` (every lane when omitted). */
  blockingIds(laneId?: Id): string[] {
    const ids = new Set<string>();
    for (const v of this.result?.violations.features ?? []) {
      const p = v.properties;
      if (p.ruleId !== 'clear-width' || p.featureId === undefined) continue;
      if (laneId !== undefined && String(p.laneId) !== String(laneId)) continue;
      ids.add(String(p.featureId));
    }
    return [...ids];
  }

  private _schedule(): void {
    if (this._frame !== null) return;
    this._frame = requestAnimationFrame(() => {
      this._frame = null;
      this._run();
    });
  }

  private _run(): void {
    const s = this._source;
    if (!s) return;
    try {
      const d = s.district;
      const input = complianceInput(
        s.active,
        d ? [...d.roads, ...d.gates] : [],
        s.baselineScenarioId,
        this._draftLane,
        this.laneWidthM,
      );
      this.result = checkFireLanes(input, this._options);
      this.error = null;
      this._lanes = input.features.filter(
        (f) => f.properties?.['kind'] === 'fire_lane' || f.properties?.['fireLane'] === true,
      );
    } catch (e) {
      // A shape half drawn or a stored feature the engine refuses: show why, keep going.
      if (!(e instanceof InputError)) throw e;
      this.error = e;
      this.result = null;
    }
    const picked = this.picked;
    if (picked && !this.result?.violations.features.some((v) => sameViolation(v, picked)))
      this.picked = null;
    this._updateOverlay();
    this._host.requestUpdate();
  }

  private _updateOverlay(): void {
    this.overlay = {
      lanes: this._lanes,
      violations: this.result?.violations ?? null,
      picked: this.picked,
    };
  }
}

const sameViolation = (a: FireLaneViolation, b: FireLaneViolation): boolean =>
  a.properties.ruleId === b.properties.ruleId &&
  String(a.properties.featureId) === String(b.properties.featureId) &&
  String(a.properties.laneId) === String(b.properties.laneId);
