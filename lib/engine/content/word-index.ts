// A content model's tokens indexed by word, for scoreMessageContent: the scanner of word-table.ts
// finds a word's id in the text being scored, and these arrays turn word ids into token rows.
// Built from the stored rows (stored.ts), whose words training has already de-duplicated: each
// thread that scores builds it once, in two passes over 43,000 pairs of small integers.
import { SINGLE, SUBJECT, type RowIds } from './stored';
import type { WordTable } from './word-table';

/**
 * A model's tokens indexed by word: each word's own row and subject row (`s:word`), -1 where the
 * model has no such token, and pair rows by the two word ids (see pairRow). `ids` are the stored
 * rows (stored.ts): row r's word id is ids[2 r], and ids[2 r + 1] its second word's, or SINGLE /
 * SUBJECT.
 */
export type WordIndex = { table: WordTable; ids: RowIds; row: Int32Array; subjectRow: Int32Array; pairs: PairTable };

/**
 * Open addressing from key first id × stride + second id to the pair's row, where stride is the
 * index's word count; `rows` is -1 where a slot is empty (float64 keys: a model of over 46,340
 * words has keys past int32). A Map with number keys took a third of the scorer's time.
 */
export type PairTable = { keys: Float64Array; rows: Int32Array; shift: number; stride: number };

function pairSlot(key: number, shift: number): number {
  return Math.imul(key, 0x9e3779b1) >>> shift;
}

/** The row of the pair of word ids (first, second), or -1. */
export function pairRow(pairs: PairTable, first: number, second: number): number {
  const key = first * pairs.stride + second;
  const mask = pairs.keys.length - 1;
  for (let at = pairSlot(key, pairs.shift); pairs.rows[at] !== -1; at = (at + 1) & mask) if (pairs.keys[at] === key) return pairs.rows[at];
  return -1;
}

/** Indexes the stored rows `ids` of a model whose words are in `table`; throws on a row that names a word the table lacks. */
export function indexWords(table: WordTable, ids: RowIds): WordIndex {
  const count = table.spans.length / 2;
  const row = new Int32Array(count).fill(-1);
  const subjectRow = new Int32Array(count).fill(-1);
  // This and buildPairTable run once per thread, mostly before V8 optimises them: row r is
  // ids[i], ids[i + 1] with i = 2 r, stepped rather than multiplied.
  let pairs = 0;
  for (let i = 0; i < ids.length; i += 2) {
    const first = ids[i];
    const second = ids[i + 1];
    if (first < 0 || first >= count || second < SUBJECT || second >= count) throw new Error(`content model: row ${i / 2} names a word it does not list`);
    if (second >= 0) pairs++;
    else if (second === SINGLE) row[first] = i / 2;
    else subjectRow[first] = i / 2;
  }
  return { table, ids, row, subjectRow, pairs: buildPairTable(ids, pairs, count) };
}

/** A table of the `count` pairs among the rows, in row order; at most half its slots are used. */
function buildPairTable(ids: RowIds, count: number, stride: number): PairTable {
  let bits = 4;
  while (1 << bits < count * 2) bits++;
  const shift = 32 - bits;
  const mask = (1 << bits) - 1;
  const keys = new Float64Array(1 << bits);
  // Empty slots are told by `rows`, not `keys`: reading a float64 in code V8 has not optimised
  // allocates a number.
  const rows = new Int32Array(1 << bits).fill(-1);
  for (let i = 0; i < ids.length; i += 2) {
    const second = ids[i + 1];
    if (second < 0) continue;
    const key = ids[i] * stride + second;
    let at = pairSlot(key, shift);
    while (rows[at] !== -1) at = (at + 1) & mask;
    keys[at] = key;
    rows[at] = i / 2;
  }
  return { keys, rows, shift, stride };
}
