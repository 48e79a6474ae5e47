import { css, html, LitElement, nothing } from 'lit';
import type { RuleOverrides } from '../../domain/standards/rule-override-types';
import { RULES, type ProjectContext } from '../../domain/standards/rules';
import type { DistrictRuleSettings } from '../api/rule-overrides';
import { overridesOfSettings } from '../data/rule-overrides.controller';
import { formatNumber, translate, type Locale, type MessageKey } from '../i18n/translate';

/** The fire-lane numbers a planner may override here (every numeric RULES.fireLane rule). */
const FIRE_LANE_KEYS = Object.entries(RULES.fireLane)
  .filter(([, r]) => typeof (r as { value: unknown }).value === 'number')
  .map(([k]) => `fireLane.${k}`);

/**
 * The district's local rules (本项目地方标准, issue 12 §1): each overridden rule with its value,
 * the table's default and the override's source, and the project context (新建 / 既有改造).
 * Planners and admins add or remove an override and set the context; the element emits
 * `rpm-rule-overrides-save` {context, overrides} with the whole new set, the app saves it.
 */
export class RpmRuleOverrides extends LitElement {
  static override properties = {
    locale: {},
    settings: { attribute: false },
    canEdit: { type: Boolean },
    error: {},
    _key: { state: true },
  };

  locale: Locale = 'zh-CN';
  settings: DistrictRuleSettings | null = null;
  canEdit = false;
  error = '';
  private _key = FIRE_LANE_KEYS[0] ?? '';

  static override styles = css`
    :host {
      display: block;
      padding: var(--rpm-space-2, 8px) var(--rpm-space-4, 16px);
      border-bottom: 1px solid var(--rpm-color-border, #ddd);
      font-size: var(--rpm-font-size-s, 13px);
    }
    h3 {
      font-size: inherit;
      margin: 0 0 4px;
    }
    ul {
      margin: 0;
      padding-left: 16px;
    }
    .source,
    .none {
      color: var(--rpm-color-muted, #5b6674);
    }
    form {
      display: grid;
      gap: 4px;
      margin-top: 6px;
    }
    .error {
      color: var(--rpm-color-danger, #b00020);
      margin: 4px 0 0;
    }
  `;

  override render() {
    const s = this.settings;
    if (!s) return nothing;
    const t = (k: MessageKey, v: Record<string, string | number> = {}) =>
      translate(this.locale, k, v);
    const num = (n: number) => formatNumber(this.locale, n, 3);
    const context = this.canEdit
      ? html`<label
          >${t('ruleOverrides.context')}
          <select
            data-field="project-context"
            @change=${(e: Event) =>
              this._emit(
                (e.target as HTMLSelectElement).value as ProjectContext,
                overridesOfSettings(s),
              )}
          >
            ${(['new-build', 'renovation'] as const).map(
              (c) =>
                html`<option value=${c} ?selected=${c === s.context}>
                  ${t(`ruleOverrides.context.${c}`)}
                </option>`,
            )}
          </select></label
        >`
      : html`<div>
          ${t('ruleOverrides.context')}: <strong>${t(`ruleOverrides.context.${s.context}`)}</strong>
        </div>`;
    return html`<h3>${t('ruleOverrides.title')}</h3>
      ${context}
      ${
        s.overrides.length === 0
          ? html`<p class="none">${t('ruleOverrides.none')}</p>`
          : html`<ul data-list="rule-overrides">
              ${s.overrides.map(
                (o) =>
                  html`<li data-rule=${o.key}>
                    <code>${o.key}</code>
                    <strong>${num(o.value)}</strong>
                    (${t('ruleOverrides.default', { value: num(o.defaultValue) })})
                    <div class="source">${o.source}</div>
                    ${
                      this.canEdit
                        ? html`<button
                            type="button"
                            @click=${() => {
                              const next = { ...overridesOfSettings(s) };
                              delete next[o.key];
                              this._emit(s.context, next);
                            }}
                          >
                            ${t('ruleOverrides.remove')}
                          </button>`
                        : nothing
                    }
                  </li>`,
              )}
            </ul>`
      }
      ${this.canEdit ? this._renderForm(s, t) : nothing}
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}`;
  }

  private _renderForm(
    s: DistrictRuleSettings,
    t: (k: MessageKey, v?: Record<string, string | number>) => string,
  ) {
    const rule = (RULES.fireLane as unknown as Record<string, { value: number }>)[
      this._key.split('.')[1] ?? ''
    ];
    return html`<form
      data-form="rule-override"
      @submit=${(e: Event) => {
        e.preventDefault();
        const f = e.target as HTMLFormElement;
        const value = Number((f.elements.namedItem('value') as HTMLInputElement).value);
        const source = (f.elements.namedItem('source') as HTMLInputElement).value;
        this._emit(s.context, { ...overridesOfSettings(s), [this._key]: { value, source } });
      }}
    >
      <select
        name="key"
        @change=${(e: Event) => (this._key = (e.target as HTMLSelectElement).value)}
      >
        ${FIRE_LANE_KEYS.map((k) => html`<option value=${k} ?selected=${k === this._key}>${k}</option>`)}
      </select>
      <input
        name="value"
        type="number"
        step="any"
        required
        placeholder=${t('ruleOverrides.default', { value: rule?.value ?? '' })}
      />
      <input name="source" required maxlength="500" placeholder=${t('ruleOverrides.source')} />
      <button type="submit">${t('ruleOverrides.add')}</button>
    </form>`;
  }

  private _emit(context: ProjectContext, overrides: RuleOverrides): void {
    this.dispatchEvent(
      new CustomEvent('rpm-rule-overrides-save', {
        detail: { context, overrides },
        bubbles: true,
        composed: true,
      }),
    );
  }
}

customElements.define('rpm-rule-overrides', RpmRuleOverrides);

declare global {
  interface HTMLElementTagNameMap {
    'rpm-rule-overrides': RpmRuleOverrides;
  }
}
