/**
 * An OSM tag of a network line: read from `properties[key]`, else from `properties.props[key]`
 * (where the importer keeps tags it does not copy into fields).
 */
export function lineTag(properties: unknown, key: string): string | undefined {
  if (properties === null || typeof properties !== 'object') return undefined;
  const p = properties as Record<string, unknown>;
  const direct = p[key];
  if (typeof direct === 'string' || typeof direct === 'number') return String(direct);
  const nested = p.props;
  if (nested !== null && typeof nested === 'object') {
    const v = (nested as Record<string, unknown>)[key];
    if (typeof v === 'string' || typeof v === 'number') return String(v);
  }
  return undefined;
}
