import fc from 'fast-check';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileDefaultPlan } from '../index';
import type { ScoringContext } from '../types';
import { scoreMessage } from './score-message';

const CORPUS = resolve(import.meta.dirname, '../../../../shared/corpus/messages');
const context: ScoringContext = {
  tenant: { slug: 'northwind', domains: ['northwind.example'], vips: [{ name: 'Alex Morgan', addresses: ['ceo@northwind.example'] }] },
  recipient: 'ceo@northwind.example',
  sender: null,
  recipientStats: null,
};

// A handful of real messages to mutate (read as bytes only; nothing in them is opened or fetched).
const seeds: Uint8Array[] = existsSync(CORPUS)
  ? readdirSync(CORPUS).sort().filter((_, i) => i % 400 === 0).map((f) => new Uint8Array(readFileSync(join(CORPUS, f))))
  : [new TextEncoder().encode('From: a@b.example\r\nSubject: hi\r\n\r\nbody\r\n')];

const mutated = fc.tuple(fc.integer({ min: 0, max: seeds.length - 1 }), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 20 }), fc.nat(), fc.boolean()).map(([s, flips, cut, truncate]) => {
  const bytes = seeds[s].slice();
  for (const [pos, value] of flips) bytes[pos % Math.max(bytes.length, 1)] = value;
  return truncate ? bytes.slice(0, cut % (bytes.length + 1)) : bytes;
});

describe('scoreMessage robustness', () => {
  const plan = compileDefaultPlan();

  it('never throws on random, mutated or truncated input', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.uint8Array({ maxLength: 2000 }), mutated, fc.string().map((s) => new TextEncoder().encode(s))), async (raw) => {
        const result = await scoreMessage(raw, context, plan);
        if (result.ok) expect(['attack', 'spam', 'graymail', 'safe']).toContain(result.decision.verdict);
        else expect(typeof result.error.code).toBe('string');
      }),
      { numRuns: 150, seed: 42 },
    );
  });
});
