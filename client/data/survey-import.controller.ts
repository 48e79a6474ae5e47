import type { FeatureCollection } from 'geojson';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import {
  commitSurvey,
  getSurveyProgress,
  previewSurvey,
  uploadSurvey,
  type SurveyProgress,
  type ControlPoint,
  type LayerMapping,
  type SurveyCommit,
  type SurveyOptions,
  type SurveyPreview,
  type SurveyUpload,
} from '../api/survey-import';
import type { Locale } from '../i18n/translate';
import type { MapInstance } from '../map/map-controller';
import { drawSurveyPreview, removeSurveyPreview } from '../map/survey-preview-layers';

export type SurveyStep =
  | 'closed'
  | 'pick'
  | 'uploading'
  | 'configure'
  | 'previewing'
  | 'previewed'
  | 'committing'
  | 'done';

/** A control point being entered: file coordinates typed, map position clicked. */
export interface DraftControlPoint {
  source: [number, number] | null;
  target: [number, number] | null;
}

/** Everything the wizard shows; the controller is its only writer. */
export interface SurveyState {
  step: SurveyStep;
  progress: number;
  /** The server's progress of the running upload scan, preview or commit (polled), or null. */
  job: SurveyProgress | null;
  upload: SurveyUpload | null;
  crs: string;
  units: 'm' | 'mm';
  mapping: Record<string, LayerMapping>;
  labels: boolean;
  points: DraftControlPoint[];
  /** Index of the control point whose map position the next map click sets, or null. */
  picking: number | null;
  preview: SurveyPreview | null;
  result: SurveyCommit | null;
  error: string | null;
}

/** What the wizard element asks for (one event, `rpm-survey-action`). */
export type SurveyAction =
  | { type: 'close' }
  | { type: 'file'; file: File }
  | { type: 'crs'; crs: string }
  | { type: 'units'; units: 'm' | 'mm' }
  | { type: 'labels'; on: boolean }
  | { type: 'layer'; name: string; mapping: LayerMapping }
  | { type: 'point-add' }
  | { type: 'point-remove'; index: number }
  | { type: 'point-source'; index: number; source: [number, number] | null }
  | { type: 'point-pick'; index: number }
  | { type: 'preview' }
  | { type: 'back' }
  | { type: 'commit' };

export interface SurveyHost {
  locale(): Locale;
  /** The scenario the import goes into (the open proposal, or an empty baseline). */
  scenarioId(): string | null;
  mainMap(): MapInstance | undefined;
  /** Called after a commit: reload the scenario's features. */
  reload(): Promise<void>;
}

const CLOSED: SurveyState = {
  step: 'closed',
  progress: 0,
  job: null,
  upload: null,
  crs: 'wgs84',
  units: 'm',
  mapping: {},
  labels: true,
  points: [],
  picking: null,
  preview: null,
  result: null,
  error: null,
};

/**
 * The survey import wizard (issue 11): upload a DXF / Shapefile / GeoPackage / KML / GeoJSON /
 * CSV, choose its CRS (or fit a local grid from control points clicked on the map), map its
 * layers to feature kinds, preview on the map, then commit in one transaction. The server does
 * the reading and the maths (docs/survey-import-api.md); this holds the wizard's state.
 */
export class SurveyImportController implements ReactiveController {
  state: SurveyState = CLOSED;
  private _abort: AbortController | null = null;

  constructor(
    private readonly _host: ReactiveControllerHost,
    private readonly _app: SurveyHost,
  ) {
    _host.addController(this);
  }

  hostDisconnected(): void {
    this._abort?.abort();
  }

  get open(): boolean {
    return this.state.step !== 'closed';
  }

  /** True while the next map click is a control point's position. */
  get picking(): boolean {
    return this.state.picking !== null;
  }

  start(): void {
    this._set({ ...CLOSED, step: 'pick' });
  }

  /** A map click while picking a control point; returns true when it was used. */
  capture(lngLat: [number, number]): boolean {
    const i = this.state.picking;
    if (i === null) return false;
    const points = this.state.points.map((p, k) => (k === i ? { ...p, target: lngLat } : p));
    this._set({ ...this.state, points, picking: null, preview: null });
    return true;
  }

  act(a: SurveyAction): void {
    const s = this.state;
    switch (a.type) {
      case 'close':
        return this._close();
      case 'file':
        return void this._upload(a.file);
      case 'crs':
        return this._set({
          ...s,
          crs: a.crs,
          points: a.crs === 'local' && s.points.length === 0 ? [EMPTY_POINT, EMPTY_POINT] : s.points,
          preview: null,
          step: 'configure',
        });
      case 'units':
        return this._set({ ...s, units: a.units, preview: null, step: 'configure' });
      case 'labels':
        return this._set({ ...s, labels: a.on, preview: null, step: 'configure' });
      case 'layer':
        return this._set({
          ...s,
          mapping: { ...s.mapping, [a.name]: a.mapping },
          preview: null,
          step: 'configure',
        });
      case 'point-add':
        return this._set({ ...s, points: [...s.points, EMPTY_POINT] });
      case 'point-remove':
        return this._set({
          ...s,
          points: s.points.filter((_, k) => k !== a.index),
          picking: null,
          preview: null,
        });
      case 'point-source':
        return this._set({
          ...s,
          points: s.points.map((p, k) => (k === a.index ? { ...p, source: a.source } : p)),
          preview: null,
        });
      case 'point-pick':
        return this._set({ ...s, picking: s.picking === a.index ? null : a.index });
      case 'preview':
        return void this._preview();
      case 'back':
        this._clearMap();
        return this._set({ ...s, step: 'configure', preview: null, error: null });
      case 'commit':
        return void this._commit();
    }
  }

  /** The control points complete enough to send (both ends given). */
  completePoints(): ControlPoint[] {
    return this.state.points.flatMap((p) =>
      p.source && p.target && p.source.every(Number.isFinite)
        ? [{ source: p.source, target: p.target }]
        : [],
    );
  }

  /** Why preview cannot run yet, or null. */
  blocker(): 'no-scenario' | 'points' | 'nothing-mapped' | null {
    const s = this.state;
    if (this._app.scenarioId() === null) return 'no-scenario';
    if (s.crs === 'local' && this.completePoints().length < 2) return 'points';
    if (!Object.values(s.mapping).some((m) => m.kind !== 'ignore')) return 'nothing-mapped';
    return null;
  }

  private _options(): SurveyOptions {
    const s = this.state;
    return {
      scenarioId: Number(this._app.scenarioId()),
      crs: s.crs,
      units: s.units,
      ...(s.crs === 'local' ? { local: { controlPoints: this.completePoints() } } : {}),
      mapping: s.mapping,
      labels: s.labels,
    };
  }

  /**
   * Run one server job with a fresh progress id, polling GET /api/survey/progress/:id every
   * 400 ms into `state.job` until the job answers (a big file reads for seconds).
   */
  private async _tracked<T>(run: (progressId: string) => Promise<T>): Promise<T> {
    const id = progressId();
    const stop = new AbortController();
    const poll = async () => {
      while (!stop.signal.aborted) {
        await new Promise((r) => setTimeout(r, 400));
        if (stop.signal.aborted) return;
        try {
          const job = await getSurveyProgress(id, this._app.locale(), stop.signal);
          if (!stop.signal.aborted) this._set({ ...this.state, job });
        } catch {
          // not started yet (404) or the poll was cut: try again at the next tick
        }
      }
    };
    void poll();
    try {
      return await run(id);
    } finally {
      stop.abort();
      this._set({ ...this.state, job: null });
    }
  }

  private async _upload(file: File): Promise<void> {
    this._set({ ...this.state, step: 'uploading', progress: 0, job: null, error: null });
    try {
      const upload = await this._tracked((id) =>
        uploadSurvey(file, this._app.locale(), (progress) => this._set({ ...this.state, progress }), id),
      );
      const mapping: Record<string, LayerMapping> = {};
      for (const layer of upload.layers) {
        mapping[layer.name] = upload.remembered?.[layer.name] ??
          (layer.guess ? { ...layer.guess } : { kind: 'ignore' });
      }
      this._set({
        ...this.state,
        step: 'configure',
        upload,
        crs: upload.crs.detected ?? upload.crs.guess?.epsg ?? 'wgs84',
        units: upload.units?.guess ?? 'm',
        mapping,
      });
    } catch (error) {
      this._fail(error, 'pick');
    }
  }

  private async _preview(): Promise<void> {
    const upload = this.state.upload;
    if (!upload || this.blocker()) return;
    this._abort?.abort();
    const abort = (this._abort = new AbortController());
    this._set({ ...this.state, step: 'previewing', error: null, preview: null });
    try {
      const preview = await this._tracked((id) =>
        previewSurvey(upload.uploadId, this._options(), this._app.locale(), abort.signal, id),
      );
      if (abort.signal.aborted) return;
      this._set({ ...this.state, step: 'previewed', preview });
      this._drawPreview(preview.features, preview.bounds);
    } catch (error) {
      if (abort.signal.aborted) return;
      this._fail(error, 'configure');
    }
  }

  private async _commit(): Promise<void> {
    const upload = this.state.upload;
    if (!upload || this.state.step !== 'previewed') return;
    this._set({ ...this.state, step: 'committing', error: null });
    try {
      const result = await this._tracked((id) =>
        commitSurvey(upload.uploadId, this._options(), this._app.locale(), id),
      );
      this._clearMap();
      this._set({ ...this.state, step: 'done', result });
      await this._app.reload();
    } catch (error) {
      this._fail(error, 'previewed');
    }
  }

  private _drawPreview(fc: FeatureCollection, bounds?: [number, number, number, number]): void {
    const map = this._app.mainMap();
    if (map) drawSurveyPreview(map, fc, bounds);
  }

  private _clearMap(): void {
    const map = this._app.mainMap();
    if (map) removeSurveyPreview(map);
  }

  private _close(): void {
    this._abort?.abort();
    this._clearMap();
    this._set(CLOSED);
  }

  private _fail(error: unknown, step: SurveyStep): void {
    const message = error instanceof Error ? error.message : String(error);
    this._set({ ...this.state, step, error: message });
  }

  private _set(state: SurveyState): void {
    this.state = state;
    this._host.requestUpdate();
  }
}

/**
 * A random v4 uuid for ?progress=. crypto.randomUUID exists only in secure contexts (https,
 * localhost); an office intranet on plain http still has crypto.getRandomValues.
 */
function progressId(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

const EMPTY_POINT: DraftControlPoint = { source: null, target: null };
