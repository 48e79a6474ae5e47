import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { InputError } from '../geo/input-error';
import { sameGeometry } from './same-geometry';
import {
  DIFF_FIELDS,
  type ChangeFeature,
  type ChangeKind,
  type DiffField,
  type ScenarioDiff,
} from './types';

type Props = Record<string, unknown>;

/** JSON with sorted keys, so `props` bags compare by content, not key order. */
const stable = (v: unknown): string =>
  v === null || typeof v !== 'object'
    ? JSON.stringify(v ?? null)
    : Array.isArray(v)
      ? `[${v.map(stable).join(',')}]`
      : `{${Object.keys(v)
          .sort()
          .filter((k) => (v as Props)[k] !== undefined)
          .map((k) => `${JSON.stringify(k)}:${stable((v as Props)[k])}`)
          .join(',')}}`;

/** Empty props and absent props are the same; numbers from numeric columns may come as text. */
const fieldValue = (p: Props, f: (typeof DIFF_FIELDS)[number]): string => {
  const v = p[f];
  if (f === 'props') return stable(v && Object.keys(v as Props).length ? v : {});
  if (typeof v === 'string' && ['widthM', 'levels', 'heightM', 'capacity'].includes(f))
    return stable(Number(v));
  return stable(v ?? null);
};

const idOf = (f: Feature): string | number => {
  const id = f.properties?.['id'] ?? f.id;
  if (typeof id !== 'string' && typeof id !== 'number')
    throw new InputError(
      'INVALID_OPTION',
      '比较方案时每个要素都需要 id',
      'every feature needs an id to compare scenarios',
    );
  return id;
};

const change = (
  kind: ChangeKind,
  f: Feature,
  proposalId: string | number | null,
  baselineId: string | number | null,
  changed: DiffField[],
): ChangeFeature => {
  const p = (f.properties ?? {}) as Props;
  return {
    type: 'Feature',
    id: `${kind}:${proposalId ?? baselineId}`,
    geometry: f.geometry as Geometry,
    properties: {
      change: kind,
      kind: String(p['kind'] ?? ''),
      proposalId,
      baselineId,
      changed,
      name: typeof p['name'] === 'string' ? p['name'] : null,
    },
  };
};

/**
 * The before/after of a proposal (方案) against its baseline (现状), by lineage: a proposal
 * feature whose `properties.sourceId` names a baseline feature is that feature's copy
 * (DESIGN.md "Core concept"), so the diff is exact and never guesses by position.
 * - added: a proposal feature without a sourceId, or whose sourceId is not in the baseline
 *   (its source was deleted from the baseline since the copy was made);
 * - removed: a baseline feature no proposal feature copies;
 * - modified: a copy whose geometry or any of DIFF_FIELDS differs (`changed` lists which);
 * - a second copy of the same baseline feature counts as added.
 * Input: the API's features (properties `id`, `kind`, `sourceId`, typed fields, `props`).
 * Output: one Feature per change (the proposal's geometry for added and modified, the
 * baseline's for removed), ordered removed (baseline order), then modified and added
 * (proposal order); ids `<change>:<feature id>`. Pure and deterministic; input untouched.
 */
export function diffScenarios(
  baseline: FeatureCollection,
  proposal: FeatureCollection,
): ScenarioDiff {
  const base = new Map<string, Feature>();
  for (const f of baseline.features) base.set(String(idOf(f)), f);
  const copied = new Set<string>();
  const later: ChangeFeature[] = [];
  let unchanged = 0;
  for (const f of proposal.features) {
    const id = idOf(f);
    const p = (f.properties ?? {}) as Props;
    const source = p['sourceId'] == null ? undefined : String(p['sourceId']);
    const original = source === undefined || copied.has(source) ? undefined : base.get(source);
    if (!original) {
      later.push(change('added', f, id, null, []));
      continue;
    }
    copied.add(source!);
    const o = (original.properties ?? {}) as Props;
    const changed: DiffField[] = [];
    if (!f.geometry || !original.geometry || !sameGeometry(f.geometry, original.geometry))
      changed.push('geometry');
    for (const k of DIFF_FIELDS) if (fieldValue(p, k) !== fieldValue(o, k)) changed.push(k);
    if (changed.length) later.push(change('modified', f, id, idOf(original), changed));
    else unchanged += 1;
  }
  const removed = baseline.features
    .filter((f) => !copied.has(String(idOf(f))))
    .map((f) => change('removed', f, null, idOf(f), []));
  const features = [...removed, ...later];
  const byKind: ScenarioDiff['summary']['byKind'] = {};
  for (const c of features) {
    const k = (byKind[c.properties.kind] ??= { added: 0, removed: 0, modified: 0 });
    k[c.properties.change] += 1;
  }
  const count = (k: ChangeKind) => features.filter((c) => c.properties.change === k).length;
  return {
    type: 'FeatureCollection',
    features,
    summary: {
      added: count('added'),
      removed: count('removed'),
      modified: count('modified'),
      unchanged,
      byKind: Object.fromEntries(Object.entries(byKind).sort(([a], [b]) => a.localeCompare(b))),
    },
  };
}
