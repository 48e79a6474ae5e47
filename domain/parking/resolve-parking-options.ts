import { InputError } from '../geo/input-error';
import { RULES } from '../standards/rules';
import { stallShape, type StallShape } from './stall-shape';
import type { ParkingAngle, ParkingLayoutOptions } from './types';

export interface ResolvedParkingOptions {
  readonly shape: StallShape;
  /** Lots only: shapes at shallower JGJ 100 angles for the strips the main modules leave. */
  readonly fillerShapes: readonly StallShape[];
  readonly side: 'left' | 'right';
  readonly accessibleCount: number;
  readonly accessibleMinShare: number;
  readonly evShare: number;
  readonly orientationDeg: number | undefined;
}

const ANGLES: readonly ParkingAngle[] = ['parallel', 'deg30', 'deg45', 'deg60', 'deg90'];

const bad = (name: string, zh: string, en: string): InputError =>
  new InputError('INVALID_OPTION', `选项 ${name} 无效: ${zh}`, `Option ${name} is invalid: ${en}`);

const positive = (name: string, v: number | undefined, fallback: number, maxM = 50): number => {
  if (v === undefined) return fallback;
  if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0 || v > maxM)
    throw bad(name, `应为 0–${maxM} m 之间的正数`, `must be a positive number up to ${maxM} m`);
  return v;
};

const share = (name: string, v: number | undefined, fallback: number): number => {
  if (v === undefined) return fallback;
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > 1)
    throw bad(name, '应为 0–1 之间的比例', 'must be a share between 0 and 1');
  return v;
};

/**
 * Merges per-layout overrides over the rules table: stall dimensions from JGJ 100-2015
 * 表4.3.4 for the chosen angle, the 1.2 m wheelchair aisle (GB 50763-2012 §3.14.3) and the 2 %
 * accessible share (§3.14.1), and the filler shapes (表4.3.4 at every shallower angle) for lots
 * unless `fillStrips` is false. Throws INVALID_OPTION for out-of-range values.
 */
export function resolveParkingOptions(options: ParkingLayoutOptions = {}): ResolvedParkingOptions {
  const angle = options.angle ?? 'deg90';
  if (!ANGLES.includes(angle))
    throw bad('angle', `应为 ${ANGLES.join(', ')} 之一`, `must be one of ${ANGLES.join(', ')}`);
  if (options.side !== undefined && options.side !== 'left' && options.side !== 'right')
    throw bad('side', "应为 'left' 或 'right'", "must be 'left' or 'right'");
  const manoeuvre = options.manoeuvre ?? 'forward';
  if (manoeuvre !== 'forward' && manoeuvre !== 'backIn')
    throw bad('manoeuvre', "应为 'forward' 或 'backIn'", "must be 'forward' or 'backIn'");
  // 后退停车: JGJ 100 表4.3.4 gives a narrower aisle for 90° and 60°; other angles drive in.
  const table =
    manoeuvre === 'backIn' && (angle === 'deg90' || angle === 'deg60')
      ? RULES.parkingBackIn[angle].value
      : RULES.parking.byAngle[angle].value;
  const dims = {
    depthM: positive('depthM', options.depthM, table.depthM),
    lengthAlongAisleM: positive(
      'lengthAlongAisleM',
      options.lengthAlongAisleM,
      table.lengthAlongAisleM,
    ),
    aisleWidthM: positive('aisleWidthM', options.aisleWidthM, table.aisleWidthM),
  };
  const accessibleAisleM = positive(
    'accessibleAisleM',
    options.accessibleAisleM,
    RULES.parking.accessibleAisleM.value,
    10,
  );
  const shape = stallShape(angle, dims, accessibleAisleM);
  if (shape.lengthM <= 0)
    throw bad(
      'depthM',
      '对该角度而言车位深度太小, 放不下车位',
      'is too small for a stall at this angle',
    );
  const count = options.accessibleCount;
  if (count !== undefined && (!Number.isInteger(count) || count < 0 || count > 10_000))
    throw bad('accessibleCount', '应为非负整数', 'must be a non-negative integer');
  const orientationDeg = options.orientationDeg;
  if (orientationDeg !== undefined && !Number.isFinite(orientationDeg))
    throw bad('orientationDeg', '应为角度数值', 'must be a number of degrees');
  const fillStrips = options.fillStrips ?? true;
  if (typeof fillStrips !== 'boolean') throw bad('fillStrips', '应为布尔值', 'must be a boolean');
  // Fillers at table dimensions, steepest first, only shallower than the chosen angle, so a
  // requested angle is never mixed with a steeper one (and a 9 m two-way 90° aisle).
  const fillerShapes = fillStrips
    ? [...ANGLES]
        .reverse()
        .map((a) => stallShape(a, RULES.parking.byAngle[a].value, accessibleAisleM))
        .filter((s) => s.angleDeg < shape.angleDeg)
    : [];
  return {
    shape,
    fillerShapes,
    side: options.side ?? 'left',
    accessibleCount: count ?? 0,
    accessibleMinShare: share(
      'accessibleMinShare',
      options.accessibleMinShare,
      RULES.parking.accessibleMinShare.value,
    ),
    evShare: share('evShare', options.evShare, 0),
    orientationDeg,
  };
}
