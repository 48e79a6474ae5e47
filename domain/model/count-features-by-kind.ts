/** How many of each kind a list of features holds: { parking_stall: 18, parking_area: 1 }. */
export function countFeaturesByKind(features: readonly { kind: string }[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const f of features) out[f.kind] = (out[f.kind] ?? 0) + 1;
  return out;
}
