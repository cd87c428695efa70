// Reads a regex source, compiled with flag `i` and without `u`, into a tree of character sets
// (a PatternNode) that matches the same strings. It knows the syntax the phrase list uses
// (literals, groups, alternation, greedy or lazy quantifiers, classes, \d \w \s and their
// negations, `.`, escaped punctuation) and returns null for anything else (anchors, lookarounds,
// \b, back-references, \x \u \c escapes, a `{` that is not a quantifier): unknown syntax is never
// guessed at. Sets may hold more than the regex matches (non-ASCII code units are one slot).

/** Index of the slot that stands for every code unit from 0x80 up (they are not told apart). */
export const NON_ASCII = 128;

/** A set of code units: slots 0-127 are ASCII, slot NON_ASCII covers all the others. */
export type CharSet = Uint8Array;

/** The strings a pattern matches, case folding already applied to its character sets. */
export type PatternNode =
  | { kind: 'chars'; set: CharSet }
  | { kind: 'seq'; items: PatternNode[] }
  | { kind: 'alt'; options: PatternNode[] }
  | { kind: 'repeat'; item: PatternNode; min: number; max: number };

type Reader = { src: string; at: number };

/** The tree of `source` under flags `i` (no `u`), or null if it uses syntax this reader does not know. */
export function parsePattern(source: string): PatternNode | null {
  const r: Reader = { src: source, at: 0 };
  const node = readDisjunction(r);
  return node && r.at === source.length ? node : null;
}

function readDisjunction(r: Reader): PatternNode | null {
  const options: PatternNode[] = [];
  for (;;) {
    const option = readAlternative(r);
    if (!option) return null;
    options.push(option);
    if (r.src[r.at] !== '|') break;
    r.at++;
  }
  return options.length === 1 ? options[0] : { kind: 'alt', options };
}

function readAlternative(r: Reader): PatternNode | null {
  const items: PatternNode[] = [];
  while (r.at < r.src.length && r.src[r.at] !== '|' && r.src[r.at] !== ')') {
    const atom = readAtom(r);
    const term = atom && readQuantifier(r, atom);
    if (!term) return null;
    items.push(term);
  }
  return items.length === 1 ? items[0] : { kind: 'seq', items };
}

function chars(set: CharSet): PatternNode {
  return { kind: 'chars', set };
}

function readAtom(r: Reader): PatternNode | null {
  const c = r.src[r.at++];
  if (c === '(') return readGroup(r);
  if (c === '[') return readClass(r);
  if (c === '\\') return readEscape(r);
  if (c === '.') return chars(DOT);
  if ('^$*+?{}]|)'.includes(c)) return null;
  return chars(foldedSet(c.charCodeAt(0)));
}

function readGroup(r: Reader): PatternNode | null {
  if (r.src[r.at] === '?') {
    // Non-capturing or named groups only; (?= (?! (?<= (?<! are assertions.
    const named = matchAt(NAMED_GROUP, r);
    if (r.src.startsWith('?:', r.at)) r.at += 2;
    else if (named) r.at += named[0].length;
    else return null;
  }
  const inner = readDisjunction(r);
  if (!inner || r.src[r.at] !== ')') return null;
  r.at++;
  return inner;
}

const NAMED_GROUP = /\?<[A-Za-z_$][\w$]*>/y;
const COUNT = /\{(\d+)(,(\d*))?\}/y;

function matchAt(re: RegExp, r: Reader): RegExpExecArray | null {
  re.lastIndex = r.at;
  return re.exec(r.src);
}

function readQuantifier(r: Reader, atom: PatternNode): PatternNode | null {
  const c = r.src[r.at];
  let min = 1;
  let max = 1;
  if (c === '?' || c === '*' || c === '+') {
    r.at++;
    min = c === '+' ? 1 : 0;
    max = c === '?' ? 1 : Infinity;
  } else if (c === '{') {
    const m = matchAt(COUNT, r);
    if (!m) return null;
    r.at += m[0].length;
    min = Number(m[1]);
    max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
    if (max < min) return null;
  } else {
    return atom;
  }
  // A lazy quantifier changes which match is found, not which strings can match.
  if (r.src[r.at] === '?') r.at++;
  return { kind: 'repeat', item: atom, min, max };
}

function readEscape(r: Reader): PatternNode | null {
  const escaped = readEscapedChar(r);
  return escaped && chars(escaped.set);
}

// What follows a backslash, in or out of a class: \d \w \s and their negations (code -1: no
// single code unit), \t \n \v \f \r, or escaped ASCII punctuation such as `\.` and `\-`.
// Anything else (\b, digits, \x, \u, \c, \k, \p ...) is unknown.
function readEscapedChar(r: Reader): ClassAtom | null {
  const c = r.src[r.at++];
  if (c === undefined) return null;
  const shorthand = SHORTHANDS[c];
  if (shorthand) return { code: -1, set: shorthand };
  const control = 'tnvfr'.indexOf(c);
  const code = control >= 0 ? '\t\n\v\f\r'.charCodeAt(control) : c.charCodeAt(0);
  if (control < 0 && !isPunctuation(code)) return null;
  return { code, set: foldedSet(code) };
}

function isPunctuation(code: number): boolean {
  return code > 0x20 && code < 0x7f && !WORD[code];
}

function readClass(r: Reader): PatternNode | null {
  const negated = r.src[r.at] === '^';
  if (negated) r.at++;
  const set = newCharSet();
  while (r.src[r.at] !== ']') {
    const lo = readClassAtom(r);
    if (!lo) return null;
    if (r.src[r.at] === '-' && r.src[r.at + 1] !== ']') {
      r.at++;
      const hi = readClassAtom(r);
      if (!hi || lo.code < 0 || hi.code < 0 || hi.code < lo.code) return null;
      addFolded(set, lo.code, hi.code);
    } else {
      addChars(set, lo.set);
    }
  }
  r.at++;
  // A negated class is taken as matching anything: more than it does, which is safe.
  return chars(negated ? ANY : set);
}

// One class member: a single code unit, or a shorthand such as \d (code -1, no range end).
type ClassAtom = { code: number; set: CharSet };

function readClassAtom(r: Reader): ClassAtom | null {
  const c = r.src[r.at++];
  if (c === undefined) return null;
  return c === '\\' ? readEscapedChar(r) : { code: c.charCodeAt(0), set: foldedSet(c.charCodeAt(0)) };
}

// Adds lo..hi with the other case of every ASCII letter in it. Without `u`, `i` folds by
// toUpperCase except that a code unit from 0x80 up never folds to one below: an ASCII letter
// matches only its two cases, and any non-ASCII code unit only non-ASCII ones (ſ is not s, the
// Kelvin sign is not k). phrase-pattern.test.ts checks this against the regex engine.
function addFolded(set: CharSet, lo: number, hi: number): void {
  for (let c = lo; c <= Math.min(hi, NON_ASCII - 1); c++) {
    set[c] = 1;
    if (c >= 0x41 && c <= 0x5a) set[c + 0x20] = 1;
    if (c >= 0x61 && c <= 0x7a) set[c - 0x20] = 1;
  }
  if (hi >= NON_ASCII) set[NON_ASCII] = 1;
}

/** An empty CharSet. */
export function newCharSet(): CharSet {
  return new Uint8Array(NON_ASCII + 1);
}

function addChars(into: CharSet, from: CharSet): void {
  for (let i = 0; i <= NON_ASCII; i++) if (from[i]) into[i] = 1;
}

// One shared set per code unit (sets are never changed once read): the phrase list has ~5,000
// characters but only a few dozen distinct ones, and fewer sets make the classes cheaper to find.
const FOLDED = new Map<number, CharSet>();

function foldedSet(code: number): CharSet {
  let set = FOLDED.get(code);
  if (!set) {
    set = newCharSet();
    addFolded(set, code, code);
    FOLDED.set(code, set);
  }
  return set;
}

function rangeSet(lo: number, hi: number, except: number[]): CharSet {
  const set = newCharSet();
  addFolded(set, lo, hi);
  for (const c of except) set[c] = 0;
  return set;
}

function complement(set: CharSet): CharSet {
  const out = set.map((v) => (v ? 0 : 1));
  // The non-ASCII slot stands for many code units: the complement of some is still some.
  out[NON_ASCII] = 1;
  return out;
}

const DIGITS = rangeSet(0x30, 0x39, []);
const WORD = newCharSet();
for (const [lo, hi] of [[0x30, 0x39], [0x41, 0x5a], [0x61, 0x7a], [0x5f, 0x5f]]) addFolded(WORD, lo, hi);
// \s: \t \n \v \f \r, space, and non-ASCII spaces (no-break space, U+2000-U+200A, ...).
const SPACE = rangeSet(0x09, 0x0d, []);
SPACE[0x20] = 1;
SPACE[NON_ASCII] = 1;
// `.` matches all but the line terminators \n \r U+2028 U+2029 (the last two are in NON_ASCII).
const DOT = rangeSet(0, 0xffff, [0x0a, 0x0d]);
const ANY = rangeSet(0, 0xffff, []);
const SHORTHANDS: Record<string, CharSet> = {
  d: DIGITS, D: complement(DIGITS), w: WORD, W: complement(WORD), s: SPACE, S: complement(SPACE),
};
