import { RULES, type FacilityCategoryId } from '../standards/rules';
import type {
  AreaSummary,
  CategorySummary,
  CoverageGap,
  CoverageResult,
  CoverageState,
  OriginCoverage,
  TierId,
  TierSummary,
} from './types';

const TIERS: readonly TierId[] = ['min15', 'min10', 'min5', 'block'];

const summarizeArea = (
  communityId: string | null,
  origins: readonly OriginCoverage[],
  state: CoverageState,
): AreaSummary => {
  const { categories, radiiM, tierOf } = state.options;
  const households = origins.reduce((s, o) => s + o.households, 0);
  const share = (h: number): number => (households > 0 ? h / households : 1);
  const byCategory: Partial<Record<FacilityCategoryId, CategorySummary>> = {};
  const gaps: CoverageGap[] = [];
  for (const c of categories) {
    let covered = 0;
    let unreachable = 0;
    const uncoveredIds: string[] = [];
    for (const o of origins) {
      const d = o.distancesM[c] ?? Infinity;
      if (d <= radiiM[c]) covered += o.households;
      else uncoveredIds.push(o.id);
      if (d === Infinity) unreachable += o.households;
    }
    byCategory[c] = {
      radiusM: radiiM[c],
      tier: tierOf[c],
      householdsCovered: covered,
      share: share(covered),
      householdsUnreachable: unreachable,
    };
    if (uncoveredIds.length > 0) {
      gaps.push({
        category: c,
        householdsUncovered: households - covered,
        buildingsUncovered: uncoveredIds.length,
        originIds: uncoveredIds,
      });
    }
  }
  const byTier: Partial<Record<TierId, TierSummary>> = {};
  for (const tier of TIERS) {
    const inTier = categories.filter((c) => tierOf[c] === tier);
    if (inTier.length === 0) continue;
    let covered = 0;
    for (const o of origins) {
      if (inTier.every((c) => (o.distancesM[c] ?? Infinity) <= radiiM[c])) covered += o.households;
    }
    byTier[tier] = { categories: inTier, householdsCovered: covered, share: share(covered) };
  }
  const order = new Map(categories.map((c, i) => [c, i]));
  gaps.sort(
    (a, b) =>
      b.householdsUncovered - a.householdsUncovered ||
      order.get(a.category)! - order.get(b.category)!,
  );
  return { communityId, buildings: origins.length, households, byCategory, byTier, gaps };
};

/**
 * Per-building distances and the coverage summary of the district and of each community:
 * the share of households (properties.households, else one per building) within each
 * category's radius (GB 50180-2018 附录B, overridable), per tier the share with every category
 * of that tier within its radius (tiers are not inclusive, GB 50180-2018 §2.0.2–2.0.4), and the
 * gaps: categories some buildings miss, with those buildings. A building not attached to the
 * network has every distance Infinity (unreachable).
 */
export function summarizeCoverage(state: CoverageState): CoverageResult {
  const { categories, radiiM, walkSpeedMPerMin } = state.options;
  const origins: OriginCoverage[] = state.network.origins.map((o) => {
    const distancesM: Partial<Record<FacilityCategoryId, number>> = {};
    const missing: FacilityCategoryId[] = [];
    for (const c of categories) {
      const d = o.node < 0 ? Infinity : state.fields[c]!.distM[o.node]!;
      distancesM[c] = d;
      if (!(d <= radiiM[c])) missing.push(c);
    }
    return {
      id: o.id,
      communityId: o.communityId,
      households: o.households,
      distancesM,
      missing,
      ...(o.accessEstimated ? { accessEstimated: true } : {}),
    };
  });
  // Data edge: the extent of the walking network (its non-connector edges), in local metres.
  // A community whose buildings' access points come within the 15-minute radius of it has a
  // 1 km buffer that leaves the data (GB 50180-2018 §2.0.2: 800–1000 m).
  const net = state.network;
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  for (let ed = 0; ed < net.edgeCount; ed++) {
    if (net.edgeIsConnector[ed] === 1) continue;
    for (const node of [net.edgeU[ed]!, net.edgeV[ed]!]) {
      w = Math.min(w, net.nodeX[node]!);
      e = Math.max(e, net.nodeX[node]!);
      s = Math.min(s, net.nodeY[node]!);
      n = Math.max(n, net.nodeY[node]!);
    }
  }
  const edgeM = RULES.lifeCircle.tiers.min15.value.maxDistanceM;
  const nearEdge = (communityId: string): boolean =>
    w === Infinity ||
    state.network.origins.some((o) => {
      if (o.communityId !== communityId || o.node < 0) return false;
      const x = net.nodeX[o.node]!;
      const y = net.nodeY[o.node]!;
      return Math.min(x - w, e - x, y - s, n - y) < edgeM;
    });
  const groups = new Map<string, OriginCoverage[]>();
  for (const o of origins) {
    if (o.communityId === null) continue;
    const g = groups.get(o.communityId);
    if (g) g.push(o);
    else groups.set(o.communityId, [o]);
  }
  const ids = [...groups.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    categories,
    walkSpeedMPerMin,
    origins,
    district: summarizeArea(null, origins, state),
    communities: ids.map((id) => {
      const area = summarizeArea(id, groups.get(id)!, state);
      return nearEdge(id) ? { ...area, dataEdge: true as const } : area;
    }),
  };
}
