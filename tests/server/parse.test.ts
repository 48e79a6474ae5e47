import { describe, expect, it } from 'vitest';
import { bboxSchema, kindsSchema } from '../../server/http/parse';

describe('bbox parameter', () => {
  it('accepts west,south,east,north in lon/lat order', () => {
    expect(bboxSchema.parse('116.344,39.997,116.36,40.009')).toEqual([
      116.344, 39.997, 116.36, 40.009,
    ]);
  });

  it.each([
    ['39.997,116.344,40.009,116.36', /lat\/lon swapped/],
    ['116.36,39.997,116.344,40.009', /west < east/],
    ['116.3,39.9,116.4', /four numbers/],
    ['a,b,c,d', /four numbers/],
    ['190,10,191,11', /longitude out of range/],
  ])('rejects %s', (input, message) => {
    const r = bboxSchema.safeParse(input);
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toMatch(message);
  });

  it('carries the zh-CN text of its message', () => {
    const r = bboxSchema.safeParse('39.997,116.344,40.009,116.36');
    expect((r.error?.issues[0] as { params?: { zh?: string } }).params?.zh).toMatch(/经纬度写反/);
  });
});

describe('kind parameter', () => {
  it('splits and checks kinds against the layer list', () => {
    expect(kindsSchema.parse('building, road')).toEqual(['building', 'road']);
    expect(kindsSchema.safeParse('building,castle').success).toBe(false);
    expect(kindsSchema.safeParse('').success).toBe(false);
  });
});
