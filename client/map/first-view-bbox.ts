import type { Geometry } from 'geojson';
import type { Bbox } from '../api/types';
import { bboxOf } from './bbox-of';

/**
 * What the first view of a district frames: its extent joined with every community's whole
 * outline. The importer cuts the extent to the export's <bounds> (issue 17), but a 小区 whose
 * outline runs past them is still the office's to plan, so it is framed whole (in
 * data/beijing-bupt.osm 师大北路北侧居住区 reaches 110 m north of the export).
 */
export function firstViewBbox(
  districtBbox: Bbox,
  communities: readonly { geometry: Geometry | null }[],
): Bbox {
  const c = bboxOf(communities.map((f) => f.geometry));
  if (!c) return districtBbox;
  return [
    Math.min(districtBbox[0], c[0]),
    Math.min(districtBbox[1], c[1]),
    Math.max(districtBbox[2], c[2]),
    Math.max(districtBbox[3], c[3]),
  ];
}
