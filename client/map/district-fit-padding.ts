/**
 * Padding (px) when the map frames a district or community: the list and the side panel are
 * grid columns beside the map, but the map itself carries overlays — the drawing tools down
 * the left edge, the zoom buttons top right, the ledger cards and the scale at the bottom — so
 * the district's extent (its communities and features, issue 17) is framed clear of them.
 */
export const DISTRICT_FIT_PADDING = { top: 56, right: 64, bottom: 72, left: 80 } as const;
