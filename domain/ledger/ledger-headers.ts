import type { CommunityField, ItemField, LedgerSheetKind, LedgerText } from './ledger-types';

/**
 * How a value is scaled from the header's unit to the stored unit (万元, m², %). `null` unit:
 * a header without one. A header whose unit is not listed is refused (never guessed).
 */
export type UnitScale = Readonly<Record<string, number>>;

export interface LedgerHeader {
  readonly field: CommunityField | ItemField;
  readonly label: LedgerText;
  /** Normalised header texts (normalizeLedgerHeader: NFKC, lower case, no spaces or units). */
  readonly names: readonly string[];
  /** Units accepted in the header (normalised: ㎡ → m2, （万元） → 万元) and their factor. */
  readonly units?: UnitScale;
}

const BUDGET_UNITS: UnitScale = {
  '': 1,
  万元: 1,
  '10kcny': 1,
  '10,000cny': 1,
  '10000cny': 1,
  '10000yuan': 1,
  元: 1e-4,
  cny: 1e-4,
  yuan: 1e-4,
  亿元: 1e4,
};
const AREA_UNITS: UnitScale = {
  '': 1,
  m2: 1,
  平方米: 1,
  平米: 1,
  sqm: 1,
  万m2: 1e4,
  万平方米: 1e4,
  万平米: 1e4,
};
const COUNT_UNITS = (unit: string): UnitScale => ({ '': 1, [unit]: 1, 个: 1 });

const CODE: LedgerHeader = {
  field: 'code',
  label: { zh: '小区编码', en: 'code' },
  names: ['小区编码', '小区代码', '小区编号', '编码', '代码', 'code', 'communitycode'],
};
const NAME: LedgerHeader = {
  field: 'name',
  label: { zh: '小区名称', en: 'community' },
  names: [
    '小区名称',
    '小区',
    '小区名',
    '所属小区',
    '小区(院落)名称',
    '院落名称',
    '名称',
    'name',
    'community',
    'communityname',
  ],
};
const BUDGET: LedgerHeader = {
  field: 'budgetWan',
  label: { zh: '投资(万元)', en: 'budget (万元)' },
  names: [
    '投资',
    '投资估算',
    '估算投资',
    '总投资',
    '投资额',
    '计划投资',
    '概算',
    '投资概算',
    '概算投资',
    '预算',
    '改造资金',
    '改造投资',
    'budget',
    'investment',
  ],
  units: BUDGET_UNITS,
};

/** Community sheet (one row per 小区): the register's figures. */
export const COMMUNITY_HEADERS: readonly LedgerHeader[] = [
  CODE,
  NAME,
  {
    field: 'street',
    label: { zh: '街道', en: 'street' },
    names: ['街道', '所属街道', '街道办事处', '街镇', '街道(乡镇)', 'street', 'subdistrict'],
  },
  {
    field: 'builtYear',
    label: { zh: '建成年份', en: 'built year' },
    names: [
      '建成年份',
      '建成年代',
      '建成时间',
      '建设年代',
      '建设年份',
      '竣工年份',
      '建成年',
      'builtyear',
      'yearbuilt',
    ],
    units: { '': 1, 年: 1 },
  },
  {
    field: 'households',
    label: { zh: '户数', en: 'households' },
    names: ['户数', '总户数', '居民户数', '住户数', '涉及户数', '受益户数', 'households'],
    units: COUNT_UNITS('户'),
  },
  {
    field: 'buildings',
    label: { zh: '楼栋数', en: 'buildings' },
    names: ['楼栋数', '栋数', '楼数', '幢数', '楼栋', '楼栋数量', 'buildings', 'buildingcount'],
    units: COUNT_UNITS('栋'),
  },
  {
    field: 'floorAreaSqM',
    label: { zh: '建筑面积(㎡)', en: 'floor area (m²)' },
    names: [
      '建筑面积',
      '总建筑面积',
      '住宅建筑面积',
      '房屋建筑面积',
      'floorarea',
      'grossfloorarea',
    ],
    units: AREA_UNITS,
  },
  {
    field: 'stage',
    label: { zh: '阶段', en: 'stage' },
    names: ['阶段', '改造阶段', '实施阶段', '进展阶段', '项目阶段', 'stage'],
  },
  BUDGET,
  {
    field: 'fundingSource',
    label: { zh: '资金来源', en: 'funding source' },
    names: ['资金来源', '资金渠道', 'fundingsource', 'funding'],
  },
  {
    field: 'renewalContent',
    label: { zh: '改造内容', en: 'renewal content' },
    names: ['改造内容', '主要改造内容', '建设内容', '改造项目', 'renewalcontent', 'scopeofworks'],
  },
];

/** Items sheet (项目库: one row per intervention of a 小区). */
export const ITEM_HEADERS: readonly LedgerHeader[] = [
  CODE,
  NAME,
  {
    field: 'itemName',
    label: { zh: '改造内容', en: 'item' },
    names: [
      '改造内容',
      '改造项目',
      '项目名称',
      '项目',
      '建设内容',
      '改造事项',
      'item',
      'itemname',
      'intervention',
    ],
  },
  {
    field: 'category',
    label: { zh: '改造类别', en: 'category' },
    names: ['改造类别', '类别', '项目类别', '改造类型', '类型', 'category'],
  },
  {
    field: 'quantity',
    label: { zh: '数量', en: 'quantity' },
    names: ['数量', '工程量', '规模', 'quantity', 'qty'],
  },
  {
    field: 'unit',
    label: { zh: '单位', en: 'unit' },
    names: ['单位', '计量单位', 'unit'],
  },
  BUDGET,
  {
    field: 'phase',
    label: { zh: '阶段', en: 'phase' },
    names: ['阶段', '实施阶段', '改造阶段', '进展阶段', 'phase', 'stage'],
  },
  {
    field: 'progressPct',
    label: { zh: '进度(%)', en: 'progress (%)' },
    names: ['进度', '完成进度', '形象进度', '完成比例', '工程进度', 'progress'],
    units: { '': 1, '%': 1 },
  },
  {
    field: 'acceptedOn',
    label: { zh: '竣工验收日期', en: 'accepted on' },
    names: [
      '竣工验收日期',
      '验收日期',
      '竣工验收时间',
      '验收时间',
      '竣工日期',
      'acceptedon',
      'acceptancedate',
    ],
  },
];

/**
 * Columns the register export writes that are computed, not recorded (the category mix, funds
 * released, plan metrics …) and ledger bookkeeping (序号, 备注): recognised so a re-imported
 * export reads cleanly, and never written.
 */
export const COMPUTED_HEADERS: readonly string[] = [
  '序号',
  '编号',
  '备注',
  '说明',
  '基础类',
  '完善类',
  '提升类',
  '项目预算合计',
  '项目合计',
  '户均',
  '户均投资',
  '已拨付',
  '拨付比例',
  '待拨付',
  '新增车位',
  '服务覆盖缺口',
  '消防通道问题',
  '审查状态',
  '方案',
  'no',
  'no.',
  'remarks',
  'note',
  'basic',
  'improvement',
  'upgrade',
  'itemstotal',
  'perhousehold',
  'released',
  'releasedshare',
  'pending',
  'parkingadded',
  'coveragegaps',
  'firelaneissues',
  'fire-laneissues',
  'reviewstate',
  'proposal',
];

export const HEADERS_OF: Readonly<Record<LedgerSheetKind, readonly LedgerHeader[]>> = {
  communities: COMMUNITY_HEADERS,
  items: ITEM_HEADERS,
};
