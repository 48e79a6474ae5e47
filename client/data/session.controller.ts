import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { getMe, login, logout, type SessionUser } from '../api/auth';

/** Roles that may change proposals and their geometry (server: the permission table). */
const EDITORS = new Set(['planner', 'admin']);
const REVIEWERS = new Set(['reviewer', 'admin']);

/**
 * The signed-in account: asked of the server on connect, changed by sign-in and sign-out.
 * The server decides every permission; this only hides what the role cannot do.
 */
export class SessionController implements ReactiveController {
  user: SessionUser | null = null;
  error: unknown = null;
  busy = false;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  get canEdit(): boolean {
    return !!this.user && EDITORS.has(this.user.role);
  }

  get canReview(): boolean {
    return !!this.user && REVIEWERS.has(this.user.role);
  }

  hostConnected(): void {
    void getMe()
      .then((user) => {
        this.user = user;
        this.host.requestUpdate();
      })
      .catch(() => undefined);
  }

  async login(username: string, password: string, locale: string): Promise<boolean> {
    this.busy = true;
    this.error = null;
    this.host.requestUpdate();
    try {
      this.user = (await login(username, password, locale)).user;
      return true;
    } catch (err) {
      this.error = err;
      return false;
    } finally {
      this.busy = false;
      this.host.requestUpdate();
    }
  }

  async logout(): Promise<void> {
    await logout().catch(() => undefined);
    this.user = null;
    this.host.requestUpdate();
  }
}
