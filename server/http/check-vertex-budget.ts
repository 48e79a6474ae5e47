import { ApiError } from './api-error';
import { MAX_VERTICES } from './geometry-schema';

/** Most positions one analysis request may carry in all (a district's network is ~10⁵). */
export const MAX_ANALYSIS_VERTICES = 1_000_000;

/** Positions in a GeoJSON coordinates array (nested arrays whose leaves are numbers). */
function countPositions(c: unknown): number {
  if (!Array.isArray(c) || c.length === 0) return 0;
  if (typeof c[0] === 'number') return 1;
  let n = 0;
  for (const child of c) n += countPositions(child);
  return n;
}

/**
 * The cheap check every analysis route makes before any work (issue 18): no feature above the
 * vertex cap of feature writes (MAX_VERTICES), no request above MAX_ANALYSIS_VERTICES in all.
 * `collections` are the body's FeatureCollections (already shape-checked), named for the message.
 */
export function checkVertexBudget(
  collections: Record<string, { features: { geometry: { coordinates: unknown } }[] } | undefined>,
): void {
  let total = 0;
  for (const [name, fc] of Object.entries(collections)) {
    if (!fc) continue;
    fc.features.forEach((f, i) => {
      const n = countPositions(f.geometry.coordinates);
      if (n > MAX_VERTICES)
        throw new ApiError('VALIDATION', {
          zh: `${name} 第 ${i + 1} 个要素有 ${n} 个顶点, 单个要素最多 ${MAX_VERTICES} 个`,
          en: `${name} feature ${i + 1} has ${n} vertices; a feature may have at most ${MAX_VERTICES}`,
        });
      total += n;
    });
  }
  if (total > MAX_ANALYSIS_VERTICES)
    throw new ApiError('PAYLOAD_TOO_LARGE', {
      zh: `请求共有 ${total} 个顶点, 一次分析最多 ${MAX_ANALYSIS_VERTICES} 个: 请分区计算`,
      en: `The request has ${total} vertices; one analysis takes at most ${MAX_ANALYSIS_VERTICES}: split the area`,
    });
}
