import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { assignCommunities } from '../../../domain/coverage/assign-communities';
import { buildWalkingNetwork } from '../../../domain/coverage/build-walking-network';
import { computeCoverageState } from '../../../domain/coverage/compute-coverage-state';
import { coverageToFeatureCollection } from '../../../domain/coverage/coverage-to-feature-collection';
import { importedDistrictToCoverageInput } from '../../../domain/coverage/imported-district-to-coverage-input';
import { summarizeCoverage } from '../../../domain/coverage/summarize-coverage';
import { walkingIsochrones } from '../../../domain/coverage/walking-isochrones';
import { osmToImportedDistrict } from '../../../domain/osm/osm-to-imported-district';
import { osmXmlToElements } from '../../../domain/osm/osm-xml-to-elements';

const ROOT = join(import.meta.dirname, '../../..');
const OUT = join(import.meta.dirname, 'out');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

/** Compare with out/<name>.geojson; write it only with UPDATE_GOLDEN=1. */
const golden = (name: string, value: FeatureCollection): void => {
  const file = join(OUT, `${name}.geojson`);
  const text = `${JSON.stringify(value, null, 1)}\n`;
  if (UPDATE || !existsSync(file)) {
    if (!UPDATE) throw new Error(`${file} missing: run with UPDATE_GOLDEN=1`);
    writeFileSync(file, text);
  }
  expect(JSON.parse(text)).toEqual(JSON.parse(readFileSync(file, 'utf8')));
};

describe('coverage on the demo district (海淀区 清华东路片区, data/beijing-haidian-cau.osm)', () => {
  const district = osmToImportedDistrict(
    osmXmlToElements(readFileSync(join(ROOT, 'data/beijing-haidian-cau.osm'), 'utf8')),
    { name: '海淀区 清华东路片区', source: 'beijing-haidian-cau.osm' },
  );
  const input = importedDistrictToCoverageInput(district);
  const origins = assignCommunities(input.origins, input.communities!);
  const network = buildWalkingNetwork({
    network: input.network,
    origins,
    facilities: input.facilities,
  });
  const state = computeCoverageState(network);
  const result = summarizeCoverage(state);

  it('builds one walking network with every residential building attached', () => {
    expect(input.origins.features.length).toBe(result.origins.length);
    expect(result.origins.length).toBeGreaterThan(150);
    const attached = network.origins.filter((o) => o.node >= 0).length;
    expect(attached / network.origins.length).toBeGreaterThan(0.95);
    expect(result.communities.length).toBeGreaterThan(0);
  });

  it('shares are between 0 and 1, and tiers never exceed their categories', () => {
    for (const area of [result.district, ...result.communities]) {
      for (const [c, s] of Object.entries(area.byCategory)) {
        expect(s.share, c).toBeGreaterThanOrEqual(0);
        expect(s.share, c).toBeLessThanOrEqual(1);
      }
      for (const t of Object.values(area.byTier)) {
        for (const c of t.categories) {
          expect(t.householdsCovered).toBeLessThanOrEqual(area.byCategory[c]!.householdsCovered);
        }
      }
    }
  });

  it('golden: buildings coloured by walking distance to the nearest kindergarten', () => {
    golden(
      'haidian-kindergarten',
      coverageToFeatureCollection(origins, input.facilities, result, 'kindergarten'),
    );
  });

  it('golden: 5/10/15-minute isochrones from the first kindergarten', () => {
    const kg = input.facilities.features.find((f) => f.properties?.category === 'kindergarten')!;
    const at =
      kg.geometry.type === 'Point'
        ? kg.geometry.coordinates
        : kg.geometry.type === 'Polygon'
          ? kg.geometry.coordinates[0]![0]!
          : kg.geometry.coordinates[0]![0]![0]!;
    golden('haidian-isochrones', walkingIsochrones(network, at));
  });
});
