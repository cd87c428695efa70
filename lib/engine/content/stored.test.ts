import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeRows, decodeTokens, decodeWeights, encodeContentModel, SINGLE, SUBJECT } from './stored';

// Token-like strings: words, `s:` subject tokens, pairs (also with more spaces), non-ASCII and astral characters.
const token = fc
  .array(fc.constantFrom('a', 'z', '0', '-', "'", '_', ' ', 's:', 'é', 'İ', 'Пароль', '密码', '𝐀', '\u00a0', '\t', '\r'), { minLength: 1, maxLength: 6 })
  .map((p) => p.join(''))
  .filter((t) => !hasEmptyWord(t));
const weight = fc.oneof(fc.double(), fc.constantFrom(0, -0, Number.MIN_VALUE, -Number.MAX_VALUE));

/** A word of a token may not be empty (see encodeContentModel): `s:` alone, or a pair with nothing on one side of its first space. */
function hasEmptyWord(token: string): boolean {
  if (token.startsWith('s:')) return token === 's:';
  const space = token.indexOf(' ');
  return space === 0 || (space >= 0 && space === token.length - 1);
}

function roundTrip(tokens: readonly string[], rows: readonly number[][], k: number) {
  const weights = Object.fromEntries(tokens.map((t, r) => [t, rows[r]]));
  const stored = encodeContentModel({ id: 't', heads: Array.from({ length: k }, (_, h) => `h${h}`), bias: Array<number>(k).fill(0), weights });
  // The encoder's row order is the record's key order.
  const order = Object.keys(weights);
  expect(decodeTokens(stored)).toEqual(order);
  expect([...decodeWeights(stored, order.length)]).toEqual(order.flatMap((t) => weights[t]));
  return stored;
}

describe('stored content model', () => {
  it('lists each word once, in order of first use, and packs every weight as the same double, a missing head as 0', () => {
    const weights = { verify: [0.1 + 0.2, -1e-300], 's:urgent': [Number.MAX_VALUE], 'wire transfer': [-0, 3], 'verify wire': [1, 2] };
    const stored = encodeContentModel({ id: 't', heads: ['spam', 'phish'], bias: [0, 1], weights, training: { epochs: 3 } });
    expect(stored).toMatchObject({ id: 't', heads: ['spam', 'phish'], bias: [0, 1], words: 'verify\nurgent\nwire\ntransfer', training: { epochs: 3 } });
    expect([...decodeRows(stored, 4)]).toEqual([0, SINGLE, 1, SUBJECT, 2, 3, 0, 2]);
    expect([...decodeWeights(stored, 4)]).toEqual([0.30000000000000004, -1e-300, Number.MAX_VALUE, 0, -0, 3, 1, 2]);
  });

  it('reads back the tokens in order and their weights, for any tokens and heads', () => {
    const model = fc.tuple(fc.uniqueArray(token, { maxLength: 30 }), fc.integer({ min: 0, max: 3 })).chain(([tokens, k]) =>
      fc.tuple(fc.constant(tokens), fc.constant(k), fc.array(fc.array(weight, { minLength: k, maxLength: k }), { minLength: tokens.length, maxLength: tokens.length })),
    );
    fc.assert(fc.property(model, ([tokens, k, rows]) => void roundTrip(tokens, rows, k)), { numRuns: 300 });
  });

  it('stores ids as int16s up to 32,767 words, as int32s from 32,768', () => {
    for (const words of [32_767, 32_768]) {
      const tokens = [...Array.from({ length: words }, (_, i) => `w${i}`), `w${words - 1} w0`, 's:w1'];
      const stored = roundTrip(tokens, tokens.map((_, r) => [r]), 1);
      expect(Buffer.from(stored.rows, 'base64').byteLength).toBe(tokens.length * (words < 32_768 ? 4 : 8));
      expect([...decodeRows(stored, words).subarray(2 * words)]).toEqual([words - 1, 0, 1, SUBJECT]);
    }
  });

  it('stores no tokens as empty strings', () => {
    const stored = encodeContentModel({ id: 'e', heads: ['spam'], bias: [0], weights: {} });
    expect(stored).toMatchObject({ words: '', rows: '', weights: '' });
    expect(decodeTokens(stored)).toEqual([]);
  });

  it('refuses a token that would not read back: one with a line break or an empty word', () => {
    const encode = (token: string) => () => encodeContentModel({ id: 't', heads: ['spam'], bias: [0], weights: { a: [1], [token]: [2] } });
    expect(encode('b\nc')).toThrow('content model t: token "b\\nc" cannot be stored');
    for (const token of ['', 's:', 'x ', ' x']) expect(encode(token)).toThrow(`content model t: token ${JSON.stringify(token)} cannot be stored`);
  });

  it('refuses rows and weights that do not fit', () => {
    const stored = encodeContentModel({ id: 't', heads: ['spam'], bias: [0], weights: { a: [1], b: [2] } });
    expect(() => decodeWeights(stored, 1)).toThrow('content model t: weights hold 16 bytes, expected 8');
    expect(() => decodeWeights(stored, 3)).toThrow('content model t: weights hold 16 bytes, expected 24');
    expect(() => decodeWeights({ ...stored, heads: ['spam', 'phish'] }, 2)).toThrow('content model t: weights hold 16 bytes, expected 32');
    expect(() => decodeRows({ ...stored, rows: Buffer.from([0, 0, 1, 0, 2, 0]).toString('base64') }, 2)).toThrow('content model t: rows hold 6 bytes, not a whole number of 4-byte rows');
  });
});
