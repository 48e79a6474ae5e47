import type { CompassSide } from './compass-side';

/** What a provisional community name was built from (column community.name_basis). */
export type NameBasis = 'address' | 'road' | 'numbered';

export type ProvisionalNameInput =
  | {
      readonly basis: 'address';
      readonly street: string;
      readonly housenumber?: string | undefined;
    }
  | {
      readonly basis: 'road';
      readonly road: string;
      readonly roadEn?: string | undefined;
      readonly side: CompassSide;
    }
  | { readonly basis: 'numbered'; readonly n: number };

/** A space after a Latin street name ("Avenue du Port 北侧居住区"), none after Chinese. */
const gap = (name: string): string => (/[\p{Script=Latin}\d.]$/u.test(name) ? `${name} ` : name);

const SIDE_ZH: Record<CompassSide, string> = { north: '北', south: '南', east: '东', west: '西' };

/**
 * The provisional name of an unnamed residential area, zh-CN and English:
 * 学院路29号院 / "No. 29 学院路 compound" from the buildings' address, 学院路北侧居住区 /
 * "Residential area north of Xueyuan Rd" from the nearest named road, or 未命名居住区3 /
 * "Residential area 3". A house number that already ends in 号 or 号院 is not doubled.
 */
export const provisionalCommunityName = (
  input: ProvisionalNameInput,
): { name: string; nameEn: string } => {
  switch (input.basis) {
    case 'address': {
      const number = input.housenumber?.trim().replace(/号院?$/, '');
      return number
        ? {
            name: `${gap(input.street)}${number}号院`,
            nameEn: `No. ${number} ${input.street} compound`,
          }
        : { name: `${gap(input.street)}居住区`, nameEn: `Residential area on ${input.street}` };
    }
    case 'road':
      return {
        name: `${gap(input.road)}${SIDE_ZH[input.side]}侧居住区`,
        nameEn: `Residential area ${input.side} of ${input.roadEn ?? input.road}`,
      };
    case 'numbered':
      return { name: `未命名居住区${input.n}`, nameEn: `Residential area ${input.n}` };
  }
};
