import { css, html, LitElement, nothing } from 'lit';
import type { ParkingAngle, ParkingManoeuvre } from '../../domain/parking/types';
import type { ParkingDraftOptions } from '../data/parking-draft.controller';
import type { EntranceSource } from '../../domain/parking/types';
import { translate, type Locale, type MessageKey } from '../i18n/translate';
import { plannerStyles } from './planner-styles';

const ANGLES: readonly ParkingAngle[] = ['deg90', 'deg60', 'deg45', 'deg30', 'parallel'];

/** Counts of the previewed layout by stall type. */
export interface DraftSummary {
  count: number;
  standard: number;
  accessible: number;
  ev: number;
  /** Lots: the module bound of the lot (moduleBoundStalls), to show how close the count is. */
  bound?: number;
}

/**
 * Options of the parking layout being drawn (angle, kerb side, EV share, accessible stalls),
 * the live stall count, and confirm/discard once the shape is finished. Emits
 * `rpm-parking-options` `{ options }`, `rpm-parking-confirm` and `rpm-parking-discard`.
 */
export class RpmParkingOptions extends LitElement {
  static override properties = {
    locale: {},
    options: { attribute: false },
    summary: { attribute: false },
    error: {},
    finished: { type: Boolean },
    placingEntrance: { type: Boolean },
    entranceSource: { attribute: false },
    kerb: { type: Boolean },
  };

  locale: Locale = 'zh-CN';
  options: ParkingDraftOptions = { angle: 'deg90', side: 'left', evShare: 0, accessibleCount: 0 };
  summary: DraftSummary | null = null;
  error: string | null = null;
  /** The shape is finished: the layout waits for confirm or discard. */
  finished = false;
  /** The next map click places the lot's entrance. */
  placingEntrance = false;
  /** Where the previewed lot's entrance came from (null: not a lot). */
  entranceSource: EntranceSource | null = null;
  /** A kerb row (shows the side choice). */
  kerb = false;

  static override styles = [
    plannerStyles,
    css`
      :host {
        background: var(--rpm-color-surface);
        border: 1px solid var(--rpm-color-border);
        border-radius: var(--rpm-radius-m);
        box-shadow: var(--rpm-shadow-m);
        width: 250px;
      }
      h2 {
        font-size: var(--rpm-font-size-m);
        padding: 6px 10px;
      }
      .body {
        padding: 8px 10px;
        display: grid;
        grid-template-columns: auto 1fr;
        gap: 6px 8px;
        align-items: center;
      }
      label {
        font-size: var(--rpm-font-size-s);
        color: var(--rpm-color-text-muted);
      }
      .count {
        grid-column: 1 / -1;
        font-size: 18px;
        font-weight: 700;
      }
      .types,
      .error,
      .buttons,
      .entrance,
      .muted {
        grid-column: 1 / -1;
      }
      .entrance {
        font-size: var(--rpm-font-size-s);
        color: var(--rpm-color-text-muted);
      }
      .entrance button {
        margin-left: 4px;
      }
      .types {
        font-size: var(--rpm-font-size-s);
        color: var(--rpm-color-text-muted);
      }
      .error {
        color: var(--rpm-color-danger);
        font-size: var(--rpm-font-size-s);
      }
      .buttons {
        display: flex;
        gap: 6px;
        justify-content: flex-end;
      }
    `,
  ];

  override render() {
    const t = (k: MessageKey, v?: Record<string, string | number>) => translate(this.locale, k, v);
    const o = this.options;
    const s = this.summary;
    return html`
      <h2>${t('parking.title')}</h2>
      <div class="body">
        <label for="angle">${t('parking.angle')}</label>
        <select
          id="angle"
          @change=${(e: Event) =>
            this._set({ angle: (e.target as HTMLSelectElement).value as ParkingAngle })}
        >
          ${ANGLES.map(
            (a) => html`<option value=${a} ?selected=${o.angle === a}>${t(`angle.${a}`)}</option>`,
          )}
        </select>
        ${
          !this.kerb && (o.angle === 'deg90' || o.angle === 'deg60')
            ? html`<label for="manoeuvre">${t('parking.manoeuvre')}</label>
                <select
                  id="manoeuvre"
                  @change=${(e: Event) =>
                    this._set({
                      manoeuvre: (e.target as HTMLSelectElement).value as ParkingManoeuvre,
                    })}
                >
                  <option value="forward" ?selected=${(o.manoeuvre ?? 'forward') === 'forward'}>
                    ${t(o.angle === 'deg90' ? 'manoeuvre.forward90' : 'manoeuvre.forward60')}
                  </option>
                  <option value="backIn" ?selected=${o.manoeuvre === 'backIn'}>
                    ${t(o.angle === 'deg90' ? 'manoeuvre.backIn90' : 'manoeuvre.backIn60')}
                  </option>
                </select>`
            : nothing
        }
        ${
          this.kerb
            ? html`<label for="side">${t('parking.side')}</label>
                <select
                  id="side"
                  @change=${(e: Event) =>
                    this._set({ side: (e.target as HTMLSelectElement).value as 'left' | 'right' })}
                >
                  <option value="left" ?selected=${o.side === 'left'}>${t('side.left')}</option>
                  <option value="right" ?selected=${o.side === 'right'}>${t('side.right')}</option>
                </select>`
            : nothing
        }
        <label for="ev">${t('parking.evShare')}</label>
        <input
          id="ev"
          type="number"
          min="0"
          max="100"
          step="5"
          .value=${String(Math.round(o.evShare * 100))}
          @change=${(e: Event) =>
            this._set({
              evShare: Math.min(1, Math.max(0, Number((e.target as HTMLInputElement).value) / 100)),
            })}
        />
        <label for="acc">${t('parking.accessible')}</label>
        <input
          id="acc"
          type="number"
          min="0"
          max="50"
          step="1"
          .value=${String(o.accessibleCount)}
          @change=${(e: Event) =>
            this._set({
              accessibleCount: Math.max(
                0,
                Math.round(Number((e.target as HTMLInputElement).value) || 0),
              ),
            })}
        />
        ${
          s
            ? html`<div class="count" data-draft-count=${s.count}>
                  ${t('parking.count', { n: s.count })}
                  ${
                    s.bound
                      ? html`<span class="muted" data-module-bound=${s.bound}
                          >${t('parking.bound', {
                            bound: s.bound,
                            pct: Math.round((100 * s.count) / s.bound),
                          })}</span
                        >`
                      : nothing
                  }
                </div>
                <div class="types">
                  ${t('parking.byType', { standard: s.standard, accessible: s.accessible, ev: s.ev })}
                </div>`
            : html`<div class="muted">${t('parking.drawHint')}</div>`
        }
        ${this.error ? html`<div class="error" role="alert">${this.error}</div>` : nothing}
        ${
          this.finished && this.entranceSource
            ? html`<div class="entrance" data-entrance-source=${this.entranceSource}>
                ${t(`parking.entrance.${this.entranceSource}`)}
                <button
                  data-action="place-entrance"
                  ?aria-pressed=${this.placingEntrance}
                  @click=${() => this._emit('rpm-parking-place-entrance', {})}
                >
                  ${t(this.placingEntrance ? 'parking.entrance.clickMap' : 'parking.entrance.place')}
                </button>
              </div>`
            : nothing
        }
        ${
          this.finished
            ? html`<div class="buttons">
                <button @click=${() => this._emit('rpm-parking-discard', {})}>
                  ${t('parking.discard')}
                </button>
                <button
                  class="primary"
                  data-action="confirm-parking"
                  ?disabled=${!s || s.count === 0}
                  @click=${() => this._emit('rpm-parking-confirm', {})}
                >
                  ${t('parking.confirm', { n: s?.count ?? 0 })}
                </button>
              </div>`
            : nothing
        }
      </div>
    `;
  }

  private _set(patch: Partial<ParkingDraftOptions>): void {
    this._emit('rpm-parking-options', { options: { ...this.options, ...patch } });
  }

  private _emit(type: string, detail: unknown): void {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }
}

customElements.define('rpm-parking-options', RpmParkingOptions);

declare global {
  interface HTMLElementTagNameMap {
    'rpm-parking-options': RpmParkingOptions;
  }
}
