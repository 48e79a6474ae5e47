import type { RuleOverrides } from '../../domain/standards/rule-override-types';
import { booleanPointInPolygon } from '@turf/turf';
import type { ProjectContext } from '../../domain/standards/rules';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { css, html, LitElement, nothing } from 'lit';
import { computeParkingLedger } from '../../domain/metrics/compute-parking-ledger';
import { moduleBoundStalls } from '../../domain/parking/module-bound-stalls';
import type { LedgerFeature, ParkingLedger } from '../../domain/metrics/types';
import type { FireLaneViolation } from '../../domain/fire-lanes/types';
import type { TierId } from '../../domain/coverage/types';
import { FACILITY_CATEGORIES, type FacilityCategoryId } from '../../domain/standards/rules';
import { ApiError } from '../api/api-error';
import { getDistricts } from '../api/get-districts';
import { getHealth } from '../api/get-health';
import type { ApiFeature, Bbox, District, Id, Scenario } from '../api/types';
import type { FeatureChange } from '../api/update-feature';
import { DistrictDataController, LOAD_STEPS } from '../data/district-data.controller';
import {
  pickedId,
  type CommunityFeature,
  type DistrictData,
  type PickedFeature,
} from '../data/district-data';
import { mergeScenarioView } from '../data/merge-scenario-view';
import {
  ParkingDraftController,
  type DraftContext,
  type ParkingDraftOptions,
} from '../data/parking-draft.controller';
import { PlannerController } from '../data/planner.controller';
import { CoverageController } from '../data/coverage.controller';
import { ComplianceController } from '../data/compliance.controller';
// rule-overrides (issue 12 §1): the district's local rules.
import { RuleOverridesController } from '../data/rule-overrides.controller';
import './rpm-rule-overrides';
import { readStoredLocale, storeLocale } from '../i18n/locale-store';
import { facilityCategoryName, translate, type Locale } from '../i18n/translate';
import { bboxOf } from '../map/bbox-of';
import { firstViewBbox } from '../map/first-view-bbox';
import { EMPTY_PLAN_OVERLAY, type PlanOverlay } from '../map/deck-layers';
import { isParkingTool, TOOL_KEYS, DRAW_TOOLS, type DrawTool } from '../map/draw-tools';
import { isBoundaryTool } from '../map/draw-tools';
import type { EditTarget } from '../map/map-controller';
import { DEFAULT_VISIBILITY, type LayerGroup, type LayerVisibility } from '../map/layer-groups';
import type { EngineStatus } from './rpm-header';
import type { RpmMap } from './rpm-map';
import './rpm-community-list';
import './rpm-conflict-notice';
import './rpm-coverage-panel';
import './rpm-compliance-panel';
import './rpm-details-panel';
import './rpm-draw-toolbar';
import './rpm-feature-editor';
import './rpm-ledger-cards';
import './rpm-parking-options';
import './rpm-scenario-panel';
import './rpm-error-banner';
import './rpm-header';
import './rpm-layer-panel';
import './rpm-map';
import './rpm-progress-bar';
import { DistrictReviewController } from '../data/district-review.controller';
import { ReviewController } from '../data/review.controller';
import { SessionController } from '../data/session.controller';
import type { HistoryLink, ReviewAction } from '../api/review';
import type { RegisterRow } from '../api/get-district-register';
import { districtRegisterCsvUrl } from '../api/get-district-register';
import { districtRegisterXlsxUrl } from '../api/register-ledger';
import type { Indicator } from '../map/indicator-colors';
import { labelPoint } from '../map/label-point';
import { reviewPinsOf } from '../map/review-pin-layers';
import { RegisterController } from '../data/register.controller';
import type { RegisterItem, RegisterItemFields } from '../api/register-items';
import './rpm-district-register';
import './rpm-community-stage';
import './rpm-register-panel';
import './rpm-login-control';
import './rpm-review-panel';
import { PresentationController, waitUntil } from '../data/presentation.controller';
import { SurveyImportController, type SurveyAction } from '../data/survey-import.controller';
import './rpm-survey-import';
import './rpm-compare-bar';
import './rpm-compare-cards';
import './rpm-compare-view';
import './rpm-presenter';
import './rpm-story-panel';
import './rpm-boundary-tools';
import { BoundaryController } from '../data/boundary.controller';
import type { BoundaryAction } from './rpm-boundary-tools';

/** Localised text for a failed call: network trouble, or the server's own code and message. */
function errorMessage(locale: Locale, error: unknown): string {
  if (error instanceof ApiError) {
    return error.code === 'network'
      ? translate(locale, 'error.network')
      : translate(locale, 'error.server', { code: error.code, message: error.message });
  }
  return translate(locale, 'error.server', {
    code: 'client',
    message: error instanceof Error ? error.message : String(error),
  });
}

/**
 * The application shell: header, community list, map, layer and details panels. Holds the
 * app state (language, district, layer visibility, hovered and pinned feature) and passes it
 * down; children report user intent with events.
 */
export class RpmApp extends LitElement {
  static override properties = {
    _locale: { state: true },
    _districts: { state: true },
    _districtId: { state: true },
    _districtsError: { state: true },
    _engine: { state: true },
    _visibility: { state: true },
    _hovered: { state: true },
    _selected: { state: true },
    _mapError: { state: true },
    _errorDismissed: { state: true },
    _tool: { state: true },
    _placingEntrance: { state: true },
    _plannedCommunity: { state: true },
    _facilityNote: { state: true },
  };

  private _locale: Locale = readStoredLocale();
  private _districts: District[] | undefined;
  private _districtId: string | null = null;
  private _districtsError: unknown = null;
  private _engine: EngineStatus = { state: 'unknown' };
  private _visibility: LayerVisibility = DEFAULT_VISIBILITY;
  private _hovered: PickedFeature | null = null;
  private _selected: PickedFeature | null = null;
  private _mapError: unknown = null;
  private _errorDismissed = false;
  private readonly _loader = new DistrictDataController(this);
  private _tool: DrawTool = 'select';
  /** The next map click places the lot's entrance (issue 17). */
  private _placingEntrance = false;
  /** The community whose scenarios the planner shows (sticky while the map is used). */
  private _plannedCommunity: CommunityFeature | null = null;
  /**
   * Set when the last facility was placed outside the planned community (the school across the
   * road, issue 12 §3): it counts in this plan's coverage, not as one of the community's own.
   */
  private _facilityNote: string | null = null;
  private readonly _planner = new PlannerController(this, () => this._locale);
  private readonly _draft = new ParkingDraftController(this, () => this._draftContext());
  /** The 15-minute life-circle coverage (rpm-coverage-panel, coverage map layers). */
  private readonly _coverage = new CoverageController(this);
  /** The live fire-lane check of the active scenario (rpm-compliance-panel, map layers). */
  private readonly _compliance = new ComplianceController(this);
  /** The district's local rules (本项目地方标准, issue 12 §1): panel and live-check options. */
  private readonly _rules = new RuleOverridesController(this);
  private _rulesError = '';
  /** Memos of derived values, recomputed only when their inputs change identity. */
  private _viewMemo: { key: unknown[]; value: DistrictData | undefined } | undefined;
  private _ledgerMemo: { key: unknown[]; value: ParkingLedger | null } | undefined;
  private _overlayMemo: { key: unknown[]; value: PlanOverlay } | undefined;
  // issue 17 (first view): the district's frame, fixed once its communities are loaded.
  private _frame: { districtId: string; bbox: Bbox } | undefined;
  /** Issue #6: the signed-in account, the active proposal's review, the district review mode. */
  private readonly _session = new SessionController(this);
  private readonly _review = new ReviewController(this);
  private readonly _districtReview = new DistrictReviewController(this);
  private readonly _register = new RegisterController(this);
  /** Before/after, stories, presentation, exports and imports (issue 7). */
  private readonly _present = new PresentationController(this, {
    locale: () => this._locale,
    planner: () => this._planner,
    districtId: () => this._districtId,
    selectDistrict: async (id) => {
      this._selectDistrict(id);
      await waitUntil(() => {
        const st = this._loader.state;
        return st.status === 'error' || (st.status === 'loaded' && st.data.districtId === id);
      });
    },
    openCommunity: async (id) => {
      const data = this._loader.state.status === 'loaded' ? this._loader.state.data : undefined;
      const community = data?.communities.find((c) => String(c.properties.id) === id);
      if (community && String(id) !== this._planner.view.communityId) {
        this._plannedCommunity = community;
        this._draft.clear();
        this._setTool('select');
      }
      await this._planner.openCommunity(id);
    },
    setVisibility: (v) => (this._visibility = v),
    visibility: () => this._visibility,
    mainMap: () => this.renderRoot.querySelector<RpmMap>('rpm-map#main-map'),
  });

  /** The survey import wizard: DXF / Shapefile / GeoPackage … into the open scenario (issue 11). */
  private readonly _survey = new SurveyImportController(this, {
    locale: () => this._locale,
    scenarioId: () => (this._planner.editable ? this._planner.view.activeId : null),
    mainMap: () => this.renderRoot.querySelector<RpmMap>('rpm-map#main-map')?.map,
    reload: () => this._planner.reloadActive(),
  });

  /** Community boundaries: draw, edit, split, merge, rename, promote (issue 17). */
  private readonly _boundary = new BoundaryController(this, {
    locale: () => this._locale,
    districtId: () => this._districtId,
    setTool: (tool) => this._setTool(tool),
    reload: (focusId) => this._reloadAfterBoundaryChange(focusId),
  });

  static override styles = css`
    :host {
      display: grid;
      grid-template-rows: var(--rpm-header-height) 1fr;
      grid-template-columns: var(--rpm-sidebar-width) 1fr var(--rpm-panel-width);
      grid-template-areas:
        'header header header'
        'list map panel';
      height: 100%;
      min-height: 0;
    }
    rpm-header {
      grid-area: header;
    }
    rpm-community-list {
      grid-area: list;
      border-right: 1px solid var(--rpm-color-border);
      min-height: 0;
    }
    main {
      grid-area: map;
      position: relative;
      min-width: 0;
      min-height: 0;
    }
    rpm-map {
      position: absolute;
      inset: 0;
    }
    rpm-district-register {
      position: absolute;
      z-index: 5;
      top: 0;
      right: 0;
      bottom: 0;
      width: min(64%, 880px);
      border-left: 1px solid var(--rpm-color-border);
      box-shadow: -4px 0 16px rgb(0 0 0 / 0.12);
    }
    .mode {
      font: inherit;
      font-size: var(--rpm-font-size-s);
      color: #fff;
      background: rgb(255 255 255 / 0.12);
      border: 1px solid rgb(255 255 255 / 0.35);
      border-radius: var(--rpm-radius-s);
      padding: 4px 10px;
      cursor: pointer;
    }
    .overlays {
      position: absolute;
      top: 0;
      left: 0;
      right: 0;
      z-index: 4;
      display: flex;
      flex-direction: column;
      pointer-events: none;
    }
    .tools {
      position: absolute;
      top: var(--rpm-space-3);
      left: var(--rpm-space-3);
      z-index: 3;
      display: flex;
      flex-direction: column;
      gap: 8px;
      align-items: flex-start;
      max-width: calc(100% - 80px);
    }
    rpm-ledger-cards {
      position: absolute;
      z-index: 3;
      bottom: 34px;
      left: 50%;
      transform: translateX(-50%);
      width: min(440px, calc(100% - 24px));
    }
    rpm-conflict-notice {
      width: 100%;
    }
    .planner {
      flex: none;
      border-bottom: 1px solid var(--rpm-color-border);
    }
    rpm-error-banner {
      margin: var(--rpm-space-3) auto 0;
      width: min(560px, calc(100% - 32px));
      pointer-events: auto;
    }
    .panel {
      grid-area: panel;
      display: flex;
      flex-direction: column;
      min-height: 0;
      background: var(--rpm-color-surface);
      border-left: 1px solid var(--rpm-color-border);
    }
    rpm-layer-panel {
      flex: none;
      border-bottom: 1px solid var(--rpm-color-border);
    }
    /* One scroller for the planning sections (nested ones hid each other's headings); the
       details stay in view below it. */
    .sections {
      flex: 1 1 auto;
      min-height: 0;
      overflow-y: auto;
    }
    rpm-details-panel {
      flex: none;
      max-height: 38%;
      border-top: 1px solid var(--rpm-color-border);
    }
    ${PresentationController.styles}
    @media (max-width: 1100px) {
      :host {
        --rpm-sidebar-width: 240px;
        --rpm-panel-width: 270px;
      }
    }
  `;

  override connectedCallback(): void {
    super.connectedCallback();
    document.documentElement.lang = this._locale;
    document.title = translate(this._locale, 'app.title');
    void this._loadHealth();
    void this._loadDistricts();
    globalThis.addEventListener('keydown', this._onKeyDown);
    this.addEventListener('rpm-survey-open', this._onSurveyOpen);
  }

  override disconnectedCallback(): void {
    globalThis.removeEventListener('keydown', this._onKeyDown);
    this.removeEventListener('rpm-survey-open', this._onSurveyOpen);
    super.disconnectedCallback();
  }

  override render() {
    const state = this._loader.state;
    const loaded: DistrictData | undefined = state.status === 'loaded' ? state.data : undefined;
    const data = this._viewData(loaded);
    this._coverage.sync(data, loaded);
    const view = this._planner.view;
    const planning = view.communityId !== null;
    this._review.follow(view.activeId);
    this._register.follow(view.communityId);
    this._planner.setCanEdit(this._session.canEdit && this._review.editable);
    const ledger = this._ledger();
    const district = this._districts?.find((d) => String(d.id) === this._districtId);
    const pinned = this._selected !== null;
    return html`
      <rpm-header
        .locale=${this._locale}
        .districts=${this._districts ?? []}
        .districtId=${this._districtId}
        .engine=${this._engine}
        @rpm-locale-change=${(e: CustomEvent<{ locale: Locale }>) => this._setLocale(e.detail.locale)}
        @rpm-district-change=${(e: CustomEvent<{ districtId: string }>) =>
          this._selectDistrict(e.detail.districtId)}
        >${this._renderSession()}</rpm-header
      >
      <rpm-community-list
        .locale=${this._locale}
        .communities=${data?.communities ?? []}
        .selectedId=${this._selected?.type === 'community' ? pickedId(this._selected) : null}
        ?loading=${state.status === 'loading' || this._districts === undefined}
        @rpm-community-select=${(e: CustomEvent<{ community: CommunityFeature }>) =>
          this._flyToCommunity(e.detail.community)}
      ></rpm-community-list>
      <main data-compare=${this._present.compareModeShown(view)}>
        <rpm-map
          id="main-map"
          .changes=${this._present.changes(view, 'proposal')}
          .locale=${this._locale}
          .data=${this._districtReview.decorate(data)}
          .visibility=${this._visibility}
          .selected=${this._selected}
          .bounds=${this._districtFrame(district, loaded)}
          .plan=${this._planOverlay(ledger)}
          .tool=${this._tool}
          .editing=${this._boundary.editTarget ?? this._editTarget()}
          .coverage=${this._coverage.overlay(data)}
          @rpm-feature-editing=${(e: CustomEvent<{ id: string; geometry: Geometry }>) =>
            this._coverage.previewMove(e.detail.id, e.detail.geometry)}
          @rpm-feature-hover=${(e: CustomEvent<{ feature: PickedFeature | null }>) =>
            (this._hovered = e.detail.feature)}
          @rpm-feature-click=${(
            e: CustomEvent<{ feature: PickedFeature | null; lngLat: [number, number] }>,
          ) => this._onMapClick(e.detail.feature, e.detail.lngLat)}
          @rpm-draw-change=${(e: CustomEvent<{ tool: DrawTool; geometry: Geometry | null }>) =>
            this._onDrawChange(e.detail.tool, e.detail.geometry)}
          @rpm-draw-finish=${(e: CustomEvent<{ tool: DrawTool; geometry: Geometry }>) =>
            void this._onDrawFinish(e.detail.tool, e.detail.geometry)}
          @rpm-feature-edit=${(e: CustomEvent<{ id: string; geometry: Geometry }>) =>
            this._boundary.onEdit(e.detail.id, e.detail.geometry) ||
            void this._planner.update(e.detail.id, { geometry: e.detail.geometry })}
          @rpm-map-error=${(e: CustomEvent<{ error: unknown }>) => {
            this._mapError = e.detail.error;
            this._errorDismissed = false;
          }}
        ></rpm-map>
        <div class="overlays">${this._renderProgress()} ${this._renderError()}</div>
        ${planning && this._session.canEdit && !this._present.presenting ? this._renderTools() : nothing}
        ${planning && !this._present.comparing(view) ? html`<rpm-ledger-cards .locale=${this._locale} .ledger=${ledger}></rpm-ledger-cards>` : nothing}
        ${this._renderDistrictReview()} ${this._present.renderMapOverlays(view, loaded)}
        ${
          this._survey.open
            ? html`<rpm-survey-import
                .locale=${this._locale}
                .state=${this._survey.state}
                .blocker=${this._survey.blocker()}
                @rpm-survey-action=${(e: CustomEvent<SurveyAction>) => this._survey.act(e.detail)}
              ></rpm-survey-import>`
            : nothing
        }
      </main>
      <div class="panel">
        <div class="sections">
          ${this._renderBoundaryTools(data)} ${this._renderStage(data)}
          <div class="planner">
            <rpm-scenario-panel
              .locale=${this._locale}
              .view=${view}
              .communityName=${this._communityName()}
              ?readonly=${!this._session.canEdit}
              @rpm-scenario-select=${(e: CustomEvent<{ id: Id }>) => this._selectScenario(e.detail.id)}
              @rpm-scenario-create=${(e: CustomEvent<{ name: string }>) =>
                void this._planner.createProposal(e.detail.name)}
              @rpm-scenario-rename=${(e: CustomEvent<{ scenario: Scenario; name: string }>) =>
                void this._planner.renameScenario(e.detail.scenario, e.detail.name)}
              @rpm-scenario-delete=${(e: CustomEvent<{ scenario: Scenario }>) =>
                void this._planner.deleteScenario(e.detail.scenario)}
              @rpm-edit-baseline=${(e: CustomEvent<{ on: boolean }>) => {
                this._planner.setEditBaseline(e.detail.on);
                if (!this._planner.editable) this._setTool('select');
              }}
            ></rpm-scenario-panel>
            ${
              view.conflict
                ? html`<rpm-conflict-notice
                    .locale=${this._locale}
                    .conflict=${view.conflict}
                    @rpm-conflict-resolve=${(e: CustomEvent<{ choice: 'mine' | 'theirs' }>) =>
                      void this._planner.resolveConflict(e.detail.choice)}
                  ></rpm-conflict-notice>`
                : nothing
            }
            ${this._present.renderStoryPanel(view)} ${this._renderReview()}
            ${this._renderRegister()} ${this._renderEditor()} ${this._renderCompliance(loaded)}
          </div>
          ${this._renderCoverage()}
          <rpm-layer-panel
            .locale=${this._locale}
            .visibility=${this._visibility}
            .facilityCategories=${this._facilityCategories(data)}
            @rpm-layer-toggle=${(e: CustomEvent<{ group: LayerGroup; visible: boolean }>) =>
              (this._visibility = { ...this._visibility, [e.detail.group]: e.detail.visible })}
          ></rpm-layer-panel>
        </div>
        <rpm-details-panel
          .locale=${this._locale}
          .feature=${this._selected ?? this._hovered}
          ?pinned=${pinned}
          @rpm-details-clear=${() => (this._selected = null)}
        ></rpm-details-panel>
      </div>
    `;
  }

  private _renderTools() {
    const view = this._planner.view;
    const editable = this._planner.editable;
    const draft = this._draft.draft;
    const result = draft?.result;
    return html`<div class="tools">
      <rpm-draw-toolbar
        .locale=${this._locale}
        .tool=${this._tool}
        ?editable=${editable}
        ?canUndo=${view.canUndo}
        ?canRedo=${view.canRedo}
        ?canDelete=${editable && this._selectedActiveFeature() !== null}
        .save=${view.save}
        .note=${this._facilityNote}
        @rpm-tool-change=${(e: CustomEvent<{ tool: DrawTool }>) => this._setTool(e.detail.tool)}
        @rpm-undo=${() => void this._planner.undo()}
        @rpm-redo=${() => void this._planner.redo()}
        @rpm-delete-selected=${this._deleteSelected}
      ></rpm-draw-toolbar>
      ${
        isParkingTool(this._tool) || draft
          ? html`<rpm-parking-options
              .locale=${this._locale}
              .options=${this._draft.options}
              .summary=${
                result
                  ? {
                      count: result.count,
                      standard: result.countsByType.standard,
                      accessible: result.countsByType.accessible,
                      ev: result.countsByType.ev,
                      // Lots: the module bound of the lot at the chosen geometry (issue 12 §2).
                      ...(result.mode === 'lot' && result.areaSqM
                        ? { bound: moduleBoundStalls(result.areaSqM, result.dimensions) }
                        : {}),
                    }
                  : null
              }
              .error=${draft?.error ? (this._locale === 'en' ? draft.error.en : draft.error.zh) : null}
              ?finished=${draft?.finished ?? false}
              ?kerb=${(draft?.tool ?? this._tool) === 'kerb'}
              @rpm-parking-options=${(e: CustomEvent<{ options: ParkingDraftOptions }>) =>
                this._draft.setOptions(e.detail.options)}
              @rpm-parking-confirm=${() => void this._confirmParking()}
              ?placingEntrance=${this._placingEntrance}
              .entranceSource=${result?.entrance?.properties.source ?? null}
              @rpm-parking-place-entrance=${() => this._placeEntrance()}
              @rpm-parking-discard=${() => this._draft.clear()}
            ></rpm-parking-options>`
          : nothing
      }
    </div>`;
  }

  /** The fire-lane compliance panel; also hands the check its input (cheap when unchanged). */
  private _renderCompliance(loaded: DistrictData | undefined) {
    const view = this._planner.view;
    const open = view.communityId !== null && view.activeId !== null && !view.loading;
    this._compliance.setSource(
      open
        ? {
            active: view.active,
            district: loaded,
            baselineScenarioId: this._plannedCommunity?.properties.baselineScenarioId,
          }
        : null,
    );
    // ── rule-overrides (issue 12 §1): the live check reads the district's local rules ──
    this._rules.setDistrict(this._districtId);
    this._compliance.setOptions(this._rules.options);
    if (!open) return nothing;
    const selected = this._selectedActiveFeature();
    const lane = selected?.properties.kind === 'fire_lane' ? selected : null;
    const s = this._selected;
    const road: ApiFeature | null =
      s?.type === 'feature' && s.properties.kind === 'road'
        ? { type: 'Feature', properties: s.properties, geometry: s.geometry }
        : null;
    return html`<rpm-rule-overrides
        .locale=${this._locale}
        .settings=${this._rules.settings}
        ?canEdit=${this._session.canEdit}
        .error=${this._rulesError}
        @rpm-rule-overrides-save=${(
          e: CustomEvent<{ context: ProjectContext; overrides: RuleOverrides }>,
        ) => void this._saveRules(e.detail.context, e.detail.overrides)}
      ></rpm-rule-overrides
      ><rpm-compliance-panel
        .locale=${this._locale}
        .result=${this._compliance.result}
        .error=${this._compliance.error}
        .picked=${this._compliance.picked}
        .laneWidthM=${this._compliance.laneWidthM}
        .selectedLane=${lane}
        .selectedRoad=${road}
        .blockingAll=${this._blockingStalls().length}
        .blockingSelected=${lane ? this._blockingStalls(lane.properties.id).length : 0}
        ?editable=${this._planner.editable}
        .scenarioId=${view.activeId}
        .laneCount=${this._compliance.overlay?.lanes.length ?? 0}
        @rpm-violation-focus=${(e: CustomEvent<{ violation: FireLaneViolation }>) => {
          this._compliance.pick(e.detail.violation);
          const bbox = bboxOf([e.detail.violation.geometry]);
          if (bbox) this.renderRoot.querySelector<RpmMap>('rpm-map')?.flyTo(bbox);
        }}
        @rpm-lane-width=${(e: CustomEvent<{ widthM: number }>) =>
          this._compliance.setLaneWidth(e.detail.widthM)}
        @rpm-lane-set-width=${(e: CustomEvent<{ id: Id; widthM: number }>) =>
          void this._planner.update(e.detail.id, { widthM: e.detail.widthM })}
        @rpm-road-mark=${(e: CustomEvent<{ road: ApiFeature }>) => void this._markFireLane(e.detail.road)}
        @rpm-remove-blocking=${(e: CustomEvent<{ laneId: Id | null }>) =>
          void this._removeBlocking(e.detail.laneId)}
      ></rpm-compliance-panel>`;
  }

  /** Save the district's local rules; the live check re-runs with them (issue 12 §1). */
  private async _saveRules(context: ProjectContext, overrides: RuleOverrides): Promise<void> {
    try {
      await this._rules.save(context, overrides, this._locale);
      this._rulesError = '';
    } catch (e) {
      this._rulesError = e instanceof Error ? e.message : String(e);
    }
    this.requestUpdate();
  }

  /** The violation with id `violation-N` (N: its index in the result), or null. */
  private _violationOf(id: string): FireLaneViolation | null {
    const n = Number(id.replace('violation-', ''));
    return this._compliance.result?.violations.features[n] ?? null;
  }

  /** Stalls of the active scenario in the clear width of `laneId` (every lane when omitted). */
  private _blockingStalls(laneId?: Id): string[] {
    const stalls = new Set(
      this._planner.view.active
        .filter((f) => f.properties.kind === 'parking_stall')
        .map((f) => String(f.properties.id)),
    );
    return this._compliance.blockingIds(laneId).filter((id) => stalls.has(id));
  }

  /**
   * "设为消防车道": a new fire_lane feature on the road's centreline and width (at least the
   * 4 m clear width). A separate feature, not a `fireLane` flag on the road: the road may be a
   * public road of another baseline (read-only here), and undo is a plain delete.
   */
  private async _markFireLane(road: ApiFeature): Promise<void> {
    if (!this._planner.editable) return;
    const widthM = Math.max(road.properties.widthM ?? 0, this._compliance.laneWidthM);
    await this._planner.create([
      {
        kind: 'fire_lane',
        geometry: road.geometry,
        widthM,
        ...(road.properties.name ? { name: road.properties.name } : {}),
        props: { fromRoadId: String(road.properties.id) },
      },
    ]);
    this._draft.refresh();
  }

  /** "移除占用此通道的车位": deletes the blocking stalls in one batch request (undoable). */
  private async _removeBlocking(laneId: Id | null): Promise<void> {
    const ids = this._blockingStalls(laneId ?? undefined);
    if (ids.length === 0 || !this._planner.editable) return;
    if (!globalThis.confirm(translate(this._locale, 'compliance.confirmRemove', { n: ids.length })))
      return;
    if (this._selected?.type === 'feature' && ids.includes(String(this._selected.properties.id)))
      this._selected = null;
    await this._planner.remove(ids);
    this._draft.refresh();
  }

  /** The life-circle coverage panel (issue #5); the controller follows the merged view. */
  private _renderCoverage() {
    const c = this._coverage;
    const s = this._selected;
    const communityId =
      this._planner.view.communityId ?? (s?.type === 'community' ? String(s.properties.id) : null);
    return html`<rpm-coverage-panel
      .locale=${this._locale}
      ?open=${c.open}
      .status=${c.status}
      .current=${c.current}
      .baseline=${c.baseline}
      .communityId=${communityId}
      .category=${c.category}
      .tier=${c.tier}
      .mode=${c.mode}
      ?isochrones=${c.isochroneResult !== null}
      ?canIsochrone=${s !== null}
      .lastUpdateMs=${c.lastUpdateMs}
      @rpm-coverage-toggle=${(e: CustomEvent<{ open: boolean }>) => c.setOpen(e.detail.open)}
      @rpm-coverage-category=${(e: CustomEvent<{ category: FacilityCategoryId }>) =>
        c.setCategory(e.detail.category)}
      @rpm-coverage-tier=${(e: CustomEvent<{ tier: TierId | 'all' }>) => c.setTier(e.detail.tier)}
      @rpm-coverage-mode=${(e: CustomEvent<{ mode: 'distance' | 'pass' }>) =>
        c.setMode(e.detail.mode)}
      @rpm-coverage-isochrone=${(e: CustomEvent<{ on: boolean }>) =>
        c.setIsochrones(e.detail.on ? (this._selected?.geometry ?? null) : null)}
    ></rpm-coverage-panel>`;
  }

  private _renderEditor() {
    const feature = this._selectedActiveFeature();
    if (!feature) return nothing;
    return html`<rpm-feature-editor
      .locale=${this._locale}
      .feature=${feature}
      ?editable=${this._planner.editable}
      ?canSurvey=${this._planner.canSurvey}
      .existing=${this._existingOf(feature)}
      @rpm-feature-update=${(e: CustomEvent<{ id: Id; change: FeatureChange }>) =>
        void this._planner.update(e.detail.id, e.detail.change)}
      @rpm-parking-survey=${(e: CustomEvent<{ id: Id; count: number; note: string | null }>) =>
        void this._planner.recordParkingSurvey(e.detail.id, e.detail.count, e.detail.note)}
    ></rpm-feature-editor>`;
  }

  /** How the ledger counts a lot or road of the baseline today (issue 12 §2), if it does. */
  private _existingOf(feature: ApiFeature): { stalls: number; source: string } | null {
    const baseId = String(feature.properties.sourceId ?? feature.properties.id);
    const item = this._ledger()?.existingItems.find((i) => String(i.id) === baseId);
    return item ? { stalls: item.stalls, source: item.source } : null;
  }

  private _communityName(): string {
    const c = this._plannedCommunity;
    if (!c) return '';
    return this._locale === 'en' ? c.properties.nameEn || c.properties.name : c.properties.name;
  }

  /** The district with the planned community's active scenario in place of its baseline. */
  /**
   * issue 17: what the map frames for a district — its extent and its communities' whole
   * outlines (firstViewBbox). Fixed (the same array) once that district's communities are
   * loaded, so later renders and boundary edits do not move the view.
   */
  private _districtFrame(
    district: District | undefined,
    loaded: DistrictData | undefined,
  ): Bbox | undefined {
    if (!district?.bbox) return undefined;
    const id = String(district.id);
    if (this._frame?.districtId === id) return this._frame.bbox;
    const communities = loaded?.communities ?? [];
    const ours =
      communities.length > 0 && communities.every((c) => String(c.properties.districtId) === id);
    if (!ours) return district.bbox;
    this._frame = { districtId: id, bbox: firstViewBbox(district.bbox, communities) };
    return this._frame.bbox;
  }

  private _loadedData(): DistrictData | undefined {
    const state = this._loader.state;
    return state.status === 'loaded' ? state.data : undefined;
  }

  private _viewData(data: DistrictData | undefined): DistrictData | undefined {
    const view = this._planner.view;
    const baselineId = this._plannedCommunity?.properties.baselineScenarioId;
    const open = view.communityId !== null && view.activeId !== null && !view.loading;
    const key = [data, baselineId, open ? view.active : null];
    if (this._viewMemo && key.every((k, i) => k === this._viewMemo?.key[i]))
      return this._viewMemo.value;
    const value = data && open ? mergeScenarioView(data, baselineId, view.active) : data;
    this._viewMemo = { key, value };
    return value;
  }

  /** The parking ledger of the active scenario (with the preview) against the baseline. */
  private _ledger(): ParkingLedger | null {
    const view = this._planner.view;
    const preview = this._draft.preview;
    const key = [view.baseline, view.active, preview, view.communityId];
    if (this._ledgerMemo && key.every((k, i) => k === this._ledgerMemo?.key[i]))
      return this._ledgerMemo.value;
    const value =
      view.communityId === null || view.activeId === null
        ? null
        : computeParkingLedger(view.baseline as unknown as readonly LedgerFeature[], [
            // The baseline itself is active: each feature is its own copy, so nothing changed
            // (as the server's indicators compare a baseline with itself).
            ...((this._planner.activeScenario?.kind === 'baseline'
              ? view.active.map((f) => ({
                  ...f,
                  properties: { ...f.properties, sourceId: f.properties.id },
                }))
              : view.active) as unknown as readonly LedgerFeature[]),
            ...((preview?.features ?? []) as unknown as LedgerFeature[]),
          ]);
    this._ledgerMemo = { key, value };
    return value;
  }

  private _planOverlay(ledger: ParkingLedger | null): PlanOverlay {
    const preview = this._draft.preview;
    const network = this._draft.network;
    const shape = this._draft.draft?.finished ? this._draft.draft.shape : null;
    const compliance = this._compliance.overlay;
    const review = this._review.status;
    const key = [ledger, preview, shape, compliance, review, network];
    if (this._overlayMemo && key.every((k, i) => k === this._overlayMemo?.key[i]))
      return this._overlayMemo.value;
    const value: PlanOverlay =
      !ledger && !preview && !shape && !compliance && !review
        ? EMPTY_PLAN_OVERLAY
        : {
            preview,
            pendingShape: shape,
            previewNetwork: network,
            intruding: new Set((ledger?.intruding ?? []).map(String)),
            ...(compliance ? { compliance } : {}),
            ...(review ? { reviewPins: reviewPinsOf(review.events) } : {}),
          };
    this._overlayMemo = { key, value };
    return value;
  }

  /** What the layout must avoid: buildings, trees, obstacles and stalls; fire lanes kept clear. */
  private _draftContext(): DraftContext {
    const active = this._planner.view.active;
    const drawable = (f: ApiFeature) =>
      ['Polygon', 'MultiPolygon', 'Point', 'LineString'].includes(f.geometry?.type);
    const obstacles = active.filter(
      (f) =>
        ['building', 'tree', 'obstacle', 'parking_stall', 'bike_shed'].includes(
          f.properties.kind,
        ) && drawable(f),
    );
    const lanes = active.filter((f) => f.properties.kind === 'fire_lane' && drawable(f));
    const fc = (features: readonly ApiFeature[]): FeatureCollection => ({
      type: 'FeatureCollection',
      features: [...features] as Feature[],
    });
    const roads = active.filter((f) => f.properties.kind === 'road' && drawable(f));
    return {
      obstacles: fc(obstacles),
      keepClear: fc(lanes),
      roads: fc(roads),
      ruleOptions: this._rules.parkingOptions, // rule-overrides (issue 12 §1)
    };
  }

  /** The selected feature as it is now in the active scenario, or null. */
  private _selectedActiveFeature(): ApiFeature | null {
    const s = this._selected;
    if (s?.type !== 'feature') return null;
    const id = String(s.properties.id);
    return this._planner.view.active.find((f) => String(f.properties.id) === id) ?? null;
  }

  private _editTarget(): EditTarget | null {
    if (this._tool !== 'select' || !this._planner.editable) return null;
    const f = this._selectedActiveFeature();
    return f ? { id: String(f.properties.id), geometry: f.geometry } : null;
  }

  private readonly _onSurveyOpen = (): void => {
    this._setTool('select');
    this._survey.start();
  };

  private _onMapClick(feature: PickedFeature | null, lngLat?: [number, number]): void {
    // A survey control point's map position (issue 11): the click belongs to the wizard.
    if (lngLat && this._survey.capture(lngLat)) return;
    // Placing a lot's entrance (issue 17): the click is the entrance, moved onto the lot edge.
    if (this._placingEntrance && lngLat) {
      this._placingEntrance = false;
      this._draft.setEntrance(lngLat);
      return;
    }
    // In a drawing tool the clicks belong to terra-draw.
    if (this._tool !== 'select') return;
    if (feature?.type === 'violation') {
      this._compliance.pick(this._violationOf(feature.properties.id));
      return;
    }
    this._selected = feature;
    if (feature?.type === 'community') this._planCommunity(feature.properties.id);
  }

  private _planCommunity(id: Id): void {
    const data = this._loader.state.status === 'loaded' ? this._loader.state.data : undefined;
    const community = data?.communities.find((c) => String(c.properties.id) === String(id));
    if (!community || String(id) === this._planner.view.communityId) return;
    this._plannedCommunity = community;
    this._draft.clear();
    this._setTool('select');
    void this._planner.openCommunity(id);
  }

  private _selectScenario(id: Id): void {
    this._draft.clear();
    this._selected = null;
    void this._planner.selectScenario(id).then(() => {
      if (!this._planner.editable) this._setTool('select');
    });
  }

  private _setTool(tool: DrawTool): void {
    if (tool !== 'select' && !this._planner.editable && !isBoundaryTool(tool)) return;
    if (tool === this._tool) return;
    if (!this._draft.draft?.finished) this._draft.clear();
    this._tool = tool;
  }

  private _onDrawChange(tool: DrawTool, geometry: Geometry | null): void {
    if (isParkingTool(tool)) this._draft.setShape(tool, geometry, false);
    if (tool === 'fireLane') this._compliance.setDraftLane(geometry);
  }

  private async _onDrawFinish(tool: DrawTool, geometry: Geometry): Promise<void> {
    if (this._boundary.onDrawFinish(tool, geometry)) return;
    if (isParkingTool(tool)) {
      this._draft.setShape(tool, geometry, true);
      return;
    }
    if (tool === 'fireLane') {
      this._compliance.setDraftLane(null);
      const widthM = this._compliance.laneWidthM;
      await this._planner.create([{ kind: 'fire_lane', geometry, widthM }]);
      this._draft.refresh();
    } else if (tool === 'facility') {
      const category = this._coverage.category;
      const community = this._plannedCommunity;
      this._facilityNote =
        community && geometry.type === 'Point' && !booleanPointInPolygon(geometry, community)
          ? translate(this._locale, 'facility.outsideCommunity')
          : null;
      await this._planner.create([
        {
          kind: 'facility',
          category,
          name: facilityCategoryName(this._locale, category),
          geometry,
        },
      ]);
    } else if (tool === 'tree') {
      await this._planner.create([{ kind: 'tree', geometry }]);
      this._draft.refresh();
    }
  }

  /** The next map click places the finished lot's entrance (the drawing tool steps aside). */
  private _placeEntrance(): void {
    if (!this._draft.draft?.finished || this._draft.draft.shape.type !== 'Polygon') return;
    this._tool = 'select';
    this._placingEntrance = true;
  }

  private async _confirmParking(): Promise<void> {
    const features = this._draft.featuresToSave(translate(this._locale, 'parking.lotName'));
    if (features.length === 0) return;
    this._draft.clear();
    await this._planner.create(features);
  }

  private readonly _deleteSelected = (): void => {
    const f = this._selectedActiveFeature();
    if (!f || !this._planner.editable) return;
    this._selected = null;
    void this._planner.remove([f.properties.id]);
  };

  /** Keyboard shortcuts; ignored while typing in a field. */
  private readonly _onKeyDown = (e: KeyboardEvent): void => {
    const target = e.composedPath()[0] as HTMLElement | undefined;
    if (target && /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return;
    if (this._planner.view.communityId === null) return;
    const mod = e.ctrlKey || e.metaKey;
    const k = e.key.toLowerCase();
    if (mod && k === 'z') {
      e.preventDefault();
      void (e.shiftKey ? this._planner.redo() : this._planner.undo());
      return;
    }
    if (mod && k === 'y') {
      e.preventDefault();
      void this._planner.redo();
      return;
    }
    if (mod || e.altKey) return;
    if (e.key === 'Escape') {
      if (this._draft.draft?.finished) this._draft.clear();
      else if (this._tool !== 'select')
        this.renderRoot.querySelector<RpmMap>('rpm-map')?.cancelDrawing();
      else this._selected = null;
      return;
    }
    if (e.key === 'Delete' || e.key === 'Backspace') {
      this._deleteSelected();
      return;
    }
    if (e.key === 'Enter' && this._draft.draft?.finished) {
      void this._confirmParking();
      return;
    }
    const tool = DRAW_TOOLS.find((t) => TOOL_KEYS[t].toLowerCase() === k);
    if (tool) this._setTool(tool);
  };

  private _renderProgress() {
    const state = this._loader.state;
    if (this._districts === undefined && !this._districtsError) {
      return html`<rpm-progress-bar
        .label=${translate(this._locale, 'loading.district', { done: 0, total: LOAD_STEPS.length })}
      ></rpm-progress-bar>`;
    }
    if (state.status !== 'loading') return nothing;
    const pending = LOAD_STEPS.filter((s) => !state.done.includes(s))
      .map((s) => translate(this._locale, `loading.step.${s}`))
      .join(this._locale === 'en' ? ', ' : '、');
    const label = translate(this._locale, 'loading.district', {
      done: state.done.length,
      total: LOAD_STEPS.length,
    });
    return html`<rpm-progress-bar
      .value=${state.done.length}
      .max=${LOAD_STEPS.length}
      .label=${pending ? `${label} · ${pending}` : label}
    ></rpm-progress-bar>`;
  }

  private _renderError() {
    if (this._errorDismissed) return nothing;
    const state = this._loader.state;
    const error =
      this._districtsError ?? (state.status === 'error' ? state.error : null) ?? this._mapError;
    if (!error) return nothing;
    const isMapError = error === this._mapError;
    const message = isMapError
      ? translate(this._locale, 'error.mapInit', {
          message: error instanceof Error ? error.message : String(error),
        })
      : errorMessage(this._locale, error);
    return html`<rpm-error-banner
      .locale=${this._locale}
      .message=${message}
      ?retryable=${!isMapError}
      @rpm-retry=${this._retry}
      @rpm-dismiss=${() => (this._errorDismissed = true)}
    ></rpm-error-banner>`;
  }

  private _facilityCategories(data: DistrictData | undefined): string[] {
    if (!data) return [];
    const present = new Set(data.facilities.map((f) => f.properties.category));
    return FACILITY_CATEGORIES.filter((c) => present.has(c.id)).map((c) => c.id);
  }

  private async _loadHealth(): Promise<void> {
    try {
      this._engine = { state: 'ok', health: await getHealth() };
    } catch {
      this._engine = { state: 'down' };
    }
  }

  private async _loadDistricts(): Promise<void> {
    this._districtsError = null;
    this._districts = undefined;
    try {
      const districts = await getDistricts();
      this._districts = districts;
      const first = districts[0];
      if (first) this._selectDistrict(String(first.id));
    } catch (error) {
      this._districtsError = error;
      this._districts = [];
      this._errorDismissed = false;
    }
  }

  private _selectDistrict(districtId: string): void {
    if (districtId === this._districtId && this._loader.state.status !== 'error') return;
    this._districtId = districtId;
    this._selected = null;
    this._hovered = null;
    this._errorDismissed = false;
    this._plannedCommunity = null;
    void this._loader.load(districtId);
  }

  /**
   * issue 17: the selected (or planned) community's renewal stage — a select for planners and
   * admins, read-only text for everyone else; a change reloads the list, map and register.
   */
  private _renderStage(data: DistrictData | undefined) {
    if (!data || this._present.presenting) return nothing;
    const selected = this._selected?.type === 'community' ? this._selected : null;
    const id = selected ? selected.properties.id : this._plannedCommunity?.properties.id;
    const community =
      id === undefined
        ? null
        : (data.communities.find((c) => String(c.properties.id) === String(id)) ?? null);
    if (!community) return nothing;
    return html`<rpm-community-stage
      .locale=${this._locale}
      .community=${community}
      ?canEdit=${this._session.canEdit}
      @rpm-stage-changed=${() => {
        if (!this._districtId) return;
        void this._loader.refreshCommunities(this._districtId);
        if (this._districtReview.open) void this._districtReview.load(this._districtId);
      }}
    ></rpm-community-stage>`;
  }

  /** The community boundary panel, for accounts that may edit (issue 17). */
  private _renderBoundaryTools(data: DistrictData | undefined) {
    if (!data || !this._session.canEdit || this._present.presenting) return nothing;
    const b = this._boundary;
    const selected = this._selected?.type === 'community' ? this._selected : null;
    const community =
      b.target ??
      (selected
        ? (data.communities.find(
            (c) => String(c.properties.id) === String(selected.properties.id),
          ) ?? null)
        : this._plannedCommunity);
    return html`<rpm-boundary-tools
      .locale=${this._locale}
      .community=${community}
      .communities=${data.communities}
      .feature=${this._selected?.type === 'feature' ? this._selected : null}
      .mode=${b.mode}
      .pending=${b.pending}
      .error=${b.error}
      ?busy=${b.busy}
      ?edited=${b.edited}
      @rpm-boundary-action=${(e: CustomEvent<BoundaryAction>) =>
        this._onBoundaryAction(e.detail, community, data)}
    ></rpm-boundary-tools>`;
  }

  private _onBoundaryAction(
    a: BoundaryAction,
    community: CommunityFeature | null,
    data: DistrictData,
  ): void {
    const b = this._boundary;
    if (a.action === 'draw') b.startDraw();
    else if (a.action === 'promote' && this._selected) b.promote(this._selected);
    else if (a.action === 'confirm') void b.confirm();
    else if (a.action === 'cancel') b.cancel();
    else if (a.action === 'dismiss') b.dismissError();
    else if (a.action === 'name') b.setName(a.name);
    else if (a.action === 'finish-edit') b.finishEdit();
    else if (!community) return;
    else if (a.action === 'edit') b.startEdit(community);
    else if (a.action === 'split') b.startSplit(community);
    else if (a.action === 'rename') b.rename(community, a.name);
    else if (a.action === 'merge') {
      const other = data.communities.find((c) => String(c.properties.id) === a.otherId);
      if (other) b.merge(community, [other]);
    }
  }

  /** After a boundary change: reload the district, then focus the community it produced. */
  private async _reloadAfterBoundaryChange(focusId: number | null): Promise<void> {
    const districtId = this._districtId;
    if (!districtId) return;
    this._selected = null;
    await this._loader.load(districtId);
    const state = this._loader.state;
    const focus =
      state.status === 'loaded'
        ? state.data.communities.find((c) => String(c.properties.id) === String(focusId))
        : undefined;
    if (!focus) {
      this._plannedCommunity = null;
      return;
    }
    // The open community itself changed (edit, split, rename): reload its scenarios too.
    const same = String(focus.properties.id) === this._planner.view.communityId;
    this._flyToCommunity(focus);
    if (same) {
      this._plannedCommunity = focus;
      await this._planner.reopenCommunity();
    }
  }

  /** A history sentence's link: select the feature, scenario or community and fly to it. */
  private _openHistoryLink(link: HistoryLink): void {
    const map = this.renderRoot.querySelector<RpmMap>('rpm-map');
    if (link.type === 'feature') {
      const f = this._planner.view.active.find((x) => String(x.properties.id) === String(link.id));
      if (!f) return;
      this._selected = { type: 'feature', properties: f.properties, geometry: f.geometry };
      const bbox = bboxOf([f.geometry]);
      // A point or a small feature: keep some of its surroundings in view.
      if (bbox)
        map?.flyTo([bbox[0] - 0.0004, bbox[1] - 0.0003, bbox[2] + 0.0004, bbox[3] + 0.0003]);
      return;
    }
    const data = this._loader.state.status === 'loaded' ? this._loader.state.data : undefined;
    const communityId = link.type === 'community' ? link.id : this._planner.view.communityId;
    const community = data?.communities.find(
      (c) => String(c.properties.id) === String(communityId),
    );
    if (link.type === 'scenario' && String(link.id) !== String(this._planner.view.activeId))
      this._selectScenario(link.id);
    if (community) {
      if (link.type === 'community') this._flyToCommunity(community);
      else {
        const bbox = bboxOf([community.geometry]);
        if (bbox) map?.flyTo(bbox);
      }
    }
  }

  private _flyToCommunity(community: CommunityFeature): void {
    this._selected = {
      type: 'community',
      properties: community.properties,
      geometry: community.geometry,
    };
    const bbox = bboxOf([community.geometry]);
    if (bbox) this.renderRoot.querySelector<RpmMap>('rpm-map')?.flyTo(bbox);
    this._planCommunity(community.properties.id);
  }

  private _setLocale(locale: Locale): void {
    this._locale = locale;
    storeLocale(locale);
    document.documentElement.lang = locale;
    document.title = translate(locale, 'app.title');
  }

  private _retry(): void {
    this._errorDismissed = false;
    if (this._districtsError) {
      void this._loadDistricts();
      void this._loadHealth();
    } else if (this._districtId) {
      void this._loader.load(this._districtId);
    }
  }

  // Issue #6: sign-in, district review and the review of the active proposal.

  private _renderSession() {
    const error = this._session.error;
    return html`<button
        class="mode"
        type="button"
        data-action="district-review"
        aria-pressed=${this._districtReview.open ? 'true' : 'false'}
        @click=${() => this._districtReview.toggle(this._districtId)}
      >
        ${translate(this._locale, this._districtReview.open ? 'district.close' : 'district.open')}
      </button>
      <rpm-login-control
        .locale=${this._locale}
        .user=${this._session.user}
        ?busy=${this._session.busy}
        .error=${error ? translate(this._locale, 'auth.failed', { message: errorMessage(this._locale, error) }) : ''}
        @rpm-login=${(e: CustomEvent<{ username: string; password: string }>) =>
          void this._session
            .login(e.detail.username, e.detail.password, this._locale)
            .then(() => this._review.reload())}
        @rpm-logout=${() => void this._session.logout()}
      ></rpm-login-control>`;
  }

  private _renderDistrictReview() {
    const d = this._districtReview;
    if (!d.open) return nothing;
    return html`<rpm-district-register
      .locale=${this._locale}
      .register=${d.register}
      .indicator=${d.indicator}
      .choropleth=${d.choropleth}
      .csvUrl=${this._districtId ? districtRegisterCsvUrl(this._districtId) : ''}
      .xlsxUrl=${this._districtId ? districtRegisterXlsxUrl(this._districtId, this._locale) : ''}
      .districtId=${this._districtId}
      ?canImport=${['planner', 'reviewer', 'admin'].includes(this._session.user?.role ?? '')}
      .focusedId=${d.focusedId}
      ?loading=${d.loading}
      @rpm-indicator-change=${(e: CustomEvent<{ indicator: Indicator }>) => d.setIndicator(e.detail.indicator)}
      @rpm-register-row=${(e: CustomEvent<{ row: RegisterRow }>) => this._focusRegisterRow(e.detail.row)}
      @rpm-register-imported=${() => {
        if (!this._districtId) return;
        void d.load(this._districtId);
        void this._loader.refreshCommunities(this._districtId);
      }}
      @rpm-register-back=${() => {
        d.focusedId = null;
        const district = this._districts?.find((x) => String(x.id) === this._districtId);
        const frame = this._districtFrame(district, this._loadedData());
        if (frame) this.renderRoot.querySelector<RpmMap>('rpm-map')?.flyTo(frame);
        this.requestUpdate();
      }}
    ></rpm-district-register>`;
  }

  /** A register row: fly to the community and open its scenarios (its plan for review). */
  private _focusRegisterRow(row: RegisterRow): void {
    const data = this._loader.state.status === 'loaded' ? this._loader.state.data : undefined;
    const community = data?.communities.find((c) => String(c.properties.id) === String(row.id));
    this._districtReview.focusedId = String(row.id);
    if (community) this._flyToCommunity(community);
    else this.renderRoot.querySelector<RpmMap>('rpm-map')?.flyTo(row.bbox);
    this.requestUpdate();
  }

  private _renderReview() {
    const view = this._planner.view;
    if (view.activeId === null || !this._review.status) return nothing;
    const error = this._review.error;
    return html`<rpm-review-panel
      .locale=${this._locale}
      .status=${this._review.status}
      .history=${this._review.history}
      ?canEdit=${this._session.canEdit}
      ?canReview=${this._session.canReview}
      ?busy=${this._review.busy}
      .error=${error ? errorMessage(this._locale, error) : ''}
      @rpm-review-step=${(e: CustomEvent<{ action: ReviewAction; text: string; pin: boolean }>) =>
        void this._reviewStep(e.detail.action, e.detail.text, e.detail.pin)}
      @rpm-history-open=${(e: CustomEvent<{ link: HistoryLink }>) =>
        this._openHistoryLink(e.detail.link)}
      @rpm-review-locate=${(e: CustomEvent<{ at: [number, number] }>) => {
        const [lon, lat] = e.detail.at;
        this.renderRoot
          .querySelector<RpmMap>('rpm-map')
          ?.flyTo([lon - 0.0008, lat - 0.0006, lon + 0.0008, lat + 0.0006]);
      }}
    ></rpm-review-panel>`;
  }

  private _renderRegister() {
    if (this._planner.view.communityId === null) return nothing;
    const error = this._register.error;
    const done = (ok: boolean) => {
      if (ok && this._districtReview.open && this._districtId)
        void this._districtReview.load(this._districtId);
    };
    return html`<rpm-register-panel
      .locale=${this._locale}
      .register=${this._register.register}
      ?canEdit=${this._session.canEdit}
      .error=${error ? errorMessage(this._locale, error) : ''}
      @rpm-register-add=${(e: CustomEvent<{ item: RegisterItemFields }>) =>
        void this._register.add(e.detail.item, this._locale).then(done)}
      @rpm-register-progress=${(
        e: CustomEvent<{
          item: RegisterItem;
          progressPct: number;
          phase: RegisterItemFields['phase'];
        }>,
      ) =>
        void this._register
          .update(
            e.detail.item,
            { progressPct: e.detail.progressPct, phase: e.detail.phase },
            this._locale,
          )
          .then(done)}
    ></rpm-register-panel>`;
  }

  /**
   * A review step; a pinned comment or return is placed on the selected feature (a stall, a
   * lane, a building the reviewer clicked), else at the map's centre.
   */
  private async _reviewStep(action: ReviewAction, text: string, pin: boolean): Promise<void> {
    const map = (
      this.renderRoot.querySelector<RpmMap>('rpm-map') as unknown as {
        map?: { getCenter(): { lng: number; lat: number } };
      } | null
    )?.map;
    const onFeature =
      pin && this._selected?.type !== 'community'
        ? labelPoint(this._selected?.geometry ?? null)
        : undefined;
    const c = pin && !onFeature ? map?.getCenter() : undefined;
    const at: [number, number] | null = onFeature
      ? [Number(onFeature[0].toFixed(7)), Number(onFeature[1].toFixed(7))]
      : c
        ? [Number(c.lng.toFixed(7)), Number(c.lat.toFixed(7))]
        : null;
    const ok = await this._review.step(action, text, at, this._locale);
    if (ok && this._districtReview.open && this._districtId)
      void this._districtReview.load(this._districtId);
  }
}

customElements.define('rpm-app', RpmApp);

declare global {
  interface HTMLElementTagNameMap {
    'rpm-app': RpmApp;
  }
}
