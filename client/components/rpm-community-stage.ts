import { css, html, LitElement, nothing } from 'lit';
import {
  STAGE_KEYS,
  STAGE_NOT_SET,
  stageKey,
  type CommunityStage,
  type StageKey,
} from '../../domain/model/renewal-stages';
import { setCommunityStage } from '../api/set-community-stage';
import type { CommunityFeature } from '../data/district-data';
import { translate, type Locale, type MessageKey } from '../i18n/translate';

/**
 * The selected community's renewal stage (issue 17): a planner or admin sets it with a select
 * (未设定 / not set included) through PUT /api/communities/:id/stage, then the element emits
 * `rpm-stage-changed` {id, stage} so the app reloads the list, register and choropleth; other
 * roles see it read-only.
 */
export class RpmCommunityStage extends LitElement {
  static override properties = {
    locale: {},
    community: { attribute: false },
    canEdit: { type: Boolean },
    _busy: { state: true },
    _error: { state: true },
  };

  locale: Locale = 'zh-CN';
  community: CommunityFeature | null = null;
  canEdit = false;
  private _busy = false;
  private _error = '';

  static override styles = css`
    :host {
      display: block;
      padding: var(--rpm-space-2, 8px) var(--rpm-space-4, 16px);
      border-bottom: 1px solid var(--rpm-color-border, #ddd);
      font-size: var(--rpm-font-size-s, 13px);
    }
    label {
      display: flex;
      gap: 8px;
      align-items: center;
    }
    select {
      flex: 1;
      font: inherit;
    }
    .error {
      color: var(--rpm-color-danger, #b00020);
      margin: 4px 0 0;
    }
  `;

  override render() {
    const c = this.community;
    if (!c) return nothing;
    const t = (k: MessageKey) => translate(this.locale, k);
    const current = stageKey(c.properties.stage as CommunityStage | undefined);
    const label = t('field.stage');
    if (!this.canEdit)
      return html`<div data-stage-readonly=${current}>
        ${label}: <strong>${t(`stage.${current}`)}</strong>
      </div>`;
    return html`<label
        >${label}
        <select
          data-field="community-stage"
          .value=${current}
          ?disabled=${this._busy}
          @change=${(e: Event) => void this._set((e.target as HTMLSelectElement).value as StageKey)}
        >
          ${STAGE_KEYS.map(
            (s) => html`<option value=${s} ?selected=${s === current}>${t(`stage.${s}`)}</option>`,
          )}
        </select></label
      >${this._error ? html`<p class="error" role="alert">${this._error}</p>` : nothing}`;
  }

  private async _set(key: StageKey): Promise<void> {
    const c = this.community;
    if (!c) return;
    const stage: CommunityStage = key === STAGE_NOT_SET ? null : key;
    this._busy = true;
    this._error = '';
    try {
      const res = await setCommunityStage(c.properties.id, stage, this.locale);
      this.dispatchEvent(
        new CustomEvent('rpm-stage-changed', {
          detail: { id: res.id, stage: res.stage },
          bubbles: true,
          composed: true,
        }),
      );
    } catch (e) {
      this._error = (e as Error).message;
    } finally {
      this._busy = false;
    }
  }
}

customElements.define('rpm-community-stage', RpmCommunityStage);
