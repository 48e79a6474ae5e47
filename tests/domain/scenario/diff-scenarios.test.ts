import type { Feature, FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../domain/geo/input-error';
import { diffScenarios } from '../../../domain/scenario/diff-scenarios';

const pt = (id: number, x: number, extra: Record<string, unknown> = {}): Feature => ({
  type: 'Feature',
  properties: { id, kind: 'tree', ...extra },
  geometry: { type: 'Point', coordinates: [116.35 + x, 40] },
});
const fc = (...features: Feature[]): FeatureCollection => ({ type: 'FeatureCollection', features });

describe('diffScenarios', () => {
  it('a second copy of one baseline feature is added, not a second modification', () => {
    const d = diffScenarios(
      fc(pt(1, 0)),
      fc(pt(11, 0, { sourceId: 1 }), pt(12, 0, { sourceId: 1 })),
    );
    expect(d.features.map((f) => [f.properties.change, f.properties.proposalId])).toEqual([
      ['added', 12],
    ]);
    expect(d.summary).toMatchObject({ added: 1, removed: 0, modified: 0, unchanged: 1 });
  });
  it('a copy whose source is gone from the baseline is added; numbers as text compare as numbers', () => {
    const d = diffScenarios(
      fc(pt(1, 0, { widthM: 4 })),
      fc(pt(11, 0, { sourceId: 1, widthM: '4.00' }), pt(12, 1, { sourceId: 99 })),
    );
    expect(d.summary).toMatchObject({ added: 1, removed: 0, modified: 0, unchanged: 1 });
    expect(d.summary.byKind).toEqual({ tree: { added: 1, removed: 0, modified: 0 } });
  });
  it('props compare by content, not key order; a sub-centimetre shift is no change', () => {
    const d = diffScenarios(
      fc(pt(1, 0, { props: { a: 1, b: 2 } })),
      fc(pt(11, 5e-8, { sourceId: 1, props: { b: 2, a: 1 } })),
    );
    expect(d.features).toEqual([]);
  });
  it('a feature without an id is a clear bilingual error', () => {
    const noId: Feature = {
      type: 'Feature',
      properties: { kind: 'tree' },
      geometry: null as never,
    };
    expect(() => diffScenarios(fc(noId), fc())).toThrow(InputError);
  });
});
