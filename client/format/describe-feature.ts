import { stageKey, type CommunityStage } from '../../domain/model/renewal-stages';
import { isFeatureKind } from '../../domain/model/feature-kinds';
import type { PickedFeature } from '../data/district-data';
import { describeViolation } from './describe-violation';
import {
  facilityCategoryName,
  formatNumber,
  translate,
  type Locale,
  type MessageKey,
} from '../i18n/translate';

export interface DetailRow {
  label: string;
  value: string;
  /** True when the value is an importer estimate, not surveyed data. */
  estimated?: boolean;
}

export interface FeatureDescription {
  title: string;
  subtitle: string;
  rows: DetailRow[];
  /** Raw OSM tags, shown as they are (keys are OSM's, not ours). */
  tags: [string, string][];
}

type Unit = 'm' | 'sqm' | 'levels' | 'households' | 'wan' | 'year';
const UNIT_KEYS: Record<Unit, MessageKey> = {
  m: 'unit.m',
  sqm: 'unit.sqm',
  levels: 'unit.levels',
  households: 'unit.households',
  wan: 'unit.wan',
  year: 'unit.year',
};

/**
 * The title, localised rows (label + value with unit) and OSM tags the details panel shows for
 * a hovered or clicked feature. Empty values are left out; a year is printed without grouping.
 */
export function describeFeature(locale: Locale, picked: PickedFeature): FeatureDescription {
  const t = (key: MessageKey, vars?: Record<string, string | number>) =>
    translate(locale, key, vars);
  const rows: DetailRow[] = [];
  const add = (key: MessageKey, raw: string | number | null | undefined, estimated = false) => {
    if (raw === null || raw === undefined || raw === '') return;
    const value = String(raw);
    rows.push(estimated ? { label: t(key), value, estimated } : { label: t(key), value });
  };
  const num = (n: number | null | undefined, unit?: Unit, digits = 1): string | null => {
    if (n === null || n === undefined || !Number.isFinite(n)) return null;
    const text = unit === 'year' ? String(n) : formatNumber(locale, n, digits);
    return unit ? t(UNIT_KEYS[unit], { n: text }) : text;
  };

  if (picked.type === 'violation') return describeViolation(locale, picked.properties);
  if (picked.type === 'community') {
    const p = picked.properties;
    add('field.name', p.name);
    add('field.nameEn', p.nameEn);
    add('field.stage', t(`stage.${stageKey(p.stage as CommunityStage)}` as MessageKey));
    add('field.builtYear', num(p.builtYear, 'year'));
    add('field.households', num(p.households, 'households', 0), p.householdsEstimated);
    add('field.buildingCount', num(p.buildingCount, undefined, 0));
    add('field.floorAreaSqM', num(p.floorAreaSqM, 'sqm', 0), p.floorAreaEstimated);
    add('field.budgetWan', num(p.budgetWan, 'wan', 1));
    add('field.osmRef', p.osmRef);
    add('field.id', p.id);
    add('field.districtId', p.districtId);
    add('field.baselineScenarioId', p.baselineScenarioId);
    return {
      title: (locale === 'en' && p.nameEn) || p.name,
      subtitle: t('details.community'),
      rows,
      tags: [],
    };
  }

  const p = picked.properties;
  const kindName = isFeatureKind(p.kind) ? t(`kind.${p.kind}` as MessageKey) : p.kind;
  // OSM's `building=yes` says only "a building": not worth a row or a title.
  const rawCategory = p.category === 'yes' ? null : p.category;
  const category =
    rawCategory && p.kind === 'facility' ? facilityCategoryName(locale, rawCategory) : rawCategory;
  add('field.kind', kindName);
  add('field.name', p.name);
  add('field.category', category);
  add('field.widthM', num(p.widthM, 'm'));
  add('field.levels', num(p.levels, 'levels', 0));
  add('field.heightM', num(p.heightM, 'm'));
  add('field.capacity', num(p.capacity, undefined, 0));
  add('field.version', num(p.version, undefined, 0));
  add('field.osmRef', p.osmRef);
  add('field.scenarioId', p.scenarioId);
  add('field.sourceId', p.sourceId);
  add('field.id', p.id);
  const tags = Object.entries(p.props ?? {})
    .filter(([, v]) => v !== null && v !== undefined && String(v) !== '')
    .map(([k, v]): [string, string] => [k, String(v)])
    .sort(([a], [b]) => a.localeCompare(b));
  return {
    title: p.name || category || kindName,
    subtitle: kindName,
    rows,
    tags,
  };
}
