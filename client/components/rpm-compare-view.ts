import { css, html, LitElement, type PropertyValues } from 'lit';
import type { CompareMode } from '../api/story-types';
import type { DistrictData } from '../data/district-data';
import { translate, type Locale } from '../i18n/translate';
import { syncCameras } from '../map/camera';
import type { ChangeOverlay } from '../map/change-layers';
import { DEFAULT_VISIBILITY, type LayerVisibility } from '../map/layer-groups';
import type { RpmMap } from './rpm-map';
import './rpm-map';

/**
 * The baseline (现状) side of a before/after comparison, laid over the proposal's map: in
 * `swipe` mode a full-size map clipped at the divider (left of it the baseline, right of it
 * the proposal underneath), in `side` mode the left half beside it. Its camera follows the
 * partner map's and leads it when moved. The divider is a slider: drag it, or focus it and
 * use ←/→ (Home/End).
 *
 * Emits `rpm-swipe` (detail `{ position }`, 0–1).
 */
export class RpmCompareView extends LitElement {
  static override properties = {
    locale: {},
    mode: { reflect: true },
    position: { type: Number },
    data: { attribute: false },
    visibility: { attribute: false },
    changes: { attribute: false },
    partner: { attribute: false },
  };

  locale: Locale = 'zh-CN';
  mode: CompareMode = 'swipe';
  position = 0.5;
  data: DistrictData | undefined;
  visibility: LayerVisibility = DEFAULT_VISIBILITY;
  changes: ChangeOverlay | null = null;
  /** The proposal's map this one keeps in step with. */
  partner: RpmMap | null = null;
  private _unsync: (() => void) | undefined;
  private _syncFrame = 0;

  static override styles = css`
    :host {
      position: absolute;
      inset: 0;
      z-index: 2;
      pointer-events: none;
    }
    :host([mode='side']) {
      right: 50%;
      border-right: 3px solid #fff;
      box-shadow: 2px 0 6px rgb(0 0 0 / 0.25);
    }
    rpm-map {
      position: absolute;
      inset: 0;
      pointer-events: auto;
    }
    .tag {
      position: absolute;
      top: 12px;
      z-index: 3;
      padding: 3px 10px;
      border-radius: 999px;
      background: rgb(23 32 46 / 0.85);
      color: #fff;
      font-size: var(--rpm-font-size-m);
      pointer-events: none;
    }
    .divider {
      position: absolute;
      top: 0;
      bottom: 0;
      width: 4px;
      margin-left: -2px;
      z-index: 4;
      background: #fff;
      box-shadow: 0 0 4px rgb(0 0 0 / 0.4);
      cursor: ew-resize;
      pointer-events: auto;
      touch-action: none;
    }
    .divider::after {
      content: '⇔';
      position: absolute;
      top: 50%;
      left: 50%;
      transform: translate(-50%, -50%);
      width: 34px;
      height: 34px;
      line-height: 34px;
      text-align: center;
      border-radius: 50%;
      background: #fff;
      color: var(--rpm-color-brand);
      box-shadow: var(--rpm-shadow-m);
      font-size: 18px;
    }
    .divider:focus-visible {
      outline: 3px solid var(--rpm-color-focus);
    }
  `;

  override render() {
    const swipe = this.mode === 'swipe';
    const pct = `${(this.position * 100).toFixed(2)}%`;
    return html`
      <rpm-map
        id="baseline-map"
        style=${swipe ? `clip-path: inset(0 calc(100% - ${pct}) 0 0)` : ''}
        .locale=${this.locale}
        .data=${this.data}
        .visibility=${this.visibility}
        .changes=${this.changes}
      ></rpm-map>
      <span class="tag" style="left: 12px">${translate(this.locale, 'compare.before')}</span>
      ${
        swipe
          ? html`<div
              class="divider"
              role="slider"
              tabindex="0"
              aria-label=${translate(this.locale, 'compare.divider')}
              aria-valuemin="0"
              aria-valuemax="100"
              aria-valuenow=${Math.round(this.position * 100)}
              style="left: ${pct}"
              @pointerdown=${this._onPointerDown}
              @keydown=${this._onKey}
            ></div>`
          : ''
      }
    `;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('partner')) this._sync();
  }

  override disconnectedCallback(): void {
    cancelAnimationFrame(this._syncFrame);
    this._unsync?.();
    this._unsync = undefined;
    super.disconnectedCallback();
  }

  /** Both maps load lazily: link their cameras once both exist. */
  private _sync(): void {
    this._unsync?.();
    this._unsync = undefined;
    const tryLink = () => {
      const mine = this.renderRoot.querySelector<RpmMap>('rpm-map')?.map;
      const theirs = this.partner?.map;
      if (mine && theirs) this._unsync = syncCameras(theirs, mine);
      else if (this.isConnected) this._syncFrame = requestAnimationFrame(tryLink);
    };
    tryLink();
  }

  private readonly _onPointerDown = (e: PointerEvent): void => {
    const divider = e.currentTarget as HTMLElement;
    divider.setPointerCapture(e.pointerId);
    const rect = this.getBoundingClientRect();
    const move = (ev: PointerEvent) =>
      this._emit((ev.clientX - rect.left) / Math.max(1, rect.width));
    const up = () => {
      divider.removeEventListener('pointermove', move);
      divider.removeEventListener('pointerup', up);
      divider.removeEventListener('pointercancel', up);
    };
    divider.addEventListener('pointermove', move);
    divider.addEventListener('pointerup', up);
    divider.addEventListener('pointercancel', up);
    e.preventDefault();
  };

  private readonly _onKey = (e: KeyboardEvent): void => {
    const step = e.shiftKey ? 0.1 : 0.02;
    const next =
      e.key === 'ArrowLeft'
        ? this.position - step
        : e.key === 'ArrowRight'
          ? this.position + step
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? 1
              : null;
    if (next === null) return;
    e.preventDefault();
    e.stopPropagation();
    this._emit(next);
  };

  private _emit(position: number): void {
    this.dispatchEvent(
      new CustomEvent('rpm-swipe', {
        detail: { position: Math.min(1, Math.max(0, position)) },
        bubbles: true,
        composed: true,
      }),
    );
  }
}

customElements.define('rpm-compare-view', RpmCompareView);

declare global {
  interface HTMLElementTagNameMap {
    'rpm-compare-view': RpmCompareView;
  }
}
