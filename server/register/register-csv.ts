import type { DistrictRegister } from './compute-district-register';

const STAGE_ZH: Record<string, string> = {
  publicity: '宣传发动',
  planning: '制订方案/公示',
  construction: '施工',
  acceptance: '竣工验收',
};

/** One CSV field (RFC 4180): quoted when it holds a comma, quote or line break. */
const field = (v: unknown): string => {
  const s = v === null || v === undefined ? '' : String(v);
  // Cells starting with = + - @ are formulas to Excel: prefix a quote (CSV injection).
  const safe = /^[=+\-@]/.test(s) && !/^-?\d/.test(s) ? `'${s}` : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
};

/**
 * The district register as CSV for Excel: UTF-8 with a byte-order mark (Excel otherwise reads
 * Chinese as ANSI), CRLF line ends, zh-CN headers, one row per community and a totals row.
 */
export function registerCsv(register: DistrictRegister): string {
  const header = [
    '小区',
    '建成年代',
    '户数',
    '楼栋数',
    '建筑面积(m²)',
    '改造阶段',
    '基础类(万元)',
    '完善类(万元)',
    '提升类(万元)',
    '预算(万元)',
    '户均(万元)',
    '新增车位',
    '服务覆盖缺口',
    '消防通道问题',
    '已拨付(万元)',
  ];
  const lines = [header.map(field).join(',')];
  for (const c of register.communities) {
    lines.push(
      [
        c.name,
        c.builtYear,
        c.households,
        c.buildings,
        c.floorAreaSqM,
        c.stage === null ? '未设定' : (STAGE_ZH[c.stage] ?? c.stage),
        c.categoryMixWan.basic,
        c.categoryMixWan.improvement,
        c.categoryMixWan.upgrade,
        c.budgetWan,
        c.budgetPerHouseholdWan,
        c.parkingAdded,
        c.coverageGaps.join(' '),
        c.violations,
        c.register.releasedWan,
      ]
        .map(field)
        .join(','),
    );
  }
  const t = register.totals;
  lines.push(
    [
      `合计: ${t.communities} 个小区, ${t.buildings} 栋, ${t.floorAreaWanSqM}万 m², ${t.budgetWan}万元`,
      '',
      t.households,
      t.buildings,
      t.floorAreaSqM,
      '',
      '',
      '',
      '',
      t.budgetWan,
      '',
      t.parkingAdded,
      '',
      t.violations,
      t.releasedWan,
    ]
      .map(field)
      .join(','),
  );
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
