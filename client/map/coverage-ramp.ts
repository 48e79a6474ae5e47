import type { Rgb } from './palette';

/**
 * Colours of the coverage layer. Pure data (no map library), so the panel's legend uses it too.
 * Distance stops are the life-circle tiers (GB 50180-2018 §2.0.2–2.0.4: 300 / 500 / 1000 m).
 */
export const DISTANCE_STOPS: readonly { distanceM: number; color: Rgb }[] = [
  { distanceM: 0, color: [26, 152, 80] },
  { distanceM: 300, color: [145, 207, 96] },
  { distanceM: 500, color: [254, 224, 139] },
  { distanceM: 1000, color: [215, 48, 39] },
];
export const BEYOND_COLOR: Rgb = [120, 20, 30];
export const UNREACHABLE_COLOR: Rgb = [150, 150, 150];
export const PASS_COLOR: Rgb = [26, 152, 80];
export const FAIL_COLOR: Rgb = [215, 48, 39];
/** Isochrone bands 5 / 10 / 15 min (green, orange, red: readable on the light basemap). */
export const ISOCHRONE_COLORS: readonly Rgb[] = [
  [26, 152, 80],
  [235, 140, 0],
  [200, 30, 45],
];

/** Colour of a walking distance (m) on the continuous ramp; Infinity is unreachable. */
export function distanceColor(distanceM: number): Rgb {
  if (!Number.isFinite(distanceM)) return UNREACHABLE_COLOR;
  const last = DISTANCE_STOPS[DISTANCE_STOPS.length - 1]!;
  if (distanceM > last.distanceM) return BEYOND_COLOR;
  for (let i = 1; i < DISTANCE_STOPS.length; i++) {
    const a = DISTANCE_STOPS[i - 1]!;
    const b = DISTANCE_STOPS[i]!;
    if (distanceM <= b.distanceM) {
      const t = (distanceM - a.distanceM) / (b.distanceM - a.distanceM);
      return [0, 1, 2].map((k) => Math.round(a.color[k]! + t * (b.color[k]! - a.color[k]!))) as [
        number,
        number,
        number,
      ];
    }
  }
  return last.color;
}

/** Pass (within `radiusM`), fail, or unreachable. */
export const passColor = (distanceM: number, radiusM: number): Rgb =>
  !Number.isFinite(distanceM) ? UNREACHABLE_COLOR : distanceM <= radiusM ? PASS_COLOR : FAIL_COLOR;
