import type { Feature } from 'geojson';

/** A feature's id as a string: `id`, else `properties.id`, else `properties.osmRef`, else `${prefix}${index}`. */
export function featureId(f: Feature, index: number, prefix: string): string {
  if (typeof f.id === 'string' || typeof f.id === 'number') return String(f.id);
  const p = f.properties ?? {};
  for (const key of ['id', 'osmRef']) {
    const v = p[key];
    if (typeof v === 'string' || typeof v === 'number') return String(v);
  }
  return `${prefix}${index}`;
}
