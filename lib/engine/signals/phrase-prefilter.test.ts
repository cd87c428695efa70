import { describe, expect, it } from 'vitest';
import shipped from '../data/phrase-prefilter.json';
import { nextCandidate, planPrefilter, preparePrefilter, PREFIX_DEPTH } from './phrase-prefilter';
import { PHRASE_REGEX_BODY } from './phrases';

// Every position nextCandidate lets through, from the start of the text on.
function candidates(body: string, text: string, depth = PREFIX_DEPTH): number[] {
  const plan = planPrefilter(body, depth);
  if (!plan) throw new Error(`no plan for ${body}`);
  const filter = preparePrefilter(plan);
  const out: number[] = [];
  for (let p = nextCandidate(filter, text, 0); p >= 0; p = nextCandidate(filter, text, p + 1)) out.push(p);
  return out;
}

// Where `\b(?:body)\b` (flags gi) matches, every position tried: the candidates must include these.
function matchStarts(body: string, text: string): number[] {
  const re = new RegExp(`\\b(?:${body})\\b`, 'iy');
  const out: number[] = [];
  for (let p = 0; p <= text.length; p++) {
    re.lastIndex = p;
    if (re.test(text)) out.push(p);
  }
  return out;
}

describe('phrase prefilter on the shipped phrases', () => {
  it('reads every phrase, so findPhrases never falls back to trying every position', () => {
    expect(planPrefilter(PHRASE_REGEX_BODY)).not.toBeNull();
  });

  it('ships the plan built from the current phrase list (else run: node --import tsx scripts/phrase-prefilter.ts)', () => {
    expect(shipped).toEqual(planPrefilter(PHRASE_REGEX_BODY));
  });
});

describe('phrase prefilter on small patterns', () => {
  it.each([
    // body, text, candidates
    ['ab|cd', 'ab cd xab abx ac', [0, 3, 10]],
    ['ab|cd', 'AB cD', [0, 3]],
    // Without the u flag ſ and the Kelvin sign are neither s/k nor word characters.
    ['sk', 'ſk sK s\u212a Sk', [3, 9]],
    ['urgent', 'éurgent _urgent 9urgent', [1]],
    // é is no word character: `\b` holds before it only after a word character.
    ['élan', 'élan xélan', [6]],
    ['\\.net', 'x.net .net', [1]],
    ['a\\s+b', 'a\u2003b a b a-b a\u3000\u2028b', [0, 4, 12]],
    ['a\\s+b', 'a b', [0]],
    // A one-character alternative lets its first character through, even at the end of the text.
    ['i|we', 'i x i ix we', [0, 4, 6, 9]],
    ['i|we', 'x i', [2]],
    // The text ends before the automaton decides: nothing can match there.
    ['abcdef', 'abc abcde', []],
    ['abcdef', 'abcdef abcdefgh', [0, 7]],
    ['(?:do\\s+not|don\'t)\\s+use', "don't use do  not use don’t use", [0, 10]],
    ['time[- ]sensitive', 'time-sensitive time sensitive time_sensitive', [0, 15]],
    ['(?:pay|send) .{0,3}btc', 'pay xx btc send btc', [0, 11]],
  ] as const)('%s in %j', (body, text, expected) => {
    expect(candidates(body, text)).toEqual(expected);
    expect(expected).toEqual(expect.arrayContaining(matchStarts(body, text)));
  });

  it('lets more through at a smaller depth, never less', () => {
    const text = 'abc abd abcdx abcdefg ab';
    expect(candidates('abcdefg', text, 2)).toEqual([0, 4, 8, 14, 22]);
    expect(candidates('abcdefg', text, 3)).toEqual([0, 8, 14]);
    expect(candidates('abcdefg', text, 6)).toEqual([14]);
  });

  it('starts from `from`, reading the character before it for `\\b`', () => {
    const filter = preparePrefilter(planPrefilter('ab') as NonNullable<ReturnType<typeof planPrefilter>>);
    expect(nextCandidate(filter, 'xab ab', 1)).toBe(4);
    expect(nextCandidate(filter, 'x ab', 2)).toBe(2);
    expect(nextCandidate(filter, 'ab', 2)).toBe(-1);
    expect(nextCandidate(filter, 'ab', 3)).toBe(-1);
  });

  it.each(['a?', 'a*', '(?:a|b?)', '\\bfoo', 'a(?=b)', '\\x41'])('has no plan for %s (empty match or unread syntax)', (body) => {
    expect(planPrefilter(body)).toBeNull();
  });

  it('has no plan past 64 character classes', () => {
    const each = Array.from({ length: 94 }, (_, i) => String.fromCharCode(0x21 + i).replace(/[\\^$.*+?()[\]{}|]/, '\\$&'));
    expect(planPrefilter(each.join('|'))).toBeNull();
    expect(planPrefilter(each.slice(0, 40).join('|'))).not.toBeNull();
  });
});
