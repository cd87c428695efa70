import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collapseWhitespace, countWords, tidyLines } from './whitespace';

// The oracle: the regex chains html-text.ts used before the one-pass versions. Both must return
// the same string for every input.
function collapseRegex(s: string): string {
  return s.replace(/[\s\u00a0]+/g, ' ').trim();
}

function tidyRegex(s: string): string {
  return s
    .replace(/[ \t\r\f\v\u00a0]+/g, ' ')
    .replace(/ ?\n[\n ]*/g, '\n')
    .trim();
}

// Every code unit `\s` matches, then near misses that are not whitespace in JS.
const SPACES = [
  '\t', '\n', '\v', '\f', '\r', ' ', '\u00a0', '\u1680', '\u2000', '\u2001', '\u2002', '\u2003', '\u2004',
  '\u2005', '\u2006', '\u2007', '\u2008', '\u2009', '\u200a', '\u2028', '\u2029', '\u202f', '\u205f',
  '\u3000', '\ufeff',
];
const NEAR_MISSES = ['\u0085', '\u180e', '\u200b', '\u2060', '\u001c', '\u001f'];
const SURROGATES = ['\ud800', '\udbff', '\udc00', '\udfff', '\ud83d\ude00'];

const piece = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(' ', '\n', '\t', '\r\n', '\u00a0', '  ') },
  { weight: 4, arbitrary: fc.constantFrom(...SPACES) },
  { weight: 4, arbitrary: fc.constantFrom('a', 'word', 'Z', '.', 'é') },
  { weight: 1, arbitrary: fc.constantFrom(...NEAR_MISSES) },
  { weight: 1, arbitrary: fc.constantFrom(...SURROGATES) },
);
const spacey = fc.array(piece, { maxLength: 40 }).map((a) => a.join(''));
const codeUnits = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) });
// Built by hand: fc.string({ unit: 'binary' }) spends over a second setting up on first use.
const codePoints = fc.string({ unit: fc.integer({ min: 0, max: 0x10ffff }).map((c) => String.fromCodePoint(c)) });

function expectSame(s: string): void {
  expect(collapseWhitespace(s)).toBe(collapseRegex(s));
  expect(tidyLines(s)).toBe(tidyRegex(s));
}

describe('collapseWhitespace and tidyLines match the regexes they replaced', () => {
  it('rest on `\\s` and trim() covering the same code units, listed in SPACES', () => {
    const matched: string[] = [];
    const trimmed: string[] = [];
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      if (/\s/.test(ch)) matched.push(ch);
      if (`${ch}a${ch}`.trim() === 'a') trimmed.push(ch);
    }
    expect(matched).toEqual(SPACES);
    expect(trimmed).toEqual(SPACES);
  });

  it('on hand-picked edge cases', () => {
    const cases = [
      '', ' ', '\n', '\u3000', '\ufeff', ' \t\n\r\u00a0\u2028 ', 'a', 'a b', 'a  b', 'a\nb', ' a ',
      'a \t\n \n b', '\u3000 \n', '\n\u2003 x', 'x \u2003\n', 'a\u2003 \n b', 'a \u3000\n\u3000 b',
      'a\r\n\r\nb', 'a\n \n', 'a \n', 'a\u0085b', 'a\u180eb', '\ud800 \udc00', '\ud83d\ude00\n\n',
      '\v\fa\f\v', 'a\u00a0\u00a0b', 'a\u00a0\nb', 'a\u2029b', 'a\u2028\nb',
    ];
    for (const s of cases) expectSame(s);
    expect(tidyLines('a \t\n \n b')).toBe('a\nb');
    expect(tidyLines('a\u2003 \n b')).toBe('a\u2003\nb');
    expect(tidyLines('\n\u2003 x')).toBe('x');
    expect(collapseWhitespace(' a \u3000\n b ')).toBe('a b');
  });

  it('on every single code unit, alone and doubled between letters', () => {
    // Gathered rather than asserted one by one: 65,536 expect calls would dominate the file's time.
    const differ: string[] = [];
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      for (const s of [ch, `a${ch}${ch}b`]) {
        if (collapseWhitespace(s) !== collapseRegex(s) || tidyLines(s) !== tidyRegex(s)) differ.push(s);
      }
    }
    expect(differ).toEqual([]);
  });

  it('on long strings', () => {
    const text = 'Hello,\u00a0world \t\r\n\r\n  next\u3000line \n'.repeat(20_000);
    expectSame(text);
    expectSame(' '.repeat(100_000));
  });

  it('on generated whitespace-heavy strings', () => {
    fc.assert(fc.property(spacey, expectSame), { numRuns: 20_000 });
  });

  it('on arbitrary code units, lone surrogates included', () => {
    fc.assert(fc.property(codeUnits, expectSame), { numRuns: 5_000 });
  });

  it('on arbitrary code points', () => {
    fc.assert(fc.property(codePoints, expectSame), { numRuns: 5_000 });
  });
});

describe('countWords counts what /\\S+/g matches', () => {
  const matches = (s: string) => s.match(/\S+/g)?.length ?? 0;

  it('on hand-picked edge cases', () => {
    const cases = ['', ' ', 'a', ' a ', 'a b', 'a  b\n\nc', '\u3000a\u3000', 'a\u180eb', 'a\u200bb', '\ud800 \udc00', '\ud83d\ude00 x', 'a\u2028b'];
    for (const s of cases) expect(countWords(s)).toBe(matches(s));
    expect(countWords(' one two\u00a0three\n')).toBe(3);
  });

  it('on every single code unit between letters', () => {
    const differ: string[] = [];
    for (let c = 0; c <= 0xffff; c++) {
      const s = `a${String.fromCharCode(c)}b`;
      if (countWords(s) !== matches(s)) differ.push(s);
    }
    expect(differ).toEqual([]);
  });

  it('on generated strings', () => {
    fc.assert(fc.property(spacey, (s) => countWords(s) === matches(s)), { numRuns: 20_000 });
    fc.assert(fc.property(codeUnits, (s) => countWords(s) === matches(s)), { numRuns: 5_000 });
  });
});
