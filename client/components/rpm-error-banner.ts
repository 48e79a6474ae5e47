import { css, html, LitElement } from 'lit';
import { translate, type Locale } from '../i18n/translate';

/**
 * A dismissible error banner (role=alert) with an optional retry. The message is already
 * localised by the caller; emits `rpm-retry` and `rpm-dismiss`.
 */
export class RpmErrorBanner extends LitElement {
  static override properties = {
    locale: {},
    message: {},
    retryable: { type: Boolean },
  };

  locale: Locale = 'zh-CN';
  message = '';
  retryable = false;

  static override styles = css`
    :host {
      display: block;
    }
    .banner {
      display: flex;
      align-items: flex-start;
      gap: var(--rpm-space-3);
      padding: var(--rpm-space-3) var(--rpm-space-4);
      background: var(--rpm-color-danger-soft);
      border: 1px solid #f4c7c3;
      border-left: 4px solid var(--rpm-color-danger);
      border-radius: var(--rpm-radius-m);
      box-shadow: var(--rpm-shadow-m);
      color: var(--rpm-color-text);
    }
    .icon {
      flex: none;
      width: 18px;
      height: 18px;
      margin-top: 1px;
      color: var(--rpm-color-danger);
    }
    .text {
      flex: 1;
      min-width: 0;
    }
    strong {
      display: block;
      color: var(--rpm-color-danger);
      margin-bottom: 2px;
    }
    .message {
      word-break: break-word;
    }
    button {
      font: inherit;
      font-size: var(--rpm-font-size-s);
      padding: 4px 10px;
      border-radius: var(--rpm-radius-s);
      border: 1px solid var(--rpm-color-border-strong);
      background: #fff;
      cursor: pointer;
      white-space: nowrap;
    }
    button.primary {
      background: var(--rpm-color-danger);
      border-color: var(--rpm-color-danger);
      color: #fff;
    }
  `;

  override render() {
    return html`<div class="banner" role="alert">
      <svg class="icon" viewBox="0 0 20 20" aria-hidden="true">
        <circle cx="10" cy="10" r="9" fill="currentColor" />
        <path d="M10 5v6" stroke="#fff" stroke-width="2" stroke-linecap="round" />
        <circle cx="10" cy="14.5" r="1.2" fill="#fff" />
      </svg>
      <div class="text">
        <strong>${translate(this.locale, 'error.title')}</strong>
        <span class="message">${this.message}</span>
      </div>
      ${
        this.retryable
          ? html`<button type="button" class="primary" @click=${() => this._emit('rpm-retry')}>
              ${translate(this.locale, 'error.retry')}
            </button>`
          : ''
      }
      <button type="button" @click=${() => this._emit('rpm-dismiss')}>
        ${translate(this.locale, 'error.dismiss')}
      </button>
    </div>`;
  }

  private _emit(type: string): void {
    this.dispatchEvent(new CustomEvent(type, { bubbles: true, composed: true }));
  }
}

customElements.define('rpm-error-banner', RpmErrorBanner);

declare global {
  interface HTMLElementTagNameMap {
    'rpm-error-banner': RpmErrorBanner;
  }
}
