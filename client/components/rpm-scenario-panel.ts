import { css, html, LitElement, nothing } from 'lit';
import type { Scenario } from '../api/types';
import type { PlannerView } from '../data/planner-state';
import { translate, type Locale } from '../i18n/translate';
import { plannerStyles } from './planner-styles';

/**
 * The scenarios of the community being planned: its baseline (现状) and proposals (方案), with
 * create, rename, delete (after a confirmation) and switch, and the "edit baseline" switch.
 * Emits `rpm-scenario-select` `{ id }`, `rpm-scenario-create` `{ name }`, `rpm-scenario-rename`
 * `{ scenario, name }`, `rpm-scenario-delete` `{ scenario }` and `rpm-edit-baseline` `{ on }`.
 */
export class RpmScenarioPanel extends LitElement {
  static override properties = {
    locale: {},
    view: { attribute: false },
    communityName: {},
    readonly: { type: Boolean },
    _renaming: { state: true },
  };

  locale: Locale = 'zh-CN';
  view: PlannerView | undefined;
  communityName = '';
  /** Issue #6: the signed-in role cannot edit: no create, rename, delete or baseline editing. */
  readonly = false;
  private _renaming: string | null = null;

  static override styles = [
    plannerStyles,
    css`
      [hidden] {
        display: none !important;
      }
      ul {
        list-style: none;
        margin: 0 0 var(--rpm-space-2);
        padding: 0;
      }
      li {
        display: flex;
        align-items: center;
        gap: var(--rpm-space-2);
        padding: 4px 6px;
        border-radius: var(--rpm-radius-s);
      }
      li[data-active] {
        background: var(--rpm-color-brand-soft);
      }
      li label {
        flex: 1;
        display: flex;
        align-items: center;
        gap: 6px;
        cursor: pointer;
        min-width: 0;
      }
      li label span {
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
      }
      .tag {
        flex: none;
        font-size: 11px;
        padding: 0 6px;
        border-radius: 999px;
        border: 1px solid var(--rpm-color-border);
        color: var(--rpm-color-text-muted);
      }
      li button {
        padding: 1px 6px;
        font-size: var(--rpm-font-size-s);
      }
      form {
        display: flex;
        gap: 4px;
        flex: 1;
      }
      form input {
        flex: 1;
      }
      .actions {
        display: flex;
        align-items: center;
        justify-content: space-between;
        gap: var(--rpm-space-2);
      }
      .community {
        font-weight: 600;
        margin-bottom: var(--rpm-space-2);
      }
    `,
  ];

  override render() {
    const t = (k: Parameters<typeof translate>[1], v?: Record<string, string | number>) =>
      translate(this.locale, k, v);
    const view = this.view;
    if (!view?.communityId) {
      return html`<h2>${t('planner.title')}</h2>
        <div class="body muted">${t('planner.pickCommunity')}</div>`;
    }
    const active = view.scenarios.find((s) => String(s.id) === view.activeId);
    return html`
      <h2>${t('planner.title')}</h2>
      <div class="body">
        <div class="community">${this.communityName}</div>
        ${
          view.loading && view.scenarios.length === 0
            ? html`<div class="muted">${t('scenario.loading')}</div>`
            : nothing
        }
        <ul role="radiogroup" aria-label=${t('planner.title')}>
          ${view.scenarios.map((s) => this._renderScenario(s, String(s.id) === view.activeId))}
        </ul>
        <div class="actions" ?hidden=${this.readonly}>
          <button
            class="primary"
            data-action="new-proposal"
            ?disabled=${view.scenarios.length === 0}
            @click=${this._create}
          >
            + ${t('scenario.new')}
          </button>
          ${
            active?.kind === 'baseline'
              ? html`<label class="muted">
                  <input
                    type="checkbox"
                    data-action="edit-baseline"
                    .checked=${view.editBaseline}
                    @change=${(e: Event) =>
                      this._emit('rpm-edit-baseline', {
                        on: (e.target as HTMLInputElement).checked,
                      })}
                  />
                  ${t('scenario.editBaseline')}
                </label>`
              : nothing
          }
        </div>
        ${
          active?.kind === 'baseline'
            ? html`<p class="muted">
                ${view.editBaseline ? t('scenario.editingBaseline') : t('scenario.readOnly')}
              </p>`
            : nothing
        }
      </div>
    `;
  }

  private _renderScenario(s: Scenario, active: boolean) {
    const t = (k: Parameters<typeof translate>[1]) => translate(this.locale, k);
    const name = s.kind === 'baseline' ? t('scenario.baseline') : s.name;
    if (this._renaming === String(s.id)) {
      return html`<li data-active=${active || nothing}>
        <form @submit=${(e: Event) => this._submitRename(e, s)}>
          <input
            type="text"
            name="name"
            aria-label=${t('scenario.nameLabel')}
            .value=${s.name}
            required
            maxlength="200"
          />
          <button class="primary" type="submit">${t('scenario.save')}</button>
          <button type="button" @click=${() => (this._renaming = null)}>
            ${t('scenario.cancel')}
          </button>
        </form>
      </li>`;
    }
    return html`<li data-active=${active || nothing} data-scenario-id=${String(s.id)}>
      <label>
        <input
          type="radio"
          name="scenario"
          .checked=${active}
          @change=${() => this._emit('rpm-scenario-select', { id: s.id })}
        />
        <span class="tag">
          ${s.kind === 'baseline' ? t('scenario.baseline') : t('scenario.proposal')}
        </span>
        <span title=${name}>${name}</span>
      </label>
      ${
        s.kind === 'proposal' && !this.readonly
          ? html`<button
                title=${t('scenario.rename')}
                aria-label=${t('scenario.rename')}
                @click=${() => (this._renaming = String(s.id))}
              >
                ✎
              </button>
              <button
                class="danger"
                title=${t('scenario.delete')}
                aria-label=${t('scenario.delete')}
                @click=${() => this._delete(s)}
              >
                ✕
              </button>`
          : nothing
      }
    </li>`;
  }

  private _create(): void {
    const n = (this.view?.scenarios.filter((s) => s.kind === 'proposal').length ?? 0) + 1;
    this._emit('rpm-scenario-create', {
      name: translate(this.locale, 'scenario.defaultName', { n }),
    });
  }

  private _submitRename(e: Event, scenario: Scenario): void {
    e.preventDefault();
    const input = (e.target as HTMLFormElement).elements.namedItem('name') as HTMLInputElement;
    const name = input.value.trim();
    this._renaming = null;
    if (name && name !== scenario.name) this._emit('rpm-scenario-rename', { scenario, name });
  }

  private _delete(scenario: Scenario): void {
    const message = translate(this.locale, 'scenario.confirmDelete', { name: scenario.name });
    if (globalThis.confirm(message)) this._emit('rpm-scenario-delete', { scenario });
  }

  private _emit(type: string, detail: unknown): void {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }
}

customElements.define('rpm-scenario-panel', RpmScenarioPanel);

declare global {
  interface HTMLElementTagNameMap {
    'rpm-scenario-panel': RpmScenarioPanel;
  }
}
