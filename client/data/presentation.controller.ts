import { css, html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { importGeoJson } from '../api/import-geojson';
import type { CompareMode, StoryView } from '../api/story-types';
import type { RpmMap } from '../components/rpm-map';
import { translate, type Locale } from '../i18n/translate';
import { readCamera } from '../map/camera';
import type { ChangeOverlay } from '../map/change-layers';
import { exportMapPng } from '../map/export-map-png';
import { LAYER_GROUPS, type LayerVisibility } from '../map/layer-groups';
import type { MapInstance } from '../map/map-controller';
import { applyStoryView } from './apply-story-view';
import { CompareController } from './compare.controller';
import type { DistrictData } from './district-data';
import type { PlannerController } from './planner.controller';
import type { PlannerView } from './planner-state';
import { StoryController } from './story.controller';

/** Resolves once `ok()` holds (checked every 50 ms), or rejects after `timeoutMs`. */
export async function waitUntil(ok: () => boolean, timeoutMs = 30_000): Promise<void> {
  const start = Date.now();
  while (!ok()) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** What the presentation features need from the app shell. */
export interface PresentationAppHooks {
  locale(): Locale;
  planner(): PlannerController;
  districtId(): string | null;
  selectDistrict(id: string): Promise<void>;
  openCommunity(id: string): Promise<void>;
  visibility(): LayerVisibility;
  setVisibility(v: LayerVisibility): void;
  mainMap(): RpmMap | null;
}

/**
 * Issue 7 in the app shell, in one place: the before/after comparison (CompareController),
 * stories and presentation mode (StoryController), map PNG export and GeoJSON import. It
 * owns their state and lifecycles; its render helpers only bind that state to the issue's
 * elements (rpm-compare-view, rpm-compare-cards, rpm-compare-bar, rpm-story-panel,
 * rpm-presenter), which do the rendering.
 */
export class PresentationController implements ReactiveController {
  readonly compare: CompareController;
  readonly story: StoryController;
  notice: string | null = null;
  private readonly _host: ReactiveControllerHost & HTMLElement;
  private readonly _app: PresentationAppHooks;

  /** Layout of the shell while presenting or comparing side by side. */
  static styles = css`
    :host([presenting]) {
      grid-template-rows: 0 1fr;
      grid-template-columns: 0 1fr 0;
    }
    :host([presenting]) rpm-header,
    :host([presenting]) rpm-community-list,
    :host([presenting]) .panel {
      display: none;
    }
    main[data-compare='side'] > rpm-map#main-map {
      left: 50%;
    }
    .present-bar {
      margin: var(--rpm-space-2) var(--rpm-space-3);
      box-shadow: none;
    }
    rpm-compare-cards {
      position: absolute;
      z-index: 5;
      bottom: 34px;
      left: 50%;
      transform: translateX(-50%);
      width: min(520px, calc(100% - 24px));
    }
    :host([presenting]) rpm-compare-cards {
      bottom: 150px;
      transform: translateX(-50%) scale(1.25);
    }
    .after-tag {
      position: absolute;
      z-index: 3;
      top: 12px;
      right: 56px;
      padding: 3px 10px;
      border-radius: 999px;
      background: rgb(23 32 46 / 0.85);
      color: #fff;
      pointer-events: none;
    }
    .present-notice {
      position: absolute;
      z-index: 6;
      top: 56px;
      right: 56px;
      background: #fff;
      border: 1px solid var(--rpm-color-border);
      border-radius: var(--rpm-radius-m);
      padding: 4px 10px;
      box-shadow: var(--rpm-shadow-m);
    }
  `;

  constructor(host: ReactiveControllerHost & HTMLElement, app: PresentationAppHooks) {
    this._host = host;
    this._app = app;
    host.addController(this);
    this.compare = new CompareController(host);
    this.story = new StoryController(host, {
      locale: () => app.locale(),
      apply: (story, view) =>
        applyStoryView(
          {
            districtId: () => app.districtId(),
            selectDistrict: (id) => app.selectDistrict(id),
            openCommunity: (id) => app.openCommunity(id),
            selectScenario: (id) => app.planner().selectScenario(id),
            setVisibility: (v) => app.setVisibility(v),
            setCompareMode: (m) => this.compare.setMode(m),
            settle: async () => {
              await host.updateComplete;
              for (let i = 0; i < 3; i++) await new Promise((r) => requestAnimationFrame(r));
              this._app.mainMap()?.map?.resize();
            },
            map: () => this._map(),
          },
          story,
          view,
        ),
    });
  }

  hostDisconnected(): void {
    this.notice = null;
  }

  get presenting(): boolean {
    return this.story.presenting;
  }

  comparing(view: PlannerView): boolean {
    return this.compare.mode !== 'none' && CompareController.comparable(view);
  }

  /** The compare mode as laid out now ('none' when the view cannot be compared). */
  compareModeShown(view: PlannerView): CompareMode {
    return this.comparing(view) ? this.compare.mode : 'none';
  }

  changes(view: PlannerView, side: 'baseline' | 'proposal'): ChangeOverlay | null {
    return this.comparing(view) ? this.compare.overlay(view, side) : null;
  }

  /** The baseline map, cards, toolbar and presenter over the map area. */
  renderMapOverlays(view: PlannerView, baseline: DistrictData | undefined) {
    const locale = this._app.locale();
    const comparing = this.comparing(view);
    this.compare.syncIndicators(view);
    const s = this.story;
    const current = s.current;
    return html`
      ${
        comparing
          ? html`<rpm-compare-view
              .locale=${locale}
              .mode=${this.compare.mode}
              .position=${this.compare.position}
              .data=${baseline}
              .visibility=${this._app.visibility()}
              .changes=${this.compare.overlay(view, 'baseline')}
              .partner=${this._app.mainMap()}
              @rpm-swipe=${(e: CustomEvent<{ position: number }>) =>
                this.compare.setPosition(e.detail.position)}
            ></rpm-compare-view>
            <span class="after-tag">${translate(locale, 'compare.after')}</span>
            <rpm-compare-cards .locale=${locale} .indicators=${this.compare.indicators}></rpm-compare-cards>`
          : nothing
      }
      ${this.notice ? html`<div class="present-notice" role="status">${this.notice}</div>` : nothing}
      ${
        s.presenting && current
          ? html`<rpm-presenter
              .locale=${locale}
              .storyTitle=${s.title}
              .caption=${current.caption}
              .index=${s.index}
              .count=${s.views.length}
              @rpm-present-step=${(e: CustomEvent<{ delta: number }>) =>
                void s.go(s.index + e.detail.delta)}
              @rpm-present-exit=${() => s.exit()}
            ></rpm-presenter>`
          : nothing
      }
    `;
  }

  /** Compare, export and import, and the story being assembled (not for a shared story). */
  renderStoryPanel(view: PlannerView) {
    const s = this.story;
    const locale = this._app.locale();
    if (view.communityId === null || s.readOnly) return nothing;
    const err = s.error as { message?: string } | null;
    return html`${
        view.communityId !== null && !s.presenting
          ? html`<rpm-compare-bar
              class="present-bar"
              .locale=${locale}
              .mode=${this.compare.mode}
              .scenarioId=${view.activeId}
              .communityId=${view.communityId}
              .districtId=${this._app.districtId()}
              ?comparable=${CompareController.comparable(view)}
              ?editable=${this._app.planner().editable && CompareController.comparable(view)}
              @rpm-compare-mode=${(e: CustomEvent<{ mode: CompareMode }>) =>
                this.compare.setMode(e.detail.mode)}
              @rpm-export-png=${() => void this._exportPng()}
              @rpm-import=${(e: CustomEvent<{ file: File; crs: 'wgs84' }>) =>
                void this._import(view, e.detail.file, e.detail.crs)}
            ></rpm-compare-bar>`
          : nothing
      }
    <rpm-story-panel
      .locale=${this._app.locale()}
      .storyTitle=${s.title}
      .views=${s.views}
      .link=${s.link}
      ?saving=${s.saving}
      .error=${err ? (err.message ?? String(err)) : null}
      @rpm-story-title=${(e: CustomEvent<{ title: string }>) => s.setTitle(e.detail.title)}
      @rpm-story-add=${(e: CustomEvent<{ caption: string }>) => void this._addView(view, e.detail.caption)}
      @rpm-story-remove=${(e: CustomEvent<{ index: number }>) => s.removeView(e.detail.index)}
      @rpm-story-save=${() =>
        void s.save({
          districtId: Number(this._app.districtId()),
          communityId: view.communityId === null ? null : Number(view.communityId),
        })}
      @rpm-story-present=${() => void s.present(0)}
    ></rpm-story-panel>`;
  }

  private async _addView(view: PlannerView, caption: string): Promise<void> {
    const map = await this._map();
    const vis = this._app.visibility();
    const v: StoryView = {
      camera: readCamera(map),
      layers: LAYER_GROUPS.filter((g) => vis[g]),
      scenarioId: view.activeId === null ? null : Number(view.activeId),
      compareMode: this.compareModeShown(view),
      caption,
    };
    this.story.addView(v);
  }

  private async _map(): Promise<MapInstance> {
    let map: MapInstance | undefined;
    await waitUntil(() => (map = this._app.mainMap()?.map) !== undefined);
    return map!;
  }

  private async _exportPng(): Promise<void> {
    const blob = await exportMapPng(await this._map(), 2);
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = `map-${new Date().toISOString().slice(0, 10)}.png`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
  }

  private async _import(view: PlannerView, file: File, crs: 'wgs84' | 'gcj02' | 'bd09') {
    const locale = this._app.locale();
    if (view.activeId === null) return;
    try {
      const json: unknown = JSON.parse(await file.text());
      const result = await importGeoJson(view.activeId, json, crs, locale);
      await this._app.planner().reloadActive();
      this.notice = translate(locale, 'import.done', { n: result.created.length });
    } catch (error) {
      this.notice = translate(locale, 'import.failed', {
        message: error instanceof Error ? error.message : String(error),
      });
    }
    this._host.requestUpdate();
  }
}
