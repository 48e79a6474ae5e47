/**
 * The one rules table. Every planning number the product uses lives here, next to the clause
 * it comes from (see ../shared/STANDARDS.md). A rule marked `verify: true` was quoted by
 * secondary sources only: the UI shows it as a default a planner can change. Projects override
 * any value with `withOverrides` (a city may adopt stricter local rules).
 */

export interface Rule<T> {
  readonly value: T;
  /** Standard and clause the number comes from. */
  readonly source: string;
  /** True when only secondary sources quoted the number: show it as an editable default. */
  readonly verify?: boolean;
}

const rule = <T>(value: T, source: string, verify = false): Rule<T> =>
  verify ? { value, source, verify } : { value, source };

/** Stall depth / length along the aisle / aisle width for one parking angle, in metres. */
export interface StallGeometryM {
  readonly depthM: number;
  readonly lengthAlongAisleM: number;
  readonly aisleWidthM: number;
}

const JGJ100_T434 = 'JGJ 100-2015 表4.3.4';
const GB50016 = 'GB 50016-2014(2018年版)';
const GB50180 = 'GB 50180-2018';
const COMPLETE = '完整居住社区建设标准(试行) 2021';

export const RULES = {
  renewal: {
    builtBeforeYear: rule(2001, '国办发〔2020〕23号: 2000年底前建成的小区'),
    fundRelease: rule(
      [
        { atProgress: 0.5, share: 0.3 },
        { atProgress: 0.8, share: 0.3 },
        { atProgress: 1.0, share: 0.3, onAcceptance: true },
        { atProgress: 1.0, share: 0.1, retainedYears: 1 },
      ],
      '国办发〔2020〕23号 and the seed plans (改造方案资金拨付): 进度50%拨30%, 80%拨30%, 竣工验收后30%, 10%质保一年',
    ),
  },
  fireLane: {
    minClearWidthM: rule(4.0, `${GB50016} §7.1.8 (GB 55037-2022 §3.4.5)`),
    minClearHeightM: rule(4.0, `${GB50016} §7.1.8`),
    minTurningRadiusM: rule(9, `${GB50016} §7.1.8 条文说明 (普通消防车)`),
    aerialTurningRadiusM: rule(12, `${GB50016} §7.1.8 条文说明 (登高车)`),
    heavyTurningRadiusM: rule(16, `${GB50016} §7.1.8 条文说明 (重型车 16–20 m)`, true),
    minDistanceFromWallM: rule(5, `${GB50016} §7.1.8`),
    maxSlope: rule(0.08, `${GB50016} §7.1.8`),
    turnaroundSideM: rule(12, `${GB50016} §7.1.9`),
    turnaroundHighRiseSideM: rule(15, `${GB50016} §7.1.9`),
    turnaroundHeavySideM: rule(18, `${GB50016} §7.1.9`),
    ringMinConnections: rule(2, `${GB50016} §7.1.9`),
    maxCentrelineSpacingM: rule(160, `${GB50016} §7.1.1`),
    buildingLengthNeedsThroughLaneM: rule(150, `${GB50016} §7.1.1`),
    buildingTotalLengthNeedsThroughLaneM: rule(220, `${GB50016} §7.1.1`),
    courtyardShortSideNeedsAccessM: rule(24, `${GB50016} §7.1.4`),
    rescueSiteMinM: rule({ lengthM: 15, widthM: 10 }, `${GB50016} §7.2.2`),
    rescueSiteOver50mMinM: rule({ lengthM: 20, widthM: 10 }, `${GB50016} §7.2.2`),
    rescueSiteDistanceFromWallM: rule({ minM: 5, maxM: 10 }, `${GB50016} §7.2.2`),
    rescueSiteMaxSlope: rule(0.03, `${GB50016} §7.2.2`),
    markingEdgeLineWidthM: rule(0.15, '消防车通道标志标线设置 (GA/T 消防车道标线)', true),
    markingTextSpacingM: rule(20, '消防车通道标志标线设置 ("消防车道 禁止占用")', true),
    /**
     * Compliance engine (domain/fire-lanes). A dead end longer than this from its last junction
     * needs a turnaround; §7.1.9 itself asks one of every 尽头式消防车道 (set 0 for that).
     */
    deadEndMaxLengthM: rule(120, `${GB50016} §7.1.9 尽头式消防车道 (120 m 为常用阈值)`, true),
    /** Residential buildings higher than this are high-rise (高层住宅). */
    highRiseResidentialHeightM: rule(27, `${GB50016} §5.1.1 表5.1.1 (住宅建筑高度大于27 m)`),
    /** Height unknown: this many storeys or more count as high-rise (≈ 3 m per storey). */
    highRiseLevelsWhenHeightUnknown: rule(10, `${GB50016} §5.1.1 (按层数估计: ≥10层)`, true),
    /** Height unknown: estimated height = levels × this, for the > 50 m rescue-site rule. */
    storeyHeightEstimateM: rule(3, '估算: 住宅层高约 3 m', true),
    /** Buildings higher than this need the larger rescue site (rescueSiteOver50mMinM). */
    rescueSiteLargerAboveHeightM: rule(50, `${GB50016} §7.2.2 (建筑高度大于50 m)`),
    /** A building's footprint must lie within this distance of a compliant lane's edge. */
    maxBuildingAccessDistanceM: rule(
      60,
      '实践值: 消防车停靠处至建筑的水带铺设距离 (3 盘 20 m 水带); 非 GB 50016 条文',
      true,
    ),
  },
  parking: {
    designCarM: rule({ lengthM: 4.8, widthM: 1.8 }, 'JGJ 100-2015 §4.1.1 小型车'),
    perpendicularStallM: rule({ lengthM: 5.3, widthM: 2.4 }, 'JGJ 100-2015 §4.3.4'),
    fieldPracticeStallWidthM: rule(2.5, '各地老旧小区改造实践 5.3 × 2.5 m', true),
    byAngle: {
      parallel: rule<StallGeometryM>(
        { depthM: 2.4, lengthAlongAisleM: 6.0, aisleWidthM: 3.8 },
        JGJ100_T434,
        true,
      ),
      deg30: rule<StallGeometryM>(
        { depthM: 4.8, lengthAlongAisleM: 4.8, aisleWidthM: 3.8 },
        JGJ100_T434,
        true,
      ),
      deg45: rule<StallGeometryM>(
        { depthM: 5.5, lengthAlongAisleM: 3.4, aisleWidthM: 3.8 },
        JGJ100_T434,
        true,
      ),
      deg60: rule<StallGeometryM>(
        { depthM: 5.8, lengthAlongAisleM: 2.8, aisleWidthM: 4.5 },
        JGJ100_T434,
        true,
      ),
      deg90: rule<StallGeometryM>(
        { depthM: 5.3, lengthAlongAisleM: 2.4, aisleWidthM: 9.0 },
        JGJ100_T434,
        true,
      ),
    },
    minRoadWidthForOnStreetM: rule(6, 'GB/T 51149-2016 城市停车规划规范', true),
    accessibleAisleM: rule(1.2, 'GB 50763-2012 §3.14.3'),
    accessibleMinShare: rule(0.02, 'GB 50763-2012 §3.14.1'),
    evShareNewHousing: rule(1.0, '国办发〔2020〕23号 配套: 新建住宅100%预留充电条件'),
    evSharePublic: rule(0.1, '公共停车场 ≥10% 充电车位'),
    landPerSurfaceStallSqM: rule({ minSqM: 25, maxSqM: 30 }, 'GB/T 51149-2016', true),
    bicycleStallM: rule({ lengthM: 1.8, widthM: 0.6, aisleWidthM: 1.5 }, 'GB/T 51149-2016'),
    /** Clearance radius around a tree given as a point obstacle (trunk centre), in metres. */
    treeClearanceRadiusM: rule(
      0.75,
      'CJJ 75-97 §4.2 行道树树干中心至路缘石外侧最小距离 0.75 m',
      true,
    ),
    /**
     * Aisles at least this wide carry two-way traffic; the narrower 表4.3.4 aisles of angled and
     * parallel rows (3.8 m, 4.5 m) are one-way, driven in the direction the stalls lean.
     */
    twoWayAisleMinWidthM: rule(
      5.5,
      'JGJ 100-2015 §4.2.10 表4.2.10-2 小型车直线双行最小净宽 5.5 m (单行 3.0 m); 表4.3.4 斜列式通车道按单向',
      true,
    ),
    /** Width of a cross aisle that joins the row aisles into one network (no stalls open onto it). */
    connectorAisleWidthM: rule(
      5.5,
      'JGJ 100-2015 §4.2.10 表4.2.10-2 小型车直线双行 5.5 m (停车场内联络通道按双向)',
      true,
    ),
    /** Product limit: an entrance given farther than this from the lot edge is refused. */
    entranceMaxOffEdgeM: rule(20, '产品限制: 出入口距停车场边界 ≤ 20 m (否则视为输入错误)'),
    /** Product limits of the layout generator (not planning rules): one request stays fast. */
    layoutMaxAreaSqM: rule(500_000, '产品限制: 单次停车布局面积 ≤ 50 ha (约一个片区)'),
    layoutMaxKerbLengthM: rule(5_000, '产品限制: 单次路侧停车线长 ≤ 5 km'),
    layoutMaxVertices: rule(5_000, '产品限制: 单次输入顶点数 ≤ 5000'),
  },
  lifeCircle: {
    walkSpeedMPerMin: rule(75, `${GB50180} §2.0.2 (4.5 km/h)`),
    elderlyWalkSpeedMPerMin: rule(60, `${GB50180} 条文说明`),
    tiers: {
      min15: rule({ minutes: 15, maxDistanceM: 1000, minDistanceM: 800 }, `${GB50180} §2.0.2`),
      min10: rule({ minutes: 10, maxDistanceM: 500 }, `${GB50180} §2.0.3`),
      min5: rule({ minutes: 5, maxDistanceM: 300 }, `${GB50180} §2.0.4`),
      block: rule({ minutes: 0, maxDistanceM: 150 }, `${GB50180} §2.0.5 居住街坊`, true),
    },
    /** OSM highway classes closed to pedestrians: left out of the walking network. */
    nonWalkableHighwayClasses: rule<readonly string[]>(
      ['motorway', 'motorway_link', 'trunk', 'trunk_link'],
      '道路交通安全法 §67 (行人不得进入高速公路); CJJ 37-2012 §3.1.2 快速路 (OSM trunk) 全封闭',
      true,
    ),
    /** Product limit: a building or facility farther than this from the network is unreachable. */
    maxAttachDistanceM: rule(200, '产品限制: 建筑/设施距步行网络 > 200 m 视为不可达 (可调)'),
  },
  /** Defaults the importer uses when OpenStreetMap is silent. Shown in the UI as estimates. */
  importEstimates: {
    defaultLevels: rule(6, '估算: 2000年前多层住宅以6层为主', true),
    floorAreaPerHouseholdSqM: rule(80, '估算: 户均建筑面积', true),
    /**
     * Carriageway width (m) of a road without a `width` tag, by OSM highway class; `*_link`
     * uses its base class, an unknown class falls back to `road`.
     */
    roadWidthByClassM: rule<Readonly<Record<string, number>>>(
      {
        motorway: 15,
        trunk: 15,
        primary: 14,
        secondary: 10.5,
        tertiary: 7,
        unclassified: 6,
        residential: 6,
        road: 6,
        living_street: 5,
        service: 4,
        track: 3,
      },
      '估算: CJJ 37-2012 §5.3.2 车道宽3.5 m × 常见车道数; 小区内道路按 GB 50180-2018 §6.0.5 (主要附属道路 ≥4.0 m)',
      true,
    ),
  },
  /**
   * Which OSM residential areas become communities (小区) at import. Not a standard's number:
   * project conventions, overridable per import (`npm run import -- --min-area-sqm …`).
   */
  importCommunities: {
    /**
     * An unnamed residential area is a 小区 when it is at least this large (m², geodesic) OR
     * holds at least `minBuildings` buildings (footprint centroids inside).
     */
    minAreaSqM: rule(2000, '项目约定: 小于2000 m²且无建筑的无名居住用地多为绿地或道路碎片', true),
    minBuildings: rule(1, '项目约定: 有建筑的无名居住用地即使很小也是可改造的院落', true),
    /** An unnamed area ≥ this share inside a named one is part of it, not its own 小区. */
    insideNamedShare: rule(0.9, '项目约定: 有名小区内的无名地块并入该小区', true),
    /** Farthest named road (m) a provisional name 「某路北侧居住区」 may refer to. */
    nearestRoadMaxM: rule(300, '项目约定: 暂定名只引用300 m内的道路', true),
  },
  // ── BEGIN parking-existing (issue 12 §2): the baseline (现状) parking count ──────────────────
  /**
   * How the parking ledger counts today's cars where OpenStreetMap maps no stalls and no
   * `capacity`: estimates, flagged as such in the ledger, the UI and the sheet. A planner's
   * survey count (现状调查) replaces any estimate.
   */
  parkingExisting: {
    /**
     * Land per surface stall (地面停车场, including its share of aisles): an untagged lot's
     * estimate is floor(area / this). The lower bound of 25–30 m² (parking.landPerSurfaceStallSqM),
     * since informal courtyard parking packs cars densely.
     */
    areaPerSurfaceStallSqM: rule(
      25,
      'GB/T 51149-2016 城市停车规划规范: 地面机动车停车场用地面积每个停车位宜为 25–30 m² (取下限); 与 JGJ 100-2015 条文说明一致',
      true,
    ),
    /** `parking=*` values of an amenity=parking area whose outline is estimated from its area. */
    areaEstimateParkingValues: rule<readonly string[]>(
      ['', 'surface', 'lane', 'street_side', 'layby'],
      '项目约定: 地下/立体车库 (underground, multi-storey, rooftop) 的轮廓面积不代表车位数, 不估算',
      true,
    ),
    /**
     * Kerb length one parked car takes, by OSM orientation (parking:*:orientation or the old
     * parking:lane:* value): a side of length L holds floor(L / this) cars.
     */
    kerbStallLengthM: rule<Readonly<Record<'parallel' | 'diagonal' | 'perpendicular', number>>>(
      { parallel: 6.0, diagonal: 3.4, perpendicular: 2.4 },
      'JGJ 100-2015 表4.3.4 小型车 垂直通车道方向的车位长度 (平行式 6.0, 斜列 45° 3.4, 垂直式 2.4)',
      true,
    ),
    /** Depth of a kerbside car, by orientation, for the part of a road that a fire lane clears. */
    kerbStallDepthM: rule<Readonly<Record<'parallel' | 'diagonal' | 'perpendicular', number>>>(
      { parallel: 2.4, diagonal: 5.5, perpendicular: 5.3 },
      'JGJ 100-2015 表4.3.4 小型车 垂直通车道方向的车位尺寸 (平行式 2.4, 斜列 45° 5.5, 垂直式 5.3)',
      true,
    ),
    /** Sampling step (m) for the share of a lot or a kerb that lies in a fire lane's clear width. */
    fireLaneSampleStepM: rule(1, '计算精度: 1 m 网格 (产品参数, 非标准条文)'),
  },
  /**
   * Back-in parking (后退停车), JGJ 100-2015 表4.3.4 小型车 (the 后退停车 column): the same stall,
   * a narrower aisle, since reversing in needs less sweep than driving in. 90°: 5.5 m against
   * 9.0 m forward (a double-loaded module 2 × 5.3 + 5.5 = 16.1 m against 19.6 m, about a fifth
   * more rows per depth); 60°: 4.2 m against 4.5 m. The common default of Chinese CAD parking
   * tools. The 5.5 m is also JGJ 100's general clause for perpendicular stalls, quoted by
   * secondary sources as 「采用垂直式停车方式的小型汽车停车位最小尺寸宜为 5.3 m(长) × 2.4 m(宽),
   * 停车位前端的通车道最小宽度宜为 5.5 m」 (转引《车库建筑设计规范》; the table itself was not reached).
   */
  parkingBackIn: {
    deg90: rule<StallGeometryM>(
      { depthM: 5.3, lengthAlongAisleM: 2.4, aisleWidthM: 5.5 },
      `${JGJ100_T434} 垂直式 后退停车 (通车道 5.5 m; 前进停车 9.0 m)`,
      true,
    ),
    deg60: rule<StallGeometryM>(
      { depthM: 5.8, lengthAlongAisleM: 2.8, aisleWidthM: 4.2 },
      `${JGJ100_T434} 斜列式 60° 后退停车 (通车道 4.2 m; 前进停车 4.5 m)`,
      true,
    ),
  },
  // ── END parking-existing ────────────────────────────────────────────────────────────────────
} as const;

export type Rules = typeof RULES;

/** A GB 50180 / 完整社区 service-facility category with its walking radius. */
export interface FacilityCategory {
  readonly id: FacilityCategoryId;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly tier: 'min15' | 'min10' | 'min5' | 'block';
  readonly maxDistanceM: number;
  readonly source: string;
  readonly verify?: boolean;
}

export type FacilityCategoryId =
  | 'middle_school'
  | 'primary_school'
  | 'kindergarten'
  | 'nursery'
  | 'health_centre'
  | 'health_station'
  | 'pharmacy'
  | 'market'
  | 'supermarket'
  | 'convenience'
  | 'service_station'
  | 'elderly_care'
  | 'culture_station'
  | 'sports_field'
  | 'fitness'
  | 'public_green'
  | 'parcel'
  | 'police';

/** Facility categories, GB 50180-2018 附录B / 表5.0.2 and 完整居住社区建设标准. */
export const FACILITY_CATEGORIES: readonly FacilityCategory[] = [
  {
    id: 'middle_school',
    nameZh: '初中',
    nameEn: 'Middle school',
    tier: 'min15',
    maxDistanceM: 1000,
    source: `${GB50180} 附录B.0.1`,
  },
  {
    id: 'primary_school',
    nameZh: '小学',
    nameEn: 'Primary school',
    tier: 'min10',
    maxDistanceM: 500,
    source: `${GB50180} 附录B.0.2`,
  },
  {
    id: 'kindergarten',
    nameZh: '幼儿园',
    nameEn: 'Kindergarten',
    tier: 'min5',
    maxDistanceM: 300,
    source: `${GB50180} 附录B.0.3`,
  },
  {
    id: 'nursery',
    nameZh: '托儿所',
    nameEn: 'Nursery',
    tier: 'min5',
    maxDistanceM: 300,
    source: `${GB50180} 附录B.0.3`,
    verify: true,
  },
  {
    id: 'health_centre',
    nameZh: '社区卫生服务中心',
    nameEn: 'Community health centre',
    tier: 'min15',
    maxDistanceM: 1000,
    source: `${GB50180} 附录B.0.1`,
    verify: true,
  },
  {
    id: 'health_station',
    nameZh: '社区卫生服务站',
    nameEn: 'Community health station',
    tier: 'min5',
    maxDistanceM: 300,
    source: COMPLETE,
    verify: true,
  },
  {
    id: 'pharmacy',
    nameZh: '药店',
    nameEn: 'Pharmacy',
    tier: 'min10',
    maxDistanceM: 500,
    source: `${GB50180} 附录B.0.2 (商业服务)`,
    verify: true,
  },
  {
    id: 'market',
    nameZh: '菜市场/生鲜超市',
    nameEn: 'Fresh market',
    tier: 'min10',
    maxDistanceM: 500,
    source: `${GB50180} 附录B.0.2`,
    verify: true,
  },
  {
    id: 'supermarket',
    nameZh: '综合超市',
    nameEn: 'Supermarket',
    tier: 'min10',
    maxDistanceM: 500,
    source: COMPLETE,
    verify: true,
  },
  {
    id: 'convenience',
    nameZh: '便利店',
    nameEn: 'Convenience store',
    tier: 'min5',
    maxDistanceM: 300,
    source: `${GB50180} 附录B.0.3`,
    verify: true,
  },
  {
    id: 'service_station',
    nameZh: '社区服务站',
    nameEn: 'Community service station',
    tier: 'min5',
    maxDistanceM: 300,
    source: `${GB50180} 附录B.0.3`,
    verify: true,
  },
  {
    id: 'elderly_care',
    nameZh: '老年人日间照料中心',
    nameEn: 'Elderly day care',
    tier: 'min5',
    maxDistanceM: 300,
    source: `${GB50180} 附录B.0.3`,
    verify: true,
  },
  {
    id: 'culture_station',
    nameZh: '文化活动站',
    nameEn: 'Culture station',
    tier: 'min10',
    maxDistanceM: 500,
    source: `${GB50180} 附录B.0.2`,
    verify: true,
  },
  {
    id: 'sports_field',
    nameZh: '小型运动场地',
    nameEn: 'Small sports field',
    tier: 'min5',
    maxDistanceM: 300,
    source: `${GB50180} 附录B.0.3`,
    verify: true,
  },
  {
    id: 'fitness',
    nameZh: '室外健身场地',
    nameEn: 'Outdoor fitness',
    tier: 'min5',
    maxDistanceM: 300,
    source: `${GB50180} 附录B.0.3`,
    verify: true,
  },
  {
    id: 'public_green',
    nameZh: '公共绿地',
    nameEn: 'Public green',
    tier: 'min5',
    maxDistanceM: 300,
    source: COMPLETE,
    verify: true,
  },
  {
    id: 'parcel',
    nameZh: '邮件快件寄递设施',
    nameEn: 'Parcel & post',
    tier: 'min5',
    maxDistanceM: 300,
    source: COMPLETE,
    verify: true,
  },
  {
    id: 'police',
    nameZh: '派出所/警务室',
    nameEn: 'Police',
    tier: 'min15',
    maxDistanceM: 1000,
    source: `${GB50180} 附录B.0.1`,
    verify: true,
  },
];

export const facilityCategory = (id: string): FacilityCategory | undefined =>
  FACILITY_CATEGORIES.find((c) => c.id === id);
