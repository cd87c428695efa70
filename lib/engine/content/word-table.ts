// The words a content model knows, in a hash table that is probed straight from the text being
// scored. Tokenising with the WORD regex of tokens.ts, lower-casing each match and looking it up
// in a Map cost two strings and a string hash per word, and was the largest single cost of
// scoring a message; this scanner finds the same words (same offsets, same letter filter) and
// builds a string only for words with non-ASCII characters. tokens.ts stays the definition: the
// tests hold scoreMessageContent, which uses this, to scoreContent over contentDocument.
// The table's words are spans of the stored word list (stored.ts), not strings of their own: a
// string per word, sliced from 43,000 token strings and de-duplicated, cost ~45 ms per thread.

export type WordTable = {
  /** The model's distinct words joined by '\n' (stored.ts); every word is a span of it. */
  text: string;
  /** Word id's lower-cased word is text[spans[2 id], spans[2 id + 1]). */
  spans: Int32Array;
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

/**
 * A table of the words in `text`, joined by '\n' (word id = line); throws on a word listed twice.
 * Runs once per thread, mostly before V8 optimises it: the hash loop is kept to the bone.
 */
export function buildWordTable(text: string): WordTable {
  let spans: Int32Array = new Int32Array(64);
  let hashes: Int32Array = new Int32Array(32);
  let count = 0;
  const n = text.length;
  for (let start = 0; n > 0 && start <= n; count++) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = n;
    let hash = FNV_OFFSET;
    for (let i = start; i < end; i++) hash = Math.imul(hash ^ text.charCodeAt(i), FNV_PRIME);
    if (count === hashes.length) {
      spans = grown(spans);
      hashes = grown(hashes);
    }
    spans[2 * count] = start;
    spans[2 * count + 1] = end;
    hashes[count] = hash;
    start = end + 1;
  }
  // At most half the slots are used. Words whose hashes match are compared, to refuse repeats.
  let size = 16;
  while (size < count * 2) size *= 2;
  const mask = size - 1;
  const slots = new Int32Array(size);
  for (let id = 0; id < count; id++) {
    let at = hashes[id] & mask;
    for (; slots[at] !== 0; at = (at + 1) & mask) {
      const other = slots[at] - 1;
      if (hashes[other] === hashes[id] && sameSpan(text, spans, other, id)) throw new Error(`content model: the word ${JSON.stringify(text.slice(spans[2 * id], spans[2 * id + 1]))} is listed twice`);
    }
    slots[at] = id + 1;
  }
  return { text, spans: spans.slice(0, 2 * count), slots };
}

function grown(array: Int32Array): Int32Array {
  const copy = new Int32Array(array.length * 2);
  copy.set(array);
  return copy;
}

function sameSpan(text: string, spans: Int32Array, a: number, b: number): boolean {
  const length = spans[2 * a + 1] - spans[2 * a];
  if (spans[2 * b + 1] - spans[2 * b] !== length) return false;
  for (let i = 0; i < length; i++) if (text.charCodeAt(spans[2 * a] + i) !== text.charCodeAt(spans[2 * b] + i)) return false;
  return true;
}

/** The id of a lower-cased word, or -1. */
function findString(table: WordTable, word: string): number {
  const { text, spans, slots } = table;
  const mask = slots.length - 1;
  outer: for (let at = hashOf(word) & mask; slots[at] !== 0; at = (at + 1) & mask) {
    const id = slots[at] - 1;
    const start = spans[2 * id];
    if (spans[2 * id + 1] - start !== word.length) continue;
    for (let i = 0; i < word.length; i++) if (text.charCodeAt(start + i) !== word.charCodeAt(i)) continue outer;
    return id;
  }
  return -1;
}

/** The id of the ASCII word text[start, end) once lower-cased, whose hash is `hash`, or -1. */
function findAscii(table: WordTable, text: string, start: number, end: number, hash: number): number {
  const { spans, slots } = table;
  const words = table.text;
  const mask = slots.length - 1;
  const length = end - start;
  outer: for (let at = hash & mask; slots[at] !== 0; at = (at + 1) & mask) {
    const id = slots[at] - 1;
    const from = spans[2 * id];
    if (spans[2 * id + 1] - from !== length) continue;
    for (let i = 0; i < length; i++) {
      const c = text.charCodeAt(start + i);
      if (words.charCodeAt(from + i) !== (c >= 65 && c <= 90 ? c + 32 : c)) continue outer;
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
