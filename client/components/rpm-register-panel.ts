import { css, html, LitElement, nothing } from 'lit';
import type { InterventionCategory } from '../api/get-district-register';
import type {
  CommunityRegister,
  Phase,
  RegisterItem,
  RegisterItemFields,
} from '../api/register-items';
import { formatNumber, translate, type Locale } from '../i18n/translate';
import { plannerStyles } from './planner-styles';

const CATEGORIES: InterventionCategory[] = ['basic', 'improvement', 'upgrade'];
const PHASES: Phase[] = ['publicity', 'planning', 'construction', 'acceptance'];

/**
 * The renewal register (改造项目清单) of the community being planned: items with category,
 * quantity, budget, phase, progress and funds released, and the totals. Editors add items and
 * move progress. Emits `rpm-register-add` `{ item }` and `rpm-register-progress`
 * `{ item, progressPct, phase }`.
 */
export class RpmRegisterPanel extends LitElement {
  static override properties = {
    locale: {},
    register: { attribute: false },
    canEdit: { type: Boolean },
    error: {},
  };

  locale: Locale = 'zh-CN';
  register: CommunityRegister | null = null;
  canEdit = false;
  error = '';

  static override styles = [
    plannerStyles,
    css`
      table {
        width: 100%;
        border-collapse: collapse;
        font-size: var(--rpm-font-size-s);
      }
      td,
      th {
        padding: 2px 4px;
        border-bottom: 1px solid var(--rpm-color-border);
        text-align: right;
      }
      td:first-child,
      th:first-child {
        text-align: left;
      }
      input.progress {
        width: 48px;
      }
      form {
        display: grid;
        grid-template-columns: 1fr 1fr;
        gap: 4px;
        margin-top: 6px;
      }
      form input,
      form select {
        font: inherit;
        min-width: 0;
      }
      form .wide {
        grid-column: 1 / -1;
      }
      .error {
        color: #b91c1c;
      }
    `,
  ];

  override render() {
    const t = (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>) =>
      translate(this.locale, key, vars);
    const reg = this.register;
    if (!reg) return nothing;
    const n = (x: number, d = 1) => formatNumber(this.locale, x, d);
    return html`<h2>${t('register.title')}</h2>
      <div class="body">
        <div class="muted" data-register-summary>
          ${t('register.summary', {
            items: reg.summary.items,
            budget: n(reg.summary.budgetWan),
            released: n(reg.summary.releasedWan),
            progress: n(reg.summary.progressPct),
          })}
        </div>
        ${
          reg.items.length === 0
            ? html`<div class="muted">${t('register.empty')}</div>`
            : html`<table>
                <thead>
                  <tr>
                    <th>${t('register.item')}</th>
                    <th>${t('register.category')}</th>
                    <th>${t('register.quantity')}</th>
                    <th>${t('register.budget')}</th>
                    <th>${t('register.stage')}</th>
                    <th>${t('register.progress')}</th>
                    <th>${t('register.released')}</th>
                  </tr>
                </thead>
                <tbody>
                  ${reg.items.map((item) => this._renderItem(item))}
                </tbody>
              </table>`
        }
        ${this.error ? html`<div class="error" role="alert">${this.error}</div>` : nothing}
        ${this.canEdit ? this._renderForm() : nothing}
      </div>`;
  }

  private _renderItem(item: RegisterItem) {
    const t = (key: Parameters<typeof translate>[1]) => translate(this.locale, key);
    return html`<tr data-register-item=${item.id}>
      <td>${item.name}</td>
      <td>${t(`register.category.${item.category}`)}</td>
      <td>${formatNumber(this.locale, item.quantity, 2)} ${item.unit}</td>
      <td>${formatNumber(this.locale, item.budgetWan, 2)}</td>
      <td>${t(`stage.${item.phase}`)}</td>
      <td>
        ${
          this.canEdit && item.phase !== 'acceptance'
            ? html`<input
                class="progress"
                type="number"
                min="0"
                max="100"
                step="5"
                .value=${String(item.progressPct)}
                @change=${(e: Event) => {
                  const progressPct = Number((e.target as HTMLInputElement).value);
                  this._emit('rpm-register-progress', {
                    item,
                    progressPct,
                    phase:
                      progressPct > 0 && item.phase !== 'construction'
                        ? 'construction'
                        : item.phase,
                  });
                }}
              />`
            : formatNumber(this.locale, item.progressPct, 1)
        }
      </td>
      <td data-released>${formatNumber(this.locale, item.funds.releasedWan, 2)}</td>
    </tr>`;
  }

  private _renderForm() {
    const t = (key: Parameters<typeof translate>[1]) => translate(this.locale, key);
    return html`<form @submit=${this._add}>
      <input class="wide" name="name" required placeholder=${t('register.item')} />
      <select name="category">
        ${CATEGORIES.map((c) => html`<option value=${c}>${t(`register.category.${c}`)}</option>`)}
      </select>
      <select name="phase">
        ${PHASES.slice(0, 3).map((p) => html`<option value=${p}>${t(`stage.${p}`)}</option>`)}
      </select>
      <input
        name="quantity"
        type="number"
        min="0"
        step="any"
        required
        placeholder=${t('register.quantity')}
      />
      <input name="unit" required placeholder=${t('register.unit')} />
      <input
        name="budgetWan"
        type="number"
        min="0"
        step="any"
        required
        placeholder=${t('register.budget')}
      />
      <input
        name="progressPct"
        type="number"
        min="0"
        max="100"
        value="0"
        placeholder=${t('register.progress')}
      />
      <button class="primary wide" type="submit" data-action="add-register-item">
        ${t('register.add')}
      </button>
    </form>`;
  }

  private _add(e: Event): void {
    e.preventDefault();
    const formEl = e.target as HTMLFormElement;
    const f = new FormData(formEl);
    const item: RegisterItemFields = {
      name: String(f.get('name') ?? ''),
      category: String(f.get('category')) as InterventionCategory,
      quantity: Number(f.get('quantity')),
      unit: String(f.get('unit') ?? ''),
      budgetWan: Number(f.get('budgetWan')),
      featureIds: [],
      phase: String(f.get('phase')) as Phase,
      progressPct: Number(f.get('progressPct') ?? 0),
      acceptedOn: null,
    };
    this._emit('rpm-register-add', { item });
    formEl.reset();
  }

  private _emit(name: string, detail: unknown): void {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }
}

customElements.define('rpm-register-panel', RpmRegisterPanel);

declare global {
  interface HTMLElementTagNameMap {
    'rpm-register-panel': RpmRegisterPanel;
  }
}
