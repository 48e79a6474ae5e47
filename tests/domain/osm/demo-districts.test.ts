import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ImportedDistrict } from '../../../domain/osm/imported-district';
import { osmToImportedDistrict } from '../../../domain/osm/osm-to-imported-district';
import { osmXmlToElements } from '../../../domain/osm/osm-xml-to-elements';
import { formatImportWarning } from '../../../domain/osm/format-import-warning';

/** The demo files copied from shared/data into the repository (data/README in shared). */
const load = (file: string): ImportedDistrict => {
  const path = fileURLToPath(new URL(`../../../data/${file}`, import.meta.url));
  return osmToImportedDistrict(osmXmlToElements(readFileSync(path, 'utf8')), {
    name: file,
    source: file,
  });
};

const countBy = (
  district: ImportedDistrict,
  key: (f: ImportedDistrict['features'][number]) => string | undefined,
) => {
  const counts: Record<string, number> = {};
  for (const f of district.features) {
    const k = key(f);
    if (k !== undefined) counts[k] = (counts[k] ?? 0) + 1;
  }
  return counts;
};

describe('beijing-haidian-cau.osm (the demo district)', () => {
  const district = load('beijing-haidian-cau.osm');

  it('has the extent of its features cut to the bounds of the export', () => {
    // Whole ways reach far outside the export (the node extent is much larger); features fill
    // the export's <bounds>, so the cut extent equals them.
    expect(district.bbox).toEqual([116.34403, 39.99767, 116.35974, 40.00888]);
  });

  it('makes all 11 residential areas communities: 10 named, 1 with a provisional name', () => {
    expect(district.communities).toHaveLength(11);
    expect(district.communities.map((c) => c.name).sort()).toEqual(
      [
        '富润家园',
        '石科院生活区',
        '农大小区-北区',
        '清华东路27号院',
        '静淑苑',
        '中建壹品·学府公馆',
        '双泉嘉苑',
        '学士居',
        '大华花园别墅',
        '双泉堡甲2号院',
        // way/609225889 has no name and no addresses; 石板房南路 runs along its north side.
        '石板房南路南侧居住区',
      ].sort(),
    );
    const provisional = district.communities.filter((c) => c.nameBasis !== undefined);
    expect(provisional.map((c) => [c.osmRef, c.name, c.nameEn, c.nameBasis])).toEqual([
      ['way/609225889', '石板房南路南侧居住区', 'Residential area south of 石板房南路', 'road'],
    ]);
    expect(district.communities.find((c) => c.name === '双泉堡甲2号院')?.osmRef).toBe(
      'relation/14400092',
    );
  });

  it('counts features per kind', () => {
    expect(countBy(district, (f) => f.kind)).toEqual({
      building: 257,
      road: 200,
      footway: 101,
      gate: 26,
      facility: 56,
      parking_area: 19,
      parking_stall: 10,
      green: 17,
      bike_shed: 2,
    });
    // building:levels is tagged on only 6 buildings; no height or width tags at all.
    expect(
      district.features.filter((f) => f.kind === 'building' && f.levels !== undefined),
    ).toHaveLength(6);
    expect(district.features.filter((f) => f.kind === 'road' && !f.widthEstimated)).toHaveLength(0);
  });

  it('counts facilities per GB 50180 category', () => {
    expect(countBy(district, (f) => (f.kind === 'facility' ? f.category : undefined))).toEqual({
      kindergarten: 2,
      primary_school: 2,
      middle_school: 1,
      // 中国农业大学东区社区卫生服务中心 and a dermatology hospital (both amenity=hospital).
      health_centre: 2,
      pharmacy: 2,
      market: 2,
      supermarket: 2,
      // 17 shop=convenience and one shop=convenience;hairdresser.
      convenience: 18,
      parcel: 1,
      // 15 pitches and 3 sports centres.
      sports_field: 18,
      fitness: 2,
      culture_station: 2,
      police: 2,
    });
  });

  it('counts gates, roads and green by category', () => {
    const by = (kind: string) =>
      countBy(district, (f) => (f.kind === kind ? f.category : undefined));
    expect(by('gate')).toEqual({ gate: 15, lift_gate: 6, entrance: 5 });
    expect(by('road')).toEqual({
      primary: 25,
      primary_link: 5,
      secondary: 12,
      secondary_link: 1,
      tertiary: 22,
      tertiary_link: 3,
      motorway: 2,
      motorway_link: 3,
      residential: 12,
      living_street: 12,
      service: 102,
      unclassified: 1,
    });
    expect(by('footway')).toEqual({ footway: 64, path: 24, cycleway: 11, steps: 2 });
    expect(by('green')).toEqual({
      public_green: 9,
      forest: 4,
      garden: 1,
      grass: 1,
      wood: 1,
      scrub: 1,
    });
  });

  it('warns about exactly what it skipped or kept partially', () => {
    expect(district.warnings.map(formatImportWarning)).toEqual([
      'node/3722962720 静淑东里小区: building tagged on a point (no footprint), skipped',
      'relation/14400092 双泉堡甲2号院: incomplete in this extract (1 of 2 member ways missing), kept the part inside',
    ]);
  });
});

describe('beijing-bupt.osm', () => {
  const district = load('beijing-bupt.osm');

  it('makes each of its 3 unnamed residential areas a community with a provisional name', () => {
    // No building here has addr:street, so each is named for its nearest road and side.
    expect(district.communities.map((c) => [c.osmRef, c.name, c.nameBasis])).toEqual([
      ['way/1376112785', '西土城路东侧居住区', 'road'],
      ['way/1377379914', '师大北路北侧居住区', 'road'],
      ['way/1378574613', '杏坛路西侧居住区', 'road'],
    ]);
    expect(district.warnings.map((w) => w.rule)).toEqual([
      'building-on-point',
      'building-on-point',
      'building-on-point',
    ]);
  });

  it('counts the published facts', () => {
    const kinds = countBy(district, (f) => f.kind);
    expect(kinds).toMatchObject({ building: 111, parking_area: 18, ev_charger: 7, bike_shed: 13 });
    expect((kinds.road ?? 0) + (kinds.footway ?? 0)).toBe(194);
    const facilities = countBy(district, (f) => (f.kind === 'facility' ? f.category : undefined));
    expect(facilities).toMatchObject({ kindergarten: 1, parcel: 4 });
    const gates = countBy(district, (f) => (f.kind === 'gate' ? f.category : undefined));
    // 21 barrier=gate; the 92 entrance=* nodes on building outlines are doors, not gates (86
    // on building ways, 6 on the outer ways of building multipolygons, found by vertex).
    expect(gates).toEqual({ gate: 21, lift_gate: 4, entrance: 11 });
  });
});
