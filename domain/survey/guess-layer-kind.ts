/** Feature kinds a survey layer can map to (docs/survey-import-api.md §2), plus `ignore`. */
export const SURVEY_KINDS = [
  'building',
  'road',
  'fire_lane',
  'parking_stall',
  'parking_area',
  'green',
  'tree',
  'gate',
  'facility',
  'boundary',
  'obstacle',
  'ignore',
] as const;
export type SurveyKind = (typeof SURVEY_KINDS)[number];

/**
 * Common layer names of Chinese survey and design CAD (CASS 地形图 codes, 天正 TArch layers,
 * everyday names) → kind. Order matters: the first entry whose pattern occurs in the name wins,
 * so the specific ones (停车场 before 车位, 消防 before 道路, 用地红线 before 红线) come first.
 * CASS codes: JMD 居民地, DLSS 道路设施, DLDW 独立地物, ZBTZ 植被土质, DGX 等高线, GCD 高程点,
 * ZJ 注记, TK 图框, ASSIST 辅助; TCW 停车位 is a common office code; 天正 draws walls on WALL/墙.
 */
const TABLE: readonly (readonly [readonly string[], SurveyKind])[] = [
  [
    [
      'TK',
      '图框',
      '图签',
      'DGX',
      '等高线',
      'GCD',
      '高程',
      'ZJ',
      '注记',
      'ASSIST',
      'DEFPOINTS',
      '标注',
      'DIM',
      '轴线',
      'AXIS',
      // Drawing aids beside the features they belong to (edge lines of a lane or road drawn
      // as centre lines, tree crowns round tree points): our own DXF export writes both.
      '边线',
      '树冠',
    ],
    'ignore',
  ],
  [['用地红线', '红线', '边界', '界址', 'JZD', 'BOUNDARY'], 'boundary'],
  [['消防', 'FIRE'], 'fire_lane'],
  [['停车场', 'PARKING'], 'parking_area'],
  [['车位', 'TCW', '停车位', 'STALL', 'CW'], 'parking_stall'],
  [['大门', '出入口', '门卫', 'GATE'], 'gate'],
  [['乔木', '灌木', '树', 'TREE'], 'tree'],
  [['ZBTZ', '绿化', '绿地', '草地', '植被', 'GREEN'], 'green'],
  [['DLSS', 'DLDW', '道路', '路', 'ROAD'], 'road'],
  [['JMD', '建筑', '房屋', '楼', 'BUILDING', 'BLDG', 'WALL', '墙'], 'building'],
  [['障碍', 'ZAW', 'OBSTACLE'], 'obstacle'],
  [['GGSS', '公共设施', '配套', 'FACILITY'], 'facility'],
];

/**
 * A guess of what a survey layer holds from its name: case-insensitive, substring-aware
 * ("0-JMD-房屋" → building). Returns null when no entry matches, so the planner decides.
 * Short Latin codes (CW, ZJ, TK) match only as a whole token, so "NETWORK" is not a stall.
 */
export function guessLayerKind(layerName: string): SurveyKind | null {
  const name = layerName.trim().toUpperCase();
  const tokens = name.split(/[^A-Z0-9]+/).filter(Boolean);
  for (const [patterns, kind] of TABLE) {
    for (const p of patterns) {
      const latin = /^[A-Z0-9]+$/.test(p);
      if (latin && p.length <= 4 ? tokens.includes(p) : name.includes(p)) return kind;
    }
  }
  return null;
}
