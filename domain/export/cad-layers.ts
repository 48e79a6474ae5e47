import type { FeatureKind } from '../model/feature-kinds';

export interface CadLayer {
  /** DXF layer name: the code Chinese survey and design drawings use, then the Chinese name. */
  readonly name: string;
  /** AutoCAD Color Index of the layer. */
  readonly aci: number;
}

/**
 * One DXF layer per feature kind. Codes follow the layer names common in Chinese survey and
 * design drawings (地形图图式 GB/T 20257.1 classes and CASS/天正 habits: JMD 居民地, DLSS 道路设施,
 * TCW 停车位, XFCD 消防车道, LH 绿化, ZB 植被), so a 天正/CASS user recognises them and the
 * importer's layer guess (issue 11 item 1) maps them back to the same kinds.
 */
export const CAD_LAYERS: Readonly<Record<FeatureKind, CadLayer>> = {
  building: { name: 'JMD_建筑', aci: 7 },
  road: { name: 'DLSS_道路', aci: 8 },
  footway: { name: 'DLSS_步道', aci: 9 },
  fire_lane: { name: 'XFCD_消防车道', aci: 1 },
  parking_stall: { name: 'TCW_车位', aci: 3 },
  parking_area: { name: 'TCC_停车场', aci: 4 },
  bike_shed: { name: 'FJDC_非机动车棚', aci: 5 },
  ev_charger: { name: 'CDZ_充电桩', aci: 6 },
  facility: { name: 'GGSS_公共设施', aci: 30 },
  green: { name: 'LH_绿化', aci: 82 },
  tree: { name: 'ZB_树木', aci: 94 },
  obstacle: { name: 'ZAW_障碍物', aci: 40 },
  gate: { name: 'CRK_出入口', aci: 2 },
  boundary: { name: 'JX_用地边界', aci: 6 },
};

/**
 * Extra layers, kept apart from the per-kind layers so that each kind's layer holds exactly one
 * entity per feature (part): labels, the fire lanes' edge lines and the trees' crowns.
 */
export const CAD_EXTRA_LAYERS = {
  labels: { name: 'ZJ_注记', aci: 7 },
  fireLaneEdges: { name: 'XFCD_消防车道边线', aci: 1 },
  treeCrowns: { name: 'ZB_树冠', aci: 94 },
} as const satisfies Record<string, CadLayer>;
