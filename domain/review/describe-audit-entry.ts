import { isFeatureKind } from '../model/feature-kinds';
import type { RenewalStage } from '../model/renewal-stages';
import type { Role } from '../model/roles';
import { FIELD_LABELS, KIND_LABELS, ROLE_LABELS, STAGE_LABELS } from './audit-labels';

/** One audit_log row as the history reads it (server/db/sql/list-audit.sql). */
export interface AuditRow {
  method: string;
  /** The route pattern, e.g. '/api/scenarios/:id/features/batch'. */
  route: string;
  status: number;
  username: string | null;
  /** The account's role now; null for a deleted account or an anonymous caller. */
  role: Role | null;
  entity: string | null;
  entityId: number | null;
  scenarioId: number | null;
  communityId: number | null;
  summary: { before?: Record<string, unknown>; after?: Record<string, unknown> };
}

/** What the sentence's link opens: select the object and fly to it. */
export interface AuditLink {
  type: 'scenario' | 'feature' | 'community' | 'register_item' | 'story' | 'user';
  id: number;
}

export interface AuditSentence {
  zh: string;
  en: string;
  link: AuditLink | null;
}

/** The scenario the history belongs to, when the caller knows it. */
export interface AuditContext {
  scenarioName?: string;
  scenarioKind?: 'baseline' | 'proposal';
}

type Counts = Partial<Record<string, number>>;
type Part = { zh: string; en: string };

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const str = (v: unknown): string | null => (typeof v === 'string' && v ? v : null);
const counts = (v: unknown): Counts | null =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Counts) : null;
const clip = (s: string, n = 60): string => (s.length > n ? `${s.slice(0, n)}…` : s);

/** "18 个车位" / "18 parking stalls"; unknown kinds as "要素" / "features". */
function kindCount(kind: string, n: number): Part {
  if (!isFeatureKind(kind)) return { zh: `${n} 个要素`, en: `${n} feature${n === 1 ? '' : 's'}` };
  const l = KIND_LABELS[kind];
  return { zh: `${n} ${l.measure}${l.zh}`, en: `${n} ${l.en[n === 1 ? 0 : 1]}` };
}

/**
 * "18 个车位（停车场）" for a lot's stalls saved with their lot; otherwise each kind in turn.
 * Kinds in a stable order (most first, then by name).
 */
function kindList(c: Counts): Part | null {
  const entries = Object.entries(c)
    .filter((e): e is [string, number] => typeof e[1] === 'number' && e[1] > 0)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  if (!entries.length) return null;
  const lots = c.parking_area ?? 0;
  const stalls = c.parking_stall ?? 0;
  const parts: Part[] = [];
  for (const [kind, n] of entries) {
    if (kind === 'parking_area' && stalls > 0 && lots === 1) continue;
    const p = kindCount(kind, n);
    if (kind === 'parking_stall' && lots === 1)
      parts.push({ zh: `${p.zh}（停车场）`, en: `${p.en} (lot)` });
    else parts.push(p);
  }
  return { zh: parts.map((p) => p.zh).join('、'), en: parts.map((p) => p.en).join(', ') };
}

function kindOne(kind: unknown, id: number | null): Part {
  const k = typeof kind === 'string' && isFeatureKind(kind) ? KIND_LABELS[kind] : null;
  const ref = id === null ? '' : ` #${id}`;
  return k
    ? { zh: `${k.zh}${ref}`, en: `${k.en[0]}${ref}` }
    : { zh: `要素${ref}`, en: `feature${ref}` };
}

function who(row: AuditRow): Part {
  const name = row.username ?? null;
  if (!name) return { zh: '匿名用户', en: 'an anonymous user' };
  if (!row.role) return { zh: name, en: name };
  const r = ROLE_LABELS[row.role];
  return { zh: `${r.zh} ${name}`, en: name === r.en ? name : `${name} (${r.en})` };
}

function where(row: AuditRow, ctx: AuditContext): Part {
  const id = row.scenarioId ?? row.entityId;
  const name = ctx.scenarioName ? `「${ctx.scenarioName}」` : '';
  const nameEn = ctx.scenarioName ? ` "${ctx.scenarioName}"` : '';
  if (ctx.scenarioKind === 'baseline')
    return { zh: `现状 ${id ?? ''}${name}`.trim(), en: `baseline ${id ?? ''}${nameEn}`.trim() };
  return { zh: `方案 ${id ?? ''}${name}`.trim(), en: `proposal ${id ?? ''}${nameEn}`.trim() };
}

const stageName = (s: unknown): Part =>
  typeof s === 'string' && s in STAGE_LABELS
    ? STAGE_LABELS[s as RenewalStage]
    : { zh: '未设定', en: 'not set' };

/** The edits of a batch or an import: "新增 …；修改 …；删除 …". */
function batchParts(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): {
  parts: Part[];
  onlyAdds: boolean;
} {
  const kinds = counts(after.kinds) ?? {};
  const parts: Part[] = [];
  const verbs: [string, Part][] = [
    ['created', { zh: '新增', en: 'added' }],
    ['updated', { zh: '修改', en: 'changed' }],
    ['deleted', { zh: '删除', en: 'removed' }],
  ];
  const requested: Record<string, unknown> = {
    created: (before.create as { count?: unknown } | undefined)?.count,
    updated: (before.update as { count?: unknown } | undefined)?.count,
    deleted: (before.delete as { count?: unknown } | undefined)?.count,
  };
  for (const [key, verb] of verbs) {
    const byKind = counts(kinds[key]);
    const list = byKind ? kindList(byKind) : null;
    const n = num(after[key]) ?? num(requested[key]);
    if (list) parts.push({ zh: `${verb.zh} ${list.zh}`, en: `${verb.en} ${list.en}` });
    else if (n) {
      const p = kindCount('', n);
      parts.push({ zh: `${verb.zh} ${p.zh}`, en: `${verb.en} ${p.en}` });
    }
  }
  return { parts, onlyAdds: parts.length === 1 && parts[0]!.zh.startsWith('新增') };
}

const REVIEW: Record<string, { zh: string; en: string; text?: 'body' | 'reason' | 'note' }> = {
  submit: { zh: '提交审查', en: 'submitted for review', text: 'note' },
  resubmit: { zh: '重新提交审查', en: 'resubmitted for review', text: 'note' },
  comments: { zh: '发表评论', en: 'commented on', text: 'body' },
  return: { zh: '退回', en: 'returned', text: 'reason' },
  approve: { zh: '审批通过', en: 'approved', text: 'note' },
};

/**
 * An audit_log row as one sentence in zh-CN and en with a link to the object it touched, e.g.
 * "规划师 planner 在 方案 2 新增 18 个车位（停车场）" / "planner added 18 parking stalls (lot) to
 * proposal 2". Built from the route pattern, the method and the request/response summary the
 * audit log keeps (server/auth/audit-log.ts); rows written before the summary held kinds fall
 * back to counts of features. A refused write says so with its error code. Pure.
 */
export function describeAuditEntry(row: AuditRow, ctx: AuditContext = {}): AuditSentence {
  const before = row.summary.before ?? {};
  const after = row.summary.after ?? {};
  const w = who(row);
  const at = where(row, ctx);
  const scenarioLink: AuditLink | null =
    row.scenarioId !== null ? { type: 'scenario', id: row.scenarioId } : null;
  const featureLink = (id: number | null): AuditLink | null =>
    id !== null ? { type: 'feature', id } : scenarioLink;
  const say = (zh: string, en: string, link: AuditLink | null): AuditSentence => {
    const error = str(after.error);
    if (row.status >= 400)
      return {
        zh: `${zh}（被拒绝: ${error ?? row.status}）`,
        en: `${en} (refused: ${error ?? row.status})`,
        link,
      };
    return { zh, en, link };
  };
  const m = row.method.toUpperCase();
  const route = row.route;
  const review = /^\/api\/scenarios\/:id\/review\/([a-z]+)$/.exec(route)?.[1];

  if (m === 'POST' && route === '/api/scenarios/:id/features/batch') {
    const { parts, onlyAdds } = batchParts(before, after);
    const focus = num(after.focusId);
    const link = focus !== null ? featureLink(focus) : scenarioLink;
    if (!parts.length)
      return say(
        `${w.zh} 在 ${at.zh} 提交了空的批量修改`,
        `${w.en} sent an empty batch to ${at.en}`,
        link,
      );
    return say(
      `${w.zh} 在 ${at.zh} ${parts.map((p) => p.zh).join('；')}`,
      `${w.en} ${parts.map((p) => p.en).join('; ')} ${onlyAdds ? 'to' : 'in'} ${at.en}`,
      link,
    );
  }
  if (m === 'POST' && route === '/api/scenarios/:id/import') {
    const { parts } = batchParts(
      {},
      {
        ...after,
        created: after.created ?? (before.features as { count?: unknown } | undefined)?.count,
      },
    );
    const list = parts[0] ?? { zh: '新增 要素', en: 'added features' };
    return say(
      `${w.zh} 向 ${at.zh} 导入 GeoJSON: ${list.zh}`,
      `${w.en} imported GeoJSON into ${at.en}: ${list.en}`,
      scenarioLink,
    );
  }
  if (m === 'POST' && route === '/api/scenarios/:id/features') {
    const id = num(after.id);
    const k = kindCount(str(after.kind) ?? str(before.kind) ?? '', 1);
    return say(
      `${w.zh} 在 ${at.zh} 新增 ${k.zh}`,
      `${w.en} added ${k.en.replace(/^1 /, 'a ')} to ${at.en}`,
      featureLink(id),
    );
  }
  if (m === 'PATCH' && route === '/api/features/:id') {
    const f = kindOne(after.kind, row.entityId);
    const fields = Object.keys(before).filter((k) => k in FIELD_LABELS);
    const zhFields = fields.length
      ? `（${fields.map((k) => FIELD_LABELS[k]!.zh).join('、')}）`
      : '';
    const enFields = fields.length ? ` (${fields.map((k) => FIELD_LABELS[k]!.en).join(', ')})` : '';
    return say(
      `${w.zh} 在 ${at.zh} 修改 ${f.zh}${zhFields}`,
      `${w.en} changed ${f.en}${enFields} in ${at.en}`,
      featureLink(row.entityId),
    );
  }
  if (m === 'DELETE' && route === '/api/features/:id') {
    const f = kindOne(after.kind, row.entityId);
    return say(
      `${w.zh} 在 ${at.zh} 删除 ${f.zh}`,
      `${w.en} removed ${f.en} from ${at.en}`,
      scenarioLink,
    );
  }
  if (m === 'PATCH' && route === '/api/scenarios/:id') {
    const name = str(before.name) ?? '';
    return say(
      `${w.zh} 将 ${at.zh} 重命名为「${clip(name)}」`,
      `${w.en} renamed ${at.en} to "${clip(name)}"`,
      scenarioLink,
    );
  }
  if (m === 'DELETE' && route === '/api/scenarios/:id')
    return say(`${w.zh} 删除了 ${at.zh}`, `${w.en} deleted ${at.en}`, null);
  if (m === 'POST' && route === '/api/scenarios/:id/proposals') {
    const id = num(after.id);
    const name = str(before.name);
    const n = name ? `「${clip(name)}」` : '';
    const nEn = name ? ` "${clip(name)}"` : '';
    return say(
      `${w.zh} 基于现状新建方案 ${id ?? ''}${n}`.replace(/ +$/, ''),
      `${w.en} created proposal ${id ?? ''}${nEn} from the baseline`.replace(/ {2,}/g, ' '),
      id !== null ? { type: 'scenario', id } : scenarioLink,
    );
  }
  if (m === 'POST' && review && REVIEW[review]) {
    const r = REVIEW[review];
    const text = r.text ? str(before[r.text]) : null;
    const quoteZh = text ? `: “${clip(text)}”` : '';
    const quoteEn = text ? `: "${clip(text)}"` : '';
    if (review === 'comments')
      return say(
        `${w.zh} 对 ${at.zh} ${r.zh}${quoteZh}`,
        `${w.en} ${r.en} ${at.en}${quoteEn}`,
        scenarioLink,
      );
    return say(
      `${w.zh} 将 ${at.zh} ${r.zh}${quoteZh}`,
      `${w.en} ${r.en.replace('for review', `${at.en} for review`)}${r.en.includes('for review') ? '' : ` ${at.en}`}${quoteEn}`,
      scenarioLink,
    );
  }
  if (route === '/api/communities/:id/stage') {
    const s = stageName(after.toStage ?? before.stage);
    const c = row.communityId ?? row.entityId;
    return say(
      `${w.zh} 将小区 ${c ?? ''} 的改造阶段设为「${s.zh}」`,
      `${w.en} set the renewal stage of community ${c ?? ''} to ${s.en}`,
      c !== null ? { type: 'community', id: c } : null,
    );
  }
  if (route === '/api/communities/:id/register/items' || route === '/api/register/items/:id') {
    const name = str(before.name);
    const label = name ? `「${clip(name)}」` : row.entityId !== null ? ` #${row.entityId}` : '';
    const labelEn = name ? ` "${clip(name)}"` : row.entityId !== null ? ` #${row.entityId}` : '';
    const budget = num(before.budgetWan);
    const progress = num(before.progressPct);
    const extraZh =
      budget !== null
        ? `（预算 ${budget} 万元${progress !== null ? `, 进度 ${progress}%` : ''}）`
        : '';
    const extraEn =
      budget !== null
        ? ` (budget ${budget} 万元${progress !== null ? `, ${progress} % done` : ''})`
        : '';
    const link: AuditLink | null =
      row.entityId !== null ? { type: 'register_item', id: row.entityId } : null;
    if (m === 'POST') {
      const c = row.communityId;
      return say(
        `${w.zh} 为小区 ${c ?? ''} 新增改造项目${label}${extraZh}`,
        `${w.en} added the register item${labelEn}${extraEn} to community ${c ?? ''}`,
        link,
      );
    }
    if (m === 'DELETE')
      return say(
        `${w.zh} 删除改造项目${label}`,
        `${w.en} deleted the register item${labelEn}`,
        null,
      );
    return say(
      `${w.zh} 修改改造项目${label}${extraZh}`,
      `${w.en} changed the register item${labelEn}${extraEn}`,
      link,
    );
  }
  if (route === '/api/stories' || route === '/api/stories/:id') {
    const title = str(before.title);
    const t = title ? `「${clip(title)}」` : row.entityId !== null ? ` #${row.entityId}` : '';
    const tEn = title ? ` "${clip(title)}"` : row.entityId !== null ? ` #${row.entityId}` : '';
    const id = num(after.id) ?? row.entityId;
    const link: AuditLink | null = id !== null && m !== 'DELETE' ? { type: 'story', id } : null;
    const verb =
      m === 'POST'
        ? ['保存演示', 'saved the story']
        : m === 'PUT'
          ? ['修改演示', 'changed the story']
          : ['删除演示', 'deleted the story'];
    return say(`${w.zh} ${verb[0]}${t}`, `${w.en} ${verb[1]}${tEn}`, link);
  }
  if (m === 'POST' && (route === '/api/users' || route === '/api/setup/first-admin')) {
    const name = str(before.username) ?? '';
    const role = str(before.role) ?? str(after.role);
    const r = role && role in ROLE_LABELS ? ROLE_LABELS[role as Role] : null;
    const id = num(after.id) ?? row.entityId;
    const link: AuditLink | null = id !== null ? { type: 'user', id } : null;
    if (route === '/api/setup/first-admin')
      return say(
        `通过一次性设置链接创建第一个管理员 ${name}`,
        `the first admin ${name} was created with the one-time setup link`,
        link,
      );
    return say(
      `${w.zh} 创建账号 ${name}${r ? `（${r.zh}）` : ''}`,
      `${w.en} created the account ${name}${r ? ` (${r.en})` : ''}`,
      link,
    );
  }
  if (m === 'POST' && route === '/api/auth/login')
    return say(`${w.zh} 登录`, `${w.en} signed in`, null);
  if (m === 'POST' && route === '/api/auth/logout')
    return say(`${w.zh} 退出登录`, `${w.en} signed out`, null);

  // A route this table does not know yet: say what was called, on what.
  const id = row.entityId !== null ? ` #${row.entityId}` : '';
  return say(
    `${w.zh} 调用 ${m} ${route.replace(/^\/api\//, '')}${id}`,
    `${w.en} called ${m} ${route.replace(/^\/api\//, '')}${id}`,
    scenarioLink,
  );
}
