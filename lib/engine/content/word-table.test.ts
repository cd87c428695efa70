import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadContentModel, scoreContent, scoreMessageContent } from './model';
import { encodeContentModel } from './stored';
import { contentDocument } from './tokens';

type Message = { subject: string; text: string; htmlText: string };

/** A model that knows every other token of the message (and one it lacks), with distinct weights. */
function modelFor(message: Message) {
  const weights: Record<string, number[]> = { 'not there': [1, 1] };
  contentDocument(message).tokens.forEach((t, i) => {
    if (i % 2 === 0) weights[t.token] = [((i % 7) - 3) / 4, ((i % 5) - 2) / 3];
  });
  return loadContentModel(encodeContentModel({ id: 't', heads: ['spam', 'phish'], bias: [0.1, -0.2], weights }));
}

function expectSameAsTokenPath(message: Message) {
  const model = modelFor(message);
  const doc = contentDocument(message);
  expect(scoreMessageContent(model, message, 50)).toEqual(scoreContent(model, doc.tokens, doc.length, 50));
}

// Pieces that probe the WORD regex: ASCII, joiners, letters whose lower case differs in length
// (İ), astral letters and digits (𝐀, 𝟙), an astral non-letter (😀), lone surrogates, combining
// marks, other scripts' digits, zero-width and no-break spaces.
const PIECES = ['Invoice', 'PAY', 'now', 'x', '9', '42', "don't", 'e-mail', 'snake_case', '-', "'", '_', ' ', '\n', '.', ',', 'İstanbul', 'Straße', 'ÉTÉ', 'Пароль', '密码', '𝐀𝐁', '𝟙', '😀', '\ud800', '\udc00', 'e\u0301', '٣٤', '\u200b', '\u00a0', 'a'.repeat(30), 'Ab1'.repeat(9)];

describe('scoring with the word table', () => {
  it('finds the words, offsets and pairs that the token path finds', () => {
    const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((p) => p.join(''));
    fc.assert(
      fc.property(text, text, fc.boolean(), (subject, body, html) => expectSameAsTokenPath({ subject, text: html ? '' : body, htmlText: html ? body : '' })),
      { numRuns: 1500 },
    );
  });

  it('stops at the body limit as the token path does, even inside a surrogate pair', () => {
    // 'ab ' × 6,666 is 19,998 characters; then 𝐀 sits inside the limit, ends a word across it, or starts one across it.
    for (const gap of ['', 'x', ' ']) expectSameAsTokenPath({ subject: '', text: `${'ab '.repeat(6_666)}${gap}𝐀𝐁cd efg`, htmlText: '' });
  });
});
