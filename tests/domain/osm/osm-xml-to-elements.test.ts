import { describe, expect, it } from 'vitest';
import { osmXmlToElements } from '../../../domain/osm/osm-xml-to-elements';

describe('osmXmlToElements', () => {
  it('reads attributes, single children and repeated children alike', () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<osm version="0.6">
  <bounds minlat="40.0" minlon="116.3" maxlat="40.1" maxlon="116.4"/>
  <node id="1" lat="40.001" lon="116.301" version="3" user="x"><tag k="amenity" v="kindergarten"/></node>
  <node id="2" lat="40.002" lon="116.302"/>
  <way id="10"><nd ref="1"/><tag k="name" v="A &amp; B"/><tag k="ref" v="0123"/></way>
  <relation id="20"><member type="way" ref="10" role="outer"/><tag k="type" v="multipolygon"/></relation>
</osm>`;
    expect(osmXmlToElements(xml)).toEqual({
      bounds: { minlat: 40.0, minlon: 116.3, maxlat: 40.1, maxlon: 116.4 },
      elements: [
        { type: 'node', id: 1, lat: 40.001, lon: 116.301, tags: { amenity: 'kindergarten' } },
        { type: 'node', id: 2, lat: 40.002, lon: 116.302, tags: {} },
        // One <nd> and two <tag>: both arrive as arrays; "0123" stays a string.
        { type: 'way', id: 10, nodes: [1], tags: { name: 'A & B', ref: '0123' } },
        {
          type: 'relation',
          id: 20,
          members: [{ type: 'way', ref: 10, role: 'outer' }],
          tags: { type: 'multipolygon' },
        },
      ],
    });
  });

  it('skips deleted objects and accepts an empty document without bounds', () => {
    const xml = '<osm><node id="1" lat="1" lon="2" visible="false"/></osm>';
    expect(osmXmlToElements(xml)).toEqual({ elements: [], bounds: undefined });
    expect(osmXmlToElements('<osm/>')).toEqual({ elements: [], bounds: undefined });
  });

  it('rejects a document that is not OSM, and a node without coordinates', () => {
    expect(() => osmXmlToElements('<gpx></gpx>')).toThrow(/no <osm> root/);
    expect(() => osmXmlToElements('<osm><node id="1" lon="2"/></osm>')).toThrow(
      /lat is not a number/,
    );
  });
});
