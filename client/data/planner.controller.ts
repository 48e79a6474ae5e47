import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ApiError } from '../api/api-error';
import { applyFeatureBatch } from '../api/apply-feature-batch';
import { createFeature, type NewFeature } from '../api/create-feature';
import { createProposal } from '../api/create-proposal';
import { deleteFeature } from '../api/delete-feature';
import { deleteScenario } from '../api/delete-scenario';
import { getCommunityScenarios } from '../api/get-community-scenarios';
import { getScenarioFeatures } from '../api/get-scenario-features';
import { renameScenario } from '../api/rename-scenario';
import type { ApiFeature, Id, Scenario } from '../api/types';
import { updateFeature, type FeatureChange } from '../api/update-feature';
import { putParkingSurvey } from '../api/put-parking-survey';
import type { EditConflict, PlannerView, SaveState } from './planner-state';

/** One undoable edit: applies itself, or takes itself back, through the API. */
interface Command {
  apply(): Promise<void>;
  revert(): Promise<void>;
}

const key = (id: Id | null | undefined): string => String(id);

/** The fields of a feature a change touches, as they are now (to undo the change). */
function snapshotOf(f: ApiFeature, change: FeatureChange): FeatureChange {
  const p = f.properties;
  const out: FeatureChange = {};
  if ('geometry' in change) out.geometry = f.geometry;
  if ('name' in change) out.name = p.name;
  if ('category' in change) out.category = p.category;
  if ('widthM' in change) out.widthM = p.widthM;
  if ('levels' in change) out.levels = p.levels;
  if ('heightM' in change) out.heightM = p.heightM;
  if ('capacity' in change) out.capacity = p.capacity;
  return out;
}

/** A feature with a change applied locally (optimistic), before the server confirms it. */
function applyLocally(f: ApiFeature, change: FeatureChange): ApiFeature {
  const { geometry, props, ...fields } = change;
  return {
    ...f,
    geometry: geometry ?? f.geometry,
    properties: {
      ...f.properties,
      ...fields,
      ...(props ? { props: props as Record<string, string> } : {}),
    },
  };
}

/** What a new feature looked like, to create it again (undo of a delete, redo of a create). */
function recreationOf(f: ApiFeature): NewFeature {
  const p = f.properties;
  const out: NewFeature = { kind: p.kind, geometry: f.geometry };
  if (p.name != null) out.name = p.name;
  if (p.category != null) out.category = p.category;
  if (p.widthM != null) out.widthM = p.widthM;
  if (p.levels != null) out.levels = p.levels;
  if (p.heightM != null) out.heightM = p.heightM;
  if (p.capacity != null) out.capacity = p.capacity;
  if (p.props) out.props = p.props;
  return out;
}

/**
 * Owns the planning session of one community: its scenarios (baseline 现状 and proposals 方案),
 * the active scenario's features, and every write to them. Writes carry the version the user
 * saw; a 409 becomes a conflict the user resolves (their edit stays on screen meanwhile).
 * Edits are commands on an undo/redo stack. The baseline is written only when the user turned
 * on "edit baseline" (the API then gets `?baseline=edit`).
 */
export class PlannerController implements ReactiveController {
  private _view: PlannerView = {
    communityId: null,
    scenarios: [],
    activeId: null,
    baseline: [],
    active: [],
    editBaseline: false,
    loading: false,
    save: { status: 'idle' },
    conflict: null,
    canUndo: false,
    canRedo: false,
  };
  private _undo: Command[] = [];
  private _redo: Command[] = [];
  private _abort: AbortController | undefined;
  /** Serialises writes, so versions advance in order. */
  private _queue: Promise<unknown> = Promise.resolve();
  private readonly _host: ReactiveControllerHost;
  private readonly _locale: () => string;

  constructor(host: ReactiveControllerHost, locale: () => string) {
    this._host = host;
    this._locale = locale;
    host.addController(this);
  }

  get view(): PlannerView {
    return this._view;
  }

  get activeScenario(): Scenario | undefined {
    return this._view.scenarios.find((s) => key(s.id) === this._view.activeId);
  }

  get baselineScenario(): Scenario | undefined {
    return this._view.scenarios.find((s) => s.kind === 'baseline');
  }

  /** Whether edits may be written to the active scenario. */
  get editable(): boolean {
    const s = this.activeScenario;
    return this._canEdit && !!s && (s.kind === 'proposal' || this._view.editBaseline);
  }

  /**
   * Issue 12 §2: a survey count (现状调查) may be recorded on the baseline too (it describes
   * today, not a plan), by anyone who may edit.
   */
  get canSurvey(): boolean {
    return this._canEdit && this.activeScenario !== undefined && this.activeScenario !== null;
  }

  /**
   * Records a survey count for a lot or road of the active scenario. The server stores it on the
   * baseline feature; both the active copy and the baseline feature here take it, so the ledger
   * shows it at once. Not on the undo stack (a survey is a record, not an edit).
   */
  async recordParkingSurvey(featureId: Id, count: number, note: string | null): Promise<void> {
    await this._write(async () => {
      const saved = await putParkingSurvey(featureId, count, note, this._locale());
      const survey = saved.properties.parkingSurvey ?? null;
      const baseId = key(saved.properties.sourceId ?? saved.properties.id);
      const withSurvey = (f: ApiFeature): ApiFeature => ({
        ...f,
        properties: { ...f.properties, parkingSurvey: survey },
      });
      this._set({
        active: this._view.active.map((f) =>
          key(f.properties.id) === key(featureId) ? withSurvey(f) : f,
        ),
        baseline: this._view.baseline.map((f) =>
          key(f.properties.id) === baseId ? withSurvey(f) : f,
        ),
      });
    });
  }

  /** Issue #6: the signed-in role may edit, and the proposal is not under review or approved. */
  setCanEdit(on: boolean): void {
    this._canEdit = on;
  }

  private _canEdit = true;

  hostConnected(): void {}

  hostDisconnected(): void {
    this._abort?.abort();
  }

  /** Opens a community: its scenarios and baseline features; the baseline is active. */
  async openCommunity(communityId: Id): Promise<void> {
    if (key(communityId) === this._view.communityId) return;
    this._abort?.abort();
    const abort = new AbortController();
    this._abort = abort;
    this._undo = [];
    this._redo = [];
    this._set({
      communityId: key(communityId),
      scenarios: [],
      activeId: null,
      baseline: [],
      active: [],
      editBaseline: false,
      loading: true,
      conflict: null,
      save: { status: 'idle' },
    });
    try {
      const scenarios = await getCommunityScenarios(communityId, abort.signal);
      const baseline = scenarios.find((s) => s.kind === 'baseline');
      const features = baseline
        ? (await getScenarioFeatures(key(baseline.id), { signal: abort.signal })).features
        : [];
      if (abort.signal.aborted) return;
      this._set({
        scenarios,
        activeId: baseline ? key(baseline.id) : null,
        baseline: features,
        active: features,
        loading: false,
      });
    } catch (error) {
      if (abort.signal.aborted) return;
      this._set({ loading: false, save: { status: 'error', error } });
    }
  }

  /** Makes another scenario of the community active and loads its features. */
  async selectScenario(scenarioId: Id): Promise<void> {
    const id = key(scenarioId);
    if (id === this._view.activeId) return;
    this._undo = [];
    this._redo = [];
    const isBaseline = key(this.baselineScenario?.id) === id;
    this._set({ activeId: id, conflict: null, loading: !isBaseline });
    if (isBaseline) {
      this._set({ active: this._view.baseline });
      return;
    }
    try {
      const fc = await getScenarioFeatures(id);
      if (this._view.activeId !== id) return;
      this._set({ active: fc.features, loading: false });
    } catch (error) {
      this._set({ loading: false, save: { status: 'error', error } });
    }
  }

  /** Reloads the open community's scenarios and baseline (after its boundary changed, issue 17). */
  async reopenCommunity(): Promise<void> {
    const id = this._view.communityId;
    if (id === null) return;
    this._set({ communityId: null });
    await this.openCommunity(id);
  }

  /** Reloads the active proposal's features (after an import wrote to it on the server). */
  async reloadActive(): Promise<void> {
    const id = this._view.activeId;
    if (id === null || key(this.baselineScenario?.id) === id) return;
    this._undo = [];
    this._redo = [];
    const fc = await getScenarioFeatures(id);
    if (this._view.activeId === id) this._set({ active: fc.features });
  }

  async createProposal(name: string): Promise<void> {
    const baseline = this.baselineScenario;
    if (!baseline) return;
    await this._write(async () => {
      const created = await createProposal(baseline.id, name, this._locale());
      this._set({ scenarios: [...this._view.scenarios, created] });
      await this.selectScenario(created.id);
    });
  }

  async renameScenario(scenario: Scenario, name: string): Promise<void> {
    await this._write(async () => {
      const renamed = await renameScenario(scenario, name, this._locale());
      this._replaceScenario(renamed);
    });
  }

  async deleteScenario(scenario: Scenario): Promise<void> {
    await this._write(async () => {
      await deleteScenario(scenario, this._locale());
      this._set({ scenarios: this._view.scenarios.filter((s) => s.id !== scenario.id) });
      if (key(scenario.id) === this._view.activeId) {
        const baseline = this.baselineScenario;
        this._set({ activeId: null });
        if (baseline) await this.selectScenario(baseline.id);
      }
    });
  }

  setEditBaseline(on: boolean): void {
    this._set({ editBaseline: on });
  }

  /** Creates features in the active scenario (one undoable step), reporting progress. */
  async create(features: NewFeature[]): Promise<ApiFeature[]> {
    let created: ApiFeature[] = [];
    const command: Command = {
      apply: async () => {
        created = await this._post(features);
      },
      revert: async () => {
        await this._deleteAll(created.map((f) => key(f.properties.id)));
        created = [];
      },
    };
    await this._run(command);
    return created;
  }

  /** Changes one feature (geometry and/or fields); one undoable step. */
  async update(featureId: Id, change: FeatureChange): Promise<void> {
    const current = this._find(key(featureId));
    if (!current) return;
    const id = key(featureId);
    const before = snapshotOf(current, change);
    await this._run({
      apply: () => this._patch(id, change),
      revert: () => this._patch(id, before),
    });
  }

  /** Deletes features; one undoable step (undo creates them again, with new ids). */
  async remove(featureIds: Id[]): Promise<void> {
    let ids = featureIds.map(key);
    let gone: ApiFeature[] = [];
    await this._run({
      apply: async () => {
        gone = ids.map((id) => this._find(id)).filter((f): f is ApiFeature => !!f);
        await this._deleteAll(ids);
      },
      revert: async () => {
        const again = await this._post(gone.map(recreationOf));
        ids = again.map((f) => key(f.properties.id));
      },
    });
  }

  async undo(): Promise<void> {
    const command = this._undo.pop();
    if (!command) return;
    this._set({});
    await this._write(async () => {
      await command.revert();
      this._redo.push(command);
    });
  }

  async redo(): Promise<void> {
    const command = this._redo.pop();
    if (!command) return;
    this._set({});
    await this._write(async () => {
      await command.apply();
      this._undo.push(command);
    });
  }

  /** Settles a conflict: write the user's edit over the stored version, or take the stored one. */
  async resolveConflict(choice: 'mine' | 'theirs'): Promise<void> {
    const conflict = this._view.conflict;
    if (!conflict) return;
    this._set({ conflict: null });
    const { featureId, mine, theirs } = conflict;
    if (choice === 'theirs') {
      if (theirs) this._replaceFeature(featureId, theirs);
      else this._removeLocal(featureId);
      return;
    }
    await this._write(async () => {
      if (!theirs) {
        // Someone else deleted it: create the user's version again.
        if (mine !== null && conflict.mineFeature) {
          this._removeLocal(featureId);
          await this._post([recreationOf(conflict.mineFeature)]);
        }
        return;
      }
      const version = theirs.properties.version ?? 1;
      if (mine === null) {
        await deleteFeature(featureId, version, this._writeOptions());
        this._removeLocal(featureId);
      } else {
        const saved = await updateFeature(featureId, version, mine, this._writeOptions());
        this._replaceFeature(featureId, saved);
      }
    });
  }

  dismissError(): void {
    if (this._view.save.status === 'error') this._set({ save: { status: 'idle' } });
  }

  // ---- writes ----

  private _writeOptions() {
    return { locale: this._locale(), editBaseline: this.activeScenario?.kind === 'baseline' };
  }

  /** Runs a command and pushes it on the undo stack when it succeeded. */
  private async _run(command: Command): Promise<void> {
    const ok = await this._write(command.apply);
    if (ok) {
      this._undo.push(command);
      this._redo = [];
      this._set({});
    }
  }

  /** Runs one write after the previous ones, tracking the saving state; false when it failed. */
  private _write(work: () => Promise<void>): Promise<boolean> {
    const run = async (): Promise<boolean> => {
      this._set({ save: { status: 'saving', done: 0, total: 1 } });
      try {
        await work();
        if (this._view.save.status === 'saving') this._set({ save: { status: 'saved' } });
        return true;
      } catch (error) {
        this._set({ save: { status: 'error', error } });
        return false;
      }
    };
    const next = this._queue.then(run, run);
    this._queue = next;
    return next;
  }

  private async _post(features: NewFeature[]): Promise<ApiFeature[]> {
    const scenario = this.activeScenario;
    if (!scenario || !this.editable) return [];
    if (features.length > 1) return this._postBatch(scenario.id, features);
    const out: ApiFeature[] = [];
    const total = features.length;
    for (const f of features) {
      this._set({ save: { status: 'saving', done: out.length, total } });
      const created = await createFeature(scenario.id, f, this._writeOptions());
      out.push(created);
      this._set({ active: [...this._view.active, created] });
      this._syncBaseline();
    }
    this._set({ save: { status: 'saving', done: total, total } });
    return out;
  }

  private async _patch(id: string, change: FeatureChange): Promise<void> {
    const current = this._find(id);
    if (!current) return;
    const mineFeature = applyLocally(current, change);
    this._replaceFeature(id, mineFeature);
    try {
      const saved = await updateFeature(
        id,
        current.properties.version ?? 1,
        change,
        this._writeOptions(),
      );
      this._replaceFeature(id, saved);
    } catch (error) {
      if (this._isConflict(error)) {
        this._conflict(id, change, mineFeature, error);
        return;
      }
      this._replaceFeature(id, current);
      throw error;
    }
  }

  /**
   * Creates many features (a parking lot and its stalls) in ONE batch request, all or nothing,
   * then reads them back (the batch answers ids only) to show them with their versions.
   */
  private async _postBatch(scenarioId: Id, features: NewFeature[]): Promise<ApiFeature[]> {
    const total = features.length;
    this._set({ save: { status: 'saving', done: 0, total } });
    const { created } = await applyFeatureBatch(
      scenarioId,
      { create: features },
      this._writeOptions(),
    );
    const wanted = new Set(created.map(key));
    const stored = (await getScenarioFeatures(key(scenarioId))).features;
    const out = created
      .map((id) => stored.find((f) => key(f.properties.id) === key(id)))
      .filter((f): f is ApiFeature => !!f);
    const active = this._view.active.filter((f) => !wanted.has(key(f.properties.id)));
    this._set({ active: [...active, ...out], save: { status: 'saving', done: total, total } });
    this._syncBaseline();
    return out;
  }

  /** Deletes many features in ONE batch request (all or nothing: a stale version fails all). */
  private async _deleteBatch(ids: string[]): Promise<void> {
    const scenario = this.activeScenario;
    const gone = ids.map((id) => this._find(id)).filter((f): f is ApiFeature => !!f);
    if (!scenario || gone.length === 0) return;
    this._set({ save: { status: 'saving', done: 0, total: gone.length } });
    const goneIds = new Set(gone.map((f) => key(f.properties.id)));
    this._set({ active: this._view.active.filter((f) => !goneIds.has(key(f.properties.id))) });
    this._syncBaseline();
    try {
      await applyFeatureBatch(
        scenario.id,
        { delete: gone.map((f) => ({ id: f.properties.id, version: f.properties.version ?? 1 })) },
        this._writeOptions(),
      );
    } catch (error) {
      // Nothing was deleted on the server: show the features again.
      this._set({ active: [...this._view.active, ...gone] });
      this._syncBaseline();
      throw error;
    }
  }

  private async _deleteAll(ids: string[]): Promise<void> {
    if (ids.length > 1) return this._deleteBatch(ids);
    let done = 0;
    for (const id of ids) {
      const current = this._find(id);
      if (!current) continue;
      this._set({ save: { status: 'saving', done, total: ids.length } });
      this._removeLocal(id);
      try {
        await deleteFeature(id, current.properties.version ?? 1, this._writeOptions());
      } catch (error) {
        if (this._isConflict(error)) {
          this._conflict(id, null, current, error);
          continue;
        }
        this._set({ active: [...this._view.active, current] });
        throw error;
      }
      done++;
    }
  }

  private _isConflict(error: unknown): error is ApiError {
    return error instanceof ApiError && error.status === 409;
  }

  private _conflict(
    id: string,
    mine: FeatureChange | null,
    mineFeature: ApiFeature,
    error: ApiError,
  ): void {
    const current = (error.details as { current?: ApiFeature | null } | undefined)?.current ?? null;
    const conflict: EditConflict = { featureId: id, mine, mineFeature, theirs: current };
    this._set({ conflict });
  }

  // ---- local state ----

  private _find(id: string): ApiFeature | undefined {
    return this._view.active.find((f) => key(f.properties.id) === id);
  }

  private _replaceFeature(id: string, feature: ApiFeature): void {
    let found = false;
    const active = this._view.active.map((f) => {
      if (key(f.properties.id) !== id) return f;
      found = true;
      return feature;
    });
    this._set({ active: found ? active : [...active, feature] });
    this._syncBaseline();
  }

  private _removeLocal(id: string): void {
    this._set({ active: this._view.active.filter((f) => key(f.properties.id) !== id) });
    this._syncBaseline();
  }

  /** When the baseline itself is edited, its features are the active ones. */
  private _syncBaseline(): void {
    if (this.activeScenario?.kind === 'baseline') this._set({ baseline: this._view.active });
  }

  private _replaceScenario(s: Scenario): void {
    this._set({ scenarios: this._view.scenarios.map((x) => (x.id === s.id ? s : x)) });
  }

  private _set(patch: Partial<PlannerView> & { save?: SaveState }): void {
    this._view = {
      ...this._view,
      ...patch,
      canUndo: this._undo.length > 0,
      canRedo: this._redo.length > 0,
    };
    this._host.requestUpdate();
  }
}
