import { corpusDir } from '@/lib/testing/corpus';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseMessage } from '../parse';
import type { ScoringContext } from '../types';
import { SIGNALS } from './catalog';
import { extractSignals } from './index';

const DIR = corpusDir;

describe.skipIf(!existsSync(join(DIR, 'manifest.jsonl')))('signals over the corpus', () => {
  it('extracts a complete SignalSet from every message without throwing', async () => {
    const entries = readFileSync(join(DIR, 'manifest.jsonl'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { path: string; tenant: string; recipient: string });
    const problems: string[] = [];
    for (const e of entries) {
      const parsed = await parseMessage(readFileSync(join(DIR, e.path)));
      if (!parsed.ok) continue; // the parse corpus test reports these
      const context: ScoringContext = {
        tenant: { slug: e.tenant, domains: [`${e.tenant}.example`], vips: [{ name: 'Dana Kim', addresses: [`dana.kim@${e.tenant}.example`] }] },
        recipient: e.recipient,
        sender: null,
        recipientStats: null,
      };
      try {
        const set = extractSignals(parsed.message, context);
        const missing = SIGNALS.filter((s) => set.values[s.name] === undefined);
        if (missing.length > 0) problems.push(`${e.path}: missing ${missing[0].name}`);
      } catch (err) {
        problems.push(`${e.path}: ${String(err)}`);
      }
    }
    expect(problems).toEqual([]);
  }, 180_000);
});
