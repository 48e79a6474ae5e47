import type { RegisterRow } from '../api/get-district-register';
import { stageKey } from '../../domain/model/renewal-stages';
import { STAGE_COLORS, type Rgb } from './palette';

export const INDICATORS = [
  'stage',
  'parkingAdded',
  'coverageGaps',
  'violations',
  'budgetPerHousehold',
  'households',
  'budget',
] as const;
export type Indicator = (typeof INDICATORS)[number];

export interface LegendStop {
  color: Rgb;
  /** A stage id for 'stage', else the lower bound of the class. */
  label: string;
}

export interface Choropleth {
  colors: Map<string, Rgb>;
  legend: LegendStop[];
}

/** Light → dark sequential ramp (5 classes); reds where more is worse. */
const BLUES: Rgb[] = [
  [222, 235, 247],
  [158, 202, 225],
  [107, 174, 214],
  [49, 130, 189],
  [8, 81, 156],
];
const REDS: Rgb[] = [
  [254, 229, 217],
  [252, 174, 145],
  [251, 106, 74],
  [222, 45, 38],
  [165, 15, 21],
];

export const indicatorValue = (row: RegisterRow, indicator: Indicator): number | null => {
  switch (indicator) {
    case 'stage':
      return null;
    case 'parkingAdded':
      return row.parkingAdded;
    case 'coverageGaps':
      return row.coverageGaps.length;
    case 'violations':
      return row.violations;
    case 'budgetPerHousehold':
      return row.budgetPerHouseholdWan;
    case 'households':
      return row.households;
    case 'budget':
      return row.budgetWan;
  }
};

/**
 * Colours of each community for one indicator: stages by their palette colour, numbers in five
 * equal classes from 0 to the district maximum (reds for gaps and violations, blues otherwise).
 * Pure; deterministic.
 */
export function indicatorColors(rows: readonly RegisterRow[], indicator: Indicator): Choropleth {
  const colors = new Map<string, Rgb>();
  if (indicator === 'stage') {
    for (const r of rows) colors.set(String(r.id), STAGE_COLORS[stageKey(r.stage)]);
    return {
      colors,
      legend: (Object.keys(STAGE_COLORS) as (keyof typeof STAGE_COLORS)[]).map((s) => ({
        color: STAGE_COLORS[s],
        label: s,
      })),
    };
  }
  const ramp = indicator === 'coverageGaps' || indicator === 'violations' ? REDS : BLUES;
  const values = rows.map((r) => indicatorValue(r, indicator) ?? 0);
  const max = Math.max(0, ...values);
  const step = max / ramp.length;
  rows.forEach((r, i) => {
    const v = values[i] ?? 0;
    const k = max === 0 ? 0 : Math.min(ramp.length - 1, Math.floor(v / step));
    colors.set(String(r.id), ramp[k]!);
  });
  const digits = indicator === 'budgetPerHousehold' ? 2 : 0;
  return {
    colors,
    legend: ramp.map((color, k) => ({
      color,
      label: `≥ ${(max === 0 ? 0 : k * step).toFixed(digits)}`,
    })),
  };
}
