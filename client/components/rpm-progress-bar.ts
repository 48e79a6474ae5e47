import { css, html, LitElement } from 'lit';

/**
 * A thin determinate (value/max) or indeterminate (no max) progress bar with a caption,
 * announced to assistive technology as a progressbar.
 */
export class RpmProgressBar extends LitElement {
  static override properties = {
    value: { type: Number },
    max: { type: Number },
    label: {},
  };

  value = 0;
  /** 0 means indeterminate. */
  max = 0;
  label = '';

  static override styles = css`
    :host {
      display: block;
      pointer-events: none;
    }
    .track {
      height: 4px;
      background: rgb(31 78 121 / 0.15);
      overflow: hidden;
    }
    .fill {
      height: 100%;
      background: var(--rpm-color-brand);
      transition: width 0.25s ease-out;
    }
    .indeterminate .fill {
      width: 30%;
      animation: slide 1.1s ease-in-out infinite;
    }
    @keyframes slide {
      from {
        transform: translateX(-100%);
      }
      to {
        transform: translateX(340%);
      }
    }
    .caption {
      display: inline-block;
      margin: 8px 12px;
      padding: 4px 12px;
      font-size: var(--rpm-font-size-s);
      color: var(--rpm-color-brand-strong);
      background: rgb(255 255 255 / 0.94);
      border: 1px solid var(--rpm-color-border);
      border-radius: 999px;
      box-shadow: var(--rpm-shadow-s);
    }
  `;

  override render() {
    const determinate = this.max > 0;
    const pct = determinate ? Math.min(100, Math.round((this.value / this.max) * 100)) : 0;
    return html`
      <div
        class="track ${determinate ? '' : 'indeterminate'}"
        role="progressbar"
        aria-label=${this.label}
        aria-valuemin="0"
        aria-valuemax=${determinate ? this.max : 100}
        aria-valuenow=${determinate ? this.value : 0}
      >
        <div class="fill" style=${determinate ? `width:${pct}%` : ''}></div>
      </div>
      ${this.label ? html`<span class="caption">${this.label}</span>` : ''}
    `;
  }
}

customElements.define('rpm-progress-bar', RpmProgressBar);

declare global {
  interface HTMLElementTagNameMap {
    'rpm-progress-bar': RpmProgressBar;
  }
}
