import { describe, expect, it } from 'vitest';
import { osmToImportedDistrict } from '../../../domain/osm/osm-to-imported-district';
import { osmXmlToElements } from '../../../domain/osm/osm-xml-to-elements';
import { formatImportWarning } from '../../../domain/osm/format-import-warning';
import { RULES } from '../../../domain/standards/rules';

const OPTIONS = { name: '测试片区', source: 'test.osm' };

/**
 * A tiny compound, in degrees around (116.350, 40.000):
 *
 *   n4 ─────────── n3      way 100: 测试小区 (landuse=residential, start_date 1995)
 *   │  n13──n12    │       way 101: building, 6 levels, 18 m
 *   │  │  101 │    │       way 102: service road, width 4.5, n5 → n6
 *   │  n10──n11    │       node 7: kindergarten;  node 8: barrier=gate on the road
 *   │ n5 ──n8── n6 │       relation 200: 双泉堡甲2号院, one outer way (103) here, one (999) not
 *   n1 ─────────── n2      way 104: footway with a node (n9999) outside the extract
 */
const XML = `<osm version="0.6">
  <bounds minlat="39.999" minlon="116.349" maxlat="40.003" maxlon="116.356"/>
  <node id="1" lat="40.0000" lon="116.3500"/>
  <node id="2" lat="40.0000" lon="116.3530"/>
  <node id="3" lat="40.0020" lon="116.3530"/>
  <node id="4" lat="40.0020" lon="116.3500"/>
  <node id="5" lat="40.0003" lon="116.3502"/>
  <node id="6" lat="40.0003" lon="116.3528"/>
  <node id="7" lat="40.0015" lon="116.3525"><tag k="amenity" v="kindergarten"/><tag k="name" v="阳光幼儿园"/></node>
  <node id="8" lat="40.0003" lon="116.3515"><tag k="barrier" v="gate"/><tag k="name" v="南门"/></node>
  <node id="10" lat="40.0008" lon="116.3505"/>
  <node id="11" lat="40.0008" lon="116.3512"/>
  <node id="12" lat="40.0012" lon="116.3512"/>
  <node id="13" lat="40.0012" lon="116.3505"/>
  <node id="20" lat="40.0020" lon="116.3540"/>
  <node id="21" lat="40.0020" lon="116.3550"/>
  <node id="22" lat="40.0028" lon="116.3550"/>
  <way id="100"><nd ref="1"/><nd ref="2"/><nd ref="3"/><nd ref="4"/><nd ref="1"/>
    <tag k="landuse" v="residential"/><tag k="name" v="测试小区"/><tag k="name:en" v="Test Estate"/>
    <tag k="start_date" v="1995"/></way>
  <way id="101"><nd ref="10"/><nd ref="11"/><nd ref="12"/><nd ref="13"/><nd ref="10"/>
    <tag k="building" v="residential"/><tag k="building:levels" v="6"/><tag k="height" v="18"/>
    <tag k="name" v="1号楼"/><tag k="source" v="survey"/></way>
  <way id="102"><nd ref="5"/><nd ref="8"/><nd ref="6"/>
    <tag k="highway" v="service"/><tag k="width" v="4.5"/><tag k="access" v="private"/></way>
  <way id="103"><nd ref="20"/><nd ref="21"/><nd ref="22"/><nd ref="20"/></way>
  <way id="104"><nd ref="5"/><nd ref="9999"/><nd ref="4"/><tag k="highway" v="footway"/></way>
  <way id="105"><nd ref="1"/><nd ref="3"/><nd ref="1"/><tag k="building" v="yes"/></way>
  <way id="106"><nd ref="2"/><nd ref="4"/><tag k="landuse" v="residential"/></way>
  <way id="107"><nd ref="2"/><nd ref="3"/><nd ref="4"/><nd ref="2"/><tag k="landuse" v="residential"/></way>
  <relation id="200">
    <member type="way" ref="103" role="outer"/><member type="way" ref="999" role="outer"/>
    <tag k="type" v="multipolygon"/><tag k="landuse" v="residential"/><tag k="name" v="双泉堡甲2号院"/>
  </relation>
  <relation id="201">
    <member type="way" ref="998" role="outer"/>
    <tag k="type" v="multipolygon"/><tag k="leisure" v="park"/><tag k="name" v="远方公园"/>
  </relation>
</osm>`;

describe('osmToImportedDistrict', () => {
  const data = osmXmlToElements(XML);
  const district = osmToImportedDistrict(data, OPTIONS);

  it('takes name and source from the options, the extent from the features within <bounds>', () => {
    expect(district.name).toBe('测试片区');
    expect(district.source).toBe('test.osm');
    // West/south: n1 (the compound's corner); east/north: n21/n22 of relation 200's ring.
    // Not <bounds> (116.349 … 116.356, 39.999 … 40.003): nothing is mapped in the margin.
    expect(district.bbox).toEqual([116.35, 40, 116.355, 40.0028]);
  });

  it('turns named residential areas into communities, the incomplete relation included', () => {
    expect(
      district.communities.map((c) => [c.osmRef, c.name, c.nameEn, c.builtYear, c.geometry.type]),
    ).toEqual([
      ['way/100', '测试小区', 'Test Estate', 1995, 'Polygon'],
      ['relation/200', '双泉堡甲2号院', undefined, undefined, 'Polygon'],
    ]);
    // The relation keeps the one closed ring that is in the extract.
    expect(district.communities[1]?.geometry.coordinates).toEqual([
      [
        [116.354, 40.002],
        [116.355, 40.002],
        [116.355, 40.0028],
        [116.354, 40.002],
      ],
    ]);
  });

  it('classifies features with exact values, sorted by osmRef', () => {
    const summary = district.features.map((f) => ({
      osmRef: f.osmRef,
      kind: f.kind,
      category: f.category,
      name: f.name,
      widthM: f.widthM,
      levels: f.levels,
      heightM: f.heightM,
      geometry: f.geometry.type,
    }));
    expect(summary).toEqual([
      {
        osmRef: 'node/7',
        kind: 'facility',
        category: 'kindergarten',
        name: '阳光幼儿园',
        geometry: 'Point',
      },
      { osmRef: 'node/8', kind: 'gate', category: 'gate', name: '南门', geometry: 'Point' },
      {
        osmRef: 'way/101',
        kind: 'building',
        category: 'residential',
        name: '1号楼',
        levels: 6,
        heightM: 18,
        geometry: 'Polygon',
      },
      { osmRef: 'way/102', kind: 'road', category: 'service', widthM: 4.5, geometry: 'LineString' },
      // Kept with the two nodes that are here.
      { osmRef: 'way/104', kind: 'footway', category: 'footway', geometry: 'LineString' },
    ]);
    expect(district.features[3]?.props).toEqual({ access: 'private', highway: 'service' });
    expect(district.features[2]?.props).toEqual({ building: 'residential' });
  });

  it('explains everything it skipped or repaired', () => {
    expect(district.warnings.map((w) => w.rule)).toEqual([
      'incomplete-in-extract',
      'degenerate-geometry',
      'residential-area-inside-named-area',
      'incomplete-in-extract',
      'no-usable-geometry',
    ]);
    expect(district.warnings.map(formatImportWarning)).toEqual([
      'way/104: incomplete in this extract (1 of 3 nodes missing), kept the part inside',
      'way/105: dropped, degenerate polygon (fewer than 3 distinct points or no area)',
      'way/107: lies inside way/100 测试小区, part of that 小区',
      'relation/200 双泉堡甲2号院: incomplete in this extract (1 of 2 member ways missing), kept the part inside',
      'relation/201 远方公园: skipped, no usable geometry in this extract (1 of 1 member ways missing)',
    ]);
  });

  it('is deterministic and does not mutate its input', () => {
    const before = structuredClone(data);
    const shuffled = { ...data, elements: [...data.elements].reverse() };
    const again = osmToImportedDistrict(shuffled, OPTIONS);
    expect(again).toEqual(district);
    expect(data).toEqual(before);
  });

  it('estimates a road width from the rules table when there is no width tag', () => {
    const xml = `<osm>
      <node id="1" lat="40" lon="116.35"/><node id="2" lat="40" lon="116.351"/>
      <way id="1"><nd ref="1"/><nd ref="2"/><tag k="highway" v="living_street"/></way></osm>`;
    const [road] = osmToImportedDistrict(osmXmlToElements(xml), OPTIONS).features;
    expect(road).toMatchObject({
      kind: 'road',
      widthM: RULES.importEstimates.roadWidthByClassM.value.living_street,
      widthEstimated: true,
    });
  });

  it('takes the bbox from the nodes when there is no <bounds>, and tells doors from gates', () => {
    // An entrance on a building outline (node 1) is a door; one on its own (node 5) a gate.
    const xml = `<osm>
      <node id="1" lat="40" lon="116.35"><tag k="entrance" v="main"/></node>
      <node id="2" lat="40" lon="116.351"/><node id="3" lat="40.001" lon="116.351"/>
      <node id="5" lat="40.002" lon="116.36"><tag k="entrance" v="yes"/></node>
      <way id="1"><nd ref="1"/><nd ref="2"/><nd ref="3"/><nd ref="1"/><tag k="building" v="yes"/></way></osm>`;
    const result = osmToImportedDistrict(osmXmlToElements(xml), OPTIONS);
    expect(result.bbox).toEqual([116.35, 40, 116.36, 40.002]);
    expect(result.features.map((f) => `${f.osmRef} ${f.kind}`)).toEqual([
      'node/5 gate',
      'way/1 building',
    ]);
  });

  it('does not throw on relations and ways with nothing in the extract', () => {
    const xml = `<osm><node id="1" lat="40" lon="116.35"/>
      <way id="1"><nd ref="7"/><nd ref="8"/><tag k="highway" v="service"/></way>
      <way id="2"><tag k="building" v="yes"/></way>
      <relation id="1"><tag k="type" v="multipolygon"/><tag k="building" v="yes"/></relation>
      <relation id="2"><member type="relation" ref="99" role=""/><tag k="type" v="multipolygon"/></relation>
    </osm>`;
    const result = osmToImportedDistrict(osmXmlToElements(xml), OPTIONS);
    expect(result.features).toEqual([]);
    expect(result.bbox).toEqual([116.35, 40, 116.35, 40]);
    expect(result.warnings.map(formatImportWarning)).toEqual([
      'way/1: skipped, no usable geometry in this extract (2 of 2 nodes missing)',
      'way/2: skipped, no usable geometry in this extract (no nodes)',
      'relation/1: skipped, no usable geometry in this extract (member ways do not form closed rings)',
    ]);
  });

  it('rejects a missing name and data without bounds or nodes', () => {
    expect(() => osmToImportedDistrict(data, { name: ' ', source: '' })).toThrow(/name/);
    expect(() => osmToImportedDistrict({ elements: [] }, OPTIONS)).toThrow(/bounds/);
  });
});
