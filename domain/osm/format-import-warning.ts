import type { ImportWarning } from './import-warning';

/** One console / log line: "way/1 学士居: dropped, degenerate polygon (…)". */
export const formatImportWarning = (w: ImportWarning): string =>
  `${w.name ? `${w.osmRef} ${w.name}` : w.osmRef}: ${w.detail}`;
