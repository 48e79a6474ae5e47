import { area } from '@turf/turf';
import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { compassSide } from '../../../domain/osm/compass-side';
import { importWarningsCsv } from '../../../domain/osm/import-warnings-csv';
import { provisionalCommunityName } from '../../../domain/osm/provisional-community-name';
import type { BuildingPoint } from '../../../domain/osm/residential-area-inputs';
import { resolveResidentialAreas } from '../../../domain/osm/resolve-residential-areas';

const OPTIONS = { minAreaSqM: 2000, minBuildings: 1, insideNamedShare: 0.9, nearestRoadMaxM: 300 };

/** A square of `sideM` metres (about) with its south-west corner `x`,`y` metres from (116.35, 40). */
const square = (x: number, y: number, sideM: number): Polygon => {
  const lon = (m: number) => 116.35 + m / 85_390;
  const lat = (m: number) => 40 + m / 110_540;
  return {
    type: 'Polygon',
    coordinates: [
      [
        [lon(x), lat(y)],
        [lon(x + sideM), lat(y)],
        [lon(x + sideM), lat(y + sideM)],
        [lon(x), lat(y + sideM)],
        [lon(x), lat(y)],
      ],
    ],
  };
};
const at = (x: number, y: number, street?: string, housenumber?: string): BuildingPoint => ({
  lon: 116.35 + x / 85_390,
  lat: 40 + y / 110_540,
  street,
  housenumber,
});

describe('resolveResidentialAreas', () => {
  //   road 学院路 along y = -20 (x 0 … 400)
  //   way/1: 100 m square at (0,0), unnamed, buildings addressed 学院路 29 (×2) and 学院路 31
  //   way/2: 100 m square at (200,0), unnamed, one unaddressed building → 学院路北侧居住区
  //   way/3: 30 m square at (300,0), unnamed, no building: 900 m² < 2000 → skipped
  //   way/4: 300 m square at (0,200) named 大院; way/5: 50 m inside it, unnamed → part of 大院
  //   way/6: 120 m square at (150,250) unnamed, overlaps 大院 in part: the smaller (way/6) wins
  const road = {
    name: '学院路',
    nameEn: 'Xueyuan Rd',
    coordinates: [
      [116.35, 40 - 20 / 110_540],
      [116.35 + 400 / 85_390, 40 - 20 / 110_540],
    ],
  };
  const result = resolveResidentialAreas(
    [
      { osmRef: 'way/1', tags: { landuse: 'residential' }, geometry: square(0, 0, 100) },
      { osmRef: 'way/2', tags: { landuse: 'residential' }, geometry: square(200, 0, 100) },
      { osmRef: 'way/3', tags: { landuse: 'residential' }, geometry: square(320, 0, 30) },
      {
        osmRef: 'way/4',
        tags: { landuse: 'residential', name: '大院' },
        geometry: square(0, 200, 300),
      },
      { osmRef: 'way/5', tags: { landuse: 'residential' }, geometry: square(20, 220, 50) },
      { osmRef: 'way/6', tags: { landuse: 'residential' }, geometry: square(250, 250, 120) },
    ],
    [
      at(10, 10, '学院路', '29'),
      at(50, 50, '学院路', '29号'),
      at(80, 80, '学院路', '31'),
      at(250, 50),
      at(300, 300),
    ],
    [road],
    OPTIONS,
  );

  it('names from addresses, else the nearest road and side; skips what the rules say', () => {
    expect(result.communities.map((c) => [c.osmRef, c.name, c.nameEn, c.nameBasis])).toEqual([
      ['way/1', '学院路29号院', 'No. 29 学院路 compound', 'address'],
      ['way/2', '学院路北侧居住区', 'Residential area north of Xueyuan Rd', 'road'],
      ['way/4', '大院', undefined, undefined],
      // No road within 300 m of its centre: numbered.
      ['way/6', '未命名居住区1', 'Residential area 1', 'numbered'],
    ]);
    expect(result.warnings.map((w) => [w.osmRef, w.rule])).toEqual([
      ['way/5', 'residential-area-inside-named-area'],
      ['way/3', 'residential-area-too-small'],
    ]);
  });

  it('lets the smaller overlapping area win: the larger keeps the rest', () => {
    const big = result.communities.find((c) => c.osmRef === 'way/4');
    expect(big?.geometry.type).toBe('Polygon');
    // 300 m square minus the 50 × 50 m corner way/6 covers: 90,000 − 2,500 m² (≈, degrees).
    expect(area(big!.geometry) / 87_500).toBeCloseTo(1, 1);
    const small = result.communities.find((c) => c.osmRef === 'way/6');
    expect(area(small!.geometry) / 14_400).toBeCloseTo(1, 1);
  });

  it('keeps a small unnamed area when it holds a building', () => {
    const r = resolveResidentialAreas(
      [{ osmRef: 'way/9', tags: { landuse: 'residential' }, geometry: square(0, 0, 30) }],
      [at(15, 15)],
      [],
      OPTIONS,
    );
    expect(r.communities.map((c) => c.name)).toEqual(['未命名居住区1']);
  });
});

describe('provisional names and sides', () => {
  it('does not double 号', () => {
    expect(
      provisionalCommunityName({ basis: 'address', street: '清华东路', housenumber: '27号院' })
        .name,
    ).toBe('清华东路27号院');
    expect(provisionalCommunityName({ basis: 'address', street: '清华东路' }).name).toBe(
      '清华东路居住区',
    );
  });
  it('separates a Latin street name from the Chinese suffix (Monaco)', () => {
    expect(
      provisionalCommunityName({ basis: 'road', road: 'Avenue du Port', side: 'north' }).name,
    ).toBe('Avenue du Port 北侧居住区');
    expect(
      provisionalCommunityName({ basis: 'address', street: 'Avenue de Verdun', housenumber: '24' })
        .name,
    ).toBe('Avenue de Verdun 24号院');
  });
  it('takes the dominant axis of the offset from the road', () => {
    expect([
      compassSide(0, 10),
      compassSide(3, -10),
      compassSide(10, 3),
      compassSide(-10, 3),
    ]).toEqual(['north', 'south', 'east', 'west']);
  });
  it('writes CSV with BOM, quoting commas', () => {
    expect(
      importWarningsCsv([
        {
          rule: 'building-on-point',
          action: 'skipped',
          osmRef: 'node/1',
          name: 'A,B',
          detail: 'x',
        },
      ]),
    ).toBe('\uFEFFrule,action,osm_ref,name,detail\r\nbuilding-on-point,skipped,node/1,"A,B",x\r\n');
  });
});
