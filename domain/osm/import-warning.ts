/**
 * One line of an import's warning list: an OSM object the importer skipped, repaired or kept
 * only in part, and the rule that decided it. The whole list is kept with the district
 * (table import_warning) and downloadable as CSV; the console prints a count per rule.
 */
export interface ImportWarning {
  readonly rule: ImportWarningRule;
  readonly action: 'skipped' | 'kept' | 'repaired';
  /** "way/123"; the object the warning is about. */
  readonly osmRef: string;
  readonly name?: string | undefined;
  /** What happened, in English, e.g. "building tagged on a point (no footprint), skipped". */
  readonly detail: string;
}

/** Every rule that can skip, repair or partly keep an object; the CSV's `rule` column. */
export const IMPORT_WARNING_RULES = [
  'building-on-point',
  'no-usable-geometry',
  'degenerate-geometry',
  'geometry-repaired',
  'incomplete-in-extract',
  'self-intersecting',
  'residential-area-too-small',
  'residential-area-inside-named-area',
  'residential-area-covered-by-smaller-areas',
  'geometry-error',
] as const;

export type ImportWarningRule = (typeof IMPORT_WARNING_RULES)[number];
