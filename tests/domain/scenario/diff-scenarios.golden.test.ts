import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Feature, FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { diffScenarios } from '../../../domain/scenario/diff-scenarios';
import type { ScenarioDiff } from '../../../domain/scenario/types';

const IN = join(import.meta.dirname, 'in');
const OUT = join(import.meta.dirname, 'out');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

/** [change, proposalId, baselineId, changed fields] per change in output order, by hand. */
type Row = [string, number | null, number | null, string[]];

const EXPECTED: Record<string, { rows: Row[]; unchanged: number; why: string }> = {
  'lineage-edits': {
    rows: [
      ['removed', null, 4, []],
      ['modified', 102, 2, ['widthM']],
      ['modified', 105, 5, ['geometry']],
      ['modified', 106, 6, ['props']],
      ['added', 107, null, []],
      ['added', 108, null, []],
    ],
    unchanged: 2,
    why:
      'stall 4 has no copy; the road widened 4 → 5 m; stall 5 moved 5 m east; the tree got a note; ' +
      'a fire lane and an EV stall were drawn; building 1 and stall 3 are exact copies',
  },
};

const COLOURS = { added: '#2e9e44', removed: '#d93025', modified: '#8e24aa' } as const;

/** The input (grey, by scenario) and the diff (simplestyle colours) in one file for a map. */
const styled = (input: FeatureCollection, diff: ScenarioDiff): FeatureCollection => ({
  type: 'FeatureCollection',
  features: [
    ...input.features.map((f): Feature => ({
      ...f,
      properties: {
        ...f.properties,
        stroke: f.properties?.['scenario'] === 'baseline' ? '#888888' : '#3366cc',
        'fill-opacity': 0.1,
      },
    })),
    ...diff.features.map((f): Feature => ({
      ...f,
      properties: {
        ...f.properties,
        stroke: COLOURS[f.properties.change],
        fill: COLOURS[f.properties.change],
        'marker-color': COLOURS[f.properties.change],
        'stroke-width': 3,
        'fill-opacity': 0.5,
      },
    })),
  ],
});

describe('diffScenarios golden files (tests/domain/scenario/in → out)', () => {
  const files = readdirSync(IN).filter((f) => f.endsWith('.geojson'));
  it('has an expectation for every input file', () => {
    expect(files.map((f) => f.replace('.geojson', '')).sort()).toEqual(
      Object.keys(EXPECTED).sort(),
    );
  });
  for (const file of files) {
    const name = file.replace('.geojson', '');
    it(`${name}: ${EXPECTED[name]?.why}`, () => {
      const input = JSON.parse(readFileSync(join(IN, file), 'utf8')) as FeatureCollection;
      const frozen = JSON.stringify(input);
      const of = (s: string): FeatureCollection => ({
        type: 'FeatureCollection',
        features: input.features.filter((f) => f.properties?.['scenario'] === s),
      });
      const diff = diffScenarios(of('baseline'), of('proposal'));
      expect(JSON.stringify(input)).toBe(frozen);
      const rows: Row[] = diff.features.map((f) => [
        f.properties.change,
        f.properties.proposalId as number | null,
        f.properties.baselineId as number | null,
        f.properties.changed,
      ]);
      expect(rows).toEqual(EXPECTED[name]!.rows);
      expect(diff.summary.unchanged).toBe(EXPECTED[name]!.unchanged);
      const out = join(OUT, file);
      const text = JSON.stringify(styled(input, diff), null, 1) + '\n';
      if (UPDATE) writeFileSync(out, text);
      expect(text).toBe(readFileSync(out, 'utf8'));
    });
  }
});
