import { css, html, LitElement, nothing } from 'lit';
import type { BoundaryChange, BoundaryCounts } from '../api/community-boundaries';
import type { BoundaryMode, PendingBoundaryChange } from '../data/boundary.controller';
import type { CommunityFeature, PickedFeature } from '../data/district-data';
import { formatNumber, translate, type Locale, type MessageKey } from '../i18n/translate';
import { plannerStyles } from './planner-styles';

/** What the planner asked for; the app hands it to the BoundaryController. */
export type BoundaryAction =
  | { action: 'draw' }
  | { action: 'edit' }
  | { action: 'finish-edit' }
  | { action: 'split' }
  | { action: 'merge'; otherId: string }
  | { action: 'rename'; name: string }
  | { action: 'promote' }
  | { action: 'name'; name: string }
  | { action: 'confirm' }
  | { action: 'cancel' }
  | { action: 'dismiss' };

/**
 * Community boundaries (小区红线, issue 17) in the planner's panel: draw a new community, reshape
 * or split the selected one, merge it with another, rename it inline, promote a selected polygon
 * feature; and the confirm dialog with the buildings and households before and after. Emits
 * `rpm-boundary-action` with a BoundaryAction.
 */
export class RpmBoundaryTools extends LitElement {
  static override properties = {
    locale: {},
    community: { attribute: false },
    communities: { attribute: false },
    feature: { attribute: false },
    mode: {},
    pending: { attribute: false },
    error: {},
    busy: { type: Boolean },
    edited: { type: Boolean },
    _mergeWith: { state: true },
  };

  locale: Locale = 'zh-CN';
  /** The community the tools act on (selected on the map or in the list), or null. */
  community: CommunityFeature | null = null;
  communities: readonly CommunityFeature[] = [];
  /** A selected polygon feature that could become a community, or null. */
  feature: PickedFeature | null = null;
  mode: BoundaryMode = 'idle';
  pending: PendingBoundaryChange | null = null;
  error: string | null = null;
  busy = false;
  /** The boundary under edit has been reshaped. */
  edited = false;
  private _mergeWith = '';

  static override styles = [
    plannerStyles,
    css`
      .row {
        display: flex;
        flex-wrap: wrap;
        gap: 4px;
        align-items: center;
        margin-bottom: 6px;
      }
      .row input,
      .row select {
        flex: 1 1 120px;
      }
      .hint {
        font-size: var(--rpm-font-size-s);
        color: var(--rpm-color-text-muted);
        margin: 4px 0;
      }
      .error {
        color: var(--rpm-color-danger);
        background: var(--rpm-color-danger-soft);
        border-radius: var(--rpm-radius-s);
        padding: 4px 8px;
        font-size: var(--rpm-font-size-s);
        display: flex;
        gap: 6px;
        justify-content: space-between;
      }
      .backdrop {
        position: fixed;
        inset: 0;
        z-index: 50;
        background: rgb(0 0 0 / 0.28);
        display: grid;
        place-items: center;
      }
      .dialog {
        background: var(--rpm-color-surface);
        border-radius: var(--rpm-radius-m);
        box-shadow: 0 8px 32px rgb(0 0 0 / 0.25);
        width: min(520px, calc(100vw - 32px));
        padding: var(--rpm-space-4);
      }
      .dialog h3 {
        margin: 0 0 8px;
        font-size: var(--rpm-font-size-l);
      }
      table {
        width: 100%;
        border-collapse: collapse;
        font-size: var(--rpm-font-size-s);
        margin: 8px 0;
      }
      th,
      td {
        padding: 3px 6px;
        border-bottom: 1px solid var(--rpm-color-border);
        text-align: right;
        white-space: nowrap;
      }
      th:first-child,
      td:first-child {
        text-align: left;
        white-space: normal;
      }
      .up {
        color: rgb(46 125 50);
      }
      .down {
        color: var(--rpm-color-danger);
      }
      .actions {
        display: flex;
        justify-content: flex-end;
        gap: 6px;
        margin-top: 8px;
      }
    `,
  ];

  private _t(key: MessageKey, vars?: Record<string, string | number>): string {
    return translate(this.locale, key, vars);
  }

  override render() {
    const c = this.community;
    const polygonFeature =
      this.feature?.type === 'feature' &&
      (this.feature.geometry.type === 'Polygon' || this.feature.geometry.type === 'MultiPolygon');
    const others = this.communities
      .filter((x) => !c || String(x.properties.id) !== String(c.properties.id))
      .toSorted((a, b) => a.properties.name.localeCompare(b.properties.name, 'zh-CN'));
    return html`<section aria-labelledby="boundary-title">
      <h2 id="boundary-title">${this._t('boundary.title')}</h2>
      <div class="body">
        <div class="row">
          <button
            data-action="boundary-draw"
            class=${this.mode === 'draw' ? 'primary' : ''}
            ?disabled=${this.busy}
            @click=${() => this._emit({ action: 'draw' })}
          >
            ⬠ ${this._t('boundary.draw')}
          </button>
          ${
            polygonFeature
              ? html`<button
                  data-action="boundary-promote"
                  ?disabled=${this.busy}
                  @click=${() => this._emit({ action: 'promote' })}
                >
                  ⇪ ${this._t('boundary.promote')}
                </button>`
              : nothing
          }
        </div>
        ${this.mode !== 'idle' ? html`<p class="hint">${this._t(`boundary.hint.${this.mode}`)}</p>` : nothing}
        ${c ? this._renderCommunityTools(c, others) : html`<p class="hint">${this._t('boundary.pick')}</p>`}
        ${
          this.error
            ? html`<div class="error" role="alert">
                <span>${this.error}</span>
                <button @click=${() => this._emit({ action: 'dismiss' })} aria-label="×">×</button>
              </div>`
            : nothing
        }
      </div>
      ${this.pending ? this._renderDialog(this.pending) : nothing}
    </section>`;
  }

  private _renderCommunityTools(c: CommunityFeature, others: CommunityFeature[]) {
    const editing = this.mode === 'edit';
    return html`
      <form
        class="row"
        @submit=${(e: Event) => {
          e.preventDefault();
          const input = (e.target as HTMLFormElement).elements.namedItem(
            'name',
          ) as HTMLInputElement;
          this._emit({ action: 'rename', name: input.value });
        }}
      >
        <input
          type="text"
          name="name"
          aria-label=${this._t('boundary.renameLabel')}
          .value=${c.properties.name}
          maxlength="200"
        />
        <button type="submit" data-action="boundary-rename" ?disabled=${this.busy}>
          ${this._t('boundary.rename')}
        </button>
      </form>
      <div class="row">
        ${
          editing
            ? html`<button
                  class="primary"
                  data-action="boundary-finish-edit"
                  ?disabled=${!this.edited || this.busy}
                  @click=${() => this._emit({ action: 'finish-edit' })}
                >
                  ${this._t('boundary.finishEdit')}
                </button>
                <button @click=${() => this._emit({ action: 'cancel' })}>
                  ${this._t('boundary.cancel')}
                </button>`
            : html`<button
                data-action="boundary-edit"
                ?disabled=${this.busy}
                @click=${() => this._emit({ action: 'edit' })}
              >
                ✎ ${this._t('boundary.edit')}
              </button>`
        }
        <button
          data-action="boundary-split"
          class=${this.mode === 'split' ? 'primary' : ''}
          ?disabled=${this.busy}
          @click=${() => this._emit({ action: 'split' })}
        >
          ✂ ${this._t('boundary.split')}
        </button>
      </div>
      <div class="row">
        <select
          aria-label=${this._t('boundary.mergeWith')}
          data-field="merge-with"
          @change=${(e: Event) => (this._mergeWith = (e.target as HTMLSelectElement).value)}
        >
          <option value="" ?selected=${this._mergeWith === ''}>
            ${this._t('boundary.mergeWith')}
          </option>
          ${others.map(
            (o) =>
              html`<option
                value=${String(o.properties.id)}
                ?selected=${this._mergeWith === String(o.properties.id)}
              >
                ${o.properties.name}
              </option>`,
          )}
        </select>
        <button
          data-action="boundary-merge"
          ?disabled=${!this._mergeWith || this.busy}
          @click=${() => this._emit({ action: 'merge', otherId: this._mergeWith })}
        >
          ∪ ${this._t('boundary.merge')}
        </button>
      </div>
    `;
  }

  private _renderDialog(p: PendingBoundaryChange) {
    const title = this._t(`boundary.op.${p.request.op}`);
    return html`<div
      class="backdrop"
      @click=${(e: Event) => e.target === e.currentTarget && this._emit({ action: 'cancel' })}
    >
      <div class="dialog" role="dialog" aria-modal="true" aria-label=${title}>
        <h3>${title}</h3>
        ${
          p.name !== null
            ? html`<div class="row">
                <input
                  type="text"
                  data-field="boundary-name"
                  aria-label=${this._t('boundary.nameLabel')}
                  placeholder=${this._t('boundary.nameLabel')}
                  .value=${p.name}
                  maxlength="200"
                  @input=${(e: Event) => this._emit({ action: 'name', name: (e.target as HTMLInputElement).value })}
                />
              </div>`
            : nothing
        }
        ${p.preview ? this._renderPreview(p.preview) : html`<p class="hint">${this._t('boundary.previewing')}</p>`}
        <div class="actions">
          <button data-action="boundary-cancel" @click=${() => this._emit({ action: 'cancel' })}>
            ${this._t('boundary.cancel')}
          </button>
          <button
            class="primary"
            data-action="boundary-confirm"
            ?disabled=${!p.preview || this.busy || (p.name !== null && !p.name.trim())}
            @click=${() => this._emit({ action: 'confirm' })}
          >
            ${this._t('boundary.confirm')}
          </button>
        </div>
      </div>
    </div>`;
  }

  private _renderPreview(change: BoundaryChange) {
    const n = (v: number | null) => (v === null ? '—' : formatNumber(this.locale, v, 0));
    const ids = [...new Set([...change.before, ...change.after].map((c) => c.id))];
    const before = new Map(change.before.map((c) => [c.id, c]));
    const after = new Map(change.after.map((c) => [c.id, c]));
    const cell = (
      b: BoundaryCounts | undefined,
      a: BoundaryCounts | undefined,
      key: 'buildingCount' | 'households',
    ) => {
      const x = b ? b[key] : null;
      const y = a ? a[key] : null;
      const cls = x !== null && y !== null && y !== x ? (y > x ? 'up' : 'down') : '';
      return html`<td>
        ${b ? n(x) : this._t('boundary.new')} →
        <span class=${cls}>${a ? n(y) : this._t('boundary.gone')}</span>
      </td>`;
    };
    return html`<table data-preview>
        <thead>
          <tr>
            <th>${this._t('boundary.col.community')}</th>
            <th>${this._t('boundary.col.buildings')}</th>
            <th>${this._t('boundary.col.households')}</th>
          </tr>
        </thead>
        <tbody>
          ${ids.map((id) => {
            const b = before.get(id);
            const a = after.get(id);
            const name =
              (this.pending?.name && !b ? this.pending.name : null) ??
              a?.name ??
              b?.name ??
              String(id);
            return html`<tr>
              <td>${name}</td>
              ${cell(b, a, 'buildingCount')} ${cell(b, a, 'households')}
            </tr>`;
          })}
        </tbody>
      </table>
      <p class="hint">
        ${this._t('boundary.moved', {
          n: change.moved,
          into: change.movedFromContext,
          out: change.movedToContext,
        })}
      </p>`;
  }

  private _emit(detail: BoundaryAction): void {
    this.dispatchEvent(
      new CustomEvent('rpm-boundary-action', { detail, bubbles: true, composed: true }),
    );
  }
}

customElements.define('rpm-boundary-tools', RpmBoundaryTools);

declare global {
  interface HTMLElementTagNameMap {
    'rpm-boundary-tools': RpmBoundaryTools;
  }
}
