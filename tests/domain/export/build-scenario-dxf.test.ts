import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import {
  buildScenarioDxf,
  featureLabel,
  fireLaneWidthM,
} from '../../../domain/export/build-scenario-dxf';
import { offsetPolyline } from '../../../domain/export/offset-polyline';
import { splitGisLayers } from '../../../domain/export/split-gis-layers';
import { CAD_LAYERS } from '../../../domain/export/cad-layers';
import { FEATURE_KINDS } from '../../../domain/model/feature-kinds';
import { RULES } from '../../../domain/standards/rules';

/** DXF text as [group code, value] pairs. */
const pairs = (dxf: string): [number, string][] => {
  const lines = dxf.split(/\r?\n/);
  const out: [number, string][] = [];
  for (let i = 0; i + 1 < lines.length; i += 2) out.push([Number(lines[i]), lines[i + 1]!]);
  return out;
};
/** The entities of the ENTITIES section: type and their group codes. */
const entities = (dxf: string) => {
  const p = pairs(dxf);
  const start = p.findIndex(
    ([c, v], i) => c === 2 && v === 'ENTITIES' && p[i - 1]?.[1] === 'SECTION',
  );
  const out: { type: string; groups: [number, string][] }[] = [];
  for (let i = start + 1; i < p.length; i++) {
    const [c, v] = p[i]!;
    if (c === 0 && v === 'ENDSEC') break;
    if (c === 0) out.push({ type: v, groups: [] });
    else out[out.length - 1]?.groups.push([c, v]);
  }
  return out;
};
const group = (e: { groups: [number, string][] }, code: number) =>
  e.groups.filter(([c]) => c === code).map(([, v]) => v);

// A 20 × 12 m building, a 2.5 × 5.3 m stall and an L-shaped lane, in Gauss-Krüger metres:
//
//             lane ┐ (444540, 4429780)
//   ┌──────┐ ┌┐    │
//   │ 1号楼 │ └┘    │
//   └──────┘       │
//   lane ──────────┘ (444540, 4429720)
const fc: FeatureCollection = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { kind: 'fire_lane', widthM: 4.5, name: null },
      geometry: {
        type: 'LineString',
        coordinates: [
          [444480, 4429720],
          [444540, 4429720],
          [444540, 4429780],
        ],
      },
    },
    {
      type: 'Feature',
      properties: { kind: 'building', name: '1号楼', levels: 6 },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [444490, 4429730],
            [444510, 4429730],
            [444510, 4429742],
            [444490, 4429742],
            [444490, 4429730],
          ],
        ],
      },
    },
    {
      type: 'Feature',
      properties: { kind: 'parking_stall' },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [444520, 4429730],
            [444522.5, 4429730],
            [444522.5, 4429735.3],
            [444520, 4429735.3],
            [444520, 4429730],
          ],
        ],
      },
    },
    {
      type: 'Feature',
      properties: { kind: 'tree', name: '古槐' },
      geometry: { type: 'Point', coordinates: [444500, 4429760] },
    },
    {
      type: 'Feature',
      properties: { kind: 'not_a_kind' },
      geometry: { type: 'Point', coordinates: [0, 0] },
    },
  ],
};

describe('buildScenarioDxf', () => {
  const dxf = buildScenarioDxf(fc);
  const ents = entities(dxf);

  it('is AutoCAD 2007 (AC1021, UTF-8) in metres with a Chinese-capable text style', () => {
    expect(dxf).toMatch(/\$ACADVER\n1\nAC1021\n/);
    expect(dxf).toMatch(/\$INSUNITS\n70\n6\n/);
    expect(dxf).toMatch(/RPM_HZ\n70\n0\n[\s\S]*?gbenor\.shx\n4\ngbcbig\.shx/);
  });

  it('declares a layer per kind with its code and Chinese name', () => {
    for (const kind of FEATURE_KINDS) expect(dxf).toContain(`\n2\n${CAD_LAYERS[kind].name}\n`);
  });

  it('writes polygons as closed LWPOLYLINEs without the repeated vertex, the lane with its constant width', () => {
    const polys = ents.filter((e) => e.type === 'LWPOLYLINE');
    const building = polys.find((e) => group(e, 8)[0] === 'JMD_建筑')!;
    expect(group(building, 70)).toEqual(['1']);
    expect(group(building, 10)).toEqual(['444490', '444510', '444510', '444490']);
    const lane = polys.find((e) => group(e, 8)[0] === 'XFCD_消防车道')!;
    expect(group(lane, 70)).toEqual(['0']);
    expect(group(lane, 43)).toEqual(['4.5']);
    // Edge lines 2.25 m either side, mitred at the bend.
    const edges = polys.filter((e) => group(e, 8)[0] === 'XFCD_消防车道边线');
    expect(edges.map((e) => group(e, 20)[0])).toEqual(['4429722.25', '4429717.75']);
    expect(edges.map((e) => group(e, 10)[1])).toEqual(['444537.75', '444542.25']);
  });

  it('labels in Chinese on ZJ_注记: building name and storeys, stall number, lane name and width', () => {
    const texts = ents.filter((e) => e.type === 'TEXT');
    expect(texts.map((e) => group(e, 1)[0])).toEqual(['1号楼 6层', '消防车道 4.5m', '1', '古槐']);
    for (const e of texts) {
      expect(group(e, 8)).toEqual(['ZJ_注记']);
      expect(group(e, 7)).toEqual(['RPM_HZ']);
    }
    // The building's label sits at its centroid.
    expect([group(texts[0]!, 11)[0], group(texts[0]!, 21)[0]]).toEqual(['444500', '4429736']);
  });

  it('writes a tree as a point and a crown circle; skips unknown kinds', () => {
    expect(ents.filter((e) => e.type === 'POINT').map((e) => group(e, 8)[0])).toEqual(['ZB_树木']);
    expect(ents.filter((e) => e.type === 'CIRCLE').map((e) => group(e, 8)[0])).toEqual(['ZB_树冠']);
  });

  it('is deterministic', () => {
    expect(buildScenarioDxf(fc)).toBe(dxf);
  });
});

describe('labels and widths', () => {
  it('a lane without width gets the code minimum (GB 50016 §7.1.8)', () => {
    expect(fireLaneWidthM({})).toBe(RULES.fireLane.minClearWidthM.value);
    expect(fireLaneWidthM({ widthM: 6 })).toBe(6);
  });
  it('a stall is numbered by name, props.number, else its position', () => {
    expect(featureLabel('parking_stall', { name: '甲-01' }, 3)).toBe('甲-01');
    expect(featureLabel('parking_stall', { props: { number: 'B7' } }, 3)).toBe('B7');
    expect(featureLabel('parking_stall', {}, 3)).toBe('3');
    expect(featureLabel('green', {}, 1)).toBeNull();
  });
});

describe('offsetPolyline', () => {
  it('shifts a straight line to its left and right', () => {
    expect(
      offsetPolyline(
        [
          [0, 0],
          [10, 0],
        ],
        2,
      ),
    ).toEqual([
      [0, 2],
      [10, 2],
    ]);
    expect(
      offsetPolyline(
        [
          [0, 0],
          [10, 0],
        ],
        -2,
      ),
    ).toEqual([
      [0, -2],
      [10, -2],
    ]);
  });
  it('mitres a right-angle bend', () => {
    const [, corner] = offsetPolyline(
      [
        [0, 0],
        [10, 0],
        [10, 10],
      ],
      1,
    );
    expect(corner![0]).toBeCloseTo(9);
    expect(corner![1]).toBeCloseTo(1);
  });
});

describe('splitGisLayers', () => {
  it('one layer per kind and geometry type, fields named ≤ 10 characters', () => {
    const layers = splitGisLayers(fc);
    expect(layers.map((l) => l.name)).toEqual([
      'building_polygon',
      'fire_lane_line',
      'parking_stall_polygon',
      'tree_point',
    ]);
    for (const l of layers)
      for (const f of l.features.features)
        for (const k of Object.keys(f.properties!)) expect(k.length).toBeLessThanOrEqual(10);
    expect(layers[1]!.features.features[0]!.properties).toMatchObject({
      kind: 'fire_lane',
      width_m: 4.5,
    });
  });
});
