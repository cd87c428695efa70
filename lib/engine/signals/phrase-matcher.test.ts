import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createPhraseMatcher } from './phrase-matcher';
import { planPrefilter, type PrefilterPlan } from './phrase-prefilter';

// The oracle: the global exec loop findPhrases ran before the prefilter, over any body.
function oracleMatches(body: string, text: string): [number, string][] {
  const re = new RegExp(`\\b(?:${body})\\b`, 'gi');
  const out: [number, string][] = [];
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0].length === 0) re.lastIndex++;
    out.push([m.index, m[0]]);
  }
  return out;
}

function matches(body: string, plan: PrefilterPlan | null, text: string): [number, string][] {
  return createPhraseMatcher(body, plan)(text).map((m) => [m.index, m[0]]);
}

// Small bodies in the syntax the phrase list uses, over a small alphabet so that texts hit them.
const atom = fc.constantFrom('a', 'b', 's', 'k', 'i', 'é', "'", '-', '\\.', '\\s', '\\d', '\\w', '.', '[sz]', '[- ]', '#');
const quantifier = fc.constantFrom('', '', '', '?', '*', '+', '{0,2}', '{1,2}', '??', '{2}');
// Groups repeat a bounded number of times and nest at most twice: `(?:a+)+` is the textbook
// exponential backtracking case, and one such draw made both regex engines here run for minutes.
// Unbounded group repetition is covered by the hand-picked cases.
const groupQuantifier = fc.constantFrom('', '', '?', '{0,2}', '{1,2}', '??', '{2}');
const { body } = fc.letrec<{ body: string; term: string }>((tie) => ({
  term: fc.oneof(
    { maxDepth: 2 },
    { weight: 4, arbitrary: fc.tuple(atom, quantifier).map(([a, q]) => a + q) },
    { weight: 1, arbitrary: fc.tuple(tie('body'), groupQuantifier).map(([b, q]) => `(?:${b})${q}`) },
  ),
  body: fc
    .array(fc.array(tie('term'), { minLength: 1, maxLength: 4 }).map((t) => t.join('')), { minLength: 1, maxLength: 3 })
    .map((alternatives) => alternatives.join('|')),
}));
const textUnit = fc.constantFrom(
  'a', 'b', 's', 'k', 'i', 'A', 'S', 'K', 'I', 'é', 'É', 'ſ', '\u212a', 'ı', 'İ', 'x', '_', '1', ' ', '  ', '\u00a0', '\u2003', '\n',
  "'", '’', '-', '.', '#', 'ab', 'sk', 'ski', 'a b',
);
const text = fc.array(textUnit, { maxLength: 24 }).map((units) => units.join(''));

describe('createPhraseMatcher finds what the global exec loop finds', () => {
  it('on hand-picked bodies and texts', () => {
    const cases: [string, string][] = [
      ['(?<one>ab)|(?<two>abc)', 'abc ab abcd'],
      ['a|ab', 'ab a'],
      ['a\\s+b', 'a \u2003 b ab a\nb'],
      ['ab|b', 'ab b xb'],
      ['a?', 'xa a'],
      ['(?:x|)', 'x y'],
      ['é', 'é aé'],
      ['(?:ab)+', 'abab ab aba'],
      ['(?:a\\s)*b', 'a a b b ab'],
      ['x(?:-?s)+', 'x-s-s xs xss x-'],
    ];
    for (const [b, t] of cases) {
      for (const depth of [1, 3, 6]) expect(matches(b, planPrefilter(b, depth), t), `${b} in ${t}`).toEqual(oracleMatches(b, t));
    }
  });

  it('on generated bodies, texts and automaton depths', () => {
    let planned = 0;
    fc.assert(
      fc.property(body, text, fc.integer({ min: 1, max: 7 }), (b, t, depth) => {
        const plan = planPrefilter(b, depth);
        if (plan) planned++;
        expect(matches(b, plan, t)).toEqual(oracleMatches(b, t));
      }),
      { numRuns: 3_000 },
    );
    // Most bodies cannot match the empty string, so the prefilter (not the fallback) is what ran.
    expect(planned).toBeGreaterThan(1_500);
  });
});
