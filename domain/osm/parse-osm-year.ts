const MIN_YEAR = 1800;
const MAX_YEAR = 2200;

/**
 * Reads a year from an OSM date tag (start_date, building:year): "1995", "1995-06-01",
 * "~1990", "before 2000" and "1990s" give the first four-digit year; "C20", "" and years
 * outside 1800–2200 (the database range) give undefined.
 */
export const parseOsmYear = (value: string | undefined): number | undefined => {
  const match = value === undefined ? null : /(?:^|\D)(\d{4})(?!\d)/.exec(value);
  if (!match?.[1]) return undefined;
  const year = Number(match[1]);
  return year >= MIN_YEAR && year <= MAX_YEAR ? year : undefined;
};
