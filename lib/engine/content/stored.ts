// The content model as shipped (lib/engine/rulesets/content-model.json) and as training makes it.
// The shipped file lists its tokens and packs their weights as base64 float64s: every process
// that scores loads the model, and as a 43,000-key object of small arrays the file took ~0.2 s
// per thread to parse and index, where this takes ~0.05 s. The values are the same doubles.
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
 * The stored form. `tokens` in row order; `weights` is base64 of little-endian float64s, row by
 * row, one per head: token r's weight for head h is value r × heads.length + h.
 */
export type ContentModelJson = {
  id: string;
  heads: string[];
  bias: number[];
  training?: Record<string, number>;
  tokens: string[];
  weights: string;
};

/** Packs a trained model into its stored form (a head missing from a token's list weighs 0). */
export function encodeContentModel(model: ContentWeights): ContentModelJson {
  const tokens = Object.keys(model.weights);
  const k = model.heads.length;
  const view = new DataView(new ArrayBuffer(tokens.length * k * 8));
  tokens.forEach((token, r) => {
    const w = model.weights[token];
    for (let h = 0; h < k; h++) view.setFloat64((r * k + h) * 8, w[h] ?? 0, true);
  });
  const stored: ContentModelJson = { id: model.id, heads: [...model.heads], bias: [...model.bias], tokens, weights: Buffer.from(view.buffer).toString('base64') };
  return model.training ? { ...stored, training: model.training } : stored;
}

// The stored doubles are little-endian, as the host's are on every platform Node runs on in
// practice: then a copy of the bytes is the array, where reading them one by one cost ~8 ms per thread.
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** The weights of a stored model, row by row; throws when their count does not fit the token list. */
export function decodeWeights(json: ContentModelJson): Float64Array {
  const bytes = Buffer.from(json.weights, 'base64');
  const count = json.tokens.length * json.heads.length;
  if (bytes.byteLength !== count * 8) throw new Error(`content model ${json.id}: weights hold ${bytes.byteLength} bytes, expected ${count * 8}`);
  if (LITTLE_ENDIAN) return new Float64Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const weights = new Float64Array(count);
  for (let i = 0; i < count; i++) weights[i] = view.getFloat64(i * 8, true);
  return weights;
}
