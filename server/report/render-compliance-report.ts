import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { FireLaneResult } from '../../domain/fire-lanes/types';
import type { OverrideLine } from '../../domain/standards/list-overrides';
import type { ProjectContext } from '../../domain/standards/rules';
import { renderRuleOverrides } from './render-rule-overrides';
import { svgMiniMap, type MiniMapLayer } from './svg-mini-map';
import { escapeHtml as esc } from '../http/escape-html';

export interface ComplianceReportInput {
  communityName: string;
  scenarioName: string;
  scenarioKind: 'baseline' | 'proposal';
  /** The features the check read (flat properties with `kind`). */
  features: FeatureCollection;
  result: FireLaneResult;
  lang: 'zh' | 'en';
  generatedAt: Date;
  /** The project's context and overridden rules (本项目地方标准), printed under the header. */
  rules?: { context: ProjectContext; overrides: readonly OverrideLine[] };
}

const TEXT = {
  zh: {
    title: '消防车通道合规报告',
    scenario: '方案',
    baseline: '现状',
    proposal: '方案',
    generated: '生成时间',
    summary: '检查结果',
    rule: '规则',
    count: '数量',
    errors: '违规',
    warnings: '提示',
    none: '未发现问题。',
    findings: '问题清单',
    measured: '实测',
    required: '要求',
    feature: '要素',
    clause: '条文',
    governs: '适用规范',
    overview: '总图',
    legend: '红: 问题位置; 深红线及浅红带: 消防车道及其净宽; 灰: 建筑; 蓝: 车位',
    error: '违规',
    warning: '提示',
    print: '打印 / 另存为 PDF',
  },
  en: {
    title: 'Fire-lane compliance report',
    scenario: 'Scenario',
    baseline: 'Baseline',
    proposal: 'Proposal',
    generated: 'Generated',
    summary: 'Result',
    rule: 'Rule',
    count: 'Count',
    errors: 'violations',
    warnings: 'warnings',
    none: 'No problems found.',
    findings: 'Findings',
    measured: 'Measured',
    required: 'Required',
    feature: 'Feature',
    clause: 'Clause',
    governs: 'Governing code',
    overview: 'Overview',
    legend:
      'Red: problem; dark red line and pale band: fire lane and its clear width; grey: buildings; blue: stalls',
    error: 'violation',
    warning: 'warning',
    print: 'Print / save as PDF',
  },
} as const;

const byKind = (fc: FeatureCollection, kinds: string[]): Feature[] =>
  fc.features.filter(
    (f) =>
      kinds.includes(String(f.properties?.kind)) ||
      (kinds.includes('fire_lane') && f.properties?.fireLane === true),
  );

/**
 * The printable compliance report of one scenario: a summary by rule, an overview map and one
 * entry per finding (rule, clause, message, measured vs required) with a mini-map of where it
 * is. Plain HTML with inline SVG, A4 print styles; the browser prints it to PDF.
 */
export function renderComplianceReport(input: ComplianceReportInput): string {
  const t = TEXT[input.lang];
  const { result, features } = input;
  const base: MiniMapLayer[] = [
    {
      features: byKind(features, ['green']),
      style: { fill: '#dcebd3', stroke: 'none', strokeWidthPx: 0 },
    },
    {
      features: byKind(features, ['road', 'footway']),
      style: { fill: 'none', stroke: '#c9c3b8', strokeWidthPx: 2 },
    },
    {
      features: byKind(features, ['building']),
      style: { fill: '#cfc8bd', stroke: '#8d8577', strokeWidthPx: 0.6 },
    },
    {
      features: byKind(features, ['parking_stall', 'parking_area']),
      style: { fill: '#c9dcf3', stroke: '#4a78b5', strokeWidthPx: 0.6 },
    },
    // The lane's clear width (GB 50016 §7.1.8: ≥ 4 m) as a translucent band, then its centreline.
    {
      features: byKind(features, ['fire_lane']),
      style: {
        fill: 'none',
        stroke: '#e57373',
        strokeWidthPx: 0,
        opacity: 0.35,
        minWidthFromPropertyM: 4,
      },
    },
    {
      features: byKind(features, ['fire_lane']),
      style: { fill: 'none', stroke: '#a31d1d', strokeWidthPx: 1.5 },
    },
  ];
  const problem = (geoms: Geometry[]): MiniMapLayer => ({
    features: geoms.map((geometry) => ({ type: 'Feature', properties: {}, geometry })),
    style: { fill: '#e53935', stroke: '#b71c1c', strokeWidthPx: 1.5, opacity: 0.75 },
  });
  const lanes = byKind(features, ['fire_lane']).map((f) => f.geometry);
  const overviewFocus = lanes.length
    ? lanes
    : features.features.map((f) => f.geometry).filter(Boolean);
  const overview = overviewFocus.length
    ? svgMiniMap(
        [...base, problem(result.violations.features.map((v) => v.geometry))],
        overviewFocus,
        {
          widthPx: 640,
          heightPx: 360,
          marginM: 40,
        },
      )
    : '';
  const rows = Object.entries(result.summary.byRule)
    .filter(([, n]) => n > 0)
    .map(([rule, n]) => `<tr><td>${esc(rule)}</td><td class="n">${n}</td></tr>`)
    .join('');
  const findings = result.violations.features
    .map((v, i) => {
      const p = v.properties;
      const message = input.lang === 'zh' ? p.messageZh : p.messageEn;
      const map = svgMiniMap([...base, problem([v.geometry])], [v.geometry], {
        widthPx: 220,
        heightPx: 160,
        marginM: 25,
      });
      return `<article class="finding ${esc(p.severity)}">
  <div class="map">${map}</div>
  <div class="text">
    <h3>${i + 1}. ${esc(p.ruleId)} <span class="sev">${esc(p.severity === 'error' ? t.error : t.warning)}</span></h3>
    <p>${esc(message)}</p>
    <dl>
      <dt>${t.clause}</dt><dd>${esc(p.clause)}</dd>
      ${p.governs ? `<dt>${t.governs}</dt><dd>${esc(p.governs)}</dd>` : ''}
      ${p.measured !== undefined && p.measured !== null ? `<dt>${t.measured}</dt><dd>${esc(p.measured)} ${esc(p.unit ?? '')}</dd>` : ''}
      ${p.required !== undefined && p.required !== null ? `<dt>${t.required}</dt><dd>${esc(p.required)} ${esc(p.unit ?? '')}</dd>` : ''}
      ${p.featureId !== undefined && p.featureId !== null ? `<dt>${t.feature}</dt><dd>#${esc(p.featureId)}</dd>` : ''}
    </dl>
  </div>
</article>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="${input.lang === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<title>${esc(t.title)} · ${esc(input.communityName)} · ${esc(input.scenarioName)}</title>
<style>
  @page { size: A4; margin: 14mm; }
  body { font-family: 'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif; color: #1d2733; margin: 24px; }
  header { border-bottom: 2px solid #1d3b5c; margin-bottom: 16px; padding-bottom: 8px; }
  h1 { font-size: 20px; margin: 0 0 4px; } h2 { font-size: 16px; margin: 18px 0 8px; color: #1d3b5c; }
  .meta { color: #5b6674; font-size: 12px; }
  table { border-collapse: collapse; font-size: 13px; } td, th { border: 1px solid #d5dae0; padding: 4px 10px; } td.n { text-align: right; }
  .totals { font-size: 14px; margin: 6px 0 10px; }
  .finding { display: flex; gap: 14px; border: 1px solid #d5dae0; border-left: 4px solid #e53935; padding: 8px; margin: 8px 0; break-inside: avoid; }
  .finding.warning { border-left-color: #f39c12; }
  .finding h3 { font-size: 14px; margin: 0 0 4px; } .sev { font-size: 11px; color: #fff; background: #e53935; border-radius: 3px; padding: 1px 5px; }
  .warning .sev { background: #f39c12; }
  .finding p { margin: 0 0 6px; font-size: 13px; }
  dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 10px; font-size: 12px; margin: 0; } dt { color: #5b6674; }
  .legend, footer { font-size: 11px; color: #5b6674; }
  button.print { float: right; } @media print { button.print { display: none; } }
</style>
</head>
<body>
<header>
  <button class="print" onclick="window.print()">${esc(t.print)}</button>
  <h1>${esc(t.title)}</h1>
  <div class="meta">${esc(input.communityName)} · ${esc(t.scenario)}: ${esc(input.scenarioName)} (${esc(input.scenarioKind === 'baseline' ? t.baseline : t.proposal)}) · ${esc(t.generated)}: ${esc(input.generatedAt.toISOString().slice(0, 16).replace('T', ' '))} UTC</div>
${input.rules ? renderRuleOverrides(input.rules, input.lang) : ''}
</header>
<h2>${esc(t.summary)}</h2>
<p class="totals"><strong>${result.summary.errors}</strong> ${esc(t.errors)} · <strong>${result.summary.warnings}</strong> ${esc(t.warnings)}</p>
${rows ? `<table><tr><th>${esc(t.rule)}</th><th>${esc(t.count)}</th></tr>${rows}</table>` : `<p>${esc(t.none)}</p>`}
${overview ? `<h2>${esc(t.overview)}</h2>${overview}<p class="legend">${esc(t.legend)}</p>` : ''}
${findings ? `<h2>${esc(t.findings)}</h2>${findings}` : ''}
<footer><p>GB 50016-2014 (2018) §7.1–7.2 · GB 55037-2022 · 消防法 §28. Map data © OpenStreetMap contributors (ODbL).</p></footer>
</body>
</html>`;
}
