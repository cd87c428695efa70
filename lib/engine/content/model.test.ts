import { corpusMessagesDir } from '@/lib/testing/corpus';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseMessage } from '../parse';
import shipped from '../rulesets/content-model.json';
import { lengthFactor, loadContentModel, scoreContent, scoreMessageContent } from './model';
import { encodeContentModel, type ContentModelJson } from './stored';
import { contentDocument } from './tokens';
import { trainContentModel } from './train';

const documentOf = (text: string) => contentDocument({ subject: '', text, htmlText: '' });
const scoreText = (model: ReturnType<typeof loadContentModel>, text: string, limit?: number) => {
  const doc = documentOf(text);
  return scoreContent(model, doc.tokens, doc.length, limit);
};

describe('scoreContent', () => {
  // Heads: spam, phish. Lengths set to 400 tokens where only the sum is under test (factor 1).
  const model = loadContentModel(
    encodeContentModel({
      id: 't', heads: ['spam', 'phish'], bias: [-1, -2],
      weights: { verify: [0, 2], password: [0, 1.5], meeting: [-2, -2], 'verify your': [0, 0.5], cheap: [3, 0] },
    }),
  );

  it('adds the weights of the tokens present to the bias and keeps the strongest head', () => {
    const doc = documentOf('verify your password');
    const phish = scoreContent(model, doc.tokens, 400);
    expect(phish).toMatchObject({ head: 'phish' });
    expect(phish.score).toBeCloseTo(-2 + 2 + 0.5 + 1.5);
    const spam = scoreContent(model, documentOf('cheap password').tokens, 400);
    expect(spam).toMatchObject({ head: 'spam', score: 2 });
    expect(scoreContent(model, documentOf('nothing known here').tokens, 400)).toMatchObject({ head: 'spam', score: -1 });
  });

  it('scales the sum by √(400 / length): the same words count less in a longer message', () => {
    expect(lengthFactor(400)).toBe(1);
    expect(lengthFactor(100)).toBe(2);
    // Messages shorter than 50 tokens count as 50 long.
    expect(lengthFactor(3)).toBe(lengthFactor(50));
    expect(lengthFactor(50)).toBeCloseTo(Math.sqrt(8));
    const cheap = documentOf('cheap');
    expect(scoreContent(model, cheap.tokens, 100).score).toBeCloseTo(-1 + 2 * 3);
    expect(scoreContent(model, cheap.tokens, 1600).score).toBeCloseTo(-1 + 0.5 * 3);
  });

  it("names the tokens that pushed the winning head hardest, with their scaled contributions", () => {
    const bad = scoreText(model, 'meeting: verify your password', 2);
    expect(bad.head).toBe('phish');
    const factor = lengthFactor(documentOf('meeting: verify your password').length);
    expect(bad.top.map((t) => [t.token, t.weight])).toEqual([['verify', 2 * factor], ['password', 1.5 * factor]]);
    const good = scoreText(model, 'meeting notes');
    expect(good.top.map((t) => t.token)).toEqual(['meeting']);
    expect(good.top[0].weight).toBeLessThan(0);
    expect(scoreText(model, 'verify', 0).top).toEqual([]);
  });

  it('scores 0 with no heads', () => {
    expect(scoreText(loadContentModel(encodeContentModel({ id: 'e', heads: [], bias: [], weights: {} })), 'verify')).toEqual({ score: 0, head: '', top: [] });
  });
});

describe('trainContentModel', () => {
  const doc = (tokens: string[]) => ({ tokens, length: tokens.length });
  const docs = [
    ...Array.from({ length: 30 }, (_, i) => doc(['verify', 'password', `rare${i}`])),
    ...Array.from({ length: 30 }, (_, i) => doc(['cheap', 'pills', `rare${i + 50}`])),
    ...Array.from({ length: 30 }, (_, i) => doc(['meeting', 'notes', `rare${i + 100}`])),
  ];
  const labels = docs.map((_, i) => (i < 30 ? 'phish' : i < 60 ? 'spam' : 'ham'));
  const opts = { epochs: 100, l2: 1e-3, learningRate: 0.05, negativeWeight: 1, minDocuments: 3, minWeight: 0.005 };

  it('learns each head against ham only and leaves out words seen in too few documents', () => {
    const model = trainContentModel('t', docs, labels, ['spam', 'phish'], opts);
    expect(model.heads).toEqual(['spam', 'phish']);
    const [spamPills, phishPills] = model.weights.pills;
    expect(spamPills).toBeGreaterThan(0);
    // The phish head never saw spam: its words are unknown to it, not evidence either way.
    expect(phishPills).toBe(0);
    expect(model.weights.verify[1]).toBeGreaterThan(0);
    expect(model.weights.meeting.every((w) => w < 0)).toBe(true);
    expect(Object.keys(model.weights).some((t) => t.startsWith('rare'))).toBe(false);
  });

  it('is deterministic: same documents, byte-identical weights', () => {
    const train = () => JSON.stringify(trainContentModel('t', docs, labels, ['spam', 'phish'], opts));
    expect(train()).toBe(train());
  });
});

describe('scoreMessageContent', () => {
  it('agrees with scoreContent over all of the message tokens and their count', () => {
    const model = loadContentModel(encodeContentModel({ id: 't', heads: ['spam', 'phish'], bias: [0.5, 0], weights: { verify: [0, 2], 'verify your': [0.1, 0.5], meeting: [-2, -1], 's:urgent': [1, 0] } }));
    const message = { subject: 'URGENT urgent', text: 'verify your meeting, verify your account', htmlText: '' };
    const doc = contentDocument(message);
    expect(scoreMessageContent(model, message)).toEqual(scoreContent(model, doc.tokens, doc.length));
    // Tokens counted in one message are counted again in the next.
    expect(scoreMessageContent(model, message)).toEqual(scoreMessageContent(model, message));
  });

  it('finds pairs whose words the model does not know alone, and subject words only as subject tokens', () => {
    const model = loadContentModel(encodeContentModel({ id: 't', heads: ['spam'], bias: [0], weights: { 'wire transfer': [2], 's:invoice': [1], 'transfer today': [0.5] } }));
    const message = { subject: 'Invoice transfer', text: 'invoice: wire transfer today, wire it', htmlText: '' };
    const doc = contentDocument(message);
    const result = scoreMessageContent(model, message);
    expect(result).toEqual(scoreContent(model, doc.tokens, doc.length));
    expect(result.top.map((t) => t.token)).toEqual(['wire transfer', 's:invoice', 'transfer today']);
  });

  // The scorer looks words up without building token strings; the corpus and the shipped model
  // hold it to the token-string path that training uses (every third message keeps this quick).
  it.skipIf(!existsSync(corpusMessagesDir))('agrees with scoreContent on corpus messages under the shipped model', async () => {
    const model = loadContentModel(shipped as ContentModelJson);
    const files = readdirSync(corpusMessagesDir).sort().filter((_, i) => i % 3 === 0);
    let compared = 0;
    for (const file of files) {
      const parsed = await parseMessage(readFileSync(join(corpusMessagesDir, file)));
      if (!parsed.ok) continue;
      const doc = contentDocument(parsed.message);
      expect(scoreMessageContent(model, parsed.message), file).toEqual(scoreContent(model, doc.tokens, doc.length));
      compared++;
    }
    expect(compared).toBeGreaterThan(1000);
  }, 120_000);
});
