import type { OsmElement, OsmRelation, OsmWay } from './osm-elements';

/** Lookups the converter needs to explain incomplete data and tell doors from gates. */
export interface OsmElementIndex {
  readonly nodeIds: ReadonlySet<number>;
  readonly ways: ReadonlyMap<number, OsmWay>;
  readonly relations: ReadonlyMap<number, OsmRelation>;
  /** Nodes on the outline of a way tagged building=*: an entrance there is a door. */
  readonly buildingNodeIds: ReadonlySet<number>;
}

/** Indexes elements by id in one pass; does not copy or change them. */
export const indexOsmElements = (elements: readonly OsmElement[]): OsmElementIndex => {
  const nodeIds = new Set<number>();
  const ways = new Map<number, OsmWay>();
  const relations = new Map<number, OsmRelation>();
  const buildingNodeIds = new Set<number>();
  for (const e of elements) {
    if (e.type === 'node') nodeIds.add(e.id);
    else if (e.type === 'relation') relations.set(e.id, e);
    else {
      ways.set(e.id, e);
      if (e.tags.building !== undefined && e.tags.building !== 'no') {
        for (const n of e.nodes) buildingNodeIds.add(n);
      }
    }
  }
  return { nodeIds, ways, relations, buildingNodeIds };
};
