import { css, html, LitElement } from 'lit';
import { stageKey } from '../../domain/model/renewal-stages';
import { adoptStylesInto } from './adopt-styles-into';
import type { CommunityFeature } from '../data/district-data';
import { formatNumber, translate, type Locale, type MessageKey } from '../i18n/translate';
import { cssColor, STAGE_COLORS } from '../map/palette';

/**
 * The sidebar list of the district's communities with stage, building count and households.
 * A click emits `rpm-community-select` (the app flies the map there); a text box filters by
 * name in either language.
 */
export class RpmCommunityList extends LitElement {
  static override properties = {
    locale: {},
    communities: { attribute: false },
    selectedId: { attribute: false },
    loading: { type: Boolean },
    _filter: { state: true },
  };

  locale: Locale = 'zh-CN';
  communities: readonly CommunityFeature[] = [];
  selectedId: string | null = null;
  loading = false;
  private _filter = '';

  /**
   * Light-DOM styles (see createRenderRoot), scoped by the tag name and adopted into the
   * root that holds the element.
   */
  static readonly lightStyles = css`
    rpm-community-list {
      display: flex;
      flex-direction: column;
      min-height: 0;
      background: var(--rpm-color-surface);
    }
    rpm-community-list header {
      padding: var(--rpm-space-3) var(--rpm-space-4) var(--rpm-space-2);
      border-bottom: 1px solid var(--rpm-color-border);
    }
    rpm-community-list h2 {
      margin: 0;
      font-size: var(--rpm-font-size-l);
      font-weight: 600;
      display: flex;
      justify-content: space-between;
      align-items: baseline;
    }
    rpm-community-list .count {
      font-size: var(--rpm-font-size-s);
      font-weight: 400;
      color: var(--rpm-color-text-muted);
    }
    rpm-community-list input {
      box-sizing: border-box;
      width: 100%;
      margin-top: var(--rpm-space-2);
      padding: 6px 8px;
      font: inherit;
      border: 1px solid var(--rpm-color-border-strong);
      border-radius: var(--rpm-radius-s);
      background: var(--rpm-color-surface-muted);
    }
    rpm-community-list input:focus-visible {
      outline: 2px solid var(--rpm-color-focus);
      outline-offset: -1px;
      background: #fff;
    }
    rpm-community-list ol {
      list-style: none;
      margin: 0;
      padding: var(--rpm-space-2);
      overflow-y: auto;
      flex: 1;
    }
    rpm-community-list li + li {
      margin-top: 2px;
    }
    rpm-community-list button {
      display: grid;
      grid-template-columns: 4px 1fr auto;
      gap: 2px var(--rpm-space-3);
      width: 100%;
      padding: var(--rpm-space-2) var(--rpm-space-3) var(--rpm-space-2) 0;
      font: inherit;
      text-align: left;
      color: inherit;
      background: transparent;
      border: 1px solid transparent;
      border-radius: var(--rpm-radius-m);
      cursor: pointer;
    }
    rpm-community-list button:hover {
      background: var(--rpm-color-surface-muted);
      border-color: var(--rpm-color-border);
    }
    rpm-community-list button[aria-current='true'] {
      background: var(--rpm-color-brand-soft);
      border-color: #b8cbe0;
    }
    rpm-community-list button:focus-visible {
      outline: 2px solid var(--rpm-color-focus);
      outline-offset: -2px;
    }
    rpm-community-list .bar {
      grid-row: 1 / span 2;
      border-radius: 0 2px 2px 0;
    }
    rpm-community-list .name {
      font-weight: 600;
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    rpm-community-list .provisional {
      margin-left: 6px;
      font-size: 11px;
      font-weight: 400;
      padding: 0 5px;
      border: 1px dashed var(--rpm-color-border-strong);
      border-radius: var(--rpm-radius-s);
      color: var(--rpm-color-text-muted);
    }
    rpm-community-list .stage {
      justify-self: end;
      font-size: 11px;
      padding: 1px 7px;
      border-radius: 999px;
      white-space: nowrap;
    }
    rpm-community-list .meta {
      grid-column: 2 / span 2;
      font-size: var(--rpm-font-size-s);
      color: var(--rpm-color-text-muted);
      display: flex;
      gap: var(--rpm-space-3);
    }
    rpm-community-list .empty {
      padding: var(--rpm-space-4);
      color: var(--rpm-color-text-faint);
      text-align: center;
    }
    rpm-community-list .skeleton {
      height: 44px;
      margin: 4px 0;
      border-radius: var(--rpm-radius-m);
      background: linear-gradient(90deg, #f0f2f5 25%, #e6e9ee 50%, #f0f2f5 75%);
      background-size: 200% 100%;
      animation: shimmer 1.4s infinite;
    }
    @keyframes shimmer {
      to {
        background-position: -200% 0;
      }
    }
  `;

  /**
   * The list renders into light DOM so its text is part of the page's text (find-in-page,
   * `innerText`, end-to-end tests); its styles go to the enclosing root instead.
   */
  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    adoptStylesInto(this.getRootNode(), RpmCommunityList.lightStyles, 'rpm-community-list');
  }

  override render() {
    const t = (key: MessageKey, vars?: Record<string, string | number>) =>
      translate(this.locale, key, vars);
    const filter = this._filter.trim().toLowerCase();
    // Sorted as a Chinese reader expects (pinyin order), not by code point as the database does.
    const shown = this.communities
      .filter(
        (c) =>
          !filter ||
          c.properties.name.toLowerCase().includes(filter) ||
          (c.properties.nameEn ?? '').toLowerCase().includes(filter),
      )
      .toSorted((a, b) => a.properties.name.localeCompare(b.properties.name, 'zh-CN'));
    return html`
      <header>
        <h2>
          ${t('list.title')}
          ${
            this.loading
              ? ''
              : html`<span class="count">${t('list.count', { n: this.communities.length })}</span>`
          }
        </h2>
        <input
          type="search"
          .value=${this._filter}
          placeholder=${t('list.filter')}
          aria-label=${t('list.filter')}
          @input=${(e: Event) => (this._filter = (e.target as HTMLInputElement).value)}
        />
      </header>
      ${
        this.loading && this.communities.length === 0
          ? html`<ol aria-busy="true">
              ${[0, 1, 2, 3, 4].map(() => html`<li class="skeleton"></li>`)}
            </ol>`
          : shown.length === 0
            ? html`<div class="empty">
                ${t(this.communities.length === 0 ? 'list.empty' : 'list.noMatch')}
              </div>`
            : html`<ol>
                ${shown.map((c) => this._renderItem(c))}
              </ol>`
      }
    `;
  }

  private _renderItem(c: CommunityFeature) {
    const p = c.properties;
    const t = (key: MessageKey, vars?: Record<string, string | number>) =>
      translate(this.locale, key, vars);
    const name = (this.locale === 'en' && p.nameEn) || p.name;
    const color = STAGE_COLORS[stageKey(p.stage)];
    const n = (v: number | null) => (v === null ? '—' : formatNumber(this.locale, v, 0));
    return html`<li>
      <button
        type="button"
        data-id=${p.id}
        aria-current=${String(p.id) === this.selectedId ? 'true' : 'false'}
        title=${t('list.flyTo', { name })}
        @click=${() => this._select(c)}
      >
        <span class="bar" style="background:${cssColor(color)}"></span>
        <span class="name"
          >${name}${
            p.nameProvisional
              ? html`<span
                  class="provisional"
                  data-provisional=${p.nameBasis ?? ''}
                  title=${t('list.provisionalTitle', {
                    basis: t(`list.basis.${p.nameBasis ?? 'numbered'}` as MessageKey),
                  })}
                  >${t('list.provisional')}</span
                >`
              : ''
          }</span
        >
        <span class="stage" style="background:${cssColor(color, 0.14)};color:${cssColor(color)}"
          >${t(`stage.${stageKey(p.stage)}` as MessageKey)}</span
        >
        <span class="meta">
          <span>${t('list.buildings', { n: n(p.buildingCount) })}</span>
          <span
            >${p.householdsEstimated ? '≈' : ''}${t('list.households', { n: n(p.households) })}</span
          >
          ${p.builtYear ? html`<span>${t('list.builtYear', { n: p.builtYear })}</span>` : ''}
        </span>
      </button>
    </li>`;
  }

  private _select(community: CommunityFeature): void {
    this.dispatchEvent(
      new CustomEvent('rpm-community-select', {
        detail: { community },
        bubbles: true,
        composed: true,
      }),
    );
  }
}

customElements.define('rpm-community-list', RpmCommunityList);

declare global {
  interface HTMLElementTagNameMap {
    'rpm-community-list': RpmCommunityList;
  }
}
