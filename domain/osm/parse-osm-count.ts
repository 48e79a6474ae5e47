/**
 * Reads an OSM count tag (building:levels, capacity) as a whole number: "6", " 6 ", the first
 * of several values ("6;7"); "5.5" rounds down (a half storey is not a storey). Returns
 * undefined for anything else ("yes", "-1") and for values outside [min, max].
 */
export const parseOsmCount = (
  value: string | undefined,
  min: number,
  max: number,
): number | undefined => {
  if (value === undefined) return undefined;
  const first = value.split(';')[0]?.trim() ?? '';
  if (!/^\d+(\.\d+)?$/.test(first)) return undefined;
  const n = Math.floor(Number(first));
  return n >= min && n <= max ? n : undefined;
};
