// The content model as shipped (lib/engine/rulesets/content-model.json) and as training makes it.
// Every process and worker thread that scores loads the model, so the stored form is the one V8
// parses and the loader indexes fastest: three long strings. `words` lists each distinct word of
// the tokens once, `rows` gives each token's word ids, and `weights` holds the weights. A list of
// 43,000 token strings took ~50 ms per thread to evaluate (each literal internalised) and as long
// again to slice and de-duplicate into words; here training de-duplicates them. See
// docs/decisions/0009-content-model-stored-form.md.
import { Buffer } from 'node:buffer';

/** A content model as training produces it: per token one weight per head (in `heads` order). */
export type ContentWeights = {
  id: string;
  heads: string[];
  bias: number[];
  weights: Record<string, number[]>;
  training?: Record<string, number>;
};

/**
 * The stored form. `words`: the distinct words of the tokens joined by '\n', in order of first
 * use (word id = line). `rows`: base64 of two little-endian integers per token, in row order: its
 * word id and, for a pair, the second word's id, else SINGLE or SUBJECT; int16s when there are
 * fewer than 32,768 words, else int32s. `weights`: base64 of little-endian float64s, row by row,
 * one per head: token r's weight for head h is value r × heads.length + h.
 */
export type ContentModelJson = {
  id: string;
  heads: string[];
  bias: number[];
  training?: Record<string, number>;
  words: string;
  rows: string;
  weights: string;
};

/** A row's second id when its token is one word (`word`) or a subject word (`s:word`). */
export const SINGLE = -1;
export const SUBJECT = -2;
// Fewer words than this, and every id and marker fits an int16.
const NARROW_WORDS = 32_768;

/** Packs a trained model into its stored form (a head missing from a token's list weighs 0); throws on a token it cannot store. */
export function encodeContentModel(model: ContentWeights): ContentModelJson {
  const tokens = Object.keys(model.weights);
  const ids = new Map<string, number>();
  const words: string[] = [];
  const idOf = (word: string, token: string) => {
    // '\n' separates words, and an empty one would make a one-word list read back as none.
    if (word === '' || word.includes('\n')) throw new Error(`content model ${model.id}: token ${JSON.stringify(token)} cannot be stored`);
    let id = ids.get(word);
    if (id === undefined) {
      id = words.push(word) - 1;
      ids.set(word, id);
    }
    return id;
  };
  const rows = new Int32Array(tokens.length * 2);
  const k = model.heads.length;
  const weights = new DataView(new ArrayBuffer(tokens.length * k * 8));
  tokens.forEach((token, r) => {
    const [first, second] = splitToken(token);
    rows[2 * r] = idOf(first, token);
    rows[2 * r + 1] = typeof second === 'string' ? idOf(second, token) : second;
    const w = model.weights[token];
    for (let h = 0; h < k; h++) weights.setFloat64((r * k + h) * 8, w[h] ?? 0, true);
  });
  const width = words.length < NARROW_WORDS ? 2 : 4;
  const packed = new DataView(new ArrayBuffer(rows.length * width));
  rows.forEach((id, i) => (width === 2 ? packed.setInt16(i * 2, id, true) : packed.setInt32(i * 4, id, true)));
  const stored: ContentModelJson = {
    id: model.id,
    heads: [...model.heads],
    bias: [...model.bias],
    words: words.join('\n'),
    rows: Buffer.from(packed.buffer).toString('base64'),
    weights: Buffer.from(weights.buffer).toString('base64'),
  };
  return model.training ? { ...stored, training: model.training } : stored;
}

/**
 * A token as tokens.ts makes it: `s:word` (a subject word), `first second` (a pair, split at
 * the first space), or one word. Every string reads as one of them, and joinToken inverts it.
 */
function splitToken(token: string): [string, string | typeof SINGLE | typeof SUBJECT] {
  if (token.startsWith('s:')) return [token.slice(2), SUBJECT];
  const space = token.indexOf(' ');
  return space < 0 ? [token, SINGLE] : [token.slice(0, space), token.slice(space + 1)];
}

/** The token of a row whose first word is `first` and whose second id is `second` (wordOf gives a word by id). */
export function joinToken(first: string, second: number, wordOf: (id: number) => string): string {
  return second === SINGLE ? first : second === SUBJECT ? `s:${first}` : `${first} ${wordOf(second)}`;
}

/** The tokens of a stored model as strings, in row order (scoring reads words and ids instead: word-index.ts). */
export function decodeTokens(json: ContentModelJson): string[] {
  const words = json.words === '' ? [] : json.words.split('\n');
  const rows = decodeRows(json, words.length);
  return Array.from({ length: rows.length / 2 }, (_, r) => joinToken(words[rows[2 * r]], rows[2 * r + 1], (id) => words[id]));
}

// The stored numbers are little-endian, as the host's are on every platform Node runs on in
// practice: then a copy of the bytes is the array, where reading them one by one cost ~8 ms per thread.
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** Per token, its word id and its second id (stored.ts's `rows`, decoded): int16s for fewer than 32,768 words, else int32s. */
export type RowIds = Int16Array | Int32Array;

/** The rows of a stored model of `wordCount` words; throws when they are not whole rows. */
export function decodeRows(json: ContentModelJson, wordCount: number): RowIds {
  const bytes = Buffer.from(json.rows, 'base64');
  const width = wordCount < NARROW_WORDS ? 2 : 4;
  if (bytes.byteLength % (2 * width) !== 0) throw new Error(`content model ${json.id}: rows hold ${bytes.byteLength} bytes, not a whole number of ${2 * width}-byte rows`);
  if (LITTLE_ENDIAN) {
    const own = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    return width === 2 ? new Int16Array(own) : new Int32Array(own);
  }
  const count = bytes.byteLength / width;
  const rows = width === 2 ? new Int16Array(count) : new Int32Array(count);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = 0; i < count; i++) rows[i] = width === 2 ? view.getInt16(i * 2, true) : view.getInt32(i * 4, true);
  return rows;
}

/** The weights of a stored model of `rows` tokens, row by row; throws when their count does not fit. */
export function decodeWeights(json: ContentModelJson, rows: number): Float64Array {
  const bytes = Buffer.from(json.weights, 'base64');
  const count = rows * json.heads.length;
  if (bytes.byteLength !== count * 8) throw new Error(`content model ${json.id}: weights hold ${bytes.byteLength} bytes, expected ${count * 8}`);
  if (LITTLE_ENDIAN) return new Float64Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const weights = new Float64Array(count);
  for (let i = 0; i < count; i++) weights[i] = view.getFloat64(i * 8, true);
  return weights;
}
