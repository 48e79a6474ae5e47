import type { Geometry, Polygon } from 'geojson';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ApiError } from '../api/api-error';
import {
  sendBoundaryRequest,
  type BoundaryChange,
  type BoundaryRequest,
} from '../api/community-boundaries';
import { translate, type Locale } from '../i18n/translate';
import type { DrawTool } from '../map/draw-tools';
import type { EditTarget } from '../map/map-controller';
import type { CommunityFeature, PickedFeature } from './district-data';

/** What the app lends the controller: language, district, the map tool and a reload. */
export interface BoundaryHostApi {
  locale(): Locale;
  districtId(): string | null;
  /** Switches the map tool (the boundary tools are allowed without an editable proposal). */
  setTool(tool: DrawTool): void;
  /** Reloads the district and focuses the community with this id (null: none). */
  reload(focusId: number | null): Promise<void>;
}

export type BoundaryMode = 'idle' | 'draw' | 'split' | 'edit';

/** A change waiting for the planner's confirmation, with its dry-run figures. */
export interface PendingBoundaryChange {
  request: BoundaryRequest;
  /** Null while the preview is computed. */
  preview: BoundaryChange | null;
  /** The name field of the dialog (new community, new part of a split), when it has one. */
  name: string | null;
}

/** The edit handle id of a community boundary (feature ids are plain numbers). */
const EDIT_PREFIX = 'community:';

/** A single-part boundary as the Polygon terra-draw can reshape, or null. */
function editablePolygon(g: Geometry): Polygon | null {
  if (g.type === 'Polygon' && g.coordinates.length === 1) return g;
  if (g.type === 'MultiPolygon' && g.coordinates.length === 1 && g.coordinates[0]!.length === 1)
    return { type: 'Polygon', coordinates: g.coordinates[0]! };
  return null;
}

/**
 * Community boundaries (红线, issue 17) in the planner: draw a new community, reshape, split,
 * merge, rename, promote a polygon. Every change is previewed first (dryRun: before/after
 * buildings and households) and sent for real only when the planner confirms.
 */
export class BoundaryController implements ReactiveController {
  mode: BoundaryMode = 'idle';
  target: CommunityFeature | null = null;
  pending: PendingBoundaryChange | null = null;
  error: string | null = null;
  busy = false;
  private _edited: Geometry | null = null;

  constructor(
    private readonly _host: ReactiveControllerHost,
    private readonly _api: BoundaryHostApi,
  ) {
    _host.addController(this);
  }

  hostConnected(): void {}

  /** The boundary under vertex editing, for the map's edit handles. */
  get editTarget(): EditTarget | null {
    if (this.mode !== 'edit' || !this.target) return null;
    const polygon = editablePolygon(this._edited ?? this.target.geometry);
    return polygon ? { id: `${EDIT_PREFIX}${this.target.properties.id}`, geometry: polygon } : null;
  }

  /** The boundary under edit has been reshaped (there is something to preview). */
  get edited(): boolean {
    return this.mode === 'edit' && this._edited !== null;
  }

  startDraw(): void {
    this._reset();
    this.mode = 'draw';
    this._api.setTool('boundary');
    this._host.requestUpdate();
  }

  startSplit(c: CommunityFeature): void {
    this._reset();
    this.mode = 'split';
    this.target = c;
    this._api.setTool('boundarySplit');
    this._host.requestUpdate();
  }

  startEdit(c: CommunityFeature): void {
    this._reset();
    if (!editablePolygon(c.geometry)) {
      this.error = translate(this._api.locale(), 'boundary.notEditable');
      this._host.requestUpdate();
      return;
    }
    this._api.setTool('select');
    this.mode = 'edit';
    this.target = c;
    this._host.requestUpdate();
  }

  /** A shape finished on the map; true when it was one of the boundary tools'. */
  onDrawFinish(tool: DrawTool, geometry: Geometry): boolean {
    const districtId = this._api.districtId();
    if (tool === 'boundary' && districtId) {
      this._api.setTool('select');
      void this._propose(
        { op: 'create', districtId, name: '', geometry },
        translate(this._api.locale(), 'boundary.defaultName'),
      );
      return true;
    }
    if (tool === 'boundarySplit' && this.target) {
      this._api.setTool('select');
      const p = this.target.properties;
      void this._propose(
        { op: 'split', id: p.id, version: p.version ?? 1, line: geometry },
        translate(this._api.locale(), 'boundary.splitName', { name: p.name }),
      );
      return true;
    }
    return false;
  }

  /** A reshaped boundary (terra-draw select mode); true when the id was a community's. */
  onEdit(id: string, geometry: Geometry): boolean {
    if (!id.startsWith(EDIT_PREFIX) || !this.target) return false;
    this._edited = geometry;
    this._host.requestUpdate();
    return true;
  }

  /** Sends the reshaped boundary to preview. */
  finishEdit(): void {
    if (!this.target || !this._edited) return;
    const p = this.target.properties;
    void this._propose({ op: 'patch', id: p.id, version: p.version ?? 1, geometry: this._edited }, null);
  }

  rename(c: CommunityFeature, name: string): void {
    const p = c.properties;
    if (!name.trim() || name.trim() === p.name) return;
    this._reset();
    void this._propose({ op: 'patch', id: p.id, version: p.version ?? 1, name: name.trim() }, null);
  }

  merge(c: CommunityFeature, others: CommunityFeature[]): void {
    const districtId = this._api.districtId();
    if (!districtId || others.length === 0) return;
    this._reset();
    const all = [c, ...others];
    void this._propose(
      {
        op: 'merge',
        districtId,
        ids: all.map((x) => x.properties.id),
        versions: all.map((x) => x.properties.version ?? 1),
      },
      null,
    );
  }

  promote(feature: PickedFeature): void {
    const districtId = this._api.districtId();
    if (!districtId || feature.type !== 'feature') return;
    this._reset();
    void this._propose(
      { op: 'promote', districtId, featureId: feature.properties.id },
      feature.properties.name ?? translate(this._api.locale(), 'boundary.defaultName'),
    );
  }

  setName(name: string): void {
    if (this.pending) this.pending = { ...this.pending, name };
    this._host.requestUpdate();
  }

  /** Sends the previewed change for real, then reloads the district on its result. */
  async confirm(): Promise<void> {
    const pending = this.pending;
    if (!pending?.preview || this.busy) return;
    const request = this._withName(pending);
    this.busy = true;
    this._host.requestUpdate();
    try {
      const result = await sendBoundaryRequest(request, false, this._api.locale());
      this._reset();
      await this._api.reload(result.communities[0]?.id ?? null);
    } catch (err) {
      this.error = this._message(err);
      this.pending = null;
    } finally {
      this.busy = false;
      this._host.requestUpdate();
    }
  }

  cancel(): void {
    this._reset();
    this._api.setTool('select');
    this._host.requestUpdate();
  }

  dismissError(): void {
    this.error = null;
    this._host.requestUpdate();
  }

  private _withName(p: PendingBoundaryChange): BoundaryRequest {
    const name = p.name?.trim();
    if (!name) return p.request;
    if (p.request.op === 'create' || p.request.op === 'promote' || p.request.op === 'split')
      return { ...p.request, name };
    return p.request;
  }

  private async _propose(request: BoundaryRequest, name: string | null): Promise<void> {
    this.error = null;
    this.pending = { request, preview: null, name };
    this.busy = true;
    this._host.requestUpdate();
    try {
      // The preview needs a valid name; the planner's own goes with the real request.
      const probe =
        request.op === 'create' && !request.name
          ? { ...request, name: name ?? translate(this._api.locale(), 'boundary.defaultName') }
          : request;
      const preview = await sendBoundaryRequest(probe, true, this._api.locale());
      if (this.pending?.request === request) this.pending = { ...this.pending, preview };
    } catch (err) {
      this.error = this._message(err);
      this.pending = null;
    } finally {
      this.busy = false;
      this._host.requestUpdate();
    }
  }

  private _message(err: unknown): string {
    const locale = this._api.locale();
    if (err instanceof ApiError) {
      return err.code === 'network'
        ? translate(locale, 'error.network')
        : translate(locale, 'boundary.error', { message: err.message });
    }
    return translate(locale, 'boundary.error', {
      message: err instanceof Error ? err.message : String(err),
    });
  }

  private _reset(): void {
    this.mode = 'idle';
    this.target = null;
    this.pending = null;
    this.error = null;
    this._edited = null;
  }
}
