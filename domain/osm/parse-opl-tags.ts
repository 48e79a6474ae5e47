import type { OsmTags } from './osm-elements';

/** OPL escapes a character as %<hex code point>%: "China%20%National" → "China National". */
const unescape = (s: string): string =>
  s.replace(/%([0-9a-fA-F]+)%/g, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)));

/**
 * The tags of one OPL line (osmium's Object Per Line format, https://osmcode.org/opl-file-format/):
 * the field starting with "T", `k=v` pairs separated by commas. Returns the object's type,
 * id and tags; undefined for a line that is not an OPL object.
 */
export const parseOplTags = (
  line: string,
): { type: 'node' | 'way' | 'relation'; id: number; tags: OsmTags } | undefined => {
  const m = /^([nwr])(-?\d+)(?: |$)/.exec(line);
  if (!m) return undefined;
  const type = m[1] === 'n' ? 'node' : m[1] === 'w' ? 'way' : 'relation';
  const tags: Record<string, string> = {};
  const field = line.split(' ').find((f) => f.startsWith('T'));
  if (field && field.length > 1) {
    for (const pair of field.slice(1).split(',')) {
      const eq = pair.indexOf('=');
      if (eq < 0) continue;
      tags[unescape(pair.slice(0, eq))] = unescape(pair.slice(eq + 1));
    }
  }
  return { type, id: Number(m[2]), tags };
};
