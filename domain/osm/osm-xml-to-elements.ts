import { XMLParser } from 'fast-xml-parser';
import type { OsmBounds, OsmData, OsmElement, OsmMember, OsmTags } from './osm-elements';

/** Element names that may repeat: always parsed as arrays, even when a file holds one. */
const REPEATED = new Set(['node', 'way', 'relation', 'nd', 'member', 'tag']);

// Attributes are strings (parseAttributeValue off); repeated children are arrays (isArray).
type XmlAttrs = Record<string, string | undefined>;
type XmlNode = XmlAttrs & { tag?: XmlAttrs[]; nd?: XmlAttrs[]; member?: XmlAttrs[] };

const toNumber = (value: string | undefined, what: string): number => {
  const n = Number(value);
  if (value === undefined || value.trim() === '' || !Number.isFinite(n)) {
    throw new Error(`OSM XML: ${what} is not a number: ${String(value)}`);
  }
  return n;
};

const readTags = (node: XmlNode): OsmTags => {
  const tags: Record<string, string> = {};
  for (const t of node.tag ?? []) {
    if (t.k !== undefined) tags[t.k] = t.v ?? '';
  }
  return tags;
};

const isMemberType = (s: string | undefined): s is OsmMember['type'] =>
  s === 'node' || s === 'way' || s === 'relation';

/** Deleted objects (history or osmChange exports) carry visible="false". */
const isVisible = (node: XmlNode): boolean => node.visible !== 'false';

const readBounds = (b: XmlAttrs | undefined): OsmBounds | undefined =>
  b === undefined
    ? undefined
    : {
        minlat: toNumber(b.minlat, 'bounds minlat'),
        minlon: toNumber(b.minlon, 'bounds minlon'),
        maxlat: toNumber(b.maxlat, 'bounds maxlat'),
        maxlon: toNumber(b.maxlon, 'bounds maxlon'),
      };

/**
 * Parses an OSM XML document (API 0.6 / JOSM / Overpass `out xml`) into Overpass-JSON-style
 * elements: nodes, then ways, then relations, each in document order. Metadata (version, user, timestamp) is dropped; tag values are
 * kept as strings ("0123" stays "0123"). Throws on a document without an `<osm>` root.
 */
export const osmXmlToElements = (xml: string): OsmData => {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    parseAttributeValue: false,
    parseTagValue: false,
    isArray: (name) => REPEATED.has(name),
  });
  const doc = parser.parse(xml) as { osm?: Record<string, unknown> | '' };
  const osm = doc.osm;
  if (osm === undefined) throw new Error('OSM XML: no <osm> root element');
  // An empty <osm/> parses to ''.
  const root = (typeof osm === 'object' ? osm : {}) as {
    bounds?: XmlAttrs | XmlAttrs[];
    node?: XmlNode[];
    way?: XmlNode[];
    relation?: XmlNode[];
  };

  const elements: OsmElement[] = [];
  for (const n of root.node ?? []) {
    if (!isVisible(n)) continue;
    elements.push({
      type: 'node',
      id: toNumber(n.id, 'node id'),
      lat: toNumber(n.lat, `node ${n.id} lat`),
      lon: toNumber(n.lon, `node ${n.id} lon`),
      tags: readTags(n),
    });
  }
  for (const w of root.way ?? []) {
    if (!isVisible(w)) continue;
    elements.push({
      type: 'way',
      id: toNumber(w.id, 'way id'),
      nodes: (w.nd ?? []).map((nd) => toNumber(nd.ref, `way ${w.id} nd ref`)),
      tags: readTags(w),
    });
  }
  for (const r of root.relation ?? []) {
    if (!isVisible(r)) continue;
    const members: OsmMember[] = [];
    for (const m of r.member ?? []) {
      if (!isMemberType(m.type)) continue;
      members.push({
        type: m.type,
        ref: toNumber(m.ref, `relation ${r.id} member ref`),
        role: m.role ?? '',
      });
    }
    elements.push({
      type: 'relation',
      id: toNumber(r.id, 'relation id'),
      members,
      tags: readTags(r),
    });
  }
  const bounds = Array.isArray(root.bounds) ? root.bounds[0] : root.bounds;
  return { elements, bounds: readBounds(bounds) };
};
