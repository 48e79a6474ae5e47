import { css, html, LitElement, nothing } from 'lit';
import type { HistoryEntry, HistoryLink, ReviewAction, ReviewStatus } from '../api/review';
import { translate, type Locale } from '../i18n/translate';
import { plannerStyles } from './planner-styles';

/** Links the map can open (select and fly to); the others are shown as text only. */
const MAP_LINKS = new Set<HistoryLink['type']>(['feature', 'scenario', 'community']);

/**
 * The review of the active proposal: its state, the steps the signed-in role may take now
 * (planner: submit / resubmit; reviewer: return / approve; both comment), a comment box that
 * can pin the comment to the map, and the history of every state change and edit. Emits
 * `rpm-review-step` `{ action, text, pin }` and `rpm-review-locate` `{ at }` and `rpm-history-open` `{ link }`.
 */
export class RpmReviewPanel extends LitElement {
  static override properties = {
    locale: {},
    status: { attribute: false },
    history: { attribute: false },
    canEdit: { type: Boolean },
    canReview: { type: Boolean },
    busy: { type: Boolean },
    error: {},
    _pin: { state: true },
    _showHistory: { state: true },
    _text: { state: true },
  };

  locale: Locale = 'zh-CN';
  status: ReviewStatus | null = null;
  history: HistoryEntry[] = [];
  canEdit = false;
  canReview = false;
  busy = false;
  error = '';
  private _pin = true;
  private _showHistory = true;
  private _text = '';

  static override styles = [
    plannerStyles,
    css`
      .state {
        display: inline-block;
        padding: 2px 8px;
        border-radius: 999px;
        font-weight: 600;
        background: #e5e7eb;
      }
      .state[data-state='submitted'] {
        background: #dbeafe;
        color: #1e40af;
      }
      .state[data-state='returned'] {
        background: #fee2e2;
        color: #991b1b;
      }
      .state[data-state='approved'] {
        background: #dcfce7;
        color: #166534;
      }
      textarea {
        width: 100%;
        box-sizing: border-box;
        font: inherit;
        min-height: 48px;
      }
      .steps {
        display: flex;
        flex-wrap: wrap;
        gap: 6px;
        margin: 6px 0;
      }
      ol {
        margin: 4px 0 0;
        padding-left: 18px;
        font-size: var(--rpm-font-size-s);
      }
      button.link {
        border: none;
        background: none;
        color: #1d4ed8;
        padding: 0 2px;
        cursor: pointer;
        text-decoration: underline;
      }
      li {
        margin-bottom: 4px;
      }
      .when {
        color: var(--rpm-color-muted, #6b7280);
      }
      .error {
        color: #b91c1c;
      }
    `,
  ];

  override render() {
    const t = (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>) =>
      translate(this.locale, key, vars);
    const status = this.status;
    if (!status) return nothing;
    if (status.kind === 'baseline')
      return html`<h2>${t('review.title')}</h2>
        <div class="body muted">${t('review.baseline')}</div>`;
    const mine = status.allowed.filter((a) =>
      a === 'comment'
        ? this.canEdit || this.canReview
        : a === 'submit' || a === 'resubmit'
          ? this.canEdit
          : this.canReview,
    );
    return html`<h2>${t('review.title')}</h2>
      <div class="body">
        <span class="state" data-review-state=${status.reviewState} data-state=${status.reviewState}
          >${t(`review.state.${status.reviewState}`)}</span
        >
        ${
          mine.length
            ? html`<textarea
                  data-field="review-text"
                  placeholder=${t('review.comment')}
                  .value=${this._text}
                  @input=${(e: Event) => (this._text = (e.target as HTMLTextAreaElement).value)}
                ></textarea>
                ${
                  mine.includes('comment') || mine.includes('return')
                    ? html`<label class="muted"
                        ><input
                          type="checkbox"
                          data-field="review-pin"
                          .checked=${this._pin}
                          @change=${(e: Event) => (this._pin = (e.target as HTMLInputElement).checked)}
                        />
                        ${t('review.pin')}</label
                      >`
                    : nothing
                }
                <div class="steps">
                  ${mine.map(
                    (a) =>
                      html`<button
                        type="button"
                        class=${a === 'approve' || a === 'submit' || a === 'resubmit' ? 'primary' : ''}
                        data-review-action=${a}
                        ?disabled=${this.busy}
                        @click=${() => this._step(a)}
                      >
                        ${t(`review.action.${a}`)}
                      </button>`,
                  )}
                </div>`
            : nothing
        }
        ${this.error ? html`<div class="error" role="alert">${this.error}</div>` : nothing}
        <button type="button" @click=${() => (this._showHistory = !this._showHistory)}>
          ${t(this._showHistory ? 'history.hide' : 'history.show')}
        </button>
        ${this._showHistory ? this._renderHistory() : nothing}
      </div>`;
  }

  private _renderHistory() {
    const t = (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>) =>
      translate(this.locale, key, vars);
    if (this.history.length === 0) return html`<div class="muted">${t('history.empty')}</div>`;
    const when = (iso: string) =>
      new Date(iso).toLocaleString(this.locale, { dateStyle: 'short', timeStyle: 'short' });
    let pin = 0;
    return html`<ol class="history" aria-label=${t('history.title')}>
      ${this.history.map((e) =>
        e.type === 'review'
          ? html`<li data-history="review" data-action=${e.action}>
              <span class="when">${when(e.at)}</span> <b>${e.displayName ?? e.username}</b>
              ${t(`review.action.${e.action}`)} ${e.body ? html`: “${e.body}”` : nothing}
              ${
                e.point
                  ? html`<button
                      type="button"
                      data-action="locate"
                      title=${t('review.pinned', { lon: e.point[0].toFixed(5), lat: e.point[1].toFixed(5) })}
                      @click=${() => this._emit('rpm-review-locate', { at: e.point })}
                    >
                      ◎ ${++pin} ${t('review.locate')}
                    </button>`
                  : nothing
              }
            </li>`
          : this._renderEdit(e, when(e.at)),
      )}
    </ol>`;
  }

  /** An edit as its sentence, with a link that selects the object on the map and flies to it. */
  private _renderEdit(e: Extract<HistoryEntry, { type: 'edit' }>, when: string) {
    const t = (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>) =>
      translate(this.locale, key, vars);
    const sentence = e.sentence ? (this.locale === 'en' ? e.sentence.en : e.sentence.zh) : null;
    const link = e.link && MAP_LINKS.has(e.link.type) ? e.link : null;
    return html`<li data-history="edit">
      <span class="when">${when}</span>
      ${
        sentence
          ? html`<span class="sentence">${sentence}</span>`
          : html`<b>${e.username ?? '—'}</b>
              ${t('history.edit', { method: e.method, route: e.route.replace('/api/', '') })}
              ${e.entityId ? html`#${e.entityId}` : nothing}`
      }
      ${
        link
          ? html`<button
              type="button"
              class="link"
              data-action="open-link"
              data-link=${`${link.type}:${link.id}`}
              title=${t(`history.link.${link.type as 'feature'}`, { id: link.id })}
              @click=${() => this._emit('rpm-history-open', { link })}
            >
              ◎ ${t(`history.link.${link.type as 'feature'}`, { id: link.id })}
            </button>`
          : nothing
      }
    </li>`;
  }

  private _step(action: ReviewAction): void {
    this._emit('rpm-review-step', {
      action,
      text: this._text.trim(),
      pin: this._pin && (action === 'comment' || action === 'return'),
    });
    this._text = '';
  }

  private _emit(name: string, detail: unknown): void {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }
}

customElements.define('rpm-review-panel', RpmReviewPanel);

declare global {
  interface HTMLElementTagNameMap {
    'rpm-review-panel': RpmReviewPanel;
  }
}
