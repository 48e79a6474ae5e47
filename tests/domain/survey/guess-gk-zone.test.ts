import { describe, expect, it } from 'vitest';
import { cm3, epsgOfCm3, guessGkZone } from '../../../domain/survey/guess-gk-zone';

describe('guessGkZone', () => {
  it('reads a 3° zone prefix: 39 444 000 → zone 39, CM 117°E, EPSG:4527', () => {
    // 4513 is zone 25 (75°E); 4513 + 39 − 25 = 4527
    expect(guessGkZone([39443854, 4429949, 39444167, 4430510])?.epsg).toBe('EPSG:4527');
  });
  it('reads a 6° zone prefix: 20 444 000 → zone 20, CM 117°E, EPSG:4498', () => {
    // 4491 is zone 13 (75°E); 4491 + 20 − 13 = 4498; CM = 20·6 − 3 = 117
    const g = guessGkZone([20443854, 4429949, 20444167, 4430510]);
    expect(g?.epsg).toBe('EPSG:4498');
    expect(g?.reason.en).toContain('117°E');
  });
  it('takes the CM of unprefixed coordinates from the community longitude', () => {
    // Beijing Haidian 116.35°E → nearest multiple of 3 is 117 → 4534 + (117 − 75)/3 = 4548
    expect(cm3(116.35)).toBe(117);
    expect(epsgOfCm3(117)).toBe(4548);
    expect(guessGkZone([443854, 4429949, 444167, 4430510], 116.35)?.epsg).toBe('EPSG:4548');
    // Shanghai 121.47°E → 120 → 4549; Chengdu 104.07°E → 105 → 4544
    expect(guessGkZone([350000, 3450000, 351000, 3451000], 121.47)?.epsg).toBe('EPSG:4549');
    expect(guessGkZone([400000, 3390000, 401000, 3391000], 104.07)?.epsg).toBe('EPSG:4544');
    expect(guessGkZone([443854, 4429949, 444167, 4430510])).toBeNull();
  });
  it('recognises degrees and gives up on a local grid', () => {
    expect(guessGkZone([116.34, 39.99, 116.36, 40.01])?.epsg).toBe('EPSG:4326');
    expect(guessGkZone([512.3, 880.1, 900, 1200])).toBeNull();
    expect(guessGkZone([39443854, 4429949, 40444167, 4430510])).toBeNull(); // two prefixes
  });
});
