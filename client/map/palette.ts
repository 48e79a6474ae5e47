import type { FacilityCategoryId } from '../../domain/standards/rules';
import type { StageKey } from '../../domain/model/renewal-stages';

/**
 * Colours shared by the map layers and the legend, so a swatch always matches what is drawn.
 * Pure data: no map library is imported here, so components may use it.
 */
export type Rgb = readonly [number, number, number];

export const STAGE_COLORS: Record<StageKey, Rgb> = {
  /** Not set (未设定): a light neutral grey, lighter than every phase. */
  unset: [176, 180, 186],
  publicity: [128, 142, 165],
  planning: [52, 117, 204],
  construction: [221, 132, 42],
  acceptance: [46, 148, 100],
};

/** Grouped by service family: education blues, health reds, commerce ambers, care purples ... */
export const FACILITY_COLORS: Record<FacilityCategoryId, Rgb> = {
  middle_school: [49, 84, 176],
  primary_school: [74, 111, 207],
  kindergarten: [110, 143, 226],
  nursery: [142, 170, 236],
  health_centre: [192, 48, 64],
  health_station: [217, 84, 96],
  pharmacy: [231, 126, 132],
  market: [199, 110, 22],
  supermarket: [224, 142, 40],
  convenience: [236, 175, 72],
  service_station: [116, 74, 163],
  elderly_care: [156, 99, 184],
  culture_station: [186, 136, 206],
  sports_field: [33, 131, 83],
  fitness: [72, 162, 104],
  public_green: [112, 182, 112],
  parcel: [133, 95, 64],
  police: [36, 56, 96],
};

export const UNKNOWN_FACILITY_COLOR: Rgb = [120, 120, 120];

/** Colours of the other overlay layers (and their legend swatches). */
export const LAYER_COLORS = {
  building: [190, 179, 164] as Rgb,
  buildingOutline: [128, 116, 102] as Rgb,
  road: [255, 255, 255] as Rgb,
  roadCasing: [184, 176, 164] as Rgb,
  footway: [150, 120, 96] as Rgb,
  parkingArea: [92, 138, 196] as Rgb,
  parkingStall: [40, 96, 170] as Rgb,
  gate: [196, 62, 50] as Rgb,
  green: [205, 226, 194] as Rgb,
  background: [243, 241, 236] as Rgb,
  highlight: [255, 196, 0] as Rgb,
  fireLane: [214, 64, 40] as Rgb,
  violation: [220, 20, 20] as Rgb,
  tree: [56, 142, 60] as Rgb,
  stallAccessible: [0, 121, 191] as Rgb,
  stallEv: [38, 166, 91] as Rgb,
  stallBicycle: [142, 104, 178] as Rgb,
} as const;

/** Fill colour of a parking stall by its type (parking_stall `category`). */
export const stallColor = (stallType: string | null | undefined): Rgb =>
  stallType === 'accessible'
    ? LAYER_COLORS.stallAccessible
    : stallType === 'ev'
      ? LAYER_COLORS.stallEv
      : stallType === 'bicycle'
        ? LAYER_COLORS.stallBicycle
        : LAYER_COLORS.parkingStall;

export const facilityColor = (category: string | null | undefined): Rgb =>
  (category && FACILITY_COLORS[category as FacilityCategoryId]) || UNKNOWN_FACILITY_COLOR;

/** `rgb(r g b / a)` for CSS and MapLibre paint properties. */
export const cssColor = ([r, g, b]: Rgb, alpha = 1): string =>
  alpha === 1 ? `rgb(${r} ${g} ${b})` : `rgb(${r} ${g} ${b} / ${alpha})`;
