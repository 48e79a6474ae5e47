import { describe, expect, it } from 'vitest';
import { parseOsmCount } from '../../../domain/osm/parse-osm-count';
import { parseOsmMetres } from '../../../domain/osm/parse-osm-metres';
import { parseOsmYear } from '../../../domain/osm/parse-osm-year';

describe('parseOsmMetres', () => {
  it.each([
    ['6', 6],
    ['4.5 m', 4.5],
    ['4,5', 4.5],
    ['3m', 3],
    ["20'", 6.1],
    ['10 ft', 3.05],
    ['6;8', 6],
    ['narrow', undefined],
    ['', undefined],
    ['0', undefined],
    ['600', undefined],
    [undefined, undefined],
  ])('%s → %s', (input, expected) => {
    expect(parseOsmMetres(input, 500)).toBe(expected);
  });
});

describe('parseOsmCount', () => {
  it.each([
    ['6', 6],
    [' 18 ', 18],
    ['5.5', 5],
    ['6;7', 6],
    ['0', undefined],
    ['yes', undefined],
    ['-1', undefined],
    ['300', undefined],
  ])('%s → %s (levels 1–299)', (input, expected) => {
    expect(parseOsmCount(input, 1, 299)).toBe(expected);
  });
});

describe('parseOsmYear', () => {
  it.each([
    ['1995', 1995],
    ['1995-06-01', 1995],
    ['~1990', 1990],
    ['before 2000', 2000],
    ['1980s', 1980],
    ['C20', undefined],
    ['12345', undefined],
    ['1700', undefined],
    [undefined, undefined],
  ])('%s → %s', (input, expected) => {
    expect(parseOsmYear(input)).toBe(expected);
  });
});
