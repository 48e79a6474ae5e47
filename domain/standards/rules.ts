/**
 * The one rules table. Every planning number the product uses lives here, next to the clause
 * it comes from (see ../shared/STANDARDS.md). A rule marked `verify: true` was quoted by
 * secondary sources only: the UI shows it as a default a planner can change. Projects override
 * any value with `withOverrides` (a city may adopt stricter local rules).
 */

export interface Rule<T> {
  readonly value: T;
  /** Standard and clause the number comes from (with the clause text where it was checked). */
  readonly source: string;
  /** True when only secondary sources quoted the number: show it as an editable default. */
  readonly verify?: boolean;
  /**
   * The code that governs the rule when two apply (issue 12): GB 55037-2022 建筑防火通用规范
   * (全文强制, in force 2023-06-01) replaces the mandatory clauses of GB 50016; GB 50016's other
   * clauses still apply where GB 55037 is silent. Absent: `source` governs alone.
   */
  readonly governs?: string;
  /**
   * Where a source gives a different threshold for new build (新建) and renovation of existing
   * housing (既有建筑改造): the renovation value and its source. Absent: one value for both.
   */
  readonly renovation?: { readonly value: T; readonly source: string };
}

/** Project context of a rule lookup: most clauses apply alike; see Rule.renovation. */
export type ProjectContext = 'new-build' | 'renovation';

const rule = <T>(
  value: T,
  source: string,
  verify = false,
  extra: { governs?: string; renovation?: { value: T; source: string } } = {},
): Rule<T> => ({ value, source, ...(verify ? { verify } : {}), ...extra });

/** The value of a rule in a project context (the renovation value where a source gives one). */
export const ruleValue = <T>(r: Rule<T>, context: ProjectContext = 'new-build'): T =>
  context === 'renovation' && r.renovation ? r.renovation.value : r.value;

/** Stall depth / length along the aisle / aisle width for one parking angle, in metres. */
export interface StallGeometryM {
  readonly depthM: number;
  readonly lengthAlongAisleM: number;
  readonly aisleWidthM: number;
}

const JGJ100_T434 = 'JGJ 100-2015 表4.3.4';
const GB50016 = 'GB 50016-2014(2018年版)';
const GB50180 = 'GB 50180-2018';
/** issue 12: the mandatory fire-lane clause of the general code (clause text not yet checked). */
const G55037_345 =
  'GB 55037-2022 建筑防火通用规范 §3.4.5 (强制性, 取代 GB 50016 的强制性条文; 条文原文未核对)';
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
    // ---- issue 12 (fire-fidelity): clause texts checked against public pages quoting them;
    // each source quotes the clause and names the page. GB 55037-2022 governs where it speaks.
    minClearWidthM: rule(
      4.0,
      `${GB50016} §7.1.8 第1款 "车道的净宽度和净空高度均不应小于4.0m" (ecbmfl.com/zhishiku/172821.html)`,
      false,
      { governs: G55037_345 },
    ),
    minClearHeightM: rule(
      4.0,
      `${GB50016} §7.1.8 第1款 "车道的净宽度和净空高度均不应小于4.0m" (ecbmfl.com/zhishiku/172821.html)`,
      false,
      { governs: G55037_345 },
    ),
    minTurningRadiusM: rule(
      9,
      `${GB50016} §7.1.8 第2款 "转弯半径应满足消防车转弯的要求" (ecbmfl.com/zhishiku/172821.html); 9 m 普通消防车 据条文说明 (未见原文)`,
      true,
      { governs: G55037_345 },
    ),
    aerialTurningRadiusM: rule(12, `${GB50016} §7.1.8 条文说明 (登高车, 未见原文)`, true, {
      governs: G55037_345,
    }),
    heavyTurningRadiusM: rule(16, `${GB50016} §7.1.8 条文说明 (重型车 16–20 m)`, true, {
      governs: G55037_345,
    }),
    /** Applies to every building (not only high-rise): the clause names no building class. */
    minDistanceFromWallM: rule(
      5,
      `${GB50016} §7.1.8 第4款 "消防车道靠建筑外墙一侧的边缘距离建筑外墙不宜小于5m" (ecbmfl.com/zhishiku/172821.html)`,
      false,
      { governs: G55037_345 },
    ),
    maxSlope: rule(
      0.08,
      `${GB50016} §7.1.8 第5款 "消防车道的坡度不宜大于8%" (ecbmfl.com/zhishiku/172821.html)`,
      false,
      { governs: G55037_345 },
    ),
    /** Every 尽头式消防车道, whatever its length (rule `dead-end`). */
    turnaroundSideM: rule(
      12,
      `${GB50016} §7.1.9 "尽头式消防车道应设置回车道或回车场，回车场的面积不应小于12m×12m" (mffbw.com/zx/63417.html)`,
      false,
      { governs: G55037_345 },
    ),
    /** When a building the dead end serves (within maxBuildingAccessDistanceM) is high-rise. */
    turnaroundHighRiseSideM: rule(
      15,
      `${GB50016} §7.1.9 "对于高层建筑，不宜小于15m×15m" (mffbw.com/zx/63417.html)`,
      false,
      { governs: G55037_345 },
    ),
    turnaroundHeavySideM: rule(
      18,
      `${GB50016} §7.1.9 "供重型消防车使用时，不宜小于18m×18m" (mffbw.com/zx/63417.html)`,
      false,
      { governs: G55037_345 },
    ),
    /**
     * A T- or Y-shaped 回车道 (rule `dead-end`): a junction of exactly three lane pieces, two of
     * which are dead-end legs. It counts as a turnaround when both legs, measured along the
     * centreline from the junction node to the free end, are at least this long (the
     * turnaround side the dead end needs: 12 m, 15 m high-rise, 18 m heavy, so the legs span
     * what the square would), and every piece of both legs is at least minClearWidthM wide.
     * The clause gives no 回车道 dimensions: a project measure, change it per project.
     */
    teeLegMinLengthM: rule(
      12,
      `${GB50016} §7.1.9 "应设置回车道或回车场" 未给出回车道尺寸; 项目约定: T/Y 形回车道每支自交点沿中线量起不小于回车场边长 (12 m; 高层 15 m, 重型 18 m), 净宽不小于最小净宽`,
      true,
    ),
    teeLegMinLengthHighRiseM: rule(
      15,
      '项目约定: 高层建筑的 T/Y 形回车道每支 ≥ 15 m (同回车场边长)',
      true,
    ),
    teeLegMinLengthHeavyM: rule(
      18,
      '项目约定: 重型消防车的 T/Y 形回车道每支 ≥ 18 m (同回车场边长)',
      true,
    ),
    ringMinConnections: rule(
      2,
      `${GB50016} §7.1.9 "环形消防车道至少应有两处与其他车道连通" (www.chetan.com/202308/1076131.shtml)`,
      false,
      { governs: G55037_345 },
    ),
    maxCentrelineSpacingM: rule(
      160,
      `${GB50016} §7.1.1 "街区内的道路应考虑消防车的通行,道路中心线间的距离不宜大于160m" (zy-la.com/news/359.html)`,
    ),
    buildingLengthNeedsThroughLaneM: rule(
      150,
      `${GB50016} §7.1.1 "当建筑物沿街道部分的长度大于150m或总长度大于220m时,应设置穿过建筑物的消防车道" (zy-la.com/news/359.html)`,
    ),
    buildingTotalLengthNeedsThroughLaneM: rule(
      220,
      `${GB50016} §7.1.1 "…或总长度大于220m时,应设置穿过建筑物的消防车道" (zy-la.com/news/359.html)`,
    ),
    courtyardShortSideNeedsAccessM: rule(
      24,
      `${GB50016} §7.1.4 (内院或天井短边长度大于24m, 未见原文)`,
      true,
    ),
    rescueSiteMinM: rule(
      { lengthM: 15, widthM: 10 },
      `${GB50016} §7.2.2 第2款 "场地的长度和宽度分别不应小于15m和10m" (www.8fe.cn/test-question-449716.html)`,
    ),
    rescueSiteOver50mMinM: rule(
      { lengthM: 20, widthM: 10 },
      `${GB50016} §7.2.2 第2款 "对于建筑高度大于50m的建筑，场地的长度和宽度分别不应小于20m和10m" (www.8fe.cn/test-question-449716.html)`,
    ),
    rescueSiteDistanceFromWallM: rule(
      { minM: 5, maxM: 10 },
      `${GB50016} §7.2.2 "场地靠建筑外墙一侧的边缘距离建筑外墙不宜小于5m，且不应大于10m" (www.eol.cn/baokao/xiaofangsheshicaozuoyuan/20250507163226.html)`,
    ),
    rescueSiteMaxSlope: rule(
      0.03,
      `${GB50016} §7.2.2 "场地的坡度不宜大于3%" (www.eol.cn/baokao/xiaofangsheshicaozuoyuan/20250507163226.html)`,
    ),
    /**
     * §7.2.1: the rescue sites of a high-rise run along at least one whole long side, or ≥ ¼ of
     * the perimeter and not less than one long side (the engine does not check this yet).
     */
    rescueSiteAlongShareOfPerimeter: rule(
      0.25,
      `${GB50016} §7.2.1 "高层建筑应至少沿一个长边或周边长度的1/4且不小于一个长边长度的底边连续布置消防车登高操作场地" (kaotiyun.com/show/5qgu777K)`,
    ),
    /** §7.2.1: buildings ≤ 50 m may have separate sites, gaps ≤ 30 m (不宜), same total length. */
    rescueSiteMaxGapM: rule(
      30,
      `${GB50016} §7.2.1 "建筑高度不大于50m的建筑，连续布置消防车登高操作场地确有困难时，可间隔布置，但间隔距离不宜大于30m" (talaoshi.com/zonghe/ds59r4.html)`,
    ),
    markingEdgeLineWidthM: rule(0.15, '消防车通道标志标线设置 (GA/T 消防车道标线)', true),
    markingTextSpacingM: rule(20, '消防车通道标志标线设置 ("消防车道 禁止占用")', true),
    /**
     * GB 50180 dead-end road length (rule `dead-end-length`, a warning): a residential
     * 尽端式道路 longer than this from its last junction is a finding of its own, whether or
     * not it has a turnaround (which rule `dead-end` asks of every dead end). The 2018 text was
     * not found; the 120 m and 12 × 12 m are quoted from the 1993 (2016) edition's wording.
     */
    deadEndMaxLengthM: rule(
      120,
      `${GB50180} §6.0.5 (issue 12; 条文未见原文) / GB 50180-93(2016年版) §8.0.5 "居住区内尽端式道路的长度不宜大于120m，并应在尽端设不小于12m×12m的回车场地" (www.civilcn.com/jianzhu/jzlw/jcll/1468373655272200.html)`,
      true,
    ),
    /** Residential buildings higher than this are high-rise (高层住宅). */
    highRiseResidentialHeightM: rule(27, `${GB50016} §5.1.1 表5.1.1 (住宅建筑高度大于27 m)`),
    /** Height unknown: this many storeys or more count as high-rise (≈ 3 m per storey). */
    highRiseLevelsWhenHeightUnknown: rule(10, `${GB50016} §5.1.1 (按层数估计: ≥10层)`, true),
    /** Height unknown: estimated height = levels × this, for the > 50 m rescue-site rule. */
    storeyHeightEstimateM: rule(3, '估算: 住宅层高约 3 m', true),
    /** Buildings higher than this need the larger rescue site (rescueSiteOver50mMinM). */
    rescueSiteLargerAboveHeightM: rule(50, `${GB50016} §7.2.2 (建筑高度大于50 m)`),
    /**
     * A building's footprint must lie within this distance of a compliant lane's edge; the
     * buildings within it of a dead end are the ones it serves (high-rise → 15 × 15 m).
     */
    maxBuildingAccessDistanceM: rule(
      60,
      '实践值: 消防车停靠处至建筑的水带铺设距离 (3 盘 20 m 水带); 非 GB 50016 条文',
      true,
    ),
    // ---- end issue 12 (fire-fidelity)
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
    // ---- issue 12 (fire-fidelity): GB 50763-2012 clause numbers and texts checked.
    accessibleAisleM: rule(
      1.2,
      'GB 50763-2012 §3.14.3 "无障碍机动车停车位一侧，应设宽度不小于1.20m的通道" (www.didwow.cn/wenda/117109.html)',
    ),
    /**
     * Residential car parks (居住区). The 2 % used before came from the superseded JGJ 50-2001
     * (城市道路和建筑物无障碍设计规范 §7.11.2 条文说明 "不应少于总停车数的2%").
     */
    accessibleMinShare: rule(
      0.005,
      'GB 50763-2012 §7.3.3 "居住区停车场和车库的总停车位应设置不少于0.5%的无障碍机动车停车位" (yuedu.ocsyun.com/ocsyuedu/a54995c26b6f402098b022ce95feb13d/ee453099edbf46bd913953fed33553ae)',
    ),
    /**
     * Public buildings (公共建筑 建筑基地): ≤ 100 stalls at least `minCount`, above that
     * `share` of the total. Not used by the residential layout engine.
     */
    accessiblePublicBuilding: rule(
      { minCount: 1, share: 0.01, aboveCount: 100 },
      'GB 50763-2012 §8.1.2 (总停车数100辆以下不少于1个, 100辆以上不少于总停车数1%; 条文原文未见, 条文说明 "当停车位的数量超过100辆时, 每增加不足100辆时, 仍然需要增加1个无障碍机动车停车位" www.jsq886.com/guifan/5905_168577_168615.html)',
      true,
    ),
    // ---- end issue 12
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
    // --- coverage-fidelity (issue 12 §3): crossings --------------------------------------------
    /**
     * OSM highway classes a pedestrian walks along (on the sidewalk) but crosses only at a
     * crossing: a vertex shared with another line (a `footway=crossing` way, a junction with any
     * other road or path), the road's end, or a footbridge / underpass (bridge / tunnel lines
     * that join the sidewalks on both sides). motorway and trunk are listed for completeness:
     * they are not walked at all (nonWalkableHighwayClasses). Every other walkable class
     * (secondary, tertiary, unclassified, residential, living_street, service, track, pedestrian,
     * footway, path …) may be crossed freely anywhere along it.
     */
    crossOnlyAtCrossingsHighwayClasses: rule<readonly string[]>(
      ['motorway', 'motorway_link', 'trunk', 'trunk_link', 'primary', 'primary_link'],
      'CJJ 37-2012 §3.1.2 主干路 (OSM primary) 与快速路: 行人过街设施集中设置 (§4.4 人行过街); 道路交通安全法 §62 行人横过道路应走人行横道或过街设施',
      true,
    ),
    /**
     * Isochrone outline: the reached network lines buffered by this distance (m), holes filled
     * (a block ringed by reached streets is inside). Product choice: the street frontage a
     * building entrance lies within (walking-isochrones.ts). The bands themselves are the tiers
     * above (300 / 500 / 1000 m, labelled 5 / 10 / 15 分钟): one vocabulary for both.
     */
    /**
     * Compound gates as walk starts: a gate (OSM barrier=gate / lift_gate, entrance=*) counts as
     * a gate of a 小区 when it lies within this distance (m) of the community's boundary (the
     * fence is mapped a few metres off the landuse outline: 2–14 m in the demo district). A
     * residential building without an entrance of its own then walks out through the gates
     * (build-walking-network.ts): straight to a gate, then the network. Product choice.
     */
    gateOnBoundaryM: rule(
      15,
      '产品取值: 门禁点距小区边界 ≤ 15 m 视为该小区的出入口 (围墙常偏离用地边界数米), 可调',
    ),
    isochroneBufferM: rule(
      50,
      '产品取值: 等时圈轮廓 = 可达道路两侧各 50 m (临街建筑入口范围), 可调',
    ),
    // --- end coverage-fidelity -------------------------------------------------------------------
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
      '估算: CJJ 37-2012 §5.3.2 车道宽3.5 m × 常见车道数; 小区内道路按 GB 50180-2018 §6.0.4 第1款 "主要附属道路至少应有两个车行出入口连接城市道路，其路面宽度不应小于4.0m" (m.jianbiaoku.com/webarbs/book/1095/3781398.shtml)',
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
  /** What an import clipped with --bbox / --boundary keeps beyond the clip (issue 12 §3). */
  importContext: {
    /**
     * Walking network (road, footway) and facilities within this distance outside the clip are
     * kept as context (the district's context baseline, no buildings, no households), so a
     * walk from a community near the clip edge is not cut short: the 15-minute life circle's
     * walking distance.
     */
    bufferM: rule(1000, `${GB50180} §2.0.2 十五分钟生活圈居住区 "步行距离为800m~1000m"`),
  },
  /** Survey import (issue 11): how CAD geometry is read. Product choices, not clauses. */
  surveyImport: {
    /** A polyline whose ends are this close (m) is closed, as CAD users snap by eye. */
    closeToleranceM: rule(0.05, '项目约定: 端点相距5 cm以内的多段线视为闭合', true),
    /**
     * On a layer mapped to trees, a drawn closed outline at least this large (m²) is the green
     * area round the trees (CASS 绿化 layers hold both), not a tree.
     */
    treeLayerGreenMinAreaSqM: rule(50, '项目约定: 树木图层中≥50 m²的闭合轮廓为绿地', true),
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
  // ── BEGIN rule-overrides (issue 12 §1): bounds of a project's override (withOverrides) ──────
  ruleOverrides: {
    /**
     * An override may move a number to between minRatio and maxRatio times its default: a city's
     * local rule tightens or relaxes a threshold, it does not change its order of magnitude
     * (a 45 m lane width is a typo for 4.5 m). A project measure, not a clause.
     */
    minRatio: rule(0.25, '项目约定: 地方标准覆盖值不小于默认值的 1/4'),
    maxRatio: rule(4, '项目约定: 地方标准覆盖值不大于默认值的 4 倍'),
    /** Length limit of the source text (the local standard and clause) of an override. */
    maxSourceLength: rule(500, '项目约定: 覆盖来源 (地方标准及条款) 不超过 500 字'),
  },
  // ── END rule-overrides ──────────────────────────────────────────────────────────────────────
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
