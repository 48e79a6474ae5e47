import { describe, expect, it } from 'vitest';
import { guessLayerKind } from '../../../domain/survey/guess-layer-kind';

describe('guessLayerKind', () => {
  it.each([
    ['JMD', 'building'],
    ['jmd', 'building'],
    ['0-建筑-房屋', 'building'],
    ['DLSS', 'road'],
    ['DLDW', 'road'],
    ['道路中线', 'road'],
    ['消防车道', 'fire_lane'],
    ['车位', 'parking_stall'],
    ['TCW', 'parking_stall'],
    ['地面停车位', 'parking_stall'],
    ['停车场', 'parking_area'],
    ['ZBTZ', 'green'],
    ['绿化', 'green'],
    ['乔木', 'tree'],
    ['行道树', 'tree'],
    ['小区大门', 'gate'],
    ['用地红线', 'boundary'],
    ['TK', 'ignore'],
    ['图框', 'ignore'],
    ['DGX', 'ignore'],
    ['ZJ', 'ignore'],
    ['ASSIST', 'ignore'],
  ])('%s → %s', (name, kind) => expect(guessLayerKind(name)).toBe(kind));

  it('matches short Latin codes only as whole tokens', () => {
    expect(guessLayerKind('NETWORK')).toBeNull();
    expect(guessLayerKind('A-CW-01')).toBe('parking_stall');
    expect(guessLayerKind('Layer1')).toBeNull();
  });
});
