const TYPE_RANK: Readonly<Record<string, number>> = { node: 0, way: 1, relation: 2 };

/**
 * Orders osmtogeojson ids ("node/5", "way/12", "relation/3"): nodes, ways, relations, then by
 * numeric id (so "way/9" < "way/10"); anything else last, by string.
 */
export const compareOsmRefs = (a: string, b: string): number => {
  const [ta = '', ia = ''] = a.split('/');
  const [tb = '', ib = ''] = b.split('/');
  const ra = TYPE_RANK[ta] ?? 3;
  const rb = TYPE_RANK[tb] ?? 3;
  if (ra !== rb) return ra - rb;
  const na = Number(ia);
  const nb = Number(ib);
  if (Number.isFinite(na) && Number.isFinite(nb) && na !== nb) return na - nb;
  return a < b ? -1 : a > b ? 1 : 0;
};
