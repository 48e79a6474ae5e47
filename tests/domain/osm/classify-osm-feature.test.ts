import type { Feature, Geometry } from 'geojson';
import { describe, expect, it } from 'vitest';
import { classifyOsmFeature } from '../../../domain/osm/classify-osm-feature';
import { RULES } from '../../../domain/standards/rules';

const point: Geometry = { type: 'Point', coordinates: [116.35, 40.0] };
const line: Geometry = {
  type: 'LineString',
  coordinates: [
    [116.35, 40.0],
    [116.351, 40.0],
  ],
};
const square: Geometry = {
  type: 'Polygon',
  coordinates: [
    [
      [116.35, 40.0],
      [116.351, 40.0],
      [116.351, 40.001],
      [116.35, 40.0],
    ],
  ],
};

const feature = (
  geometry: Geometry,
  tags: Record<string, string>,
): Feature<Geometry, { tags: Record<string, string> }> => ({
  type: 'Feature',
  geometry,
  properties: { tags },
});

const defaultWidth = RULES.importEstimates.roadWidthByClassM.value;

describe('classifyOsmFeature', () => {
  it.each<[string, Geometry, Record<string, string>, object[]]>([
    [
      'building with levels and height',
      square,
      { building: 'residential', 'building:levels': '6', height: '18 m', name: '3号楼' },
      [{ kind: 'building', category: 'residential', name: '3号楼', levels: 6, heightM: 18 }],
    ],
    ['building on a point: no footprint', point, { building: 'yes' }, []],
    ['building=no', square, { building: 'no' }, []],
    [
      'service road with a width tag',
      line,
      { highway: 'service', width: '4.5' },
      [{ kind: 'road', category: 'service', widthM: 4.5 }],
    ],
    [
      'residential road without width: class default, marked estimated',
      line,
      { highway: 'residential' },
      [
        {
          kind: 'road',
          category: 'residential',
          widthM: defaultWidth.residential,
          widthEstimated: true,
        },
      ],
    ],
    [
      'link road uses its base class default',
      line,
      { highway: 'primary_link' },
      [
        {
          kind: 'road',
          category: 'primary_link',
          widthM: defaultWidth.primary,
          widthEstimated: true,
        },
      ],
    ],
    ['footway', line, { highway: 'footway' }, [{ kind: 'footway', category: 'footway' }]],
    [
      'steps',
      line,
      { highway: 'steps', width: '2' },
      [{ kind: 'footway', category: 'steps', widthM: 2 }],
    ],
    ['crossing node is not a road', point, { highway: 'crossing' }, []],
    [
      'parking lot',
      square,
      { amenity: 'parking', parking: 'surface', capacity: '40' },
      [{ kind: 'parking_area', category: 'surface', capacity: 40 }],
    ],
    ['parking space', square, { amenity: 'parking_space' }, [{ kind: 'parking_stall' }]],
    [
      'bicycle parking',
      point,
      { amenity: 'bicycle_parking', bicycle_parking: 'shed' },
      [{ kind: 'bike_shed', category: 'shed' }],
    ],
    [
      'charging station',
      point,
      { amenity: 'charging_station', capacity: '4' },
      [{ kind: 'ev_charger', capacity: 4 }],
    ],
    [
      'gate',
      point,
      { barrier: 'gate', name: '东门' },
      [{ kind: 'gate', category: 'gate', name: '东门' }],
    ],
    ['lift gate', point, { barrier: 'lift_gate' }, [{ kind: 'gate', category: 'lift_gate' }]],
    ['entrance', point, { entrance: 'main' }, [{ kind: 'gate', category: 'entrance' }]],
    [
      'park: public green',
      square,
      { leisure: 'park' },
      [{ kind: 'green', category: 'public_green' }],
    ],
    ['grass', square, { landuse: 'grass' }, [{ kind: 'green', category: 'grass' }]],
    ['tree', point, { natural: 'tree' }, [{ kind: 'tree', category: 'tree' }]],
    [
      'kindergarten',
      point,
      { amenity: 'kindergarten' },
      [{ kind: 'facility', category: 'kindergarten' }],
    ],
    ['childcare', point, { amenity: 'childcare' }, [{ kind: 'facility', category: 'nursery' }]],
    [
      'childcare named 幼儿园',
      point,
      { amenity: 'childcare', name: '北京邮电大学幼儿园' },
      [{ kind: 'facility', category: 'kindergarten', name: '北京邮电大学幼儿园' }],
    ],
    [
      'school named 小学',
      square,
      { amenity: 'school', name: '附属实验小学' },
      [{ kind: 'facility', category: 'primary_school', name: '附属实验小学' }],
    ],
    [
      'school named 中学',
      square,
      { amenity: 'school', name: '附属中学' },
      [{ kind: 'facility', category: 'middle_school', name: '附属中学' }],
    ],
    [
      'school named 初中',
      point,
      { amenity: 'school', name: '某初中' },
      [{ kind: 'facility', category: 'middle_school', name: '某初中' }],
    ],
    [
      'school without name',
      point,
      { amenity: 'school' },
      [{ kind: 'facility', category: 'primary_school' }],
    ],
    ['clinic', point, { amenity: 'clinic' }, [{ kind: 'facility', category: 'health_station' }]],
    [
      'clinic named 社区卫生服务中心',
      point,
      { amenity: 'clinic', name: 'X社区卫生服务中心' },
      [{ kind: 'facility', category: 'health_centre', name: 'X社区卫生服务中心' }],
    ],
    [
      'hospital tagged twice gives one facility',
      point,
      { amenity: 'hospital', healthcare: 'hospital' },
      [{ kind: 'facility', category: 'health_centre' }],
    ],
    [
      'pharmacy',
      point,
      { amenity: 'pharmacy', healthcare: 'pharmacy' },
      [{ kind: 'facility', category: 'pharmacy' }],
    ],
    ['marketplace', point, { amenity: 'marketplace' }, [{ kind: 'facility', category: 'market' }]],
    [
      'supermarket',
      point,
      { shop: 'supermarket' },
      [{ kind: 'facility', category: 'supermarket' }],
    ],
    [
      'multi-valued shop',
      point,
      { shop: 'convenience;hairdresser' },
      [{ kind: 'facility', category: 'convenience' }],
    ],
    ['post office', point, { amenity: 'post_office' }, [{ kind: 'facility', category: 'parcel' }]],
    [
      'parcel locker',
      point,
      { amenity: 'parcel_locker' },
      [{ kind: 'facility', category: 'parcel' }],
    ],
    [
      'senior social facility',
      point,
      { amenity: 'social_facility', 'social_facility:for': 'senior' },
      [{ kind: 'facility', category: 'elderly_care' }],
    ],
    [
      'other social facility',
      point,
      { amenity: 'social_facility', 'social_facility:for': 'homeless' },
      [],
    ],
    [
      'nursing home',
      point,
      { amenity: 'nursing_home' },
      [{ kind: 'facility', category: 'elderly_care' }],
    ],
    [
      'community centre',
      point,
      { amenity: 'community_centre' },
      [{ kind: 'facility', category: 'service_station' }],
    ],
    ['library', point, { amenity: 'library' }, [{ kind: 'facility', category: 'culture_station' }]],
    ['pitch', square, { leisure: 'pitch' }, [{ kind: 'facility', category: 'sports_field' }]],
    [
      'fitness station',
      point,
      { leisure: 'fitness_station' },
      [{ kind: 'facility', category: 'fitness' }],
    ],
    ['police', point, { amenity: 'police' }, [{ kind: 'facility', category: 'police' }]],
    [
      'a kindergarten drawn as a building is both',
      square,
      { building: 'school', amenity: 'kindergarten', 'building:levels': '2' },
      [
        { kind: 'building', category: 'school', levels: 2 },
        { kind: 'facility', category: 'kindergarten' },
      ],
    ],
    ['nothing known', point, { amenity: 'bench' }, []],
  ])('%s', (_name, geometry, tags, expected) => {
    expect(classifyOsmFeature(feature(geometry, tags))).toEqual(expected);
  });

  it('drops width, levels and capacity values the database would reject', () => {
    expect(
      classifyOsmFeature(
        feature(square, { building: 'yes', 'building:levels': '0', height: '-3' }),
      ),
    ).toEqual([{ kind: 'building', category: 'yes' }]);
  });

  it('does not mutate the feature', () => {
    const f = feature(square, { building: 'yes', 'building:levels': '6' });
    const copy = structuredClone(f);
    classifyOsmFeature(f);
    expect(f).toEqual(copy);
  });
});
