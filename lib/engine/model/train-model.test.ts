import { describe, expect, it } from 'vitest';
import { TEST_CATALOG } from '../rules/fixtures/test-catalog';
import { createLayout } from '../rules/layout';
import { assignFolds, createRng } from './rng';
import { buildRows, DEFAULT_TRAIN_OPTIONS, selectFeatures, toModelWeights, trainHeads, type Example, type Label } from './train-model';

// A synthetic corpus: phish tends to have mismatched links, spam many links, ham neither.
function syntheticExamples(seed: number, n: number): Example[] {
  const layout = createLayout(TEST_CATALOG);
  const rng = createRng(seed);
  const labels: Label[] = ['phish', 'spam', 'ham'];
  return Array.from({ length: n }, (_, i) => {
    const label = labels[i % 3];
    const num = new Float64Array(layout.numNames.length);
    const slot = (name: string) => layout.slots.get(name)!.index;
    num[slot('message.link_text_mismatch')] = label === 'phish' ? (rng() < 0.8 ? 1 : 0) : rng() < 0.05 ? 1 : 0;
    num[slot('message.link_count')] = Math.floor(rng() * (label === 'spam' ? 30 : 4));
    num[slot('message.urgency_ratio')] = rng() * (label === 'ham' ? 0.2 : 0.6);
    return { packed: { num, str: new Array(layout.strNames.length).fill('') }, label };
  });
}

function trainOnce(examples: Example[]): string {
  const layout = createLayout(TEST_CATALOG);
  const features = selectFeatures(TEST_CATALOG, layout);
  const rows = buildRows(examples, features);
  const heads = trainHeads(rows, examples.map((e) => e.label), features.length, { ...DEFAULT_TRAIN_OPTIONS, epochs: 150 });
  return JSON.stringify(toModelWeights('test', heads, features, { examples: examples.length, folds: 1, seed: 1, epochs: 150, l2: DEFAULT_TRAIN_OPTIONS.l2 }));
}

describe('model training', () => {
  it('is deterministic: same input, byte-identical weights', () => {
    const a = trainOnce(syntheticExamples(7, 300));
    const b = trainOnce(syntheticExamples(7, 300));
    expect(a).toBe(b);
  });

  it('learns the indicative features and only uses message-level signals', () => {
    const weights = JSON.parse(trainOnce(syntheticExamples(7, 600)));
    const mal = Object.fromEntries(weights.heads.malicious.features.map((f: { signal: string; weight: number }) => [f.signal, f.weight]));
    expect(mal['message.link_text_mismatch']).toBeGreaterThan(0);
    expect(mal['message.urgency_ratio']).toBeGreaterThan(0);
    const atk = Object.fromEntries(weights.heads.attack.features.map((f: { signal: string; weight: number }) => [f.signal, f.weight]));
    expect(atk['message.link_text_mismatch']).toBeGreaterThan(0);
    expect(atk['message.link_count']).toBeLessThan(0);
    expect(weights.heads.malicious.features.every((f: { signal: string }) => f.signal.startsWith('message.'))).toBe(true);
  });

  it('assigns stratified, reproducible folds', () => {
    const labels = Array.from({ length: 100 }, (_, i) => (i % 4 === 0 ? 'phish' : 'ham'));
    const a = assignFolds(labels, 5, 3);
    expect(Array.from(a)).toEqual(Array.from(assignFolds(labels, 5, 3)));
    for (let f = 0; f < 5; f++) expect(labels.filter((l, i) => l === 'phish' && a[i] === f).length).toBe(5);
  });
});
