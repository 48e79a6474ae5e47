import type { OsmTags } from './osm-elements';

/** Tags already copied into ImportedFeature fields. */
const COPIED = new Set(['name', 'building:levels', 'height', 'width', 'est_width', 'capacity']);

/** Editing noise and translations: name:en stays (shown in the English UI), the rest goes. */
const isNoise = (key: string): boolean =>
  key === 'source' ||
  key.startsWith('source:') ||
  key === 'created_by' ||
  key === 'note' ||
  key === 'fixme' ||
  key === 'FIXME' ||
  key.startsWith('note:') ||
  key.startsWith('wikipedia') ||
  key.startsWith('brand:') ||
  /^(alt_|old_|official_|short_)?name:(?!en$)/.test(key);

/**
 * The OSM tags worth keeping in a feature's `props` (access, surface, amenity, service,
 * oneway, name:en ...): everything but the tags copied into fields and editing noise. Keys are
 * sorted so the output is stable.
 */
export const osmFeatureProps = (tags: OsmTags): Record<string, string> => {
  const props: Record<string, string> = {};
  for (const key of Object.keys(tags).sort()) {
    const value = tags[key];
    if (value !== undefined && !COPIED.has(key) && !isNoise(key)) props[key] = value;
  }
  return props;
};
