import { describe, expect, it } from 'vitest';
import { decodeWeights, encodeContentModel } from './stored';

describe('stored content model', () => {
  it('packs every weight as the same double, a missing head as 0', () => {
    const weights = { verify: [0.1 + 0.2, -1e-300], 's:urgent': [Number.MAX_VALUE], 'wire transfer': [-0, 3] };
    const stored = encodeContentModel({ id: 't', heads: ['spam', 'phish'], bias: [0, 1], weights, training: { epochs: 3 } });
    expect(stored).toMatchObject({ id: 't', heads: ['spam', 'phish'], bias: [0, 1], tokens: ['verify', 's:urgent', 'wire transfer'], training: { epochs: 3 } });
    expect([...decodeWeights(stored)]).toEqual([0.30000000000000004, -1e-300, Number.MAX_VALUE, 0, -0, 3]);
  });

  it('refuses weights that do not fit the token list', () => {
    const stored = encodeContentModel({ id: 't', heads: ['spam'], bias: [0], weights: { a: [1], b: [2] } });
    expect(() => decodeWeights({ ...stored, tokens: ['a'] })).toThrow('content model t: weights hold 16 bytes, expected 8');
  });
});
