import { corpusMessagesDir } from '@/lib/testing/corpus';
import fc from 'fast-check';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PHRASES } from '../data/phrases';
import { parseMessage } from '../parse';
import { PHRASE_FAMILIES } from './catalog';
import { NON_ASCII, parsePattern, type PatternNode } from './phrase-pattern';
import { findPhrases, MAX_SCAN_CHARS } from './phrases';

// The oracle: findPhrases as it was before the prefilter, one global regex tried at every
// position. findPhrases must return the same hits for every text.
function compileFamilies(): RegExp {
  const groups = PHRASE_FAMILIES.map((family) => {
    const body = PHRASES[family].map((p) => p.replace(/ /g, '\\s+')).join('|');
    return `(?<${family}>${body})`;
  });
  return new RegExp(`\\b(?:${groups.join('|')})\\b`, 'gi');
}

const FAMILY_RE = compileFamilies();

function oracleFindPhrases(text: string) {
  const hits: { family: string; start: number; end: number; text: string }[] = [];
  if (!text) return hits;
  const sample = text.length > MAX_SCAN_CHARS ? text.slice(0, MAX_SCAN_CHARS) : text;
  FAMILY_RE.lastIndex = 0;
  for (let m = FAMILY_RE.exec(sample); m; m = FAMILY_RE.exec(sample)) {
    if (m[0].length === 0) FAMILY_RE.lastIndex++;
    const groups = m.groups ?? {};
    for (const family of PHRASE_FAMILIES) {
      if (groups[family] === undefined) continue;
      const start = m.index;
      hits.push({ family, start, end: start + m[0].length, text: m[0] });
      break;
    }
  }
  return hits;
}

function expectSame(text: string): void {
  expect(findPhrases(text)).toEqual(oracleFindPhrases(text));
}

// Code units a generated phrase uses where its pattern allows "any non-ASCII": letters of the
// phrase list, Unicode spaces and line breaks, and lookalikes of ASCII letters that must not match.
const NON_ASCII_UNITS = ['é', 'É', 'ä', 'ü', 'ö', 'ç', 'ß', '\u00a0', '\u2003', '\u3000', '\u2028', '\ufeff', 'ſ', '\u212a', 'ı', 'İ', '’'];

// A string the pattern matches (as far as its character sets tell), choices taken from `pick`.
function instanceOf(node: PatternNode, pick: () => number): string {
  switch (node.kind) {
    case 'chars': {
      const ascii: string[] = [];
      for (let c = 0; c < NON_ASCII; c++) if (node.set[c]) ascii.push(String.fromCharCode(c));
      // Mostly ASCII when the set has some: most of NON_ASCII_UNITS would break the phrase.
      const nonAscii = node.set[NON_ASCII] === 1 && (ascii.length === 0 || pick() % 4 === 0);
      const members = nonAscii ? NON_ASCII_UNITS : ascii;
      return members[pick() % members.length];
    }
    case 'seq':
      return node.items.map((item) => instanceOf(item, pick)).join('');
    case 'alt':
      return instanceOf(node.options[pick() % node.options.length], pick);
    case 'repeat': {
      const count = node.min + (pick() % (Math.min(node.max, node.min + 3) - node.min + 1));
      return Array.from({ length: count }, () => instanceOf(node.item, pick)).join('');
    }
  }
}

const PHRASE_TREES = Object.values(PHRASES)
  .flat()
  .map((p) => parsePattern(p.replace(/ /g, '\\s+')) as PatternNode);
const LOOKALIKES: Record<string, string[]> = { s: ['ſ'], k: ['\u212a'], i: ['ı', 'İ'], e: ['é'], a: ['ä'] };

// A phrase instance, then maybe mangled: case flipped, cut short, a letter swapped for a lookalike.
const phrase = fc
  .record({
    tree: fc.constantFrom(...PHRASE_TREES),
    choices: fc.array(fc.nat(), { minLength: 1, maxLength: 40 }),
    cases: fc.array(fc.boolean(), { minLength: 1, maxLength: 40 }),
    cut: fc.oneof({ weight: 3, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.nat() }),
    swap: fc.oneof({ weight: 3, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.nat() }),
  })
  .map(({ tree, choices, cases, cut, swap }) => {
    let i = 0;
    let s = instanceOf(tree, () => choices[i++ % choices.length]);
    s = [...s].map((ch, j) => (cases[j % cases.length] ? ch.toUpperCase() : ch.toLowerCase())).join('');
    if (cut !== null) s = s.slice(0, cut % (s.length + 1));
    if (swap !== null && s.length > 0) {
      const at = swap % s.length;
      const options = LOOKALIKES[s[at].toLowerCase()];
      if (options) s = s.slice(0, at) + options[swap % options.length] + s.slice(at + 1);
    }
    return s;
  });
const separator = fc.constantFrom(' ', ' ', '  ', '\n', '\t', '\u00a0', '\u2003', '\u3000', '\u2028', '\ufeff', '.', ',', '-', "'", '#', '&', '(', ')', '"', '’', '');
const wordish = fc.constantFrom('x', '_', '9', 'é', 'ſ', 'ı', 'İ', '\u212a', 'ab', 'the', 'Re:', 'not', 'your');
const text = fc
  .array(fc.oneof({ weight: 4, arbitrary: phrase }, { weight: 3, arbitrary: separator }, { weight: 2, arbitrary: wordish }), { maxLength: 16 })
  .map((pieces) => pieces.join(''));

describe('findPhrases returns what the global regex scan returned', () => {
  it('on hand-picked texts', () => {
    const cases = [
      '', 'urgent', 'URGENT', 'Urgent!', 'xurgent', 'urgentx', 'éurgent', 'urgenté', '_urgent', 'ſurgent', 'urgent_',
      'act\u2003now', 'act\u2028now', 'act\ufeffnow', 'act-now', 'gift card', 'gift  cards', 'giftcard', 'gift\ncards',
      'aſap', 'asap', 'ASAP', 'bitcoin', 'bitcoins', 'bitcoinſ', 'bit coin', 'within 2 hours', 'within 24hrs', 'within 123 hours',
      "don't delay", 'dont delay', 'don’t delay', 'invoice #', 'invoice no.', 'invoices no', 'time-sensitive', 'time sensitive',
      'konto wurde gesperrt', 'KONTO GESPERRT', 'compte a été suspendu', 'COMPTE A ÉTÉ SUSPENDU', 'vérifiez votre compte',
      'pay me 0.5 in bitcoin', 'send  xx\nyy via btc', 'masturbation', 'masturbat', 'i know your password', 'i\u212anow your password',
    ];
    for (const s of cases) expectSame(s);
  });

  it('on texts longer than MAX_SCAN_CHARS, a phrase cut by the limit included', () => {
    // "urgent" starting at `at`: whole inside the sample, cut by its end, or past it.
    for (const at of [MAX_SCAN_CHARS - 7, MAX_SCAN_CHARS - 6, MAX_SCAN_CHARS - 3, MAX_SCAN_CHARS, MAX_SCAN_CHARS - 10]) {
      const pad = `${'x '.repeat(MAX_SCAN_CHARS).slice(0, at - 1)} `;
      expectSame(`${pad}urgent act now`);
    }
    expect(findPhrases(`${'x '.repeat(MAX_SCAN_CHARS).slice(0, MAX_SCAN_CHARS - 7)} urgent`)).toHaveLength(1);
    expectSame('final notice '.repeat(10_000));
  });

  it('on generated texts built from phrases, separators and lookalikes', () => {
    let withHits = 0;
    fc.assert(
      fc.property(text, (s) => {
        expectSame(s);
        if (oracleFindPhrases(s).length > 0) withHits++;
      }),
      { numRuns: 5_000 },
    );
    // The generator is only worth its runs if many texts do hold phrases (~30 % do).
    expect(withHits).toBeGreaterThan(1_000);
  });

  it('on arbitrary code units', () => {
    const units = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 40 });
    fc.assert(fc.property(units, expectSame), { numRuns: 2_000 });
  });
});

// Every tenth corpus file (436 messages): the subject, text and HTML text the engine scans.
describe.skipIf(!existsSync(corpusMessagesDir))('findPhrases over the corpus', () => {
  it('returns what the global regex scan returned for every part of every sampled message', async () => {
    const files = readdirSync(corpusMessagesDir)
      .filter((f) => f.endsWith('.eml'))
      .sort()
      .filter((_, i) => i % 10 === 0);
    let parts = 0;
    let hits = 0;
    for (const f of files) {
      const r = await parseMessage(readFileSync(join(corpusMessagesDir, f)));
      if (!r.ok) continue;
      for (const part of [r.message.subject, r.message.text, r.message.htmlText]) {
        const expected = oracleFindPhrases(part);
        expect(findPhrases(part), f).toEqual(expected);
        parts++;
        hits += expected.length;
      }
    }
    expect(files.length).toBeGreaterThanOrEqual(300);
    expect(parts).toBeGreaterThan(900);
    expect(hits).toBeGreaterThan(100);
  }, 60_000);
});
