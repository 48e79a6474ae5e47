import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { fireLaneOptionsOf } from '../../domain/fire-lanes/fire-lane-options-of';
import type { FireLaneOptions } from '../../domain/fire-lanes/types';
import { parkingOptionsOf } from '../../domain/parking/parking-options-of';
import type { ParkingLayoutOptions } from '../../domain/parking/types';
import type { RuleOverrides } from '../../domain/standards/rule-override-types';
import { RULES, type ProjectContext } from '../../domain/standards/rules';
import { withOverrides } from '../../domain/standards/with-overrides';
import {
  getRuleOverrides,
  putRuleOverrides,
  type DistrictRuleSettings,
} from '../api/rule-overrides';

/** The settings as withOverrides takes them. */
export const overridesOfSettings = (s: DistrictRuleSettings | null): RuleOverrides =>
  Object.fromEntries((s?.overrides ?? []).map((o) => [o.key, { value: o.value, source: o.source }]));

/**
 * Owns the open district's local rules (本项目地方标准, issue 12 §1): loads them when the district
 * changes and turns them into the fire-lane engine's options (withOverrides + fireLaneOptionsOf,
 * the same pure functions the server runs), so the live check matches the report and the sheet.
 */
export class RuleOverridesController implements ReactiveController {
  settings: DistrictRuleSettings | null = null;
  /** Fire-lane engine options of the overrides; {} for the plain table. */
  options: FireLaneOptions = {};
  /** Parking generator options of the overrides; {} for the plain table. */
  parkingOptions: ParkingLayoutOptions = {};
  private _districtId: string | null = null;
  private _abort: AbortController | null = null;
  private readonly _host: ReactiveControllerHost;

  constructor(host: ReactiveControllerHost) {
    this._host = host;
    host.addController(this);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this._abort?.abort();
  }

  /** The district to follow (cheap when unchanged); null clears. */
  setDistrict(districtId: string | null): void {
    if (districtId === this._districtId) return;
    this._districtId = districtId;
    this._abort?.abort();
    this._apply(null);
    if (districtId === null) return;
    const abort = new AbortController();
    this._abort = abort;
    getRuleOverrides(districtId, abort.signal).then(
      (s) => {
        if (!abort.signal.aborted) this._apply(s);
      },
      () => {
        // Unreadable settings: the plain table applies (the server's runs say which in print).
      },
    );
  }

  /** Replace the district's overrides and context (planner, admin); throws the API error. */
  async save(
    context: ProjectContext,
    overrides: RuleOverrides,
    locale: string,
  ): Promise<void> {
    if (this._districtId === null) return;
    this._apply(await putRuleOverrides(this._districtId, { context, overrides }, locale));
  }

  private _apply(s: DistrictRuleSettings | null): void {
    this.settings = s;
    try {
      const rules = withOverrides(RULES, overridesOfSettings(s));
      const context = s?.context ?? 'new-build';
      this.options = fireLaneOptionsOf(rules, context);
      this.parkingOptions = parkingOptionsOf(rules, context);
    } catch {
      this.options = {};
      this.parkingOptions = {};
    }
    this._host.requestUpdate();
  }
}
