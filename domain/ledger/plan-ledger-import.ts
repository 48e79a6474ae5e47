import { RENEWAL_STAGES, type RenewalStage } from '../model/renewal-stages';
import { detectLedgerSheet } from './detect-ledger-sheet';
import type {
  CellError,
  CommunityField,
  CommunityValues,
  FieldChange,
  ItemValues,
  LedgerCommunity,
  LedgerItem,
  LedgerPlan,
  LedgerPreview,
  LedgerRowPreview,
  LedgerSheet,
  LedgerSheetKind,
  LedgerSheetPreview,
  LedgerText,
  RowStatus,
} from './ledger-types';
import { makeCommunityIndex } from './match-ledger-community';
import { readLedgerRows, type LedgerRawRow } from './read-ledger-rows';

export interface LedgerImportInput {
  readonly sheets: readonly LedgerSheet[];
  readonly communities: readonly LedgerCommunity[];
  readonly items: readonly LedgerItem[];
  /**
   * What the caller may write: the district's community figures (officials and admins), and
   * the items of which communities ('all' for admins; a planner's assigned communities).
   */
  readonly may: { readonly communityFigures: boolean; readonly itemsOf: readonly number[] | 'all' };
}

/** Community fields the import writes (the name is the community's identity: never written). */
const COMMUNITY_FIELDS: readonly Exclude<CommunityField, 'name'>[] = [
  'code',
  'street',
  'builtYear',
  'households',
  'buildings',
  'floorAreaSqM',
  'stage',
  'budgetWan',
  'fundingSource',
  'renewalContent',
];

const ITEM_FIELDS: readonly (keyof ItemValues)[] = [
  'category',
  'quantity',
  'unit',
  'budgetWan',
  'phase',
  'progressPct',
  'acceptedOn',
];

const stageRank = (s: unknown): number => RENEWAL_STAGES.indexOf(s as RenewalStage);

/** Stages and progress move forward as work goes on; only a step back is a conflict. */
const isConflict = (field: string, old: unknown, value: unknown, estimated: boolean): boolean => {
  if (old === null || old === undefined || estimated) return false;
  if (field === 'stage' || field === 'phase') return stageRank(value) < stageRank(old);
  if (field === 'progressPct') return Number(value) < Number(old);
  return true;
};

const same = (a: unknown, b: unknown): boolean =>
  typeof a === 'number' && typeof b === 'number' ? Math.abs(a - b) < 1e-9 : a === b;

const missing = (row: LedgerRawRow, field: string, label: LedgerText): CellError => {
  const cell = row.cells.get(field as never) ?? `${row.row}`;
  return {
    cell,
    field: field as never,
    code: 'MISSING',
    message: {
      zh: `${cell} ${label.zh}: 新增项目必须填写`,
      en: `${cell} ${label.en}: required for a new item`,
    },
  };
};

interface Draft {
  sheet: string;
  kind: LedgerSheetKind;
  raw: LedgerRawRow;
  status: RowStatus;
  label: string;
  code: string | null;
  community: LedgerCommunity | null;
  matchedBy: LedgerRowPreview['matchedBy'];
  item: LedgerItem | null;
  itemName: string | null;
  action: LedgerRowPreview['action'];
  changes: FieldChange[];
  errors: CellError[];
  notes: LedgerText[];
  set: CommunityValues;
  expect: CommunityValues;
  itemValues: ItemValues | null;
}

/**
 * Plan the import of a district's Excel/CSV ledger: find each sheet's header row and kind
 * (communities or items), read and check every cell, match each row to a community (code, exact
 * name, normalised name; never fuzzy), compare with the stored figures and items, and return
 * the preview the official confirms (matched / unmatched / duplicate / invalid / forbidden rows,
 * old → new changes, cell errors) and the plan of writes with the values each one expects to
 * overwrite. Rows with a cell error, duplicates and unmatched rows write nothing; blank cells
 * leave the stored value as it is. Pure and deterministic (input order).
 */
export function planLedgerImport(input: LedgerImportInput): {
  preview: LedgerPreview;
  plan: LedgerPlan;
} {
  const index = makeCommunityIndex(input.communities);
  const itemsOf = new Map<number, LedgerItem[]>();
  for (const it of input.items)
    itemsOf.set(it.communityId, [...(itemsOf.get(it.communityId) ?? []), it]);
  const sheets: LedgerSheetPreview[] = [];
  const ignoredSheets: LedgerPreview['ignoredSheets'][number][] = [];
  const drafts: Draft[] = [];

  for (const sheet of input.sheets) {
    const detected = detectLedgerSheet(sheet);
    if (!detected) {
      ignoredSheets.push({
        name: sheet.name,
        reason: {
          zh: '未找到表头 (需要「小区名称」或「小区编码」及至少一个其他台账字段)',
          en: 'no header row (needs 小区名称 / community or 小区编码 / code and one more ledger column)',
        },
      });
      continue;
    }
    const read = readLedgerRows(sheet, detected);
    sheets.push({
      name: sheet.name,
      kind: detected.kind,
      headerRow: detected.headerIndex + 1,
      columns: detected.columns.map(({ index: _i, scale: _s, ...c }) => c),
      dataRows: read.rows.length,
      totalsRows: read.totalsRows,
      skippedRows: read.skippedRows,
    });
    for (const raw of read.rows) drafts.push(draftRow(sheet.name, detected.kind, raw));
  }

  function draftRow(sheet: string, kind: LedgerSheetKind, raw: LedgerRawRow): Draft {
    const name = String(raw.values.get('name') ?? '');
    const code = raw.values.has('code') ? String(raw.values.get('code')) : null;
    const d: Draft = {
      sheet,
      kind,
      raw,
      status: 'matched',
      label: name || code || '',
      code,
      community: null,
      matchedBy: null,
      item: null,
      itemName: kind === 'items' ? String(raw.values.get('itemName') ?? '') || null : null,
      action: 'none',
      changes: [],
      errors: [...raw.errors],
      notes: [],
      set: {},
      expect: {},
      itemValues: null,
    };
    const m = index.match(name, code ?? '');
    if (!m.community) {
      d.status = m.conflict ? 'invalid' : 'unmatched';
      d.notes.push(m.reason);
      return d;
    }
    d.community = m.community;
    d.matchedBy = m.by;
    d.notes.push(...m.notes);
    if (kind === 'communities') compareCommunity(d);
    else compareItem(d);
    if (d.errors.length) d.status = 'invalid';
    return d;
  }

  function compareCommunity(d: Draft): void {
    const c = d.community!;
    for (const field of COMMUNITY_FIELDS) {
      if (!d.raw.values.has(field)) continue;
      const value = d.raw.values.get(field)!;
      const old = c[field];
      if (same(old, value)) continue;
      const estimated =
        (field === 'households' && c.householdsEstimated) ||
        (field === 'floorAreaSqM' && c.floorAreaEstimated) ||
        // The building count comes from the map's buildings: the ledger is the record.
        field === 'buildings';
      d.changes.push({
        field,
        old: old ?? null,
        new: value,
        ...(estimated ? { oldEstimated: true } : {}),
        conflict: isConflict(field, old, value, estimated),
      });
      (d.set as Record<string, unknown>)[field] = value;
      (d.expect as Record<string, unknown>)[field] = old ?? null;
    }
    if (d.changes.length) d.action = 'update';
  }

  function compareItem(d: Draft): void {
    const v = d.raw.values;
    if (!d.itemName) {
      d.errors.push(missing(d.raw, 'itemName', { zh: '改造内容', en: 'item' }));
      return;
    }
    const named = (itemsOf.get(d.community!.id) ?? []).filter((i) => i.name.trim() === d.itemName);
    if (named.length > 1) {
      d.errors.push({
        cell: d.raw.cells.get('itemName') ?? String(d.raw.row),
        field: 'itemName',
        code: 'AMBIGUOUS_ITEM',
        message: {
          zh: `「${d.itemName}」在该小区已有 ${named.length} 个同名项目, 无法确定更新哪一个`,
          en: `"${d.itemName}" names ${named.length} items of this community; cannot tell which to update`,
        },
      });
      return;
    }
    const existing = named[0] ?? null;
    d.item = existing;
    const get = <K extends keyof ItemValues>(k: K): ItemValues[K] | undefined =>
      v.has(k) ? (v.get(k) as ItemValues[K]) : undefined;
    let values: ItemValues;
    if (existing) {
      values = {
        name: existing.name,
        category: get('category') ?? existing.category,
        quantity: get('quantity') ?? existing.quantity,
        unit: get('unit') ?? existing.unit,
        budgetWan: get('budgetWan') ?? existing.budgetWan,
        phase: get('phase') ?? existing.phase,
        progressPct: get('progressPct') ?? existing.progressPct,
        acceptedOn: get('acceptedOn') ?? existing.acceptedOn,
      };
    } else {
      if (!v.has('category'))
        d.errors.push(missing(d.raw, 'category', { zh: '改造类别', en: 'category' }));
      if (!v.has('budgetWan'))
        d.errors.push(missing(d.raw, 'budgetWan', { zh: '投资(万元)', en: 'budget' }));
      let quantity = get('quantity');
      let unit = get('unit');
      if (quantity === undefined && unit === undefined) {
        quantity = 1;
        unit = '项';
        d.notes.push({ zh: '未填数量和单位: 按 1 项', en: 'no quantity or unit: 1 项 (lump sum)' });
      } else if (quantity === undefined)
        d.errors.push(missing(d.raw, 'quantity', { zh: '数量', en: 'quantity' }));
      else if (unit === undefined)
        d.errors.push(missing(d.raw, 'unit', { zh: '单位', en: 'unit' }));
      if (d.errors.length) return;
      values = {
        name: d.itemName,
        category: get('category')!,
        quantity: quantity!,
        unit: unit!,
        budgetWan: get('budgetWan')!,
        phase: get('phase') ?? 'publicity',
        progressPct: get('progressPct') ?? 0,
        acceptedOn: get('acceptedOn') ?? null,
      };
    }
    if (
      values.acceptedOn !== null &&
      (values.phase !== 'acceptance' || values.progressPct !== 100)
    ) {
      const cell = d.raw.cells.get('acceptedOn') ?? String(d.raw.row);
      d.errors.push({
        cell,
        field: 'acceptedOn',
        code: 'ACCEPTANCE_NEEDS_COMPLETION',
        message: {
          zh: `${cell} 竣工验收日期要求阶段为「竣工验收」且进度 100%`,
          en: `${cell} an acceptance date needs phase "acceptance" and 100 % progress`,
        },
      });
      return;
    }
    for (const field of ITEM_FIELDS) {
      const old = existing ? existing[field] : null;
      if (existing && same(old, values[field])) continue;
      if (!existing && !v.has(field) && field !== 'quantity' && field !== 'unit') continue;
      d.changes.push({
        field,
        old: old ?? null,
        new: values[field],
        conflict: existing ? isConflict(field, old, values[field], false) : false,
      });
    }
    d.itemValues = values;
    d.action = existing ? (d.changes.length ? 'update' : 'none') : 'insert';
  }

  // Two rows for one community (or one item of it): neither is applied.
  const keyOf = (d: Draft): string | null =>
    d.community && d.status === 'matched'
      ? `${d.kind}:${d.community.id}:${d.kind === 'items' ? d.itemName : ''}`
      : null;
  const counts = new Map<string, number>();
  for (const d of drafts) {
    const k = keyOf(d);
    if (k) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  for (const d of drafts) {
    const k = keyOf(d);
    if (k && (counts.get(k) ?? 0) > 1) {
      d.status = 'duplicate';
      d.notes.push({
        zh: `台账中有多行对应同一${d.kind === 'items' ? '项目' : '小区'}, 均未导入`,
        en: `several rows of the ledger give the same ${d.kind === 'items' ? 'item' : 'community'}; none is imported`,
      });
    }
  }

  // A new code must not be another community's (nor given to two communities at once).
  const codeOwners = new Map<string, Set<number>>();
  for (const c of input.communities) if (c.code) codeOwners.set(c.code, new Set([c.id]));
  for (const d of drafts)
    if (d.status === 'matched' && d.set.code)
      codeOwners.set(d.set.code, new Set([...(codeOwners.get(d.set.code) ?? []), d.community!.id]));
  for (const d of drafts) {
    if (d.status !== 'matched' || !d.set.code) continue;
    const owners = codeOwners.get(d.set.code)!;
    if (owners.size > 1) {
      const cell = d.raw.cells.get('code') ?? String(d.raw.row);
      d.errors.push({
        cell,
        field: 'code',
        code: 'CODE_TAKEN',
        message: {
          zh: `${cell} 小区编码 ${d.set.code} 已被片区内其他小区使用`,
          en: `${cell} code ${d.set.code} is used by another community of the district`,
        },
      });
      d.status = 'invalid';
    }
  }

  // Who may write what (server/auth/permissions.ts): officials the figures, planners the items.
  for (const d of drafts) {
    if (d.status !== 'matched' || d.action === 'none') continue;
    const allowed =
      d.kind === 'communities'
        ? input.may.communityFigures
        : input.may.itemsOf === 'all' || input.may.itemsOf.includes(d.community!.id);
    if (!allowed) {
      d.status = 'forbidden';
      d.notes.push(
        d.kind === 'communities'
          ? {
              zh: '小区基础数据由街道/区住建 (审查人) 或管理员导入',
              en: 'community figures are imported by officials (reviewer) or admins',
            }
          : {
              zh: '改造项目仅可由负责该小区的规划人员或管理员导入',
              en: 'items are imported by the planner assigned to the community or an admin',
            },
      );
    }
  }

  const rows: LedgerRowPreview[] = drafts.map((d) => ({
    sheet: d.sheet,
    row: d.raw.row,
    kind: d.kind,
    status: d.status,
    label: d.label,
    code: d.code,
    communityId: d.community?.id ?? null,
    communityName: d.community?.name ?? null,
    matchedBy: d.matchedBy,
    itemId: d.item?.id ?? null,
    itemName: d.itemName,
    action: d.status === 'matched' ? d.action : 'none',
    changes: d.changes,
    errors: d.errors,
    notes: d.notes,
  }));
  const applied = drafts.filter((d) => d.status === 'matched' && d.action !== 'none');
  const plan: LedgerPlan = {
    communities: applied
      .filter((d) => d.kind === 'communities')
      .map((d) => ({ id: d.community!.id, set: d.set, expect: d.expect })),
    itemInserts: applied
      .filter((d) => d.kind === 'items' && d.action === 'insert')
      .map((d) => ({ communityId: d.community!.id, values: d.itemValues! })),
    itemUpdates: applied
      .filter((d) => d.kind === 'items' && d.action === 'update')
      .map((d) => ({
        id: d.item!.id,
        communityId: d.community!.id,
        version: d.item!.version,
        values: d.itemValues!,
      })),
  };
  const count = (s: RowStatus) => drafts.filter((d) => d.status === s).length;
  const appliedChanges = applied.flatMap((d) => d.changes);
  return {
    preview: {
      sheets,
      ignoredSheets,
      rows,
      summary: {
        rows: drafts.length,
        matched: count('matched'),
        unmatched: count('unmatched'),
        invalid: count('invalid'),
        duplicate: count('duplicate'),
        forbidden: count('forbidden'),
        changedRows: applied.length,
        changes: appliedChanges.length,
        conflicts: appliedChanges.filter((c) => c.conflict).length,
        cellErrors: drafts.reduce((s, d) => s + d.errors.length, 0),
        communitiesUpdated: plan.communities.length,
        itemsInserted: plan.itemInserts.length,
        itemsUpdated: plan.itemUpdates.length,
      },
    },
    plan,
  };
}
