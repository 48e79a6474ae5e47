import { estimateAreaParking } from './estimate-area-parking';
import { estimateKerbParking } from './estimate-kerb-parking';
import type { ExistingSource, KerbSide, LedgerFeature, ParkingSurvey } from './types';

export interface ExistingParking {
  readonly stalls: number;
  readonly source: Exclude<ExistingSource, 'mapped'>;
  /** Roads: the parked kerb sides (empty for a surveyed road without parking tags). */
  readonly sides?: readonly KerbSide[];
}

/** The survey count of a feature (flat or in `props`), or undefined. */
export const surveyOf = (f: LedgerFeature): ParkingSurvey | undefined => {
  const p = f.properties as Record<string, unknown>;
  const s = (p['parkingSurvey'] ??
    (p['props'] as Record<string, unknown> | null | undefined)?.['parkingSurvey']) as
    ParkingSurvey | null | undefined;
  return s && Number.isFinite(s.count) && s.count >= 0 ? s : undefined;
};

/**
 * The cars one parking_area or road holds that are not mapped stall by stall, and how they
 * were counted, in this order of precedence:
 * 1. a survey count (现状调查; `survey`, or the baseline's survey of the feature this one was
 *    copied from): for a lot it includes the stalls mapped inside it, which count on their own;
 * 2. mapped stalls inside a lot: they are counted as stalls, the lot adds nothing (null);
 * 3. a lot's `capacity` tag;
 * 4. an estimate from a surface lot's area or from a road's parking-lane tags.
 * `stallsInside` are the scenario's car stalls whose centre lies in the lot; `estimates` false
 * counts only surveys, mapped stalls and capacities (for features drawn in a proposal).
 * null when the feature parks nothing. Pure.
 */
export function existingParkingOf(
  f: LedgerFeature,
  stallsInside: number,
  survey: ParkingSurvey | undefined,
  estimates = true,
): ExistingParking | null {
  const kind = f.properties.kind;
  if (kind === 'parking_area') {
    if (survey)
      return { stalls: Math.max(0, Math.round(survey.count) - stallsInside), source: 'survey' };
    if (stallsInside > 0) return null;
    const capacity = f.properties.capacity ?? 0;
    if (capacity > 0) return { stalls: Math.round(capacity), source: 'capacity' };
    if (!estimates) return null;
    const est = estimateAreaParking(f);
    return est && est.stalls > 0 ? { stalls: est.stalls, source: 'area_estimate' } : null;
  }
  if (kind === 'road') {
    const kerb = estimateKerbParking(f);
    if (survey) return { stalls: Math.round(survey.count), source: 'survey', sides: kerb.sides };
    if (!estimates || kerb.stalls === 0) return null;
    return { stalls: kerb.stalls, source: 'kerb_estimate', sides: kerb.sides };
  }
  return null;
}
