import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { getStory } from '../api/get-story';
import { saveStory } from '../api/save-story';
import type { Story, StoryView } from '../api/story-types';

/** What the app does for the story controller: show a view, and say where a new one is. */
export interface StoryHooks {
  /**
   * Make the app show `view` (district, community, scenario, layers, compare mode, camera);
   * `story` null: a draft, shown in the district and community open now.
   */
  apply(story: Pick<Story, 'districtId' | 'communityId'> | null, view: StoryView): Promise<void>;
  locale(): string;
}

/** Keys that step through a presentation (a presenter's clicker sends PageDown/PageUp). */
const NEXT = new Set(['ArrowRight', 'PageDown', ' ', 'Spacebar']);
const PREV = new Set(['ArrowLeft', 'PageUp']);

/**
 * Stories (演示): the draft being assembled from saved views, saving it with the project, and
 * presentation mode — full screen, one view at a time, stepped with →/←/PageDown/PageUp/Space,
 * left with Esc. A story opened by link (`/?story=<id>`) is read-only: it presents at once and
 * offers no editing.
 */
export class StoryController implements ReactiveController {
  story: Story | null = null;
  /** Views of the story being edited (the saved story's, or a new draft's). */
  views: StoryView[] = [];
  title = '';
  presenting = false;
  readOnly = false;
  index = 0;
  saving = false;
  error: unknown = null;
  private readonly _host: ReactiveControllerHost & HTMLElement;
  private readonly _hooks: StoryHooks;
  private _chain: Promise<void> = Promise.resolve();
  private _applied: StoryView | null = null;

  constructor(host: ReactiveControllerHost & HTMLElement, hooks: StoryHooks) {
    this._host = host;
    this._hooks = hooks;
    host.addController(this);
  }

  hostConnected(): void {
    globalThis.addEventListener('keydown', this._onKey, true);
    document.addEventListener('fullscreenchange', this._onFullscreen);
    const id = new URL(globalThis.location.href).searchParams.get('story');
    if (id && /^\d+$/.test(id)) void this.openShared(id);
  }

  hostDisconnected(): void {
    globalThis.removeEventListener('keydown', this._onKey, true);
    document.removeEventListener('fullscreenchange', this._onFullscreen);
  }

  /** The shareable link of the saved story, or null while it is a draft. */
  get link(): string | null {
    return this.story ? `${globalThis.location.origin}/?story=${this.story.id}` : null;
  }

  get current(): StoryView | null {
    return this.views[this.index] ?? null;
  }

  async openShared(id: string): Promise<void> {
    try {
      const story = await getStory(id);
      this.story = story;
      this.views = story.views;
      this.title = story.title;
      this.readOnly = true;
      this._update();
      await this.present(0);
    } catch (error) {
      this.error = error;
      this._update();
    }
  }

  addView(view: StoryView): void {
    this.views = [...this.views, view];
    this._update();
  }

  removeView(index: number): void {
    this.views = this.views.filter((_, i) => i !== index);
    this._update();
  }

  setTitle(title: string): void {
    this.title = title;
    this._update();
  }

  /** Saves the story (create, or replace with the version last seen). */
  async save(target: { districtId: number; communityId: number | null }): Promise<void> {
    this.saving = true;
    this.error = null;
    this._update();
    try {
      this.story = await saveStory(
        this.story ? { ...target, id: this.story.id, version: this.story.version } : target,
        this.title.trim() || '演示',
        this.views,
        this._hooks.locale(),
      );
      this.views = this.story.views;
    } catch (error) {
      this.error = error;
    } finally {
      this.saving = false;
      this._update();
    }
  }

  async present(index = 0): Promise<void> {
    if (this.views.length === 0) return;
    this.presenting = true;
    this._host.toggleAttribute('presenting', true);
    // Full screen needs a user gesture; a shared link opened by a person may not have one.
    if (!document.fullscreenElement)
      void document.documentElement.requestFullscreen?.().catch(() => undefined);
    await this.go(index);
  }

  /**
   * Shows view `index`. Views are applied one after another (each waits for data and map);
   * keys pressed meanwhile move the index, and only the latest view is applied next.
   * `data-story-step` on the host tells which view is on screen.
   */
  async go(index: number): Promise<void> {
    if (!this.presenting) return;
    this.index = Math.min(this.views.length - 1, Math.max(0, index));
    this._update();
    const run = this._chain.then(async () => {
      const view = this.views[this.index];
      if (!this.presenting || !view || view === this._applied) return;
      const at = this.index;
      await this._hooks.apply(this.story, view);
      this._applied = view;
      this._host.setAttribute('data-story-step', String(at));
    });
    this._chain = run.catch(() => undefined);
    await run;
  }

  exit(): void {
    if (!this.presenting) return;
    this.presenting = false;
    this._host.toggleAttribute('presenting', false);
    this._host.removeAttribute('data-story-step');
    this._applied = null;
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    this._update();
  }

  private readonly _onKey = (e: KeyboardEvent): void => {
    if (!this.presenting) return;
    const target = e.composedPath()[0] as HTMLElement | undefined;
    if (target && /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return;
    // The swipe divider takes ← and → itself.
    if (target?.getAttribute('role') === 'slider') return;
    if (NEXT.has(e.key)) void this.go(this.index + 1);
    else if (PREV.has(e.key)) void this.go(this.index - 1);
    else if (e.key === 'Escape') this.exit();
    else return;
    // The app's own shortcuts (tools, undo) must not act on a presentation.
    e.preventDefault();
    e.stopImmediatePropagation();
  };

  /** Leaving full screen with the browser's own Esc ends the presentation too. */
  private readonly _onFullscreen = (): void => {
    if (!document.fullscreenElement && this.presenting && this._wasFullscreen) this.exit();
    this._wasFullscreen = document.fullscreenElement !== null;
  };
  private _wasFullscreen = false;

  private _update(): void {
    this._host.requestUpdate();
  }
}
