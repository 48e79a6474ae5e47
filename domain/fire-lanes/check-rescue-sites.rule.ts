import { RULES } from '../standards/rules';
import { buildingHeightM, isHighRise } from './building-height';
import { closestBetweenShapes } from './closest-between-shapes';
import type { GridIndex } from './grid-index';
import { fitsRectangle, rectangleSidesM } from './inscribed-rectangle';
import { makeViolation, roundM } from './make-violation';
import type {
  FireLaneViolation,
  ResolvedFireLaneOptions,
  Scenario,
  ScenarioFeature,
} from './types';

/**
 * Rescue sites (GB 50016-2014 §7.2.2, 消防车登高操作场地): every high-rise building needs a
 * polygon tagged `rescueSite: true` that holds a 15 × 10 m rectangle (20 × 10 m above 50 m;
 * height from `heightM`, else levels × the storey estimate) and whose edge lies 5–10 m from
 * the wall. One violation per high-rise building without such a site, on its footprint; it
 * names the nearest site within 2 × the maximum distance and says why it fails; measured and
 * required are the failing dimension: the site's width (or length) against 10 m (15/20 m), or
 * its wall distance against 5 or 10 m; with no site, measured null and required the width.
 * §7.2.1 (issue 12): sites that pass must together run along a whole long side of the building
 * (its minimum rectangle's longer side; ≥ ¼ of the perimeter "且不小于一个长边长度" is never
 * less): measured = the sites' length (the longest one above 50 m, where gaps are not allowed;
 * their sum at ≤ 50 m, gaps ≤ 30 m allowed — the gap itself is not measured yet), required = the
 * long side. One 15 × 10 m site beside a 60 m slab fails: 15 < 60.
 */
export function checkRescueSites(
  scenario: Scenario,
  index: GridIndex,
  opts: ResolvedFireLaneOptions,
): FireLaneViolation[] {
  const rule = RULES.fireLane.rescueSiteMinM;
  const { minM, maxM } = opts.rescueSiteDistanceFromWallM;
  const out: FireLaneViolation[] = [];
  for (const b of scenario.features) {
    if (!isHighRise(b, opts)) continue;
    const heightM = buildingHeightM(b, opts) ?? 0;
    const size =
      heightM > opts.rescueSiteLargerAboveHeightM
        ? opts.rescueSiteOver50mMinM
        : opts.rescueSiteMinM;
    let nearest: { f: ScenarioFeature; d: number; fits: boolean } | undefined;
    const good: ScenarioFeature[] = [];
    for (const fi of index.near(b.shape.bbox, 2 * maxM)) {
      const f = scenario.features[fi] as ScenarioFeature;
      if (f.props.rescueSite !== true || f.shape.polygons.length === 0) continue;
      const d = closestBetweenShapes(f.shape, b.shape).distanceM;
      if (d > 2 * maxM) continue;
      const fits = fitsRectangle(f.shape, size.lengthM, size.widthM);
      if (fits && d >= minM - 0.005 && d <= maxM + 0.005) {
        good.push(f);
        continue;
      }
      if (!nearest || d < nearest.d) nearest = { f, d, fits };
    }
    if (good.length > 0) {
      // §7.2.1: the sites run along at least one whole long side (or ≥ ¼ of the perimeter and
      // not less than a long side, which is never less): frontage = the site's length (its
      // minimum rectangle's longer side); above 50 m one continuous site, else the sum.
      const longSideM = rectangleSidesM(b.shape).lengthM;
      const lengths = good.map((f) => rectangleSidesM(f.shape).lengthM);
      const frontageM =
        heightM > opts.rescueSiteLargerAboveHeightM
          ? Math.max(...lengths)
          : lengths.reduce((a, x) => a + x, 0);
      if (frontageM >= longSideM - 0.005) continue;
      out.push(
        makeViolation(
          scenario.projection,
          { type: 'input', geometry: b.geometry },
          RULES.fireLane.rescueSiteAlongShareOfPerimeter,
          {
            ruleId: 'rescue-site',
            severity: 'error',
            featureId: b.id,
            measured: frontageM,
            required: longSideM,
            unit: 'm',
            messageZh: `高层建筑 ${b.id} (约 ${roundM(heightM)} m) 的登高操作场地 ${good.map((f) => f.id).join('、')} 共长 ${roundM(frontageM)} m, 应至少沿一个长边 (${roundM(longSideM)} m) 连续布置`,
            messageEn: `High-rise building ${b.id} (about ${roundM(heightM)} m): rescue site(s) ${good.map((f) => f.id).join(', ')} run ${roundM(frontageM)} m; they should run along at least one whole long side (${roundM(longSideM)} m)`,
          },
        ),
      );
      continue;
    }
    const need = `${size.lengthM} m × ${size.widthM} m`;
    const why = !nearest
      ? { zh: '无登高操作场地', en: 'has no rescue site' }
      : !nearest.fits
        ? {
            zh: `登高操作场地 ${nearest.f.id} 小于 ${need}`,
            en: `rescue site ${nearest.f.id} is smaller than ${need}`,
          }
        : {
            zh: `登高操作场地 ${nearest.f.id} 距外墙 ${roundM(nearest.d)} m, 应为 ${minM}–${maxM} m`,
            en: `rescue site ${nearest.f.id} is ${roundM(nearest.d)} m from the wall, needs ${minM}–${maxM} m`,
          };
    // measured/required: the failing dimension (site width or length, or wall distance).
    const sides = nearest && !nearest.fits ? rectangleSidesM(nearest.f.shape) : undefined;
    const [measured, required] = !nearest
      ? [null, size.widthM]
      : sides
        ? sides.widthM < size.widthM - 0.005
          ? [sides.widthM, size.widthM]
          : [sides.lengthM, size.lengthM]
        : [nearest.d, nearest.d < minM ? minM : maxM];
    out.push(
      makeViolation(scenario.projection, { type: 'input', geometry: b.geometry }, rule, {
        ruleId: 'rescue-site',
        severity: 'error',
        featureId: b.id,
        measured,
        required,
        unit: 'm',
        messageZh: `高层建筑 ${b.id} (约 ${roundM(heightM)} m): ${why.zh}; 应设不小于 ${need}、距外墙 ${minM}–${maxM} m 的登高操作场地`,
        messageEn: `High-rise building ${b.id} (about ${roundM(heightM)} m) ${why.en}; needs a ${need} site ${minM}–${maxM} m from the wall`,
      }),
    );
  }
  return out;
}
