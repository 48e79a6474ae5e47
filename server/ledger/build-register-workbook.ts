import ExcelJS from 'exceljs';
import type { LedgerCommunity, LedgerItem } from '../../domain/ledger/ledger-types';
import { releaseFunds } from '../../domain/renewal/release-funds';
import type { DistrictRegister } from '../register/compute-district-register';

export type WorkbookLang = 'zh' | 'en';

const STAGE: Record<WorkbookLang, Record<string, string>> = {
  zh: {
    publicity: '宣传发动',
    planning: '制订方案/公示',
    construction: '施工',
    acceptance: '竣工验收',
  },
  en: {
    publicity: 'publicity',
    planning: 'planning',
    construction: 'construction',
    acceptance: 'acceptance',
  },
};
const CATEGORY: Record<WorkbookLang, Record<string, string>> = {
  zh: { basic: '基础类', improvement: '完善类', upgrade: '提升类' },
  en: { basic: 'basic', improvement: 'improvement', upgrade: 'upgrade' },
};
const REVIEW: Record<WorkbookLang, Record<string, string>> = {
  zh: { draft: '草稿', submitted: '审查中', returned: '已退回', approved: '已批准' },
  en: { draft: 'draft', submitted: 'submitted', returned: 'returned', approved: 'approved' },
};

/** Excel number formats: counts, 万元 with two decimals, m² with one, shares as %, days. */
const FMT = {
  int: '#,##0',
  year: '0',
  area: '#,##0.0',
  wan: '#,##0.00',
  pct: '0.0%',
  date: 'yyyy-mm-dd',
} as const;

interface Column<R> {
  zh: string;
  en: string;
  width: number;
  fmt?: string;
  /** Sum this column in the totals row (formula with its cached value). */
  sum?: boolean;
  value: (r: R, i: number) => ExcelJS.CellValue;
}

const wan = (x: number): number => Math.round(x * 100) / 100;

/**
 * Fill a sheet: a merged title row, the header row (bold, filled, wrapped, frozen with the
 * identifying columns, autofilter), one typed row per record, and a totals row whose SUM
 * formulas carry their cached values (Excel shows them before recalculating; readers that
 * never calculate see them too). Returns the totals row number.
 */
function fillSheet<R>(
  ws: ExcelJS.Worksheet,
  title: string,
  lang: WorkbookLang,
  columns: Column<R>[],
  records: readonly R[],
  totalsLabel: { column: number; text: string },
): void {
  const n = columns.length;
  ws.mergeCells(1, 1, 1, n);
  const titleCell = ws.getCell(1, 1);
  titleCell.value = title;
  titleCell.font = { bold: true, size: 14 };
  titleCell.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 24;
  const header = ws.getRow(2);
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = lang === 'en' ? c.en : c.zh;
    cell.font = { bold: true };
    cell.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE5E7EB' } };
    cell.border = { bottom: { style: 'thin' } };
    ws.getColumn(i + 1).width = c.width;
  });
  header.height = 32;
  records.forEach((r, k) => {
    const row = ws.getRow(3 + k);
    columns.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      const v = c.value(r, k);
      cell.value = v === undefined ? null : v;
      if (c.fmt) cell.numFmt = c.fmt;
    });
  });
  const first = 3;
  const last = 2 + records.length;
  const totals = ws.getRow(last + 1);
  totals.getCell(totalsLabel.column).value = totalsLabel.text;
  columns.forEach((c, i) => {
    if (!c.sum) return;
    const cell = totals.getCell(i + 1);
    const letter = ws.getColumn(i + 1).letter;
    let result = 0;
    records.forEach((r, k) => {
      const v = c.value(r, k);
      if (typeof v === 'number') result += v;
    });
    cell.value = {
      formula: records.length ? `SUM(${letter}${first}:${letter}${last})` : '0',
      result: Math.round(result * 100) / 100,
    };
    if (c.fmt) cell.numFmt = c.fmt;
  });
  totals.font = { bold: true };
  totals.eachCell((cell) => {
    cell.border = { top: { style: 'thin' } };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF9FAFB' } };
  });
  ws.views = [{ state: 'frozen', xSplit: 3, ySplit: 2 }];
  ws.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2, column: n } };
}

/**
 * The district register as an Excel workbook officials open as it is: sheet 1 the register (one
 * row per community with the recorded figures and the computed plan metrics), sheet 2 the
 * intervention items, sheet 3 what the columns mean and where the numbers come from. Headers in
 * Chinese (or English), typed cells with number formats, frozen headers, autofilter, totals rows
 * with SUM formulas and cached values equal to the register's totals. It re-imports cleanly:
 * the import recognises every recorded column and ignores the computed ones.
 */
export function buildRegisterWorkbook(input: {
  districtName: string;
  register: DistrictRegister;
  communities: readonly LedgerCommunity[];
  items: readonly LedgerItem[];
  lang: WorkbookLang;
  source: string;
}): ExcelJS.Workbook {
  const { register, lang } = input;
  const zh = lang === 'zh';
  const recorded = new Map(input.communities.map((c) => [c.id, c]));
  const nameOf = new Map(input.communities.map((c) => [c.id, c]));
  const wb = new ExcelJS.Workbook();
  wb.creator = '老旧小区改造规划图 Renewal planning map';
  wb.created = new Date(`${register.asOf}T00:00:00Z`);
  wb.modified = wb.created;

  type Entry = DistrictRegister['communities'][number];
  const rec = (e: Entry) => recorded.get(e.id);
  const communityColumns: Column<Entry>[] = [
    { zh: '序号', en: 'No.', width: 6, value: (_e, i) => i + 1 },
    { zh: '小区编码', en: 'Code', width: 12, value: (e) => rec(e)?.code ?? null },
    { zh: '小区名称', en: 'Community', width: 22, value: (e) => e.name },
    { zh: '街道', en: 'Street', width: 12, value: (e) => rec(e)?.street ?? null },
    { zh: '建成年份', en: 'Built year', width: 9, fmt: FMT.year, value: (e) => e.builtYear },
    { zh: '户数', en: 'Households', width: 9, fmt: FMT.int, sum: true, value: (e) => e.households },
    { zh: '楼栋数', en: 'Buildings', width: 8, fmt: FMT.int, sum: true, value: (e) => e.buildings },
    {
      zh: '建筑面积(㎡)',
      en: 'Floor area (m²)',
      width: 13,
      fmt: FMT.area,
      sum: true,
      value: (e) => e.floorAreaSqM,
    },
    {
      zh: '改造阶段',
      en: 'Stage',
      width: 13,
      value: (e) =>
        e.stage == null
          ? lang === 'zh'
            ? '未设定'
            : 'not set'
          : (STAGE[lang][e.stage] ?? e.stage),
    },
    {
      zh: '投资估算(万元)',
      en: 'Budget (万元)',
      width: 13,
      fmt: FMT.wan,
      sum: true,
      value: (e) => rec(e)?.budgetWan ?? null,
    },
    {
      zh: '资金来源',
      en: 'Funding source',
      width: 16,
      value: (e) => rec(e)?.fundingSource ?? null,
    },
    {
      zh: '改造内容',
      en: 'Renewal content',
      width: 30,
      value: (e) => rec(e)?.renewalContent ?? null,
    },
    {
      zh: '基础类(万元)',
      en: 'Basic (万元)',
      width: 11,
      fmt: FMT.wan,
      sum: true,
      value: (e) => e.categoryMixWan.basic,
    },
    {
      zh: '完善类(万元)',
      en: 'Improvement (万元)',
      width: 11,
      fmt: FMT.wan,
      sum: true,
      value: (e) => e.categoryMixWan.improvement,
    },
    {
      zh: '提升类(万元)',
      en: 'Upgrade (万元)',
      width: 11,
      fmt: FMT.wan,
      sum: true,
      value: (e) => e.categoryMixWan.upgrade,
    },
    {
      zh: '预算合计(万元)',
      en: 'Budget total (万元)',
      width: 13,
      fmt: FMT.wan,
      sum: true,
      value: (e) => e.budgetWan,
    },
    {
      zh: '户均(万元)',
      en: 'Per household (万元)',
      width: 10,
      fmt: '#,##0.000',
      value: (e) => e.budgetPerHouseholdWan,
    },
    {
      zh: '已拨付(万元)',
      en: 'Released (万元)',
      width: 12,
      fmt: FMT.wan,
      sum: true,
      value: (e) => e.register.releasedWan,
    },
    {
      zh: '拨付比例',
      en: 'Released share',
      width: 9,
      fmt: FMT.pct,
      value: (e) =>
        e.budgetWan ? Math.round((e.register.releasedWan / e.budgetWan) * 1000) / 1000 : null,
    },
    {
      zh: '新增车位',
      en: 'Parking added',
      width: 9,
      fmt: FMT.int,
      sum: true,
      value: (e) => e.parkingAdded,
    },
    {
      zh: '服务覆盖缺口',
      en: 'Coverage gaps',
      width: 18,
      value: (e) => e.coverageGaps.join(' ') || null,
    },
    {
      zh: '消防通道问题',
      en: 'Fire-lane issues',
      width: 10,
      fmt: FMT.int,
      sum: true,
      value: (e) => e.violations,
    },
    {
      zh: '审查状态',
      en: 'Review state',
      width: 9,
      value: (e) => (e.reviewState ? (REVIEW[lang][e.reviewState] ?? e.reviewState) : null),
    },
  ];
  const title = zh
    ? `${input.districtName} 老旧小区改造台账 (截至 ${register.asOf})`
    : `${input.districtName}: renewal register as of ${register.asOf}`;
  const t = register.totals;
  fillSheet(
    wb.addWorksheet(zh ? '片区台账' : 'Register'),
    title,
    lang,
    communityColumns,
    register.communities,
    {
      column: 3,
      text: zh ? `合计 (${t.communities} 个小区)` : `Total (${t.communities} communities)`,
    },
  );

  const asOf = register.asOf;
  const itemColumns: Column<LedgerItem>[] = [
    { zh: '序号', en: 'No.', width: 6, value: (_r, i) => i + 1 },
    {
      zh: '小区编码',
      en: 'Code',
      width: 12,
      value: (r) => nameOf.get(r.communityId)?.code ?? null,
    },
    {
      zh: '小区名称',
      en: 'Community',
      width: 22,
      value: (r) => nameOf.get(r.communityId)?.name ?? null,
    },
    {
      zh: '改造类别',
      en: 'Category',
      width: 10,
      value: (r) => CATEGORY[lang][r.category] ?? r.category,
    },
    { zh: '改造内容', en: 'Item', width: 28, value: (r) => r.name },
    { zh: '数量', en: 'Quantity', width: 9, fmt: '#,##0.##', value: (r) => r.quantity },
    { zh: '单位', en: 'Unit', width: 7, value: (r) => r.unit },
    {
      zh: '投资(万元)',
      en: 'Budget (万元)',
      width: 12,
      fmt: FMT.wan,
      sum: true,
      value: (r) => r.budgetWan,
    },
    { zh: '阶段', en: 'Phase', width: 13, value: (r) => STAGE[lang][r.phase] ?? r.phase },
    {
      zh: '进度',
      en: 'Progress',
      width: 8,
      fmt: FMT.pct,
      value: (r) => Math.round(r.progressPct * 10) / 1000,
    },
    {
      zh: '竣工验收日期',
      en: 'Accepted on',
      width: 12,
      fmt: FMT.date,
      value: (r) => (r.acceptedOn ? new Date(`${r.acceptedOn}T00:00:00Z`) : null),
    },
    {
      zh: '已拨付(万元)',
      en: 'Released (万元)',
      width: 12,
      fmt: FMT.wan,
      sum: true,
      value: (r) => wan(releaseFunds({ ...r, asOf }).releasedWan),
    },
  ];
  const items = [...input.items].sort(
    (a, b) =>
      (nameOf.get(a.communityId)?.name ?? '').localeCompare(
        nameOf.get(b.communityId)?.name ?? '',
        'zh-CN',
      ) || a.id - b.id,
  );
  fillSheet(
    wb.addWorksheet(zh ? '改造项目' : 'Items'),
    zh
      ? `${input.districtName} 改造项目清单 (截至 ${asOf})`
      : `${input.districtName}: intervention items as of ${asOf}`,
    lang,
    itemColumns,
    items,
    { column: 3, text: zh ? `合计 (${items.length} 项)` : `Total (${items.length} items)` },
  );

  const about = wb.addWorksheet(zh ? '说明' : 'About');
  about.getColumn(1).width = 22;
  about.getColumn(2).width = 90;
  const lines: [string, string][] = zh
    ? [
        ['片区', input.districtName],
        ['统计日期', asOf],
        ['来源', input.source],
        ['投资估算(万元)', '台账登记的小区投资估算; 导入时写入'],
        ['预算合计(万元)', '小区有改造项目时为项目投资之和, 否则为投资估算; 计算列, 导入时忽略'],
        [
          '已拨付(万元)',
          '按进度拨付: 进度 50% 拨 30%, 80% 再拨 30%, 竣工验收拨 30%, 质保一年后拨 10%',
        ],
        [
          '新增车位 / 服务覆盖缺口 / 消防通道问题',
          '按各小区最新方案计算 (停车台账, GB 50180 生活圈, GB 50016 消防通道); 计算列',
        ],
        ['户数 / 建筑面积', '未经台账登记的数字由地图估算 (楼层数缺省时按规则表)'],
        ['导入', '本文件可直接重新导入: 按小区编码、名称匹配, 预览确认后一次写入'],
        ['地图数据', '© OpenStreetMap contributors (ODbL 1.0)'],
      ]
    : [
        ['District', input.districtName],
        ['As of', asOf],
        ['Source', input.source],
        ['Budget (万元)', "the community's budget on record; imported"],
        [
          'Budget total (万元)',
          'the items total when the community has items, else the budget on record; computed, not imported',
        ],
        [
          'Released (万元)',
          'funds by progress: 30 % at 50 %, 30 % at 80 %, 30 % on acceptance, 10 % after a year of warranty',
        ],
        [
          'Parking / coverage / fire lanes',
          "computed on each community's latest plan (parking ledger, GB 50180, GB 50016); not imported",
        ],
        ['Households / floor area', 'where the ledger has none, estimated from the map'],
        [
          'Import',
          'this file re-imports as it is: matched by code and name, previewed, applied in one go',
        ],
        ['Map data', '© OpenStreetMap contributors (ODbL 1.0)'],
      ];
  lines.forEach(([k, v], i) => {
    const row = about.getRow(i + 1);
    row.getCell(1).value = k;
    row.getCell(1).font = { bold: true };
    row.getCell(2).value = v;
    row.getCell(2).alignment = { wrapText: true };
  });
  return wb;
}
