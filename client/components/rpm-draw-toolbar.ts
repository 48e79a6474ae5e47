import { css, html, LitElement, nothing } from 'lit';
import { ApiError } from '../api/api-error';
import type { SaveState } from '../data/planner-state';
import { translate, type Locale, type MessageKey } from '../i18n/translate';
import { DRAW_TOOLS, TOOL_KEYS, type DrawTool } from '../map/draw-tools';
import { plannerStyles } from './planner-styles';

const TOOL_ICONS: Record<DrawTool, string> = {
  select: '↖',
  lot: '⬠',
  lotRect: '▭',
  kerb: '╱',
  fireLane: '═',
  tree: '♣',
  facility: '✚',
  boundary: '⬠',
  boundarySplit: '✂',
};

/**
 * The drawing toolbar over the map: tools (with their shortcut keys), undo/redo, delete, a hint
 * for the active tool and the saving state. Emits `rpm-tool-change` `{ tool }`, `rpm-undo`,
 * `rpm-redo` and `rpm-delete-selected`.
 */
export class RpmDrawToolbar extends LitElement {
  static override properties = {
    locale: {},
    tool: {},
    editable: { type: Boolean },
    canUndo: { type: Boolean },
    canRedo: { type: Boolean },
    canDelete: { type: Boolean },
    save: { attribute: false },
    note: {},
  };

  locale: Locale = 'zh-CN';
  tool: DrawTool = 'select';
  editable = false;
  canUndo = false;
  canRedo = false;
  canDelete = false;
  save: SaveState = { status: 'idle' };
  /** A line under the save state about the last placed feature (e.g. outside the community). */
  note: string | null = null;

  static override styles = [
    plannerStyles,
    css`
      :host {
        display: flex;
        flex-direction: column;
        gap: 6px;
        align-items: flex-start;
      }
      .bar {
        display: flex;
        gap: 2px;
        padding: 4px;
        background: var(--rpm-color-surface);
        border: 1px solid var(--rpm-color-border);
        border-radius: var(--rpm-radius-m);
        box-shadow: var(--rpm-shadow-m);
      }
      .bar button {
        border-color: transparent;
        min-width: 34px;
        padding: 4px 8px;
        display: flex;
        align-items: center;
        gap: 4px;
      }
      .bar button[aria-pressed='true'] {
        background: var(--rpm-color-brand-soft);
        border-color: var(--rpm-color-brand);
        color: var(--rpm-color-brand);
      }
      .sep {
        width: 1px;
        background: var(--rpm-color-border);
        margin: 2px 4px;
      }
      kbd {
        font-family: var(--rpm-font-mono);
        font-size: 10px;
        color: var(--rpm-color-text-faint);
      }
      .hint,
      .status {
        font-size: var(--rpm-font-size-s);
        background: rgb(255 255 255 / 0.92);
        border-radius: var(--rpm-radius-s);
        padding: 3px 8px;
        box-shadow: var(--rpm-shadow-s);
      }
      .status[data-state='error'] {
        color: var(--rpm-color-danger);
        background: var(--rpm-color-danger-soft);
      }
      .status[data-state='saved'] {
        color: rgb(46 125 50);
      }
      .note {
        font-size: var(--rpm-font-size-s);
        background: rgb(255 248 225 / 0.95);
        border-radius: var(--rpm-radius-s);
        padding: 3px 8px;
        max-width: 28em;
      }
    `,
  ];

  override render() {
    const t = (k: MessageKey) => translate(this.locale, k);
    return html`
      <div class="bar" role="toolbar" aria-label=${t('tool.label')}>
        ${DRAW_TOOLS.map((tool) => {
          const label = t(`tool.${tool}` as MessageKey);
          return html`<button
            data-tool=${tool}
            aria-pressed=${this.tool === tool ? 'true' : 'false'}
            title="${label} (${TOOL_KEYS[tool]})"
            ?disabled=${tool !== 'select' && !this.editable}
            @click=${() => this._emit('rpm-tool-change', { tool })}
          >
            <span aria-hidden="true">${TOOL_ICONS[tool]}</span> ${label}
            <kbd>${TOOL_KEYS[tool]}</kbd>
          </button>`;
        })}
        <span class="sep"></span>
        <button
          data-action="undo"
          title="${t('tool.undo')} (Ctrl+Z)"
          aria-label=${t('tool.undo')}
          ?disabled=${!this.canUndo}
          @click=${() => this._emit('rpm-undo', {})}
        >
          ↶
        </button>
        <button
          data-action="redo"
          title="${t('tool.redo')} (Ctrl+Shift+Z)"
          aria-label=${t('tool.redo')}
          ?disabled=${!this.canRedo}
          @click=${() => this._emit('rpm-redo', {})}
        >
          ↷
        </button>
        <button
          data-action="delete"
          title="${t('tool.delete')} (Delete)"
          aria-label=${t('tool.delete')}
          ?disabled=${!this.canDelete}
          @click=${() => this._emit('rpm-delete-selected', {})}
        >
          ✖
        </button>
      </div>
      <div class="hint">${t(`tool.hint.${this.tool}` as MessageKey)}</div>
      ${this._renderStatus()}
    `;
  }

  private _renderStatus() {
    const s = this.save;
    if (s.status === 'idle') return nothing;
    let text: string;
    if (s.status === 'saving') {
      text =
        s.total > 1
          ? translate(this.locale, 'save.progress', { done: s.done, total: s.total })
          : translate(this.locale, 'save.saving');
    } else if (s.status === 'saved') {
      text = translate(this.locale, 'save.saved');
    } else {
      const message =
        s.error instanceof ApiError || s.error instanceof Error ? s.error.message : String(s.error);
      text = translate(this.locale, 'save.error', { message });
    }
    const note =
      this.note && s.status === 'saved'
        ? html`<div class="note" data-note>${this.note}</div>`
        : nothing;
    return html`<div class="status" role="status" data-state=${s.status}>${text}</div>
      ${note}`;
  }

  private _emit(type: string, detail: unknown): void {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }
}

customElements.define('rpm-draw-toolbar', RpmDrawToolbar);

declare global {
  interface HTMLElementTagNameMap {
    'rpm-draw-toolbar': RpmDrawToolbar;
  }
}
