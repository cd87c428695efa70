import { describe, expect, it } from 'vitest';
import { loadContentModel, scoreContent, scoreMessageContent } from './model';
import { contentTokens } from './tokens';
import { trainContentModel } from './train';

const tokensOf = (text: string) => contentTokens({ subject: '', text, htmlText: '' });

describe('scoreContent', () => {
  const model = loadContentModel({ id: 't', bias: -1, weights: { verify: 2, password: 1.5, meeting: -2, 'verify your': 0.5 } });

  it('adds the weights of the tokens present to the bias', () => {
    expect(scoreContent(model, tokensOf('verify your password')).score).toBeCloseTo(-1 + 2 + 0.5 + 1.5);
    expect(scoreContent(model, tokensOf('nothing known here')).score).toBe(-1);
  });

  it('names the tokens that pushed hardest in the direction of the score', () => {
    const bad = scoreContent(model, tokensOf('meeting: verify your password'), 2);
    expect(bad.top.map((t) => t.token)).toEqual(['verify', 'password']);
    const good = scoreContent(model, tokensOf('meeting notes'));
    expect(good.top.map((t) => [t.token, t.weight])).toEqual([['meeting', -2]]);
    expect(scoreContent(model, tokensOf('verify'), 0).top).toEqual([]);
  });
});

describe('trainContentModel', () => {
  const docs = [
    ...Array.from({ length: 30 }, (_, i) => ['verify', 'password', `rare${i}`]),
    ...Array.from({ length: 30 }, (_, i) => ['meeting', 'notes', `rare${i + 100}`]),
  ];
  const labels = Uint8Array.from(docs, (_, i) => (i < 30 ? 1 : 0));
  const opts = { epochs: 100, l2: 1e-3, learningRate: 0.05, negativeWeight: 1, minDocuments: 3, minWeight: 0.005 };

  it('learns the direction of each word and leaves out words seen in too few documents', () => {
    const model = trainContentModel('t', docs, labels, opts);
    expect(model.weights.verify).toBeGreaterThan(0);
    expect(model.weights.meeting).toBeLessThan(0);
    expect(Object.keys(model.weights).some((t) => t.startsWith('rare'))).toBe(false);
  });

  it('is deterministic: same documents, byte-identical weights', () => {
    expect(JSON.stringify(trainContentModel('t', docs, labels, opts))).toBe(JSON.stringify(trainContentModel('t', docs, labels, opts)));
  });
});

describe('scoreMessageContent', () => {
  it('agrees with scoreContent over all of the message tokens', () => {
    const model = loadContentModel({ id: 't', bias: 0.5, weights: { verify: 2, 'verify your': 0.5, meeting: -2, 's:urgent': 1 } });
    const message = { subject: 'URGENT urgent', text: 'verify your meeting, verify your account', htmlText: '' };
    expect(scoreMessageContent(model, message)).toEqual(scoreContent(model, contentTokens(message)));
  });
});
