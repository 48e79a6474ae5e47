export type CompassSide = 'north' | 'south' | 'east' | 'west';

/**
 * Which side of a road a place lies on, from the offset (metres east, metres north) of the
 * place from its nearest point on the road: the dominant axis wins; a tie goes north/south.
 */
export const compassSide = (eastM: number, northM: number): CompassSide =>
  Math.abs(northM) >= Math.abs(eastM)
    ? northM >= 0
      ? 'north'
      : 'south'
    : eastM >= 0
      ? 'east'
      : 'west';
