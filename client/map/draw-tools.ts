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
/**
 * Tools of the community boundary panel (issue 17), not on the proposal toolbar: `boundary`
 * draws a new community's 红线 (polygon), `boundarySplit` the line that splits one.
 */
export const BOUNDARY_TOOLS = ['boundary', 'boundarySplit'] as const;
export type DrawTool = (typeof DRAW_TOOLS)[number] | (typeof BOUNDARY_TOOLS)[number];

export const isBoundaryTool = (tool: DrawTool): tool is (typeof BOUNDARY_TOOLS)[number] =>
  (BOUNDARY_TOOLS as readonly string[]).includes(tool);

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
  /** The boundary tools are started from their panel, not by a key. */
  boundary: '',
  boundarySplit: '',
};

/** Tools whose drawing previews a parking layout. */
export const isParkingTool = (tool: DrawTool): tool is 'lot' | 'lotRect' | 'kerb' =>
  tool === 'lot' || tool === 'lotRect' || tool === 'kerb';
