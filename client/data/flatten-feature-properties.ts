import type { Feature, FeatureCollection } from 'geojson';

/**
 * The API's feature shape (typed columns beside a `props` bag of tags and flags) as the domain
 * engines read it: one flat properties object, typed columns winning over same-named props.
 * A copy of server/report/flatten-feature-properties.ts (the client does not import server
 * code): both sides must flatten alike so the live check matches GET …/fire-lanes.
 */
export function flattenFeatureProperties(fc: FeatureCollection): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: fc.features.map((f): Feature => {
      const { props, ...typed } = (f.properties ?? {}) as { props?: Record<string, unknown> };
      const flat: Record<string, unknown> = { ...(props ?? {}) };
      for (const [k, v] of Object.entries(typed)) if (v !== null && v !== undefined) flat[k] = v;
      return { ...f, properties: flat };
    }),
  };
}
