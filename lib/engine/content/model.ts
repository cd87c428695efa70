// The content model: linear heads over the tokens of tokens.ts (one per kind of malicious mail:
// spam, phish), trained by `npm run train` and shipped as lib/engine/rulesets/content-model.json.
// The strongest head's log-odds become the signal message.content_score, which the main model
// weighs like any other feature. See docs/decisions/0008-content-heads-and-length.md.
import { decodeRows, decodeWeights, joinToken, type ContentModelJson } from './stored';
import { contentBody, MAX_BODY_CHARS, MAX_PAIR_WORDS, type ContentToken } from './tokens';
import { indexWords, pairRow, type WordIndex } from './word-index';
import { buildWordTable, scanWords } from './word-table';
import type { ParsedMessage } from '../types';

/**
 * The lookup form: token r is row r (of `rows`); row r's weight for head h is
 * weights[r * heads.length + h]. `index` holds the rows by word, for scoreMessageContent (see
 * word-index.ts): words are looked up straight from the text, and a token's string is built
 * only for evidence (tokenAt): the model keeps no list of token strings. The token → row map
 * that scoreContent needs is built on first use (`byToken`): scoring does not.
 * `seen` is scratch for scoreMessageContent: seen[r] === round marks row r as already counted in
 * the current message. A Set of token strings per message cost more than the lookups themselves.
 */
export type ContentModel = {
  id: string;
  heads: readonly string[];
  bias: readonly number[];
  rows: number;
  byToken?: ReadonlyMap<string, number>;
  index: WordIndex;
  weights: Float64Array;
  seen: { marks: Uint32Array; round: number };
};
export type ContentScore = { score: number; head: string; top: (ContentToken & { weight: number })[] };

// A message of this many token occurrences counts its weights as they are; see lengthFactor.
const REFERENCE_LENGTH = 400;
// Shorter messages count as this long, so a three-word message can't turn one word into a verdict.
const MIN_LENGTH = 50;

/**
 * How much each token counts in a message of `length` token occurrences: √(400 / length), at
 * most √8. A plain sum grows with length, so a long newsletter collected enough mildly "salesy"
 * words to outscore a short pitch; dividing by √length (cosine normalisation of the presence
 * vector) measures how salesy the message is, not how long.
 */
export function lengthFactor(length: number): number {
  return Math.sqrt(REFERENCE_LENGTH / Math.max(length, MIN_LENGTH));
}

/** Builds the lookup form of a stored content model; throws when its weights do not fit its tokens. */
export function loadContentModel(json: ContentModelJson): ContentModel {
  const table = buildWordTable(json.words);
  const index = indexWords(table, decodeRows(json, table.spans.length / 2));
  const rows = index.ids.length / 2;
  return { id: json.id, heads: json.heads, bias: json.bias, rows, index, weights: decodeWeights(json, rows), seen: { marks: new Uint32Array(rows), round: 0 } };
}

/** True when the model has no tokens (an untrained or emptied model scores nothing). */
export function isEmptyContentModel(model: ContentModel): boolean {
  return model.rows === 0;
}

/** Token r of the model, as a string. */
export function tokenAt(model: ContentModel, r: number): string {
  const { table, ids } = model.index;
  const wordOf = (id: number) => table.text.slice(table.spans[2 * id], table.spans[2 * id + 1]);
  return joinToken(wordOf(ids[2 * r]), ids[2 * r + 1], wordOf);
}

/**
 * scoreContent over a message's tokens, without materialising the tokens the model does not
 * know (most of them): known tokens are de-duplicated by row and kept as spans, and only the
 * evidence tokens become strings (a known token's string is its row's, tokenAt).
 */
export function scoreMessageContent(model: ContentModel, message: Pick<ParsedMessage, 'subject' | 'text' | 'htmlText'>, limit = 5): ContentScore {
  // Per known token: its row, and its span in the subject (the first `inSubject`) or the body.
  const rows: number[] = [];
  const spans: number[] = [];
  const seen = model.seen;
  // A fresh round number makes every mark stale at once; wrap-around (after 4 billion messages) clears them.
  if (++seen.round === 0xffffffff) {
    seen.marks.fill(0);
    seen.round = 1;
  }
  const round = seen.round;
  const note = (r: number, start: number, end: number) => {
    seen.marks[r] = round;
    rows.push(r);
    spans.push(start, end);
  };
  const { table, row, subjectRow, pairs } = model.index;
  const subject = message.subject;
  let length = 0;
  scanWords(subject, subject.length, table, (start, end, id) => {
    length++;
    const r = id >= 0 ? subjectRow[id] : -1;
    if (r >= 0 && seen.marks[r] !== round) note(r, start, end);
  });
  const inSubject = rows.length;
  const { place, body } = contentBody(message);
  let words = 0;
  let prevId = -1;
  let prevStart = 0;
  scanWords(body, Math.min(body.length, MAX_BODY_CHARS), table, (start, end, id) => {
    length++;
    const r = id >= 0 ? row[id] : -1;
    if (r >= 0 && seen.marks[r] !== round) note(r, start, end);
    if (words > 0 && words < MAX_PAIR_WORDS) {
      length++;
      const p = id >= 0 && prevId >= 0 ? pairRow(pairs, prevId, id) : -1;
      if (p >= 0 && seen.marks[p] !== round) note(p, prevStart, end);
    }
    prevId = id;
    prevStart = start;
    words++;
  });
  const { score, head, top } = scoreRows(model, rows, length, limit);
  return {
    score,
    head,
    top: top.map(({ index, weight }) => ({ token: tokenAt(model, rows[index]), place: index < inSubject ? 'subject' : place, start: spans[2 * index], end: spans[2 * index + 1], weight })),
  };
}

/**
 * Log-odds of malicious content: for each head, bias + lengthFactor(length) × Σ weights of the
 * distinct tokens present; the score is the strongest head's. Evidence is the `limit` tokens that
 * pushed that head hardest in the score's direction, each with its contribution.
 */
export function scoreContent(model: ContentModel, tokens: readonly ContentToken[], length: number, limit = 5): ContentScore {
  model.byToken ??= new Map(Array.from({ length: model.rows }, (_, r) => [tokenAt(model, r), r]));
  const byToken = model.byToken;
  const { score, head, top } = scoreRows(
    model,
    tokens.map((t) => byToken.get(t.token) ?? -1),
    length,
    limit,
  );
  return { score, head, top: top.map(({ index, weight }) => ({ ...tokens[index], weight })) };
}

/** scoreContent once each token's row is known (-1: not in the model); `top` indexes into rows. */
function scoreRows(model: ContentModel, rows: readonly number[], length: number, limit: number): { score: number; head: string; top: { index: number; weight: number }[] } {
  const k = model.heads.length;
  if (k === 0) return { score: 0, head: '', top: [] };
  const sums = new Float64Array(k);
  for (const r of rows) if (r >= 0) for (let h = 0; h < k; h++) sums[h] += model.weights[r * k + h];
  const factor = lengthFactor(length);
  let head = 0;
  for (let h = 1; h < k; h++) if (model.bias[h] + factor * sums[h] > model.bias[head] + factor * sums[head]) head = h;
  const score = model.bias[head] + factor * sums[head];
  if (limit <= 0) return { score, head: model.heads[head], top: [] };
  const contribution = (i: number) => (rows[i] >= 0 ? factor * model.weights[rows[i] * k + head] : 0);
  const top = strongest(rows.length, contribution, score >= model.bias[head] ? 1 : -1, limit);
  return { score, head: model.heads[head], top: top.map((index) => ({ index, weight: contribution(index) })) };
}

/** Indices of the `limit` items whose contribution × sign is largest and positive (insertion into a short sorted list). */
function strongest(count: number, contribution: (i: number) => number, sign: number, limit: number): number[] {
  const top: number[] = [];
  const pulls: number[] = [];
  for (let i = 0; i < count; i++) {
    const pull = contribution(i) * sign;
    if (pull <= 0 || (top.length === limit && pull <= pulls[limit - 1])) continue;
    let at = top.length;
    while (at > 0 && pulls[at - 1] < pull) at--;
    top.splice(at, 0, i);
    pulls.splice(at, 0, pull);
    if (top.length > limit) {
      top.pop();
      pulls.pop();
    }
  }
  return top;
}
