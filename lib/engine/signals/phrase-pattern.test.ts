import { describe, expect, it } from 'vitest';
import { PHRASES } from '../data/phrases';
import { NON_ASCII, parsePattern, type CharSet, type PatternNode } from './phrase-pattern';

// Every code unit, so a global regex can say exactly which ones an atom matches.
const ALL_UNITS = Array.from({ length: 0x10000 }, (_, c) => String.fromCharCode(c)).join('');

function unitEscape(c: number): string {
  return `\\u${c.toString(16).padStart(4, '0')}`;
}

// What V8 matches for `atom` under flag i: the ASCII code units, and whether any other one.
function matchedByRegex(atom: string): { ascii: number[]; nonAscii: boolean } {
  const ascii: number[] = [];
  let nonAscii = false;
  for (const m of ALL_UNITS.matchAll(new RegExp(atom, 'gi'))) {
    if (m.index < NON_ASCII) ascii.push(m.index);
    else nonAscii = true;
  }
  return { ascii, nonAscii };
}

function charsOf(node: PatternNode | null): CharSet {
  if (node?.kind !== 'chars') throw new Error(`not one set: ${JSON.stringify(node)}`);
  return node.set;
}

function described(set: CharSet): { ascii: number[]; nonAscii: boolean } {
  const ascii: number[] = [];
  for (let c = 0; c < NON_ASCII; c++) if (set[c]) ascii.push(c);
  return { ascii, nonAscii: set[NON_ASCII] === 1 };
}

describe('parsePattern: character sets agree with the regex engine (flag i, no u)', () => {
  it('an ASCII atom matches its own code unit and, for a letter, the other case only', () => {
    for (let c = 0; c < NON_ASCII; c++) {
      const ch = String.fromCharCode(c);
      const atom = '^$\\.*+?()[]{}|'.includes(ch) ? `\\${ch}` : ch;
      expect(described(charsOf(parsePattern(atom))), atom).toEqual(matchedByRegex(unitEscape(c)));
    }
  });

  it('no code unit from 0x80 up matches an ASCII one: ſ is not s, the Kelvin sign is not k, ı and İ are not i', () => {
    let ascii = '';
    for (let c = 0; c < NON_ASCII; c++) ascii += String.fromCharCode(c);
    const folding: number[] = [];
    for (let u = NON_ASCII; u <= 0xffff; u++) if (new RegExp(unitEscape(u), 'i').test(ascii)) folding.push(u);
    expect(folding).toEqual([]);
    for (const [lookalike, letter] of [['ſ', 's'], ['\u212a', 'k'], ['ı', 'i'], ['İ', 'i']]) {
      expect(new RegExp(letter, 'i').test(lookalike)).toBe(false);
      expect(new RegExp(lookalike, 'i').test(letter) || new RegExp(lookalike, 'i').test(letter.toUpperCase())).toBe(false);
      expect(described(charsOf(parsePattern(lookalike)))).toEqual({ ascii: [], nonAscii: true });
    }
  });

  it.each(['\\d', '\\D', '\\w', '\\W', '\\s', '\\S', '.', '[sz]', '[- ]', '[a-f]', '[\\d_]', '[\\s\\-.]', '\\.', "'", '#', 'é', '[é-ü]'])(
    '%s',
    (atom) => {
      expect(described(charsOf(parsePattern(atom)))).toEqual(matchedByRegex(atom));
    },
  );

  it('a negated class is read as any character: more than it matches, never less', () => {
    expect(described(charsOf(parsePattern('[^a]')))).toEqual(described(charsOf(parsePattern('[\\s\\S]'))));
    expect(matchedByRegex('[^a]').ascii).not.toContain(0x61);
  });
});

describe('parsePattern: structure', () => {
  it('reads every shipped phrase', () => {
    const unread = Object.values(PHRASES)
      .flat()
      .filter((p) => parsePattern(p.replace(/ /g, '\\s+')) === null);
    expect(unread).toEqual([]);
  });

  it('reads groups, alternation and quantifiers into the tree', () => {
    expect(parsePattern('(?:ab|c)?d{1,2}')).toMatchObject({
      kind: 'seq',
      items: [
        { kind: 'repeat', min: 0, max: 1, item: { kind: 'alt', options: [{ kind: 'seq' }, { kind: 'chars' }] } },
        { kind: 'repeat', min: 1, max: 2, item: { kind: 'chars' } },
      ],
    });
    expect(parsePattern('(?<family>a)+?')).toMatchObject({ kind: 'repeat', min: 1, max: Infinity });
    expect(parsePattern('a{3}')).toMatchObject({ kind: 'repeat', min: 3, max: 3 });
    expect(parsePattern('a{2,}')).toMatchObject({ kind: 'repeat', min: 2, max: Infinity });
    expect(parsePattern('')).toEqual({ kind: 'seq', items: [] });
  });

  it.each([
    '^a', 'a$', '(?=a)', '(?!a)', '(?<=a)b', '(?<!a)b', '\\bword', 'a\\B', '(a)\\1', '\\k<x>', '\\x41', '\\u0041', '\\cA', '\\0',
    '\\p{L}', 'a{', 'a{2', 'a{,2}', 'a{2,1}', '}', ']', '\\', '(a', 'a)', '[a', '[\\d-z]', '[a-\\d]', '[z-a]', '*a', 'a**', '\\q', '(?i:a)',
  ])('refuses %s', (source) => {
    expect(parsePattern(source)).toBeNull();
  });
});
