import type { ParkingAngle } from './types';

/** The geometry of one stall and its row, derived from the stall table, in metres. */
export interface StallShape {
  readonly angle: ParkingAngle;
  readonly angleDeg: number;
  /** sin and cos of the parking angle (1 and 0 at 90°; 0 and 1 for parallel). */
  readonly sin: number;
  readonly cos: number;
  /** Band depth perpendicular to the aisle (表4.3.4 垂直通道方向的停车位尺寸). */
  readonly depthM: number;
  /** Spacing of consecutive stalls along the aisle (表4.3.4 平行通道方向的停车位尺寸). */
  readonly pitchM: number;
  readonly aisleWidthM: number;
  /** The stall rectangle: width across the car, length along it. */
  readonly widthM: number;
  readonly lengthM: number;
  /** Length along the aisle that one stall covers, end to end (≥ pitch for angled stalls). */
  readonly extentM: number;
  /** Length along the aisle that a wheelchair aisle adds between two stalls. */
  readonly accessibleStepM: number;
  readonly accessibleAisleM: number;
}

const ANGLE_DEG: Readonly<Record<ParkingAngle, number>> = {
  parallel: 0,
  deg30: 30,
  deg45: 45,
  deg60: 60,
  deg90: 90,
};

/**
 * Derives the stall rectangle from JGJ 100 表4.3.4's three numbers so that the table is the
 * only source: for an angled stall at θ, width w = pitch·sin θ (neighbours touch along their
 * long sides) and length ℓ = (depth − w·cos θ)/sin θ (the rectangle's far corner touches the back
 * of the band). At 90° that is 2.4 × 5.3 m; at 60° 2.42 × 5.30; at 45° 2.40 × 5.37; at 30°
 * 2.40 × 5.44 — each holding the 4.8 × 1.8 m design car (JGJ 100 §4.1.1). A parallel stall is the
 * pitch × depth rectangle (6.0 × 2.4 m).
 */
export function stallShape(
  angle: ParkingAngle,
  dims: { depthM: number; lengthAlongAisleM: number; aisleWidthM: number },
  accessibleAisleM: number,
): StallShape {
  const angleDeg = ANGLE_DEG[angle];
  const pitchM = dims.lengthAlongAisleM;
  if (angle === 'parallel') {
    return {
      angle,
      angleDeg,
      sin: 0,
      cos: 1,
      depthM: dims.depthM,
      pitchM,
      aisleWidthM: dims.aisleWidthM,
      widthM: dims.depthM,
      lengthM: pitchM,
      extentM: pitchM,
      accessibleStepM: accessibleAisleM,
      accessibleAisleM,
    };
  }
  const rad = (angleDeg * Math.PI) / 180;
  const sin = angle === 'deg90' ? 1 : Math.sin(rad);
  const cos = angle === 'deg90' ? 0 : Math.cos(rad);
  const widthM = pitchM * sin;
  const lengthM = (dims.depthM - widthM * cos) / sin;
  return {
    angle,
    angleDeg,
    sin,
    cos,
    depthM: dims.depthM,
    pitchM,
    aisleWidthM: dims.aisleWidthM,
    widthM,
    lengthM,
    extentM: widthM * sin + lengthM * cos,
    accessibleStepM: accessibleAisleM / sin,
    accessibleAisleM,
  };
}
