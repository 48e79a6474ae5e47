import { z } from 'zod';
import { issue } from './parse';

/** Most vertices one feature may have: a drawn feature has tens; an imported one, thousands. */
export const MAX_VERTICES = 20_000;

/**
 * [lon, lat] in WGS84 degrees. Swapped order — latitude first, as many Chinese tools write
 * it — shows as |lat| > 90 for China's longitudes (73–135 E) and gets its own message.
 */
const position = z
  .array(z.number().finite(), { message: 'a position is an array of numbers' })
  .superRefine((p, ctx) => {
    if (p.length < 2 || p.length > 3) {
      ctx.addIssue(
        issue(
          '坐标应为 [经度, 纬度] (可加高程)',
          'a position is [longitude, latitude] (optionally elevation)',
        ),
      );
      return;
    }
    const [lon, lat] = p as [number, number];
    if (Math.abs(lat) > 90) {
      ctx.addIssue(
        issue(
          `纬度 ${lat} 超出范围: 坐标顺序应为 [经度, 纬度], 是否写反了?`,
          `latitude ${lat} out of range: positions are [longitude, latitude] — swapped?`,
        ),
      );
    } else if (Math.abs(lon) > 180) {
      ctx.addIssue(
        issue(`经度 ${lon} 超出范围 [-180, 180]`, `longitude ${lon} out of range [-180, 180]`),
      );
    }
  });

// Length rules as refinements: zod's min() drops the zh-CN text that issue() carries.
const line = z
  .array(position)
  .refine((l) => l.length >= 2, issue('线至少需要两个点', 'a line needs at least two positions'));

const ring = z
  .array(position)
  .refine(
    (r) => r.length >= 4,
    issue(
      '面的环至少需要四个坐标 (首尾相同)',
      'a polygon ring needs at least four positions (closed)',
    ),
  )
  .refine(
    (r) => r.length === 0 || r[0]!.every((v, i) => v === r[r.length - 1]![i]),
    issue('面的环必须闭合 (首尾坐标相同)', 'a polygon ring must be closed (first position = last)'),
  );

export const geometrySchema = z
  .discriminatedUnion('type', [
    z.object({ type: z.literal('Point'), coordinates: position }),
    z.object({ type: z.literal('LineString'), coordinates: line }),
    z.object({ type: z.literal('Polygon'), coordinates: z.array(ring).min(1) }),
    z.object({ type: z.literal('MultiLineString'), coordinates: z.array(line).min(1) }),
    z.object({
      type: z.literal('MultiPolygon'),
      coordinates: z.array(z.array(ring).min(1)).min(1),
    }),
  ])
  .refine(
    (g) => JSON.stringify(g.coordinates).split('],[').length <= MAX_VERTICES,
    issue(
      `单个要素最多 ${MAX_VERTICES} 个顶点`,
      `a feature may have at most ${MAX_VERTICES} vertices`,
    ),
  );

export type GeometryInput = z.output<typeof geometrySchema>;
