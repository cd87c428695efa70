// Where a match of the phrase regex `\b(?:body)\b` (flags i, no u) can start. V8 tries the
// ~150-alternative regex at every position of a text. A match can only start where `\b` holds
// and the next characters begin some alternative: a table of the allowed (boundary, three
// characters) combinations rules out ~97 % of positions without a branch, then an automaton
// (phrase-automaton.ts) reads up to PREFIX_DEPTH characters. Both may let through a position
// where nothing matches (the regex then says no), never the reverse.
//
// Building the automaton reads the whole regex (~60 ms of cold code per thread, more than the
// scans save on a corpus run), so the plan is built ahead and shipped as
// lib/engine/data/phrase-prefilter.json, keyed by the regex body it was built from.
import { hash } from 'node:crypto';
import { ACCEPT, buildPrefixAutomaton, classifySlots, patternSets, REJECT, START } from './phrase-automaton';
import { NON_ASCII, newCharSet, parsePattern } from './phrase-pattern';

/** Characters the automaton reads before it lets the regex decide. */
export const PREFIX_DEPTH = 6;

/** What planPrefilter builds and lib/engine/data/phrase-prefilter.json stores. */
export type PrefilterPlan = {
  /** sha256 (hex) of the regex body the plan was built from. */
  bodySha256: string;
  depth: number;
  /** Slot (ASCII code unit, or 128 for every other) → character class. */
  classOf: number[];
  /** Per automaton state from START on: class, next state, class, next state … (other classes REJECT). */
  rows: number[][];
};

/** Lookup tables for nextCandidate, built from a plan. */
export type Prefilter = {
  /** Code unit → character class (0 … end - 1). */
  classOf: Uint8Array;
  /** Per class: 1 for a word character (\w). */
  word: Uint8Array;
  /** The class past the end of the text; end + 1 classes in all. */
  end: number;
  /** 1 where a match may start: index ((word before × classes + 1st) × classes + 2nd) × classes + 3rd. */
  trigrams: Uint8Array;
  /** end + 1 entries per state, by class; REJECT and ACCEPT rows keep their state. */
  automaton: Int32Array;
};

// Keeps the trigram table small (2 × 64³ bytes at most); the phrase list has ~40 classes.
const MAX_CLASSES = 64;

// \w without the u flag: ASCII letters, digits and underscore only, so `\b` is an ASCII test
// (é is not a word character: "éurgent" has a boundary before the u).
const WORD = newCharSet();
for (let c = 0; c < NON_ASCII; c++) WORD[c] = /\w/.test(String.fromCharCode(c)) ? 1 : 0;

/** The key a plan is stored under: sha256 (hex) of the regex body. */
export function prefilterKey(body: string): string {
  return hash('sha256', body, 'hex');
}

/** The plan for `\b(?:body)\b`, or null when body can match the empty string or uses syntax phrase-pattern.ts does not read. */
export function planPrefilter(body: string, depth = PREFIX_DEPTH): PrefilterPlan | null {
  const pattern = parsePattern(body);
  if (!pattern) return null;
  const classes = classifySlots([WORD, ...patternSets(pattern)]);
  if (classes.end + 1 > MAX_CLASSES) return null;
  const automaton = buildPrefixAutomaton(pattern, classes, depth);
  if (!automaton) return null;
  const width = classes.end + 1;
  const rows: number[][] = [];
  for (let at = START * width; at < automaton.length; at += width) {
    const row: number[] = [];
    automaton.subarray(at, at + width).forEach((next, cls) => next !== REJECT && row.push(cls, next));
    rows.push(row);
  }
  return { bodySha256: prefilterKey(body), depth, classOf: [...classes.classOf], rows };
}

/** The lookup tables of a plan. */
export function preparePrefilter(plan: PrefilterPlan): Prefilter {
  const end = Math.max(...plan.classOf) + 1;
  const size = end + 1;
  const classOf = new Uint8Array(0x10000).fill(plan.classOf[NON_ASCII]);
  classOf.set(plan.classOf.slice(0, NON_ASCII));
  const word = new Uint8Array(size);
  plan.classOf.forEach((cls, slot) => (word[cls] = WORD[slot]));
  const automaton = new Int32Array((START + plan.rows.length) * size);
  automaton.fill(ACCEPT, ACCEPT * size, START * size);
  plan.rows.forEach((row, i) => {
    for (let j = 0; j < row.length; j += 2) automaton[(START + i) * size + row[j]] = row[j + 1];
  });
  const trigrams = new Uint8Array(2 * size * size * size);
  for (let before = 0; before < 2; before++) {
    for (let a = 0; a < end; a++) {
      // `\b` holds where a word character meets a non-word one (or either end of the text).
      const first = automaton[START * size + a];
      if (word[a] === before || first === REJECT) continue;
      for (let b = 0; b < size; b++) {
        const second = automaton[first * size + b];
        if (second === REJECT) continue;
        const at = ((before * size + a) * size + b) * size;
        for (let c = 0; c < size; c++) trigrams[at + c] = automaton[second * size + c] === REJECT ? 0 : 1;
      }
    }
  }
  return { classOf, word, end, trigrams, automaton };
}

/** The first position from `from` on where a match can start, or -1 if there is none. */
export function nextCandidate(filter: Prefilter, text: string, from: number): number {
  const { classOf, word, end, trigrams, automaton } = filter;
  const size = end + 1;
  const n = text.length;
  // Before the text counts as a non-word character, as it does for `\b`.
  let before = from > 0 && from <= n ? word[classOf[text.charCodeAt(from - 1)]] : 0;
  let a = from < n ? classOf[text.charCodeAt(from)] : end;
  let b = from + 1 < n ? classOf[text.charCodeAt(from + 1)] : end;
  for (let p = from; p < n; p++) {
    const c = p + 2 < n ? classOf[text.charCodeAt(p + 2)] : end;
    if (trigrams[((before * size + a) * size + b) * size + c] === 1) {
      let state = START;
      // The end class is REJECT from every live state, so the loop stops at the text's end.
      for (let i = p; state > ACCEPT; i++) state = automaton[state * size + (i < n ? classOf[text.charCodeAt(i)] : end)];
      if (state === ACCEPT) return p;
    }
    before = word[a];
    a = b;
    b = c;
  }
  return -1;
}
