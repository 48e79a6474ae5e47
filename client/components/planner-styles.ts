import { css } from 'lit';

/** Shared look of the planner's panels and buttons (sections, buttons, small form fields). */
export const plannerStyles = css`
  :host {
    display: block;
  }
  h2 {
    margin: 0;
    padding: var(--rpm-space-3) var(--rpm-space-4);
    font-size: var(--rpm-font-size-l);
    font-weight: 600;
    border-bottom: 1px solid var(--rpm-color-border);
  }
  .body {
    padding: var(--rpm-space-3) var(--rpm-space-4);
  }
  button {
    font: inherit;
    border: 1px solid var(--rpm-color-border-strong);
    background: var(--rpm-color-surface);
    color: var(--rpm-color-text);
    border-radius: var(--rpm-radius-s);
    padding: 3px 10px;
    cursor: pointer;
  }
  button:hover:not(:disabled) {
    background: var(--rpm-color-surface-muted);
  }
  button:disabled {
    opacity: 0.45;
    cursor: default;
  }
  button.primary {
    background: var(--rpm-color-brand);
    border-color: var(--rpm-color-brand);
    color: #fff;
  }
  button.primary:hover:not(:disabled) {
    background: var(--rpm-color-brand-strong);
  }
  button.danger {
    color: var(--rpm-color-danger);
  }
  button:focus-visible,
  input:focus-visible,
  select:focus-visible {
    outline: 2px solid var(--rpm-color-focus);
    outline-offset: 1px;
  }
  input[type='text'],
  input[type='number'],
  select {
    font: inherit;
    padding: 3px 6px;
    border: 1px solid var(--rpm-color-border-strong);
    border-radius: var(--rpm-radius-s);
    background: var(--rpm-color-surface);
    min-width: 0;
  }
  .muted {
    color: var(--rpm-color-text-muted);
    font-size: var(--rpm-font-size-s);
    line-height: 1.5;
  }
`;
