import { css, html, LitElement, nothing } from 'lit';
import type { SessionUser } from '../api/auth';
import { translate, type Locale } from '../i18n/translate';

/**
 * Sign-in in the header: a button that opens a small form (username, password) when signed
 * out; the account's name and role with a sign-out button when signed in. Emits `rpm-login`
 * `{ username, password }` and `rpm-logout`; the session controller talks to the server.
 */
export class RpmLoginControl extends LitElement {
  static override properties = {
    locale: {},
    user: { attribute: false },
    error: {},
    busy: { type: Boolean },
    _open: { state: true },
  };

  locale: Locale = 'zh-CN';
  user: SessionUser | null = null;
  /** The last sign-in failure, already localised. */
  error = '';
  busy = false;
  private _open = false;

  static override styles = css`
    :host {
      position: relative;
      display: inline-flex;
      align-items: center;
      gap: 8px;
      font-size: var(--rpm-font-size-s);
      color: #fff;
    }
    button {
      font: inherit;
      color: #fff;
      background: rgb(255 255 255 / 0.12);
      border: 1px solid rgb(255 255 255 / 0.35);
      border-radius: var(--rpm-radius-s);
      padding: 4px 10px;
      cursor: pointer;
    }
    .role {
      padding: 2px 8px;
      border-radius: 999px;
      background: rgb(255 255 255 / 0.18);
    }
    form {
      position: absolute;
      top: calc(100% + 8px);
      right: 0;
      z-index: 20;
      display: grid;
      gap: 8px;
      width: 220px;
      padding: 12px;
      color: var(--rpm-color-text);
      background: var(--rpm-color-surface, #fff);
      border: 1px solid var(--rpm-color-border);
      border-radius: var(--rpm-radius-m, 8px);
      box-shadow: 0 8px 24px rgb(0 0 0 / 0.18);
    }
    form label {
      display: grid;
      gap: 2px;
    }
    form input {
      font: inherit;
      padding: 4px 6px;
    }
    form button {
      color: var(--rpm-color-text);
      background: #fff;
      border-color: var(--rpm-color-border);
    }
    form button.primary {
      color: #fff;
      background: var(--rpm-color-brand, #2563eb);
    }
    .error {
      color: #b91c1c;
    }
  `;

  override render() {
    const t = (key: Parameters<typeof translate>[1]) => translate(this.locale, key);
    if (this.user) {
      return html`<span class="who" data-username=${this.user.username}
          >${this.user.displayName}</span
        >
        <span class="role" data-role=${this.user.role}>${t(`auth.role.${this.user.role}`)}</span>
        <button type="button" data-action="logout" @click=${this._logout}>
          ${t('auth.logout')}
        </button>`;
    }
    return html`<button
        type="button"
        data-action="open-login"
        aria-expanded=${this._open ? 'true' : 'false'}
        @click=${() => (this._open = !this._open)}
      >
        ${t('auth.login')}
      </button>
      ${
        this._open
          ? html`<form @submit=${this._submit}>
              <label
                >${t('auth.username')}<input name="username" autocomplete="username" required
              /></label>
              <label
                >${t('auth.password')}<input
                  name="password"
                  type="password"
                  autocomplete="current-password"
                  required
              /></label>
              ${this.error ? html`<div class="error" role="alert">${this.error}</div>` : nothing}
              <button class="primary" type="submit" ?disabled=${this.busy}>
                ${t('auth.submit')}
              </button>
              <button type="button" @click=${() => (this._open = false)}>
                ${t('auth.cancel')}
              </button>
            </form>`
          : nothing
      }`;
  }

  override updated(): void {
    if (this.user && this._open) this._open = false;
  }

  private _submit(e: Event): void {
    e.preventDefault();
    const form = new FormData(e.target as HTMLFormElement);
    this.dispatchEvent(
      new CustomEvent('rpm-login', {
        detail: {
          username: String(form.get('username') ?? ''),
          password: String(form.get('password') ?? ''),
        },
        bubbles: true,
        composed: true,
      }),
    );
  }

  private _logout(): void {
    this.dispatchEvent(new CustomEvent('rpm-logout', { bubbles: true, composed: true }));
  }
}

customElements.define('rpm-login-control', RpmLoginControl);

declare global {
  interface HTMLElementTagNameMap {
    'rpm-login-control': RpmLoginControl;
  }
}
