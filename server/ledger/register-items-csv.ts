import type { LedgerCommunity, LedgerItem } from '../../domain/ledger/ledger-types';
import { toCsv } from '../presentation/to-csv';

const CATEGORY_ZH: Record<string, string> = {
  basic: '基础类',
  improvement: '完善类',
  upgrade: '提升类',
};
const STAGE_ZH: Record<string, string> = {
  publicity: '宣传发动',
  planning: '制订方案/公示',
  construction: '施工',
  acceptance: '竣工验收',
};

/**
 * The district's intervention items (项目库) as CSV for Excel (UTF-8 with BOM, zh-CN headers),
 * one row per item in community order; the ledger import reads it back as an items sheet.
 */
export function registerItemsCsv(
  communities: readonly LedgerCommunity[],
  items: readonly LedgerItem[],
): string {
  const of = new Map(communities.map((c) => [c.id, c]));
  const sorted = [...items].sort(
    (a, b) =>
      (of.get(a.communityId)?.name ?? '').localeCompare(
        of.get(b.communityId)?.name ?? '',
        'zh-CN',
      ) || a.id - b.id,
  );
  return toCsv(
    [
      '小区编码',
      '小区名称',
      '改造类别',
      '改造内容',
      '数量',
      '单位',
      '投资(万元)',
      '阶段',
      '进度(%)',
      '竣工验收日期',
    ],
    sorted.map((i) => [
      of.get(i.communityId)?.code ?? '',
      of.get(i.communityId)?.name ?? '',
      CATEGORY_ZH[i.category] ?? i.category,
      i.name,
      i.quantity,
      i.unit,
      i.budgetWan,
      STAGE_ZH[i.phase] ?? i.phase,
      i.progressPct,
      i.acceptedOn ?? '',
    ]),
  );
}
