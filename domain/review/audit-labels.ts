import type { FeatureKind } from '../model/feature-kinds';
import type { RenewalStage } from '../model/renewal-stages';
import type { Role } from '../model/roles';

/** How the history names a role (zh-CN and en). */
export const ROLE_LABELS: Record<Role, { zh: string; en: string }> = {
  planner: { zh: '规划师', en: 'planner' },
  reviewer: { zh: '审查人员', en: 'reviewer' },
  presenter: { zh: '汇报人', en: 'presenter' },
  admin: { zh: '管理员', en: 'admin' },
};

/** Feature kinds in a sentence: zh noun and measure word, en singular and plural. */
export const KIND_LABELS: Record<
  FeatureKind,
  { zh: string; measure: string; en: [string, string] }
> = {
  building: { zh: '建筑', measure: '栋', en: ['building', 'buildings'] },
  road: { zh: '道路', measure: '条', en: ['road', 'roads'] },
  footway: { zh: '步行道', measure: '条', en: ['footway', 'footways'] },
  fire_lane: { zh: '消防车道', measure: '条', en: ['fire lane', 'fire lanes'] },
  parking_stall: { zh: '车位', measure: '个', en: ['parking stall', 'parking stalls'] },
  parking_area: { zh: '停车场', measure: '处', en: ['parking lot', 'parking lots'] },
  bike_shed: { zh: '非机动车棚', measure: '处', en: ['bike shed', 'bike sheds'] },
  ev_charger: { zh: '充电桩', measure: '个', en: ['EV charger', 'EV chargers'] },
  facility: { zh: '服务设施', measure: '处', en: ['facility', 'facilities'] },
  green: { zh: '绿地', measure: '处', en: ['green space', 'green spaces'] },
  tree: { zh: '树木', measure: '棵', en: ['tree', 'trees'] },
  obstacle: { zh: '障碍物', measure: '处', en: ['obstacle', 'obstacles'] },
  gate: { zh: '出入口', measure: '个', en: ['gate', 'gates'] },
  boundary: { zh: '边界', measure: '条', en: ['boundary', 'boundaries'] },
};

export const STAGE_LABELS: Record<RenewalStage, { zh: string; en: string }> = {
  publicity: { zh: '宣传发动', en: 'publicity' },
  planning: { zh: '制订方案/公示', en: 'planning' },
  construction: { zh: '施工', en: 'construction' },
  acceptance: { zh: '竣工验收', en: 'acceptance' },
};

/** Feature fields a PATCH may change, as the history names them. */
export const FIELD_LABELS: Record<string, { zh: string; en: string }> = {
  geometry: { zh: '几何', en: 'geometry' },
  name: { zh: '名称', en: 'name' },
  category: { zh: '类型', en: 'type' },
  widthM: { zh: '宽度', en: 'width' },
  levels: { zh: '层数', en: 'floors' },
  heightM: { zh: '高度', en: 'height' },
  capacity: { zh: '容量', en: 'capacity' },
  props: { zh: '属性', en: 'attributes' },
};
