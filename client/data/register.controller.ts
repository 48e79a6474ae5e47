import type { ReactiveController, ReactiveControllerHost } from 'lit';
import {
  addRegisterItem,
  getCommunityRegister,
  updateRegisterItem,
  type CommunityRegister,
  type RegisterItem,
  type RegisterItemFields,
} from '../api/register-items';
import type { Id } from '../api/types';

/** The renewal register of the community being planned: loaded on change, reloaded after writes. */
export class RegisterController implements ReactiveController {
  register: CommunityRegister | null = null;
  error: unknown = null;
  private _communityId: string | null = null;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {}

  follow(communityId: Id | null): void {
    const key = communityId === null ? null : String(communityId);
    if (key === this._communityId) return;
    this._communityId = key;
    this.register = null;
    this.error = null;
    if (key !== null) void this.reload();
  }

  async reload(): Promise<void> {
    const id = this._communityId;
    if (id === null) return;
    try {
      const register = await getCommunityRegister(id);
      if (id === this._communityId) this.register = register;
    } catch (err) {
      this.error = err;
    }
    this.host.requestUpdate();
  }

  async add(item: RegisterItemFields, locale: string): Promise<boolean> {
    if (this._communityId === null) return false;
    return this._write(() => addRegisterItem(this._communityId!, item, locale));
  }

  async update(item: RegisterItem, change: Partial<RegisterItemFields>, locale: string): Promise<boolean> {
    return this._write(() => updateRegisterItem(item, change, locale));
  }

  private async _write(write: () => Promise<unknown>): Promise<boolean> {
    try {
      await write();
      this.error = null;
      await this.reload();
      return true;
    } catch (err) {
      this.error = err;
      this.host.requestUpdate();
      return false;
    }
  }
}
