import { renderRuleOverrides } from '../report/render-rule-overrides';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { ParkingLedger } from '../../domain/metrics/types';
import { RENEWAL_STAGES } from '../../domain/model/renewal-stages';
import { FACILITY_CATEGORIES, RULES } from '../../domain/standards/rules';
import { svgMiniMap, type MiniMapLayer } from '../report/svg-mini-map';
import type { ScenarioIndicators } from './scenario-indicators';
import { escapeHtml as esc } from '../http/escape-html';

/** What one sheet shows: the community's register row and its scenario's before/after. */
export interface SheetInput {
  community: {
    name: string;
    builtYear: number | null;
    households: number | null;
    buildingCount: number | null;
    floorAreaSqM: number | null;
    /** null: not set (未设定). */
    stage: string | null;
    budgetWan: number | null;
  };
  districtName: string;
  /** The community's boundary (小区 outline), drawn under both maps. */
  outline: Geometry | null;
  indicators: ScenarioIndicators;
  /** Features of both sides, as stored (properties with `kind`). */
  before: FeatureCollection;
  after: FeatureCollection;
}

const TEXT = {
  zh: {
    title: '改造方案一页纸',
    before: '现状',
    after: '方案',
    parking: '停车账',
    existing: '现状车位',
    removed: '减少',
    added: '新增',
    net: '净增',
    proposed: '方案车位',
    // parking-existing (issue 12 §2): where the existing count comes from; estimates flagged.
    sources: '现状来源',
    source: {
      mapped: '测绘车位',
      capacity: '容量标注',
      area_estimate: '面积估算',
      kerb_estimate: '路侧估算',
      survey: '现状调查',
    },
    estimated: '估',
    estimatedNote: '含估算 {n} 个, 以现状调查为准',
    cleared: '其中 {n} 个位于消防车道净宽内予以清除 (打通生命通道)',
    compliance: '消防车道合规 (GB 50016 §7.1–7.2)',
    violations: '违规',
    warnings: '提示',
    coverage: '15分钟生活圈覆盖率 (GB 50180-2018)',
    min15: '15分钟全部设施',
    dataEdge: '数据边缘',
    dataEdgeNote:
      '该社区 1 km 范围超出数据范围: 覆盖率不完整 (≥ 为下限), 不代表服务缺口; 补充周边设施后再定',
    budget: '预算与阶段',
    budgetWan: '预算 (万元)',
    release: '资金拨付',
    changes: '变更',
    addedF: '新增要素',
    removedF: '删除要素',
    modifiedF: '修改要素',
    built: '建成',
    households: '户',
    buildings: '栋',
    legend: '绿: 新增; 红: 删除; 紫: 修改; 灰: 建筑; 蓝: 车位; 深红: 消防车道',
    stageNotSet: '改造阶段: 未设定',
    stages: {
      publicity: '宣传发动',
      planning: '方案编制',
      construction: '施工建设',
      acceptance: '竣工验收',
    },
    none: '无',
  },
  en: {
    title: 'Renewal plan sheet',
    before: 'Baseline',
    after: 'Proposal',
    parking: 'Parking ledger',
    existing: 'Existing',
    removed: 'Removed',
    added: 'Added',
    net: 'Net',
    proposed: 'Proposed',
    sources: 'Existing from',
    source: {
      mapped: 'mapped stalls',
      capacity: 'capacity tags',
      area_estimate: 'area estimate',
      kerb_estimate: 'kerb estimate',
      survey: 'survey',
    },
    estimated: 'est.',
    estimatedNote: '{n} estimated; a survey count prevails',
    cleared: '{n} of them stand in a fire lane clear width and are cleared',
    compliance: 'Fire-lane compliance (GB 50016 §7.1–7.2)',
    violations: 'violations',
    warnings: 'warnings',
    coverage: '15-minute life circle coverage (GB 50180-2018)',
    min15: 'all 15-min facilities',
    dataEdge: 'data edge',
    dataEdgeNote:
      "this community's 1 km buffer leaves the data: shares are incomplete (≥: lower bounds), not service gaps; add the facilities around it first",
    budget: 'Budget and phase',
    budgetWan: 'Budget (10k CNY)',
    release: 'Fund release',
    changes: 'Changes',
    addedF: 'added',
    removedF: 'removed',
    modifiedF: 'modified',
    built: 'built',
    households: 'households',
    buildings: 'buildings',
    legend:
      'Green: added; red: removed; purple: modified; grey: buildings; blue: stalls; dark red: fire lanes',
    stageNotSet: 'Renewal stage: not set',
    stages: {
      publicity: 'Publicity',
      planning: 'Planning',
      construction: 'Construction',
      acceptance: 'Acceptance',
    },
    none: 'none',
  },
} as const;

type SheetText = (typeof TEXT)[keyof typeof TEXT];

/** 现状来源 line under the ledger: counts by source, estimates flagged, fire-lane clearing. */
const existingSources = (p: ParkingLedger, t: SheetText): string => {
  const order = ['mapped', 'capacity', 'area_estimate', 'kerb_estimate', 'survey'] as const;
  const parts = order
    .filter((k) => p.existingBySource[k] > 0)
    .map((k) => `<span data-source="${k}">${esc(t.source[k])} ${p.existingBySource[k]}</span>`);
  if (parts.length === 0) return '';
  const note =
    p.existingEstimated > 0
      ? ` <em class="estimated">(${esc(t.estimatedNote.replace('{n}', String(p.existingEstimated)))})</em>`
      : '';
  const cleared =
    p.clearedForFireLanes > 0
      ? `<p class="cleared">${esc(t.cleared.replace('{n}', String(p.clearedForFireLanes)))}</p>`
      : '';
  return `<p class="existing-sources">${esc(t.sources)}: ${parts.join(' · ')}${note}</p>${cleared}`;
};

const of = (fc: FeatureCollection, ...kinds: string[]): Feature[] =>
  fc.features.filter((f) => kinds.includes(String(f.properties?.['kind'])));

const baseLayers = (fc: FeatureCollection): MiniMapLayer[] => [
  { features: of(fc, 'green'), style: { fill: '#dcebd3', stroke: 'none', strokeWidthPx: 0 } },
  {
    features: of(fc, 'road', 'footway'),
    style: { fill: 'none', stroke: '#c9c3b8', strokeWidthPx: 2 },
  },
  {
    features: of(fc, 'building'),
    style: { fill: '#cfc8bd', stroke: '#8d8577', strokeWidthPx: 0.6 },
  },
  {
    features: of(fc, 'parking_stall', 'parking_area', 'bike_shed'),
    style: { fill: '#c9dcf3', stroke: '#4a78b5', strokeWidthPx: 0.6 },
  },
  { features: of(fc, 'fire_lane'), style: { fill: 'none', stroke: '#a31d1d', strokeWidthPx: 1.5 } },
  {
    features: of(fc, 'facility', 'gate'),
    style: { fill: '#7b5ea7', stroke: '#fff', strokeWidthPx: 0.5 },
  },
];

const CHANGE_STYLE = {
  added: { fill: '#2e9e44', stroke: '#1b6e2d', strokeWidthPx: 2, opacity: 0.8 },
  removed: { fill: '#d93025', stroke: '#a50e0e', strokeWidthPx: 2, opacity: 0.8 },
  modified: { fill: '#8e24aa', stroke: '#5e1573', strokeWidthPx: 2, opacity: 0.8 },
} as const;

const pct = (x: number | null | undefined): string =>
  x === null || x === undefined ? '–' : `${Math.round(x * 100)}%`;
/** A share that may be too low (data edge): printed as a lower bound. */
const atLeast = (x: number | null | undefined, incomplete: boolean): string =>
  incomplete && x !== null && x !== undefined && x < 1 ? `≥${pct(x)}` : pct(x);
const signed = (n: number): string => (n > 0 ? `+${n}` : String(n));

/**
 * One A4 page per community (the presenter's printed sheet): the map before and after with the
 * changes marked, the parking ledger, fire-lane findings before/after, coverage by category as a
 * bar chart, budget, fund release (RULES.renewal.fundRelease) and phase. Plain HTML with
 * inline SVG, nothing fetched: prints the same in any Chromium. A `<section>` only, so the atlas
 * puts many in one document (sheet-document.ts).
 */
export function renderCommunitySheet(input: SheetInput, lang: 'zh' | 'en'): string {
  const t = TEXT[lang];
  const { indicators: ind, community: c } = input;
  const focus = input.outline
    ? [input.outline]
    : [...input.before.features, ...input.after.features].map((f) => f.geometry).filter(Boolean);
  const outline: MiniMapLayer = {
    features: input.outline ? [{ type: 'Feature', properties: {}, geometry: input.outline }] : [],
    style: { fill: '#ffffff', stroke: '#1d3b5c', strokeWidthPx: 1.2 },
  };
  const changes = (kind: 'added' | 'removed' | 'modified'): MiniMapLayer => ({
    features: ind.diff.features.filter((f) => f.properties.change === kind),
    style: CHANGE_STYLE[kind],
  });
  const map = (layers: MiniMapLayer[]): string =>
    focus.length ? svgMiniMap(layers, focus, { widthPx: 340, heightPx: 300, marginM: 15 }) : '';
  const beforeMap = map([outline, ...baseLayers(input.before), changes('removed')]);
  const afterMap = map([
    outline,
    ...baseLayers(input.after),
    changes('modified'),
    changes('added'),
  ]);
  const p = ind.parking;
  const fl = ind.fireLanes;
  // Data edge (issue 12 §3): the shares are lower bounds, marked so and not read as gaps.
  const edge = ind.coverage.baseline.dataEdge || ind.coverage.proposal.dataEdge;
  const share = (x: number | null | undefined): string => atLeast(x, edge);
  const cats = FACILITY_CATEGORIES.filter((k) => k.id in ind.coverage.baseline.byCategory);
  const bars = cats
    .map((k) => {
      const b = ind.coverage.baseline.byCategory[k.id] ?? 0;
      const a = ind.coverage.proposal.byCategory[k.id] ?? 0;
      return `<div class="bar${edge ? ' incomplete' : ''}"><span class="lbl">${esc(lang === 'zh' ? k.nameZh : k.nameEn)} ≤${k.maxDistanceM} m</span>
<span class="track"><i class="b" style="width:${(b * 100).toFixed(1)}%"></i><i class="a" style="width:${(a * 100).toFixed(1)}%"></i></span>
<span class="v">${share(b)} → ${share(a)}</span></div>`;
    })
    .join('');
  const stageIdx = RENEWAL_STAGES.indexOf(c.stage as (typeof RENEWAL_STAGES)[number]);
  const stages = RENEWAL_STAGES.map(
    (s, i) =>
      `<li class="${i < stageIdx ? 'done' : i === stageIdx ? 'now' : ''}">${esc(t.stages[s])}</li>`,
  ).join('');
  const release = RULES.renewal.fundRelease.value
    .map(
      (r) =>
        `<li>${Math.round(r.share * 100)}%${c.budgetWan ? ` (${(c.budgetWan * r.share).toFixed(1)})` : ''} @ ${Math.round(r.atProgress * 100)}%${'retainedYears' in r ? ` +${r.retainedYears}a` : ''}</li>`,
    )
    .join('');
  const s = ind.diff.summary;
  return `<section class="sheet">
<header>
  <h1>${esc(c.name)} <small>${esc(t.title)}</small></h1>
  <div class="meta">${esc(input.districtName)} · ${esc(t.after)}: ${esc(ind.scenario.name)} · ${c.builtYear ? `${esc(t.built)} ${c.builtYear} · ` : ''}${c.households ?? '–'} ${esc(t.households)} · ${c.buildingCount ?? '–'} ${esc(t.buildings)}${c.floorAreaSqM ? ` · ${Math.round(c.floorAreaSqM).toLocaleString('en')} m²` : ''}</div>
</header>
<div class="maps">
  <figure><figcaption>${esc(t.before)}</figcaption>${beforeMap}</figure>
  <figure><figcaption>${esc(t.after)}</figcaption>${afterMap}</figure>
</div>
<p class="legend">${esc(t.legend)} · ${esc(t.changes)}: ${s.added} ${esc(t.addedF)}, ${s.removed} ${esc(t.removedF)}, ${s.modified} ${esc(t.modifiedF)}</p>
<div class="grid">
  <div>
    <h2>${esc(t.parking)}</h2>
    <table class="ledger"><tr><th>${esc(t.existing)}</th><th>${esc(t.removed)}</th><th>${esc(t.added)}</th><th>${esc(t.net)}</th><th>${esc(t.proposed)}</th></tr>
    <tr><td>${p.existing}${p.existingEstimated > 0 ? `<sup class="estimated">${esc(t.estimated)}</sup>` : ''}</td><td>${p.removed ? `−${p.removed}` : 0}</td><td>${p.added ? `+${p.added}` : 0}</td><td class="net">${signed(p.net)}</td><td>${p.proposed}</td></tr></table>
    ${existingSources(p, t)}
    <h2>${esc(t.compliance)}</h2>
    <table class="ledger"><tr><th></th><th>${esc(t.before)}</th><th>${esc(t.after)}</th></tr>
    <tr><td>${esc(t.violations)}</td><td>${fl.baseline.errors}</td><td>${fl.proposal.errors}</td></tr>
    <tr><td>${esc(t.warnings)}</td><td>${fl.baseline.warnings}</td><td>${fl.proposal.warnings}</td></tr></table>
    ${ind.rules ? renderRuleOverrides(ind.rules, lang) : ''}
    <h2>${esc(t.budget)}</h2>
    <p class="budget">${esc(t.budgetWan)}: <strong>${c.budgetWan ?? '–'}</strong></p>
    ${c.stage === null ? `<p class="stage-unset">${esc(t.stageNotSet)}</p>` : ''}<ol class="stages">${stages}</ol>
    <p class="release">${esc(t.release)}:</p><ul class="release">${release}</ul>
  </div>
  <div>
    <h2>${esc(t.coverage)}</h2>
    ${edge ? `<p class="data-edge" data-data-edge>⚠ ${esc(t.dataEdge)}: ${esc(t.dataEdgeNote)}</p>` : ''}
    <p class="min15">${esc(t.min15)}: ${share(ind.coverage.baseline.min15Share)} → <strong>${share(ind.coverage.proposal.min15Share)}</strong></p>
    <div class="bars">${bars || `<p>${esc(t.none)}</p>`}</div>
  </div>
</div>
<footer>GB 50016-2014 (2018) · GB 50180-2018 · JGJ 100-2015 · 国办发〔2020〕23号 · Map data © OpenStreetMap contributors (ODbL)</footer>
</section>`;
}
