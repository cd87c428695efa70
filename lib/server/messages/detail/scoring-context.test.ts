import { describe, expect, it } from 'vitest';
import { extractSignals, parseMessage, type ScoringContext } from '@/lib/engine';
import { readCorpusMessage, readManifest } from '../test-support';
import { contextAtArrival } from './scoring-context';

// Re-scoring rebuilds the arrival context from the stored signals; it must give back exactly
// the signals the engine saw, or "Re-score now" would report changes that are only artefacts.

const tenant = { slug: 't', domains: ['northwind.example'], vips: [{ name: 'Ada Lovelace', addresses: ['ada@northwind.example'] }] };
const contexts: Omit<ScoringContext, 'tenant'>[] = [
  { recipient: 'finance@northwind.example', sender: null, recipientStats: null },
  { recipient: 'ada@northwind.example', sender: { addressMessages: 0, domainMessages: 4, firstSeenDaysAgo: 0, flaggedShare: 0.5, correctedSafeShare: 0 }, recipientStats: { messages: 9, firstTimeSenderShare: 1 / 3, safeShare: 0.7 } },
  { recipient: 'x@northwind.example', sender: { addressMessages: 12, domainMessages: 30, firstSeenDaysAgo: 41.7, flaggedShare: 0.25, correctedSafeShare: 0.1 }, recipientStats: { messages: 1, firstTimeSenderShare: 1, safeShare: 0 } },
];

describe('contextAtArrival', () => {
  it('round-trips the sender and recipient signals of corpus messages', async () => {
    const entries = readManifest().filter((_, i) => i % 97 === 0).slice(0, 30);
    for (const [i, entry] of entries.entries()) {
      const parsed = await parseMessage(readCorpusMessage(entry));
      if (!parsed.ok) continue;
      const original = { tenant, ...contexts[i % contexts.length] };
      const signals = extractSignals(parsed.message, original);
      const again = extractSignals(parsed.message, contextAtArrival(signals, tenant, original.recipient));
      expect(again).toEqual(signals);
    }
  });
});
