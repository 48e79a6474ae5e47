import { z } from 'zod';
import { issue } from './parse';

/**
 * A GeoJSON FeatureCollection of at most `max` features, checked for shape only: coordinates,
 * geometry types and property values are the domain's to check, and its InputError carries
 * precise zh/en messages (swapped lat/lon, a lane that is not a line …).
 */
export const featureCollectionSchema = (
  max: number,
  what: { zh: string; en: string } = { zh: '', en: 'features' },
) =>
  z.object(
    {
      type: z.literal('FeatureCollection'),
      features: z
        .array(
          z.object({
            type: z.literal('Feature'),
            id: z.union([z.string(), z.number()]).optional(),
            geometry: z.object({ type: z.string(), coordinates: z.array(z.unknown()) }),
            properties: z.record(z.string(), z.unknown()).nullable().optional(),
          }),
        )
        .max(
          max,
          issue(`${what.zh}要素过多 (最多 ${max} 个)`, `too many ${what.en} (at most ${max})`),
        ),
    },
    { message: 'must be a GeoJSON FeatureCollection' },
  );
