export interface RegisterRowTotalsInput {
  readonly buildingCount: number;
  readonly floorAreaSqM: number | null;
  readonly budgetWan: number | null;
  readonly households: number | null;
}

export interface DistrictRegisterTotals {
  readonly communities: number;
  readonly buildings: number;
  readonly households: number;
  readonly floorAreaSqM: number;
  /** Floor area in 万 m² (10,000 m²), one decimal, as the plans publish it. */
  readonly floorAreaWanSqM: number;
  readonly budgetWan: number;
}

/**
 * The totals row of the district register (the seed plans' "7 个小区, 242 栋, 98.6万 m²,
 * 1626.8万元"): communities, buildings, households, floor area and budget; missing values
 * count as 0. Pure.
 */
export function districtRegisterTotals(
  rows: readonly RegisterRowTotalsInput[],
): DistrictRegisterTotals {
  let buildings = 0;
  let households = 0;
  let floorAreaSqM = 0;
  let budgetWan = 0;
  for (const r of rows) {
    buildings += r.buildingCount;
    households += r.households ?? 0;
    floorAreaSqM += r.floorAreaSqM ?? 0;
    budgetWan += r.budgetWan ?? 0;
  }
  return {
    communities: rows.length,
    buildings,
    households,
    floorAreaSqM: Math.round(floorAreaSqM * 10) / 10,
    floorAreaWanSqM: Math.round(floorAreaSqM / 1000) / 10,
    budgetWan: Math.round(budgetWan * 100) / 100,
  };
}
