import { RULES } from '../standards/rules';
import type { DeadEnd } from './find-dead-ends';
import { makeViolation, roundM } from './make-violation';
import type { FireLaneViolation, ResolvedFireLaneOptions, Scenario } from './types';

/**
 * Dead-end road length (GB 50180 居住区尽端式道路 ≤ 120 m, "不宜", so a warning; verify): a
 * residential dead-end road longer than `deadEndMaxLengthM` is a finding of its own, whether or
 * not it has a turnaround (rule `dead-end` asks one of every dead end). Length as findDeadEnds
 * measures it: from the free end back along the centreline to the last junction or road
 * contact; for a T/Y 回车道 the longest leg plus the stem. One violation per dead end, at the
 * free end (at the junction for a T/Y); measured = that length.
 */
export function checkDeadEndLength(
  scenario: Scenario,
  opts: ResolvedFireLaneOptions,
  deadEnds: readonly DeadEnd[],
): FireLaneViolation[] {
  const rule = RULES.fireLane.deadEndMaxLengthM;
  const max = opts.deadEndMaxLengthM;
  return deadEnds
    .filter((d) => d.lengthM > max + 1e-6)
    .map((d) =>
      makeViolation(scenario.projection, { type: 'Point', xy: d.at }, rule, {
        ruleId: 'dead-end-length',
        severity: 'warning',
        laneId: d.lane.id,
        measured: d.lengthM,
        required: max,
        unit: 'm',
        messageZh: `尽端式道路 ${d.lane.id} 长 ${roundM(d.lengthM)} m, 不宜大于 ${max} m (并应在尽端设回车场)`,
        messageEn: `Dead-end road ${d.lane.id} is ${roundM(d.lengthM)} m long; should be ≤ ${max} m (with a turnaround at its end)`,
      }),
    );
}
