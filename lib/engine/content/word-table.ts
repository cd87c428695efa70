// The words a content model knows, in a hash table that is probed straight from the text being
// scored. Tokenising with the WORD regex of tokens.ts, lower-casing each match and looking it up
// in a Map cost two strings and a string hash per word, and was the largest single cost of
// scoring a message; this scanner finds the same words (same offsets, same letter filter) and
// builds a string only for words with non-ASCII characters. tokens.ts stays the definition: the
// tests hold scoreMessageContent, which uses this, to scoreContent over contentDocument.

export type WordTable = {
  /** Lower-cased words by id. */
  words: readonly string[];
  /** Open addressing: word id + 1 per slot, 0 for empty; the length is a power of two. */
  slots: Int32Array;
};

// Character classes of the WORD regex: [\p{L}\p{N}] starts a word, [\p{L}\p{N}'_-] continues it.
const OTHER = 0;
const LETTER = 1;
const NUMBER = 2;
const JOINER = 3;
// A word is at most this many code points (the regex's first character and {1,23}).
const MAX_WORD = 24;

const ASCII = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  ASCII[c] = /[A-Za-z]/.test(ch) ? LETTER : /[0-9]/.test(ch) ? NUMBER : /['_-]/.test(ch) ? JOINER : OTHER;
}
const IS_LETTER = /^\p{L}$/u;
const IS_NUMBER = /^\p{N}$/u;
// Classes of non-ASCII code points, found by the regexes once and kept: 0 unknown, else class + 1.
const bmpClass = new Uint8Array(0x10000);
const astralClass = new Map<number, number>();

function classOf(cp: number): number {
  if (cp < 0x10000 && bmpClass[cp] !== 0) return bmpClass[cp] - 1;
  const known = cp >= 0x10000 ? astralClass.get(cp) : undefined;
  if (known !== undefined) return known;
  const ch = String.fromCodePoint(cp);
  const cls = IS_LETTER.test(ch) ? LETTER : IS_NUMBER.test(ch) ? NUMBER : OTHER;
  if (cp < 0x10000) bmpClass[cp] = cls + 1;
  else astralClass.set(cp, cls);
  return cls;
}

// FNV-1a over UTF-16 code units.
const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

function hashOf(s: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h;
}

/** A table of the given words (their index is their id). */
export function buildWordTable(words: readonly string[]): WordTable {
  let size = 16;
  while (size < words.length * 2) size *= 2;
  const slots = new Int32Array(size);
  words.forEach((word, id) => {
    let at = hashOf(word) & (size - 1);
    while (slots[at] !== 0) at = (at + 1) & (size - 1);
    slots[at] = id + 1;
  });
  return { words, slots };
}

/** The id of a lower-cased word, or -1. */
function findString(table: WordTable, word: string): number {
  const mask = table.slots.length - 1;
  for (let at = hashOf(word) & mask; table.slots[at] !== 0; at = (at + 1) & mask) {
    const id = table.slots[at] - 1;
    if (table.words[id] === word) return id;
  }
  return -1;
}

/** The id of the ASCII word text[start, end) once lower-cased, whose hash is `hash`, or -1. */
function findAscii(table: WordTable, text: string, start: number, end: number, hash: number): number {
  const mask = table.slots.length - 1;
  const length = end - start;
  outer: for (let at = hash & mask; table.slots[at] !== 0; at = (at + 1) & mask) {
    const id = table.slots[at] - 1;
    const word = table.words[id];
    if (word.length !== length) continue;
    for (let i = 0; i < length; i++) {
      const c = text.charCodeAt(start + i);
      if (word.charCodeAt(i) !== (c >= 65 && c <= 90 ? c + 32 : c)) continue outer;
    }
    return id;
  }
  return -1;
}

/** The code point at i; a surrogate pair counts only when both halves lie before `limit`. */
function codePointAt(text: string, i: number, limit: number): number {
  const c = text.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff || i + 1 >= limit) return c;
  const low = text.charCodeAt(i + 1);
  return low >= 0xdc00 && low <= 0xdfff ? (c - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000 : c;
}

/**
 * Calls visit(start, end, id) for each word of text[0, limit) that has a letter, in order, as
 * tokens.ts's eachWord finds them; id is the word's id in the table, or -1. Code points are read
 * within the limit only, so a surrogate pair cut by it counts as a lone surrogate, as it does in
 * the sliced string that eachWord reads.
 */
export function scanWords(text: string, limit: number, table: WordTable, visit: (start: number, end: number, id: number) => void): void {
  let i = 0;
  while (i < limit) {
    let c = text.charCodeAt(i);
    let size = 1;
    let cls: number;
    if (c < 128) cls = ASCII[c];
    else {
      c = codePointAt(text, i, limit);
      size = c > 0xffff ? 2 : 1;
      cls = classOf(c);
    }
    if (cls !== LETTER && cls !== NUMBER) {
      i += size;
      continue;
    }
    const start = i;
    let ascii = c < 128;
    let letter = cls === LETTER;
    let hash = ascii ? Math.imul(FNV_OFFSET ^ (c >= 65 && c <= 90 ? c + 32 : c), FNV_PRIME) : 0;
    let count = 1;
    i += size;
    while (i < limit && count < MAX_WORD) {
      c = text.charCodeAt(i);
      size = 1;
      if (c < 128) {
        cls = ASCII[c];
        if (cls === OTHER) break;
        hash = Math.imul(hash ^ (c >= 65 && c <= 90 ? c + 32 : c), FNV_PRIME);
      } else {
        c = codePointAt(text, i, limit);
        size = c > 0xffff ? 2 : 1;
        cls = classOf(c);
        if (cls === OTHER) break;
        ascii = false;
      }
      if (cls === LETTER) letter = true;
      count++;
      i += size;
    }
    // A lone start character is no word; the character that ended it starts none either.
    if (count < 2 || !letter) continue;
    visit(start, i, ascii ? findAscii(table, text, start, i, hash) : findString(table, text.slice(start, i).toLowerCase()));
  }
}

/**
 * A model's tokens indexed by word: each word's own row and subject row (`s:word`), -1 where the
 * model has no such token, and pair rows by the two word ids (see pairRow).
 */
export type WordIndex = { table: WordTable; row: Int32Array; subjectRow: Int32Array; pairs: PairTable };

/**
 * Open addressing from key first id × stride + second id to the pair's row, where stride is the
 * index's word count; keys -1 where empty (float64 keys: a model of over 46,340 words has keys
 * past int32). A Map with number keys took a third of the scorer's time.
 */
export type PairTable = { keys: Float64Array; rows: Int32Array; shift: number; stride: number };

function pairSlot(key: number, shift: number): number {
  return Math.imul(key, 0x9e3779b1) >>> shift;
}

/** A table of pairs given as (first id, second id, row) triples; at most half its slots are used. */
function buildPairTable(triples: readonly number[], stride: number): PairTable {
  let bits = 4;
  while (1 << bits < (triples.length / 3) * 2) bits++;
  const shift = 32 - bits;
  const mask = (1 << bits) - 1;
  const keys = new Float64Array(1 << bits).fill(-1);
  const rows = new Int32Array(1 << bits);
  for (let i = 0; i < triples.length; i += 3) {
    const key = triples[i] * stride + triples[i + 1];
    let at = pairSlot(key, shift);
    while (keys[at] !== -1) at = (at + 1) & mask;
    keys[at] = key;
    rows[at] = triples[i + 2];
  }
  return { keys, rows, shift, stride };
}

/** The row of the pair of word ids (first, second), or -1. */
export function pairRow(pairs: PairTable, first: number, second: number): number {
  const key = first * pairs.stride + second;
  const mask = pairs.keys.length - 1;
  for (let at = pairSlot(key, pairs.shift); pairs.keys[at] !== -1; at = (at + 1) & mask) if (pairs.keys[at] === key) return pairs.rows[at];
  return -1;
}

/** Indexes tokens as tokens.ts makes them: `s:word`, `word`, or `first second`; token r is row r. */
export function indexWords(tokens: readonly string[]): WordIndex {
  const ids = new Map<string, number>();
  const words: string[] = [];
  const idOf = (word: string) => {
    let id = ids.get(word);
    if (id === undefined) {
      id = words.push(word) - 1;
      ids.set(word, id);
    }
    return id;
  };
  const single: number[] = [];
  const subject: number[] = [];
  const pairTokens: number[] = [];
  tokens.forEach((token, r) => {
    const space = token.indexOf(' ');
    if (token.startsWith('s:')) subject.push(idOf(token.slice(2)), r);
    else if (space < 0) single.push(idOf(token), r);
    else pairTokens.push(idOf(token.slice(0, space)), idOf(token.slice(space + 1)), r);
  });
  const row = new Int32Array(words.length).fill(-1);
  const subjectRow = new Int32Array(words.length).fill(-1);
  for (let i = 0; i < single.length; i += 2) row[single[i]] = single[i + 1];
  for (let i = 0; i < subject.length; i += 2) subjectRow[subject[i]] = subject[i + 1];
  return { table: buildWordTable(words), row, subjectRow, pairs: buildPairTable(pairTokens, words.length) };
}
