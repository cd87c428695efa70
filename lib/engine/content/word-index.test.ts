import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeRows, encodeContentModel } from './stored';
import { indexWords, pairRow, type PairTable } from './word-index';
import { buildWordTable, scanWords } from './word-table';

// The string-based index that the span-based one replaced, kept as the oracle: it split the
// token strings into words, gave them ids through a Map, and held a table of word strings, with
// the same hash, probing and pair table.
function oracleIndex(tokens: readonly string[]) {
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
  return { words, slots: oracleSlots(words), row, subjectRow, pairs: oraclePairs(pairTokens, words.length) };
}

function hashOf(s: string): number {
  let h = 0x811c9dc5 | 0;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h;
}

function oracleSlots(words: readonly string[]): Int32Array {
  let size = 16;
  while (size < words.length * 2) size *= 2;
  const slots = new Int32Array(size);
  words.forEach((word, id) => {
    let at = hashOf(word) & (size - 1);
    while (slots[at] !== 0) at = (at + 1) & (size - 1);
    slots[at] = id + 1;
  });
  return slots;
}

function oracleFind(words: readonly string[], slots: Int32Array, word: string): number {
  const mask = slots.length - 1;
  for (let at = hashOf(word) & mask; slots[at] !== 0; at = (at + 1) & mask) if (words[slots[at] - 1] === word) return slots[at] - 1;
  return -1;
}

function oraclePairs(triples: readonly number[], stride: number): PairTable {
  let bits = 4;
  while (1 << bits < (triples.length / 3) * 2) bits++;
  const shift = 32 - bits;
  const mask = (1 << bits) - 1;
  const keys = new Float64Array(1 << bits).fill(-1);
  const rows = new Int32Array(1 << bits).fill(-1);
  for (let i = 0; i < triples.length; i += 3) {
    const key = triples[i] * stride + triples[i + 1];
    let at = Math.imul(key, 0x9e3779b1) >>> shift;
    while (keys[at] !== -1) at = (at + 1) & mask;
    keys[at] = key;
    rows[at] = triples[i + 2];
  }
  // The new table leaves an empty slot's key 0 (its row -1 marks it empty).
  return { keys: keys.map((k) => (k === -1 ? 0 : k)), rows, shift, stride };
}

// FNV-1a collisions (the same 32-bit hash), so the table must tell words apart by their characters.
const COLLIDING = ['yaczf', 'glbpp', 'yzfzf', 'geepp', 'xéwcé', 'dxqdé'];
// Word pieces: ASCII, joiners, non-ASCII letters (İ lower-cases to two code units), an astral
// letter, digits; a few letters only, so that words repeat.
const word = fc.oneof(
  fc.array(fc.constantFrom('a', 'b', 'q', '0', '7', '-', "'", '_', 'é', 'ß', 'и', '密', '𝐀', 'i̇'), { minLength: 1, maxLength: 5 }).map((p) => p.join('')),
  fc.constantFrom(...COLLIDING),
);
const tokenOf = fc.oneof(
  word,
  word.map((w) => `s:${w}`),
  fc.tuple(word, word).map(([a, b]) => `${a} ${b}`),
);
// Distinct tokens (a model lists each once) whose words repeat across them.
const tokenList = fc.uniqueArray(tokenOf, { maxLength: 60 });

/** The index of a model of these tokens, as loadContentModel builds it, and its token order. */
function indexOf(tokens: readonly string[]) {
  const stored = encodeContentModel({ id: 't', heads: ['spam'], bias: [0], weights: Object.fromEntries(tokens.map((t) => [t, [1]])) });
  const table = buildWordTable(stored.words);
  return { index: indexWords(table, decodeRows(stored, table.spans.length / 2)), order: Object.keys(Object.fromEntries(tokens.map((t) => [t, 1]))) };
}

function expectSameAsOracle(tokens: readonly string[]) {
  const { index, order } = indexOf(tokens);
  const oracle = oracleIndex(order);
  const { text, spans, slots } = index.table;
  const words = Array.from({ length: spans.length / 2 }, (_, id) => text.slice(spans[2 * id], spans[2 * id + 1]));
  expect(words).toEqual(oracle.words);
  expect(slots).toEqual(oracle.slots);
  expect(index.row).toEqual(oracle.row);
  expect(index.subjectRow).toEqual(oracle.subjectRow);
  expect(index.pairs).toEqual(oracle.pairs);
  return { index, oracle };
}

describe('word table and index', () => {
  it('builds the table, rows and pairs that the string-based index built', () => {
    fc.assert(fc.property(tokenList, (tokens) => void expectSameAsOracle(tokens)), { numRuns: 1000 });
  });

  it('keeps words whose hashes collide apart', () => {
    const { index } = expectSameAsOracle([...COLLIDING, ...COLLIDING.map((w) => `s:${w}`), 'yaczf glbpp', 'glbpp yaczf']);
    expect(index.table.spans.length / 2).toBe(COLLIDING.length);
    expect(pairRow(index.pairs, 0, 1)).toBe(12);
    expect(pairRow(index.pairs, 1, 0)).toBe(13);
  });

  it('reads tokens as the old index did at the edges: `s:` words, several spaces', () => {
    expectSameAsOracle(['s: x', 'a b c', 'a  b', 's', ':', 's:s:', 's:a b']);
    expectSameAsOracle([]);
  });

  it('refuses a word listed twice, even beside words that collide with it, and rows naming words not listed', () => {
    expect(() => buildWordTable('yaczf\nglbpp\nyaczf')).toThrow('content model: the word "yaczf" is listed twice');
    expect(() => buildWordTable('a\nb\na')).toThrow('content model: the word "a" is listed twice');
    const table = buildWordTable('a\nb');
    expect(() => indexWords(table, Int32Array.from([0, -1, 2, -1]))).toThrow('content model: row 1 names a word it does not list');
    expect(() => indexWords(table, Int32Array.from([0, 2]))).toThrow('content model: row 0 names a word it does not list');
    expect(() => indexWords(table, Int32Array.from([-1, -1]))).toThrow('content model: row 0 names a word it does not list');
    expect(() => indexWords(table, Int32Array.from([0, -3]))).toThrow('content model: row 0 names a word it does not list');
  });

  it('finds, by scanning text, the words the string-based table finds', () => {
    const text = fc.array(fc.oneof(word, word.map((w) => w.toUpperCase()), fc.constantFrom(' ', '. ', 'yaczf', 'GLBPP', 'absent')), { maxLength: 30 }).map((p) => p.join(' '));
    let found = 0;
    fc.assert(
      fc.property(tokenList, text, (tokens, message) => {
        const { index, oracle } = expectSameAsOracle(tokens);
        scanWords(message, message.length, index.table, (start, end, id) => {
          expect(id).toBe(oracleFind(oracle.words, oracle.slots, message.slice(start, end).toLowerCase()));
          if (id >= 0) found++;
        });
      }),
      { numRuns: 1000 },
    );
    // The texts do reach words the model knows, not only misses.
    expect(found).toBeGreaterThan(500);
  });

  it('finds pairs in a model of more words than int32 pair keys allow', () => {
    const words = Array.from({ length: 50_001 }, (_, i) => `w${i}`);
    const { index } = indexOf([...words, 'w49999 w50000', 'w0 w1']);
    expect(pairRow(index.pairs, 49_999, 50_000)).toBe(50_001);
    expect(pairRow(index.pairs, 0, 1)).toBe(50_002);
    expect(pairRow(index.pairs, 1, 0)).toBe(-1);
  });
});
