const FEET_M = 0.3048;

/**
 * Reads an OSM length tag (width, height) in metres: "6", "6.5 m", "6,5", "4.5m"; feet as
 * "20'" or "20 ft"; the first of several values ("6;8"). Returns undefined for anything else
 * ("narrow", "") and for values outside (0, maxM), so a typo never reaches the database.
 */
export const parseOsmMetres = (value: string | undefined, maxM: number): number | undefined => {
  if (value === undefined) return undefined;
  const first = value.split(';')[0]?.trim().replace(',', '.') ?? '';
  const match = /^(\d+(?:\.\d+)?|\.\d+)\s*(m|ft|')?$/i.exec(first);
  if (!match?.[1]) return undefined;
  const unit = match[2]?.toLowerCase();
  const metres = Number(match[1]) * (unit === 'ft' || unit === "'" ? FEET_M : 1);
  return metres > 0 && metres < maxM ? Math.round(metres * 100) / 100 : undefined;
};
