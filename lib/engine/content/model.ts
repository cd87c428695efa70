// The content model: a linear model over the tokens of tokens.ts, trained by `npm run train`
// and shipped as lib/engine/rulesets/content-model.json. Its log-odds become the signal
// message.content_score, which the main model weighs like any other feature.
import { visitTokens, type ContentToken } from './tokens';
import type { ParsedMessage } from '../types';

/** The stored form: token → weight, plus the bias. */
export type ContentModelJson = { id: string; bias: number; weights: Record<string, number>; training?: Record<string, number> };
export type ContentModel = { id: string; bias: number; weights: ReadonlyMap<string, number> };
export type ContentScore = { score: number; top: (ContentToken & { weight: number })[] };

/** Builds the lookup form of a stored content model. */
export function loadContentModel(json: ContentModelJson): ContentModel {
  return { id: json.id, bias: json.bias, weights: new Map(Object.entries(json.weights)) };
}

/**
 * scoreContent over a message's tokens, without materialising the tokens the model does not
 * know (most of them): only known tokens are de-duplicated and kept for evidence.
 */
export function scoreMessageContent(model: ContentModel, message: Pick<ParsedMessage, 'subject' | 'text' | 'htmlText'>, limit = 5): ContentScore {
  const known: ContentToken[] = [];
  const seen = new Set<string>();
  visitTokens(message, (token, place, start, end) => {
    if (!model.weights.has(token) || seen.has(token)) return;
    seen.add(token);
    known.push({ token, place, start, end });
  });
  return scoreContent(model, known, limit);
}

/**
 * Log-odds of malicious content: bias + Σ weights of the tokens present (each counted once),
 * with the `limit` tokens that pushed hardest in the score's direction, as evidence.
 */
export function scoreContent(model: ContentModel, tokens: readonly ContentToken[], limit = 5): ContentScore {
  let score = model.bias;
  const weights = new Float64Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) {
    const w = model.weights.get(tokens[i].token) ?? 0;
    weights[i] = w;
    score += w;
  }
  if (limit <= 0) return { score, top: [] };
  // Insertion into a short sorted list: a message has hundreds of tokens and we keep five.
  const sign = score >= model.bias ? 1 : -1;
  const top: (ContentToken & { weight: number })[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const pull = weights[i] * sign;
    if (pull <= 0 || (top.length === limit && pull <= top[limit - 1].weight * sign)) continue;
    let at = top.length;
    while (at > 0 && top[at - 1].weight * sign < pull) at--;
    top.splice(at, 0, { ...tokens[i], weight: weights[i] });
    if (top.length > limit) top.pop();
  }
  return { score, top };
}
