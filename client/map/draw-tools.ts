/**
 * The drawing tools of the planner toolbar. Pure data (no map library), so components may use it.
 * `lot` and `lotRect` draw a parking lot polygon, `kerb` a kerb row line, `fireLane` a fire lane
 * line, `tree` a point; `select` picks, moves and reshapes features of the active scenario.
 */
export const DRAW_TOOLS = [
  'select',
  'lot',
  'lotRect',
  'kerb',
  'fireLane',
  'tree',
  'facility',
] as const;
export type DrawTool = (typeof DRAW_TOOLS)[number];

/** Keyboard shortcut of each tool (shown in the toolbar's tooltips). */
export const TOOL_KEYS: Record<DrawTool, string> = {
  select: 'V',
  lot: 'P',
  lotRect: 'R',
  kerb: 'K',
  fireLane: 'F',
  tree: 'T',
  /** Drops a facility of the coverage panel's category (issue #5). */
  facility: 'A',
};

/** Tools whose drawing previews a parking layout. */
export const isParkingTool = (tool: DrawTool): tool is 'lot' | 'lotRect' | 'kerb' =>
  tool === 'lot' || tool === 'lotRect' || tool === 'kerb';
