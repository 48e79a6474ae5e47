import { css, html, LitElement, nothing } from 'lit';
import { STAGE_KEYS } from '../../domain/model/renewal-stages';
import { facilityCategoryName, translate, type Locale, type MessageKey } from '../i18n/translate';
import { LAYER_GROUPS, type LayerGroup, type LayerVisibility } from '../map/layer-groups';
import { cssColor, facilityColor, LAYER_COLORS, STAGE_COLORS } from '../map/palette';

/**
 * Layer toggles with legend swatches drawn from the same palette as the map. Emits
 * `rpm-layer-toggle` with `{ group, visible }`; the app owns the visibility state.
 */
export class RpmLayerPanel extends LitElement {
  static override properties = {
    locale: {},
    visibility: { attribute: false },
    facilityCategories: { attribute: false },
  };

  locale: Locale = 'zh-CN';
  visibility: LayerVisibility | undefined;
  /** Facility category ids present in the district, in legend order. */
  facilityCategories: readonly string[] = [];

  static override styles = css`
    :host {
      display: block;
    }
    h2 {
      margin: 0;
      padding: var(--rpm-space-3) var(--rpm-space-4);
      font-size: var(--rpm-font-size-l);
      font-weight: 600;
      border-bottom: 1px solid var(--rpm-color-border);
    }
    ul {
      list-style: none;
      margin: 0;
      padding: var(--rpm-space-2) var(--rpm-space-4) var(--rpm-space-3);
    }
    li {
      padding: 6px 0;
    }
    li + li {
      border-top: 1px dashed var(--rpm-color-border);
    }
    label {
      display: flex;
      align-items: center;
      gap: var(--rpm-space-2);
      cursor: pointer;
      font-weight: 500;
    }
    input {
      margin: 0;
      accent-color: var(--rpm-color-brand);
      width: 15px;
      height: 15px;
    }
    .swatch {
      flex: none;
      width: 18px;
      height: 12px;
      border-radius: 2px;
      box-sizing: border-box;
    }
    .line {
      height: 0;
      border-radius: 0;
    }
    .dot {
      width: 10px;
      height: 10px;
      border-radius: 50%;
      margin: 0 4px;
    }
    .legend {
      display: grid;
      grid-template-columns: 1fr 1fr;
      gap: 3px var(--rpm-space-2);
      margin: 6px 0 0 23px;
      font-size: var(--rpm-font-size-s);
      color: var(--rpm-color-text-muted);
    }
    .legend span {
      display: flex;
      align-items: center;
      gap: 6px;
      min-width: 0;
    }
    .legend .dot {
      margin: 0;
    }
    .legend .caption {
      grid-column: 1 / -1;
      color: var(--rpm-color-text-faint);
    }
    li[data-off] .legend {
      opacity: 0.45;
    }
  `;

  override render() {
    const t = (key: MessageKey) => translate(this.locale, key);
    return html`
      <h2>${t('layers.title')}</h2>
      <ul>
        ${LAYER_GROUPS.map((group) => {
          const on = this.visibility?.[group] ?? true;
          return html`<li ?data-off=${!on}>
            <label>
              <input
                type="checkbox"
                data-group=${group}
                .checked=${on}
                @change=${(e: Event) => this._toggle(group, (e.target as HTMLInputElement).checked)}
              />
              ${this._swatch(group)}
              <span>${t(`layer.${group}` as MessageKey)}</span>
            </label>
            ${this._legend(group)}
          </li>`;
        })}
      </ul>
    `;
  }

  private _swatch(group: LayerGroup) {
    const style = (s: string) => html`<span class="swatch" style=${s}></span>`;
    switch (group) {
      case 'communities':
        return style(
          `background:${cssColor(STAGE_COLORS.planning, 0.2)};border:2px solid ${cssColor(STAGE_COLORS.planning)}`,
        );
      case 'buildings':
        return style(
          `background:${cssColor(LAYER_COLORS.building)};border:1px solid ${cssColor(LAYER_COLORS.buildingOutline)}`,
        );
      case 'roads':
        return html`<span
          class="swatch line"
          style="border-top:5px solid ${cssColor(LAYER_COLORS.roadCasing)}"
        ></span>`;
      case 'footways':
        return html`<span
          class="swatch line"
          style="border-top:2px dashed ${cssColor(LAYER_COLORS.footway)}"
        ></span>`;
      case 'parking':
        return style(
          `background:${cssColor(LAYER_COLORS.parkingArea, 0.35)};border:1px solid ${cssColor(LAYER_COLORS.parkingStall)}`,
        );
      case 'gates':
        return html`<span
          class="swatch dot"
          style="background:${cssColor(LAYER_COLORS.gate)};border:1.5px solid #fff;box-shadow:0 0 0 1px ${cssColor(LAYER_COLORS.gate)}"
        ></span>`;
      case 'facilities':
        return html`<span
          class="swatch dot"
          style="background:conic-gradient(${cssColor(facilityColor('primary_school'))} 0 33%, ${cssColor(facilityColor('health_centre'))} 0 66%, ${cssColor(facilityColor('fitness'))} 0)"
        ></span>`;
      case 'basemap':
        return style(
          `background:linear-gradient(135deg, ${cssColor(LAYER_COLORS.background)} 50%, ${cssColor(LAYER_COLORS.green)} 50%);border:1px solid var(--rpm-color-border-strong)`,
        );
    }
  }

  private _legend(group: LayerGroup) {
    const t = (key: MessageKey) => translate(this.locale, key);
    if (group === 'communities') {
      return html`<div class="legend">
        <span class="caption">${t('legend.stage')}</span>
        ${STAGE_KEYS.map(
          (stage) =>
            html`<span>
              <span
                class="swatch"
                style="background:${cssColor(STAGE_COLORS[stage], 0.25)};border:2px solid ${cssColor(STAGE_COLORS[stage])}"
              ></span>
              ${t(`stage.${stage}` as MessageKey)}
            </span>`,
        )}
      </div>`;
    }
    if (group === 'parking') {
      return html`<div class="legend">
        <span
          ><span
            class="swatch"
            style="background:${cssColor(LAYER_COLORS.parkingArea, 0.35)};border:1px solid ${cssColor(LAYER_COLORS.parkingStall)}"
          ></span
          >${t('legend.parkingArea')}</span
        >
        <span
          ><span
            class="swatch"
            style="background:${cssColor(LAYER_COLORS.parkingStall, 0.7)}"
          ></span
          >${t('legend.parkingStall')}</span
        >
      </div>`;
    }
    if (group === 'facilities' && this.facilityCategories.length > 0) {
      return html`<div class="legend">
        <span class="caption">${t('legend.facilities')}</span>
        ${this.facilityCategories.map(
          (id) =>
            html`<span title=${facilityCategoryName(this.locale, id)}>
              <span class="swatch dot" style="background:${cssColor(facilityColor(id))}"></span>
              ${facilityCategoryName(this.locale, id)}
            </span>`,
        )}
      </div>`;
    }
    return nothing;
  }

  private _toggle(group: LayerGroup, visible: boolean): void {
    this.dispatchEvent(
      new CustomEvent('rpm-layer-toggle', {
        detail: { group, visible },
        bubbles: true,
        composed: true,
      }),
    );
  }
}

customElements.define('rpm-layer-panel', RpmLayerPanel);

declare global {
  interface HTMLElementTagNameMap {
    'rpm-layer-panel': RpmLayerPanel;
  }
}
