import { css, html, LitElement } from 'lit';
import { translate, type Locale } from '../i18n/translate';

/**
 * The presentation overlay: the story's title, the current view's caption in large type, the
 * step (2 / 5) and previous / next / exit buttons for a mouse. The keys are the controller's
 * (→ ← PageDown PageUp Space, Esc). Emits `rpm-present-step` (`{ delta }`) and
 * `rpm-present-exit`.
 */
export class RpmPresenter extends LitElement {
  static override properties = {
    locale: {},
    storyTitle: {},
    caption: {},
    index: { type: Number },
    count: { type: Number },
  };

  locale: Locale = 'zh-CN';
  storyTitle = '';
  caption = '';
  index = 0;
  count = 0;

  static override styles = css`
    :host {
      position: absolute;
      left: 0;
      right: 0;
      bottom: 0;
      z-index: 6;
      display: flex;
      align-items: flex-end;
      justify-content: space-between;
      gap: 24px;
      padding: 20px 32px 28px;
      background: linear-gradient(to top, rgb(13 24 38 / 0.88), rgb(13 24 38 / 0));
      color: #fff;
      pointer-events: none;
    }
    .text {
      max-width: 70%;
    }
    .title {
      font-size: 20px;
      opacity: 0.8;
    }
    .caption {
      font-size: clamp(28px, 3.2vw, 48px);
      font-weight: 700;
      line-height: 1.25;
      text-shadow: 0 2px 6px rgb(0 0 0 / 0.5);
    }
    .controls {
      display: flex;
      align-items: center;
      gap: 10px;
      font-size: 22px;
      pointer-events: auto;
    }
    button {
      font: inherit;
      font-size: 22px;
      min-width: 48px;
      padding: 6px 14px;
      border: 1px solid rgb(255 255 255 / 0.6);
      border-radius: var(--rpm-radius-m);
      background: rgb(255 255 255 / 0.12);
      color: #fff;
      cursor: pointer;
    }
    .step {
      font-variant-numeric: tabular-nums;
    }
  `;

  override render() {
    const t = (k: Parameters<typeof translate>[1]) => translate(this.locale, k);
    return html`
      <div class="text">
        <div class="title">${this.storyTitle}</div>
        <div class="caption" aria-live="polite">${this.caption}</div>
      </div>
      <div class="controls">
        <button
          aria-label=${t('present.prev')}
          @click=${() => this._emit('rpm-present-step', { delta: -1 })}
        >
          ←
        </button>
        <span class="step">${this.index + 1} / ${this.count}</span>
        <button
          aria-label=${t('present.next')}
          @click=${() => this._emit('rpm-present-step', { delta: 1 })}
        >
          →
        </button>
        <button aria-label=${t('present.exit')} @click=${() => this._emit('rpm-present-exit', {})}>
          Esc
        </button>
      </div>
    `;
  }

  private _emit(type: string, detail: unknown): void {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }
}

customElements.define('rpm-presenter', RpmPresenter);

declare global {
  interface HTMLElementTagNameMap {
    'rpm-presenter': RpmPresenter;
  }
}
