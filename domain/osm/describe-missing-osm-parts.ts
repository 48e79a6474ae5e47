import type { OsmElementIndex } from './index-osm-elements';

/**
 * Says, for a warning, why a way or relation ("way/1", "relation/2") is incomplete or could
 * not be built: "1 of 2 member ways missing", "3 of 40 nodes missing", "only 1 node", "no nodes",
 * "member ways do not form closed rings".
 */
export const describeMissingOsmParts = (ref: string, index: OsmElementIndex): string => {
  const [type, idText] = ref.split('/');
  const id = Number(idText);
  if (type === 'way') {
    const nodes = index.ways.get(id)?.nodes ?? [];
    const missing = nodes.filter((n) => !index.nodeIds.has(n)).length;
    if (missing > 0) return `${missing} of ${nodes.length} nodes missing`;
    if (nodes.length === 0) return 'no nodes';
    return nodes.length === 1 ? 'only 1 node' : 'its nodes give no usable shape';
  }
  if (type !== 'relation') return 'no geometry';
  const memberWays = index.relations.get(id)?.members.filter((m) => m.type === 'way') ?? [];
  const missingWays = memberWays.filter((m) => !index.ways.has(m.ref)).length;
  const partialWays = memberWays.filter((m) =>
    index.ways.get(m.ref)?.nodes.some((n) => !index.nodeIds.has(n)),
  ).length;
  const parts: string[] = [];
  if (missingWays > 0) parts.push(`${missingWays} of ${memberWays.length} member ways missing`);
  if (partialWays > 0) parts.push(`${partialWays} member ways with missing nodes`);
  return parts.length > 0 ? parts.join(', ') : 'member ways do not form closed rings';
};
