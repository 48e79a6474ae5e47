import { css, html, LitElement } from 'lit';
import type { StoryView } from '../api/story-types';
import { translate, type Locale } from '../i18n/translate';

/**
 * Assembling a story (演示): a title, the views saved so far (caption, compare mode), a caption
 * for the next view and "Add view" (the app captures camera, layers, scenario and compare
 * mode), "Save" (with the project; then a shareable link) and "Present".
 *
 * Emits `rpm-story-title` (`{ title }`), `rpm-story-add` (`{ caption }`), `rpm-story-remove`
 * (`{ index }`), `rpm-story-save` and `rpm-story-present`.
 */
export class RpmStoryPanel extends LitElement {
  static override properties = {
    locale: {},
    storyTitle: {},
    views: { attribute: false },
    link: {},
    saving: { type: Boolean },
    error: {},
    _caption: { state: true },
  };

  locale: Locale = 'zh-CN';
  storyTitle = '';
  views: readonly StoryView[] = [];
  link: string | null = null;
  saving = false;
  error: string | null = null;
  private _caption = '';

  static override styles = css`
    :host {
      display: block;
      padding: var(--rpm-space-2) var(--rpm-space-3);
      border-bottom: 1px solid var(--rpm-color-border);
      font-size: var(--rpm-font-size-s);
    }
    h3 {
      margin: 0 0 6px;
      font-size: var(--rpm-font-size-m);
    }
    input {
      font: inherit;
      width: 100%;
      box-sizing: border-box;
      padding: 3px 6px;
      margin-bottom: 4px;
    }
    ol {
      margin: 2px 0 6px;
      padding-left: 20px;
    }
    li button {
      border: 0;
      background: none;
      color: var(--rpm-color-text-faint);
      cursor: pointer;
    }
    .row {
      display: flex;
      gap: 6px;
      flex-wrap: wrap;
    }
    .row button {
      font: inherit;
      padding: 3px 8px;
      cursor: pointer;
    }
    .link {
      word-break: break-all;
      margin-top: 4px;
    }
    .error {
      color: var(--rpm-color-danger);
    }
  `;

  override render() {
    const t = (k: Parameters<typeof translate>[1], v?: Record<string, string | number>) =>
      translate(this.locale, k, v);
    return html`
      <h3>${t('story.title')}</h3>
      <input
        name="story-title"
        placeholder=${t('story.titlePlaceholder')}
        .value=${this.storyTitle}
        @input=${(e: Event) =>
          this._emit('rpm-story-title', { title: (e.target as HTMLInputElement).value })}
      />
      <ol>
        ${this.views.map(
          (v, i) =>
            html`<li>
              ${v.caption || t('story.noCaption')}
              ${v.compareMode !== 'none' ? html`(${t(`compare.mode.${v.compareMode}`)})` : ''}
              <button
                aria-label=${t('story.removeView', { n: i + 1 })}
                @click=${() => this._emit('rpm-story-remove', { index: i })}
              >
                ×
              </button>
            </li>`,
        )}
      </ol>
      <input
        name="story-caption"
        placeholder=${t('story.captionPlaceholder')}
        .value=${this._caption}
        @input=${(e: Event) => (this._caption = (e.target as HTMLInputElement).value)}
      />
      <div class="row">
        <button data-action="add-view" @click=${this._add}>${t('story.addView')}</button>
        <button
          data-action="save-story"
          ?disabled=${this.saving || this.views.length === 0}
          @click=${() => this._emit('rpm-story-save', {})}
        >
          ${this.saving ? t('story.saving') : t('story.save')}
        </button>
        <button
          data-action="present"
          ?disabled=${this.views.length === 0}
          @click=${() => this._emit('rpm-story-present', {})}
        >
          ${t('present.start')}
        </button>
      </div>
      ${this.link ? html`<div class="link">${t('story.link')}: <a href=${this.link}>${this.link}</a></div>` : ''}
      ${this.error ? html`<div class="error">${this.error}</div>` : ''}
    `;
  }

  private readonly _add = (): void => {
    this._emit('rpm-story-add', { caption: this._caption.trim() });
    this._caption = '';
  };

  private _emit(type: string, detail: unknown): void {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }
}

customElements.define('rpm-story-panel', RpmStoryPanel);

declare global {
  interface HTMLElementTagNameMap {
    'rpm-story-panel': RpmStoryPanel;
  }
}
