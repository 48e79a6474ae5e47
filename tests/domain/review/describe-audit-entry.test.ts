import { describe, expect, it } from 'vitest';
import {
  describeAuditEntry,
  type AuditContext,
  type AuditRow,
  type AuditSentence,
} from '../../../domain/review/describe-audit-entry';

const row = (r: Partial<AuditRow>): AuditRow => ({
  method: 'POST',
  route: '/api/scenarios/:id/features/batch',
  status: 200,
  username: 'planner',
  role: 'planner',
  entity: 'scenario',
  entityId: 2,
  scenarioId: 2,
  communityId: 5,
  summary: {},
  ...r,
});

/** [what, audit row, context, the sentence and link expected]. */
const CASES: [string, AuditRow, AuditContext, AuditSentence][] = [
  [
    'a lot with its 18 stalls (batch, kinds recorded at write time)',
    row({
      summary: {
        before: { create: { count: 19 }, update: { count: 0 }, delete: { count: 0 } },
        after: {
          created: 19,
          updated: 0,
          deleted: 0,
          kinds: { created: { parking_stall: 18, parking_area: 1 }, updated: {}, deleted: {} },
          focusId: 901,
        },
      },
    }),
    {},
    {
      zh: '规划师 planner 在 方案 2 新增 18 个车位（停车场）',
      en: 'planner added 18 parking stalls (lot) to proposal 2',
      link: { type: 'feature', id: 901 },
    },
  ],
  [
    'a mixed batch: kerb stalls added, stalls and a tree removed, a building changed',
    row({
      username: 'chief',
      role: 'admin',
      summary: {
        after: {
          created: 6,
          updated: 1,
          deleted: 3,
          kinds: {
            created: { parking_stall: 6 },
            updated: { building: 1 },
            deleted: { parking_stall: 2, tree: 1 },
          },
          focusId: 950,
        },
      },
    }),
    { scenarioName: '停车改造' },
    {
      zh: '管理员 chief 在 方案 2「停车改造」 新增 6 个车位；修改 1 栋建筑；删除 2 个车位、1 棵树木',
      en: 'chief (admin) added 6 parking stalls; changed 1 building; removed 2 parking stalls, 1 tree in proposal 2 "停车改造"',
      link: { type: 'feature', id: 950 },
    },
  ],
  [
    'an old batch row without kinds falls back to counts',
    row({
      summary: { before: { create: { count: 4 } }, after: { created: 4, updated: 0, deleted: 0 } },
    }),
    {},
    {
      zh: '规划师 planner 在 方案 2 新增 4 个要素',
      en: 'planner added 4 features to proposal 2',
      link: { type: 'scenario', id: 2 },
    },
  ],
  [
    'one building drawn',
    row({
      route: '/api/scenarios/:id/features',
      summary: {
        before: { kind: 'building', geometry: { type: 'Polygon' } },
        after: { id: 77, version: 1, kind: 'building' },
      },
    }),
    {},
    {
      zh: '规划师 planner 在 方案 2 新增 1 栋建筑',
      en: 'planner added a building to proposal 2',
      link: { type: 'feature', id: 77 },
    },
  ],
  [
    'a feature moved and renamed',
    row({
      method: 'PATCH',
      route: '/api/features/:id',
      entity: 'feature',
      entityId: 77,
      summary: {
        before: { version: 1, geometry: { type: 'Polygon' }, name: '3号楼' },
        after: { id: 77, version: 2, kind: 'building' },
      },
    }),
    {},
    {
      zh: '规划师 planner 在 方案 2 修改 建筑 #77（几何、名称）',
      en: 'planner changed building #77 (geometry, name) in proposal 2',
      link: { type: 'feature', id: 77 },
    },
  ],
  [
    'a stall deleted (kind noted by the route), the link goes to the scenario',
    row({
      method: 'DELETE',
      route: '/api/features/:id',
      entity: 'feature',
      entityId: 88,
      summary: { after: { kind: 'parking_stall' } },
    }),
    {},
    {
      zh: '规划师 planner 在 方案 2 删除 车位 #88',
      en: 'planner removed parking stall #88 from proposal 2',
      link: { type: 'scenario', id: 2 },
    },
  ],
  [
    'an edit of the baseline',
    row({
      route: '/api/scenarios/:id/features',
      scenarioId: 1,
      entityId: 1,
      summary: { after: { id: 5, kind: 'tree' } },
    }),
    { scenarioKind: 'baseline' },
    {
      zh: '规划师 planner 在 现状 1 新增 1 棵树木',
      en: 'planner added a tree to baseline 1',
      link: { type: 'feature', id: 5 },
    },
  ],
  [
    'a refused batch says so with its code',
    row({
      status: 409,
      summary: { before: { delete: { count: 2 } }, after: { error: 'CONFLICT' } },
    }),
    {},
    {
      zh: '规划师 planner 在 方案 2 删除 2 个要素（被拒绝: CONFLICT）',
      en: 'planner removed 2 features in proposal 2 (refused: CONFLICT)',
      link: { type: 'scenario', id: 2 },
    },
  ],
  [
    'a GeoJSON import',
    row({
      route: '/api/scenarios/:id/import',
      summary: {
        before: { type: 'FeatureCollection', features: { count: 3 } },
        after: { created: 3, kinds: { created: { facility: 2, green: 1 } } },
      },
    }),
    {},
    {
      zh: '规划师 planner 向 方案 2 导入 GeoJSON: 新增 2 处服务设施、1 处绿地',
      en: 'planner imported GeoJSON into proposal 2: added 2 facilities, 1 green space',
      link: { type: 'scenario', id: 2 },
    },
  ],
  [
    'a proposal renamed',
    row({
      method: 'PATCH',
      route: '/api/scenarios/:id',
      summary: { before: { version: 3, name: '方案二' } },
    }),
    {},
    {
      zh: '规划师 planner 将 方案 2 重命名为「方案二」',
      en: 'planner renamed proposal 2 to "方案二"',
      link: { type: 'scenario', id: 2 },
    },
  ],
  [
    'a proposal created from the baseline',
    row({
      route: '/api/scenarios/:id/proposals',
      scenarioId: 1,
      entityId: 1,
      summary: { before: { name: '增设停车' }, after: { id: 9 } },
    }),
    {},
    {
      zh: '规划师 planner 基于现状新建方案 9「增设停车」',
      en: 'planner created proposal 9 "增设停车" from the baseline',
      link: { type: 'scenario', id: 9 },
    },
  ],
  [
    'a proposal deleted: nothing left to link to',
    row({ method: 'DELETE', route: '/api/scenarios/:id' }),
    {},
    { zh: '规划师 planner 删除了 方案 2', en: 'planner deleted proposal 2', link: null },
  ],
  [
    'a return with its reason',
    row({
      route: '/api/scenarios/:id/review/return',
      username: 'official',
      role: 'reviewer',
      summary: { before: { reason: '消防车道宽度不足' } },
    }),
    {},
    {
      zh: '审查人员 official 将 方案 2 退回: “消防车道宽度不足”',
      en: 'official (reviewer) returned proposal 2: "消防车道宽度不足"',
      link: { type: 'scenario', id: 2 },
    },
  ],
  [
    'a submission',
    row({ route: '/api/scenarios/:id/review/submit' }),
    {},
    {
      zh: '规划师 planner 将 方案 2 提交审查',
      en: 'planner submitted proposal 2 for review',
      link: { type: 'scenario', id: 2 },
    },
  ],
  [
    'a stage set',
    row({
      method: 'PUT',
      route: '/api/communities/:id/stage',
      entity: 'community',
      entityId: 5,
      scenarioId: null,
      summary: {
        before: { stage: 'construction' },
        after: { fromStage: null, toStage: 'construction' },
      },
    }),
    {},
    {
      zh: '规划师 planner 将小区 5 的改造阶段设为「施工」',
      en: 'planner set the renewal stage of community 5 to construction',
      link: { type: 'community', id: 5 },
    },
  ],
  [
    'a stage unset',
    row({
      method: 'PUT',
      route: '/api/communities/:id/stage',
      entity: 'community',
      entityId: 5,
      scenarioId: null,
      summary: { before: { stage: null }, after: { fromStage: 'construction', toStage: null } },
    }),
    {},
    {
      zh: '规划师 planner 将小区 5 的改造阶段设为「未设定」',
      en: 'planner set the renewal stage of community 5 to not set',
      link: { type: 'community', id: 5 },
    },
  ],
  [
    'a register item added',
    row({
      route: '/api/communities/:id/register/items',
      entity: 'register_item',
      entityId: 12,
      scenarioId: null,
      summary: { before: { name: '屋面防水', budgetWan: 10, progressPct: 0 } },
    }),
    {},
    {
      zh: '规划师 planner 为小区 5 新增改造项目「屋面防水」（预算 10 万元, 进度 0%）',
      en: 'planner added the register item "屋面防水" (budget 10 万元, 0 % done) to community 5',
      link: { type: 'register_item', id: 12 },
    },
  ],
  [
    'the first admin made with the setup link (no session: anonymous caller)',
    row({
      route: '/api/setup/first-admin',
      username: 'chief',
      role: null,
      entity: 'user',
      entityId: 1,
      scenarioId: null,
      summary: { before: { username: 'chief' }, after: { role: 'admin' } },
    }),
    {},
    {
      zh: '通过一次性设置链接创建第一个管理员 chief',
      en: 'the first admin chief was created with the one-time setup link',
      link: { type: 'user', id: 1 },
    },
  ],
  [
    'a deleted account keeps its name, without a role',
    row({
      role: null,
      username: 'former',
      summary: { after: { created: 1, kinds: { created: { gate: 1 } } } },
    }),
    {},
    {
      zh: 'former 在 方案 2 新增 1 个出入口',
      en: 'former added 1 gate to proposal 2',
      link: { type: 'scenario', id: 2 },
    },
  ],
  [
    'a route the table does not know',
    row({ method: 'POST', route: '/api/widgets/:id', entityId: 4, scenarioId: null }),
    {},
    {
      zh: '规划师 planner 调用 POST widgets/:id #4',
      en: 'planner called POST widgets/:id #4',
      link: null,
    },
  ],
];

describe('describeAuditEntry: every audit row as a sentence with a link', () => {
  it.each(CASES)('%s', (_what, input, ctx, expected) => {
    expect(describeAuditEntry(input, ctx)).toEqual(expected);
  });

  it('does not change its input', () => {
    const input = CASES[0]![1];
    const copy = structuredClone(input);
    describeAuditEntry(input);
    expect(input).toEqual(copy);
  });
});
